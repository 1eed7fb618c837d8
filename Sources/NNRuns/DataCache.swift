import Foundation
import NNCore
import NNData
import NNFiles

/// Resolves each data source once per report (or per `nnlab train`) and hands the same `Dataset`
/// to every run that uses it: the seeds of an experiment and the variants of a sweep share one
/// copy of their data (arrays are shared until written, and training never writes its data), and
/// no data travel as JSON text to be parsed again. Each distinct data set is charged to the memory
/// budget once, when it is first built.
public final class DataCache {
    /// What a run trains on and validates with, after the split and the scaling.
    public struct Prepared: Sendable {
        public var data: Dataset
        public var validation: Dataset?
        /// The scaler fitted on the training part (nil without scaling).
        public var scaler: FittedScaler?
    }

    /// How the inputs are scaled, fitted on the training part only.
    public enum Scaling: String, Sendable, Hashable, CaseIterable {
        case standardize, minmax, none
    }

    struct Key: Hashable {
        var source: DataSource
        var outputs: Int
    }

    struct PreparedKey: Hashable {
        var data: Key
        var validation: Key?
        var split: Double?
        var splitSeed: UInt64
        var scaling: Scaling
    }

    private var datasets: [Key: Dataset] = [:]
    private var classes: [DataSource: ClassificationData] = [:]
    private var prepared: [PreparedKey: Prepared] = [:]
    /// Receives a line for each data file read (what, how many samples, how long), for progress on a terminal.
    let log: ((String) -> Void)?

    /// - Parameter log: called with "read moons.csv: 40 samples × 2 features in 0.0 s" after each data
    ///   source that reads files, and with "reading …" before files of 16 MB or more.
    public init(log: ((String) -> Void)? = nil) {
        self.log = log
    }

    /// The files of every source built so far.
    public var files: [String] {
        Set(datasets.keys.map(\.source) + classes.keys).flatMap(\.files).sorted()
    }

    /// The data and validation for a run whose network has `outputs` outputs.
    /// - Parameters:
    ///   - split: the fraction of `source` held out for validation (stratified for class data,
    ///     seeded with `splitSeed`), when no separate validation source is given.
    ///   - field: where the run's "data" are written; mistakes about the data are reported there.
    public func prepare(_ source: DataSource, validation: DataSource?, split: Double?, splitSeed: UInt64, scaling: Scaling,
                        outputs: Int, at field: FieldLocation, validationAt validationField: FieldLocation?,
                        budget: inout MemoryBudget) throws(InputError) -> Prepared {
        let key = PreparedKey(data: Key(source: source, outputs: outputs), validation: validation.map { Key(source: $0, outputs: outputs) },
                              split: split, splitSeed: splitSeed, scaling: scaling)
        if let done = prepared[key] { return done }
        var train = try dataset(source, outputs: outputs, field: field, budget: &budget)
        var held: Dataset?
        if let validation {
            held = try dataset(validation, outputs: outputs, field: validationField ?? field, budget: &budget)
        } else if let split {
            if let classData = classes[source], outputs >= 1 {
                let parts = TrainTestSplit(classData, testFraction: split, seed: splitSeed)
                train = try targets(parts.train, source: source, outputs: outputs, field: field)
                held = try targets(parts.test, source: source, outputs: outputs, field: field)
            } else {
                let parts = DatasetSplit(train, testFraction: split, seed: splitSeed)
                (train, held) = (parts.train, parts.test)
            }
            guard train.count > 0, (held?.count ?? 0) > 0 else {
                throw field.error("expected a validation_split that leaves training and validation rows, received \(train.count) and \(held?.count ?? 0) rows")
            }
            let heldValues = (held?.x.elements.count ?? 0) + (held?.y.elements.count ?? 0)
            let values = train.x.elements.count + train.y.elements.count + heldValues
            try budget.charge(Double(values) * 8, for: "the split of \(source.name)", error: { field.error($0) })
        }
        var fitted: FittedScaler?
        switch scaling {
        case .none: break
        case .standardize:
            let scaler = Standardization(fittedOn: train.x)
            train.x = scaler.apply(train.x)
            if var h = held { h.x = scaler.apply(h.x); held = h }
            fitted = .standardize(scaler)
        case .minmax:
            let scaler = MinMaxScaling(fittedOn: train.x)
            train.x = scaler.apply(train.x)
            if var h = held { h.x = scaler.apply(h.x); held = h }
            fitted = .minmax(scaler)
        }
        if scaling != .none {
            try budget.charge(Double(train.x.elements.count + (held?.x.elements.count ?? 0)) * 8, for: "the scaled inputs of \(source.name)",
                              error: { field.error($0) })
        }
        let result = Prepared(data: train, validation: held, scaler: fitted)
        prepared[key] = result
        return result
    }

    /// The targets of class data for a network with `outputs` outputs.
    func targets(_ data: ClassificationData, source: DataSource, outputs: Int, field: FieldLocation) throws(InputError) -> Dataset {
        if outputs >= 2 {
            guard outputs == data.classCount else {
                throw field.error("expected a model with \(data.classCount) outputs (one per class of \(source.name)) or 1 output for two classes, received \(outputs)")
            }
            return data.dataset(.oneHot)
        }
        guard data.classCount == 2 else {
            throw field.error("expected a model with \(data.classCount) outputs (one per class of \(source.name)), received 1")
        }
        return data.dataset(Self.encoding(of: source))
    }

    /// How two classes of `source` are coded in one column: as `labels:` says, else a built-in
    /// boolean set's own coding (0/1 for xor01 and parity01), else −1/+1.
    static func encoding(of source: DataSource) -> LabelEncoding {
        switch source {
        case .csv(_, _, _, _, let labels): labels?.encoding ?? .signed
        case .idx(_, _, let coding), .cifar(_, let coding): coding?.encoding ?? .signed
        case .builtin(let set, let parameters): parameters.labels ?? (set == .xor01 || set == .parity01 ? .binary : .signed)
        default: .signed
        }
    }

    /// The data set of `source` for `outputs` outputs, built once.
    func dataset(_ source: DataSource, outputs: Int, field: FieldLocation, budget: inout MemoryBudget) throws(InputError) -> Dataset {
        let key = Key(source: source, outputs: outputs)
        if let known = datasets[key] { return known }
        let started = DispatchTime.now().uptimeNanoseconds
        let bytes = source.files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        if !source.files.isEmpty, bytes >= 16 << 20 { log?("reading \(source.name) (\(MemoryBudget.format(Double(bytes))))") }
        let built: Dataset
        switch source {
        case .builtin(let set, let parameters):
            if set.kind != .regression {
                // Kept as classes too, so validation_split can stratify.
                _ = try classData(source, at: field, budget: &budget)
            }
            if outputs >= 2, set.kind != .regression, parameters.labels == nil, let data = classes[source] {
                built = try targets(data, source: source, outputs: outputs, field: field)
            } else {
                // The set's own coding (±1 for xor and Playground's sets, 0/1 for xor01) or the one `labels` names.
                built = try set.dataset(parameters, file: field.file, field: field.field)
            }
        case .file(let path):
            built = try DataFile.dataset(from: TextFile.readJSON(path, budget: budget))
        case .inline(let inline):
            built = try DataFile.dataset(from: inline.field)
        case .csv(let path, let label, let targets, let header, _):
            // A column that is not in the file is the experiment's mistake: reported at its label/targets field.
            let columnField = field.child(targets != nil ? "targets" : "label")
            do throws(InputError) {
                if let targets {
                    built = try CSVFile.loadRegression(path, options: .init(header: header, targets: targets))
                } else {
                    built = try self.targets(try classData(source, at: field, budget: &budget), source: source, outputs: outputs, field: field)
                }
            } catch where error.file == path && error.field == "label" {
                throw columnField.error("\(error.message) in \(path)")
            }
        case .npy(let x, let y):
            let features = try NPYFile.load(x).matrix
            let targets = try NPYFile.load(y).matrix
            guard features.rows == targets.rows else {
                throw field.child("npy.y").error("expected \(features.rows) rows in \(y) (one per row of \(x)), received \(targets.rows)")
            }
            built = Dataset(x: features, y: targets)
        case .npz(let path, let x, let y):
            // Each member may inflate to what the budget leaves for its bytes and its values (8 bytes each).
            let limit = Int(min(budget.remaining / 2, Double(TextFile.maximumSize)))
            let arrays = try NPZFile.load(path, arrays: [x, y], maximumBytes: limit)
            let features = arrays[0].matrix, targets = arrays[1].matrix
            guard features.rows == targets.rows else {
                throw field.error("expected \(features.rows) rows in \(path): \(y) (one per row of \(x)), received \(targets.rows)")
            }
            built = Dataset(x: features, y: targets)
        case .idx, .cifar:
            built = try targets(try classData(source, at: field, budget: &budget), source: source, outputs: outputs, field: field)
        }
        guard built.x.rows > 0 else { throw field.error("expected at least one sample, received none in \(source.name)") }
        try budget.charge(Double(built.x.elements.count + built.y.elements.count) * 8, for: "the data set \(source.name)",
                          error: { field.error($0) })
        datasets[key] = built
        if !source.files.isEmpty {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            log?("read \(source.name): \(built.x.rows) sample\(built.x.rows == 1 ? "" : "s") × \(built.x.columns) features, \(built.y.columns) target column\(built.y.columns == 1 ? "" : "s") in \(String(format: "%.1f", seconds)) s")
        }
        return built
    }

    /// The class data of `source` (a built-in class set, CSV with a label column, IDX or CIFAR),
    /// read once and kept (for stratified splits and for the image problem).
    /// - Parameter bytesPerPixel: what each pixel will cost the caller (by default a byte and twice a
    ///   Double); image loaders refuse files with more pixels than the budget leaves room for.
    public func classData(_ source: DataSource, at field: FieldLocation, budget: inout MemoryBudget,
                          bytesPerPixel: Double = 17) throws(InputError) -> ClassificationData {
        if let known = classes[source] { return known }
        let pixelLimit = Int(min(budget.remaining / bytesPerPixel, Double(TextFile.maximumSize)))
        let data: ClassificationData
        switch source {
        case .builtin(let set, let parameters):
            guard let loaded = try set.classificationData(parameters, file: field.file, field: field.field) else {
                throw field.error("expected a classification set, received the regression set \(set.rawValue)")
            }
            data = loaded
        case .csv(let path, let label, nil, let header, _):
            data = try CSVFile.loadClassification(path, options: .init(header: header, label: label ?? .index(-1)))
        case .idx(let images, let labels, _):
            data = try IDXFile.loadClassification(images: images, labels: labels, maximumPixels: pixelLimit)
        case .cifar(let files, _):
            data = try CIFARFile.load(files, maximumPixels: pixelLimit)
        default:
            throw field.error("expected class data (a built-in class set, {csv: …, label: …}, {idx: …} or {cifar: […]}), received \(source.name), which holds numeric targets")
        }
        classes[source] = data
        return data
    }
}
