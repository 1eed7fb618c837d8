import NNCore
import NNData
import NNFiles
import NNRuns

/// A student's own run beside an experiment (`external:` in an experiment entry): a per-epoch history
/// from Keras's `CSVLogger` CSV or a JSON `{"loss": […], …}`, named by the student, and optionally the
/// model it started from, so the report can say where the two histories agree and first differ.
///
/// ```yaml
/// external:
///   - name: my NumPy framework
///     history: numpy-history.csv       # epoch,loss,accuracy,val_loss,…
///     initial_model: start.json        # the weights it started from (a model file; "npz" works too)
///     tolerance: 1e-6                  # largest relative difference that counts as agreement
/// ```
public struct ExternalRun: Sendable {
    public var name: String
    public var file: String
    public var history: History
    /// The network it started from, when given.
    public var initialNetwork: Network?
    public var tolerance: Double

    static let fields = ["name", "history", "initial_model", "tolerance"]

    /// Reads one `external` item, paths relative to `file`.
    static func read(_ field: JSONField, file: String, budget: MemoryBudget) throws(InputError) -> ExternalRun {
        let object = try field.object(allowing: fields)
        let name = try object.required("name", "a name for your run, such as \"my NumPy framework\"").string()
        let path = try object.required("history", "a CSVLogger .csv or a JSON {\"loss\": [...]} file").filePath(relativeTo: file)
        let series = try HistoryFile.load(path, budget: budget)
        let initial = try object.optional("initial_model").map { (model: JSONField) throws(InputError) -> Network in
            let path = try model.filePath(relativeTo: file)
            guard !path.lowercased().hasSuffix(".npz") else {
                throw model.error("expected a model file (JSON with the layers), received an .npz, which holds only weights: write {\"input\": …, \"loss\": …, \"layers\": […], \"npz\": \"\(DisplayText.shortened(path, limit: 60))\"} in a .json file and name that")
            }
            return try ModelFile.load(path)
        }
        let tolerance = try object.optional("tolerance")?.number(in: NumberRange(lower: 0, upper: 1, lowerInclusive: false, upperInclusive: false)) ?? 1e-6
        return ExternalRun(name: name, file: path, history: History(series: series), initialNetwork: initial, tolerance: tolerance)
    }

    /// Where a series of this run and of NNLab's agree: epochs compared, the last epoch through which
    /// every relative difference |a − b| / max(|a|, |b|) is within the tolerance, the first epoch beyond it
    /// and its difference, and the largest difference.
    public struct Agreement: Sendable, Hashable {
        public var key: String
        public var epochs: Int
        /// The last epoch (from 1) through which they agree; 0 when the first epoch already differs.
        public var agreesThrough: Int
        /// The first epoch (from 1) beyond the tolerance and its relative difference; nil when every epoch agrees.
        public var firstEpoch: Int?
        public var firstDifference: Double?
        public var largest: Double
        /// The relative difference per epoch.
        public var differences: [Double]
    }

    /// The series only one of the two histories records (not compared).
    public func unmatched(with nnlab: History) -> [String] {
        nnlab.keys.filter { history[$0] == nil } + history.keys.filter { nnlab[$0] == nil }
    }

    /// The agreement of every series both histories record, in NNLab's order.
    public func agreement(with nnlab: History) -> [Agreement] {
        nnlab.keys.compactMap { key -> Agreement? in
            guard let ours = nnlab[key], let theirs = history[key] else { return nil }
            let differences = zip(ours, theirs).map { a, b -> Double in
                if a == b || (a.isNaN && b.isNaN) { return 0 }
                if a.isNaN || b.isNaN { return .nan }
                guard a.isFinite, b.isFinite else { return .infinity }
                return abs(a - b) / max(abs(a), abs(b))
            }
            let first = differences.firstIndex { !($0 <= tolerance) }
            return Agreement(key: key, epochs: differences.count, agreesThrough: first ?? differences.count,
                             firstEpoch: first.map { $0 + 1 }, firstDifference: first.map { differences[$0] },
                             largest: differences.contains(where: \.isNaN) ? .nan : (differences.max() ?? 0), differences: differences)
        }
    }
}
