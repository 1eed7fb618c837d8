import NNCore
import NNFiles

/// A parsed CSV file: its numeric feature columns as a matrix, and where the label fields are
/// (labels are interpreted later, as classes or as numbers).
struct CSVTable {
    let file: String
    let records: CSVRecords
    /// The column names when the file has a header.
    let header: [String]?
    /// The records holding data (after the header).
    let dataRecords: Range<Int>
    /// The label column (classification) or the target columns (regression), in the order asked for.
    let labelColumns: [Int]
    var labelColumn: Int { labelColumns[0] }
    let features: Matrix

    init(_ bytes: [UInt8], file: String, options: CSVFile.Options) throws(InputError) {
        let delimiter = options.delimiter
        precondition(delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\n") && delimiter != UInt8(ascii: "\r"),
                     "a CSV delimiter cannot be a quote or a line break")
        let records = try CSVRecords(bytes, delimiter: delimiter, file: file)
        guard records.count > 0 else {
            throw InputError(file: file, message: "expected lines of comma-separated values, received an empty file")
        }
        let width = records.fieldCount(0)
        guard width >= 2 else {
            throw InputError(file: file, line: records.lines[0], message:
                "expected at least 2 columns (features and a label) separated by \"\(Character(Unicode.Scalar(delimiter)))\", received 1")
        }
        // The label (or target) columns, in the order given; resolved by index now, by name once the header is known.
        let wanted = options.targets ?? [options.label]
        var resolved = [Int?](repeating: nil, count: wanted.count)
        for (i, column) in wanted.enumerated() {
            if case .index(let index) = column {
                let k = index < 0 ? width + index : index
                guard k >= 0 && k < width else {
                    throw InputError(file: file, field: "label", message: "expected a 0-based column index from \(-width) to \(width - 1) (negative counts from the end), received \(index)")
                }
                resolved[i] = k
            }
        }
        let byName = wanted.contains { if case .name = $0 { true } else { false } }
        let hasHeader: Bool
        switch options.header {
        case .present: hasHeader = true
        case .absent: hasHeader = false
        case .automatic:
            if byName {
                hasHeader = true
            } else {
                hasHeader = records.bytes.withUnsafeBufferPointer { buffer in
                    (0..<width).contains { column in
                        let k = records.recordStarts[0] + column
                        return !resolved.contains(column) && NumberParser.double(buffer, records.fieldStarts[k], records.fieldEnds[k]) == nil
                    }
                }
            }
        }
        let header = hasHeader ? (0..<width).map { records.text(0, $0) } : nil
        for (i, column) in wanted.enumerated() {
            guard case .name(let name) = column else { continue }
            guard hasHeader, let header else {
                throw InputError(file: file, field: "label", message: "expected a header line to find column \"\(name)\", received none")
            }
            guard let index = header.firstIndex(where: { $0.trimmingBlanks == name }) else {
                throw InputError(file: file, line: records.lines[0], field: "label",
                                 message: "expected a column named \"\(name)\", received \(header.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            resolved[i] = index
        }
        let labelColumns = resolved.compactMap { $0 }
        guard labelColumns.count == wanted.count else { preconditionFailure("every label column is resolved above") }
        if let repeated = labelColumns.enumerated().first(where: { labelColumns[..<$0.offset].contains($0.element) })?.element {
            let name = header.map { "\"\($0[repeated].trimmingBlanks)\" (index \(repeated))" } ?? "index \(repeated)"
            throw InputError(file: file, field: "label", message: "expected distinct target columns, received \(name) twice")
        }
        guard width - labelColumns.count >= 1 else {
            throw InputError(file: file, line: records.lines[0], field: "label",
                             message: "expected at least one feature column beside the \(labelColumns.count) target columns, received \(width) columns in all")
        }
        let dataRecords = (hasHeader ? 1 : 0)..<records.count
        guard !dataRecords.isEmpty else {
            throw InputError(file: file, message: "expected at least one data line after the header, received none")
        }

        // The features, parsed from bytes straight into the matrix.
        let featureWidth = width - labelColumns.count
        var elements = [Double](repeating: 0, count: dataRecords.count * featureWidth)
        var failure: InputError?
        records.bytes.withUnsafeBufferPointer { buffer in
            elements.withUnsafeMutableBufferPointer { output in
                var o = 0
                for record in dataRecords {
                    guard records.fieldCount(record) == width else {
                        failure = InputError(file: file, line: records.lines[record], message:
                            "expected \(width) fields (as on line \(records.lines[0])), received \(records.fieldCount(record))")
                        return
                    }
                    let first = records.recordStarts[record]
                    for column in 0..<width where !labelColumns.contains(column) {
                        let k = first + column
                        guard let value = NumberParser.double(buffer, records.fieldStarts[k], records.fieldEnds[k]) else {
                            let text = records.text(record, column)
                            failure = InputError(file: file, line: records.lines[record], field: CSVTable.columnName(column, header),
                                                 message: "expected a finite number, received \(CSVTable.quoted(text))")
                            return
                        }
                        output[o] = value
                        o += 1
                    }
                }
            }
        }
        if let failure { throw failure }
        self.file = file
        self.records = records
        self.header = header
        self.dataRecords = dataRecords
        self.labelColumns = labelColumns
        self.features = Matrix(rows: dataRecords.count, columns: featureWidth, elements: elements)
    }

    /// The target columns as numbers (regression targets), one matrix column each.
    func numericLabels() throws(InputError) -> Matrix {
        var values = [Double]()
        values.reserveCapacity(dataRecords.count * labelColumns.count)
        for record in dataRecords {
            for column in labelColumns {
                let k = records.recordStarts[record] + column
                let value = records.bytes.withUnsafeBufferPointer { NumberParser.double($0, records.fieldStarts[k], records.fieldEnds[k]) }
                guard let value else { throw labelError(record, column, "expected a finite number") }
                values.append(value)
            }
        }
        return Matrix(rows: dataRecords.count, columns: labelColumns.count, elements: values)
    }

    /// The label column as class indices and the class names (rules in `CSVFile`).
    func classLabels(order: CSVFile.ClassOrder, classCount: Int?) throws(InputError) -> ([Int], [String]) {
        var integers = [Int]()
        integers.reserveCapacity(dataRecords.count)
        var allIntegers = true
        for record in dataRecords {
            let k = records.recordStarts[record] + labelColumn
            let value = records.bytes.withUnsafeBufferPointer { NumberParser.integer($0, records.fieldStarts[k], records.fieldEnds[k]) }
            if let value { integers.append(value) } else { allIntegers = false; break }
        }
        if let classCount {
            guard classCount >= 1 else {
                throw InputError(file: file, field: "classCount", message: "expected at least 1 class, received \(classCount)")
            }
            for (offset, record) in dataRecords.enumerated() {
                guard offset < integers.count, (0..<classCount).contains(integers[offset]) else {
                    throw labelError(record, nil, "expected a class index in 0..<\(classCount)")
                }
            }
            return (integers, (0..<classCount).map(String.init))
        }
        if allIntegers && order != .firstAppearance {
            let classes = Array(Set(integers)).sorted()
            let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            return (integers.map { index[$0] ?? 0 }, classes.map(String.init))
        }
        var names = [String]()
        var index = [String: Int]()
        var labels = [Int]()
        labels.reserveCapacity(dataRecords.count)
        for record in dataRecords {
            let name = records.text(record, labelColumn).trimmingBlanks
            guard !name.isEmpty else { throw labelError(record, nil, "expected a class label") }
            if let known = index[name] {
                labels.append(known)
            } else {
                index[name] = names.count
                labels.append(names.count)
                names.append(name)
            }
        }
        if order == .sorted {
            let sortedNames = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            let newIndex = Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($1, $0) })
            return (labels.map { newIndex[names[$0]] ?? 0 }, sortedNames)
        }
        return (labels, names)
    }

    private func labelError(_ record: Int, _ column: Int? = nil, _ expected: String) -> InputError {
        let column = column ?? labelColumn
        return InputError(file: file, line: records.lines[record], field: CSVTable.columnName(column, header),
                          message: "\(expected), received \(CSVTable.quoted(records.text(record, column)))")
    }

    /// "column 3" (1-based, as a spreadsheet counts) or the header's name for it.
    static func columnName(_ column: Int, _ header: [String]?) -> String {
        if let name = header?[column].trimmingBlanks, !name.isEmpty { return "column \(column + 1) (\"\(name)\")" }
        return "column \(column + 1)"
    }

    static func quoted(_ text: String) -> String {
        text.isEmpty ? "an empty field" : "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
