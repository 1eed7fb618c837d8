import NNFiles

/// A per-epoch training history written by another framework: Keras's `CSVLogger` CSV (`epoch,loss,
/// accuracy,val_loss,…`, one row per epoch, `epoch` from 0) or JSON `{"loss": […], "val_loss": […]}`
/// (Keras's `history.history`). Values are read as float64; `nan`/`inf` cells (a run that diverged) are kept,
/// and the `val_` columns Keras's CSVLogger fills with `NA` when there is no validation are left out.
public enum HistoryFile {
    /// Series by key, in the file's order; every series has one value per epoch.
    public static func load(_ path: String, budget: MemoryBudget = MemoryBudget()) throws(InputError) -> [(key: String, values: [Double])] {
        path.lowercased().hasSuffix(".json") ? try json(path, budget: budget) : try csv(path)
    }

    /// The most epochs a history file may hold.
    public static let maximumEpochs = 10_000_000

    static func csv(_ path: String) throws(InputError) -> [(key: String, values: [Double])] {
        let bytes = try TextFile.read(path)
        guard !bytes.prefix(4096).contains(0) else {
            throw InputError(file: path, message: "expected a text file (a CSVLogger .csv or a JSON history), received binary data")
        }
        let records = try CSVRecords(bytes, delimiter: UInt8(ascii: bytes.contains(UInt8(ascii: ";")) && !bytes.contains(UInt8(ascii: ",")) ? ";" : ","), file: path)
        guard records.count >= 2 else {
            throw InputError(file: path, message: "expected a header (epoch,loss,…) and at least one epoch, received \(records.count) line\(records.count == 1 ? "" : "s")")
        }
        let header = (0..<records.fieldCount(0)).map { records.text(0, $0).trimmingCharacters(in: .whitespaces) }
        guard header.contains("loss") else {
            throw InputError(file: path, line: records.lines[0], message: "expected a header with a loss column (Keras's CSVLogger: epoch,loss,…), received \(header.joined(separator: ","))")
        }
        guard records.count - 1 <= maximumEpochs else { throw InputError(file: path, message: "expected at most \(maximumEpochs) epochs, received \(records.count - 1)") }
        var series = header.map { (key: $0, values: [Double]()) }
        for record in 1..<records.count {
            guard records.fieldCount(record) == header.count else {
                throw InputError(file: path, line: records.lines[record], message: "expected \(header.count) values (\(header.joined(separator: ","))), received \(records.fieldCount(record))")
            }
            for column in header.indices {
                let text = records.text(record, column).trimmingCharacters(in: .whitespaces)
                guard let value = number(text) else {
                    throw InputError(file: path, line: records.lines[record], field: header[column], message: "expected a number, received \"\(DisplayText.shortened(text, limit: 40))\"")
                }
                series[column].values.append(value)
            }
        }
        if let epoch = series.first(where: { $0.key == "epoch" }) {
            for (i, value) in epoch.values.enumerated() where value != Double(i) && value != Double(i + 1) {
                throw InputError(file: path, line: records.lines[i + 1], field: "epoch", message: "expected epochs in order from 0 (Keras) or 1, received \(DisplayText.number(value)) in row \(i + 1)")
            }
        }
        // Keras's CSVLogger writes val_ columns even without validation, filled with NA: such a column is no series.
        return series.filter { $0.key != "epoch" && !$0.values.allSatisfy(\.isNaN) }
    }

    static func json(_ path: String, budget: MemoryBudget) throws(InputError) -> [(key: String, values: [Double])] {
        let root = try TextFile.readJSON(path, budget: budget)
        var object = try root.anyObject()
        // Keras's `history.history`, or an object holding it (`{"history": {…}}`, as nnlab train --json writes).
        if !object.has("loss"), let inner = object.optional("history") { object = try inner.anyObject() }
        guard object.has("loss") else { throw root.error("expected a history object with a \"loss\" list (Keras's history.history), received \(root.value.summary)") }
        guard case .object(let members) = object.field.value.kind else { return [] }
        var series: [(key: String, values: [Double])] = []
        for member in members {
            guard let field = object.optional(member.key) else { continue }
            var values: [Double] = []
            for item in try field.array() {
                if case .null = item.value.kind { values.append(.nan); continue }
                values.append(try item.number())
            }
            guard values.count == series.first?.values.count ?? values.count else {
                throw field.error("expected \(series[0].values.count) values (one per epoch, as \(series[0].key) has), received \(values.count)")
            }
            series.append((member.key, values))
        }
        return series
    }

    /// A number as Python writes it: digits, or nan / inf / -inf; NA or an empty cell (CSVLogger's missing value) is NaN.
    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case "nan", "na", "": return .nan
        case "inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Double(text)
        }
    }
}
