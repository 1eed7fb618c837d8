import NNCore
import NNData
import NNFiles

/// Where a run's data come from: the `data:` and `validation:` vocabulary shared by run files
/// (JSON) and experiment entries (YAML).
///
/// | written as | source |
/// |---|---|
/// | `xor`, `circle`, `digits`, … (a bare name) | a built-in set with its defaults |
/// | `{name: circle, samples: 300, noise: 0.1, seed: 1, inputs: 3, labels: "01"}` | a built-in set |
/// | `moons.json` or `{x: [[…]], y: [[…]]}` | NNLab's data file, or the same inline |
/// | `moons.csv` or `{csv: moons.csv, label: class, header: true, labels: pm1}` | CSV with a class column (by name or 0-based index; default the last) |
/// | `{csv: house.csv, targets: [price]}` | CSV with numeric target columns (regression) |
/// | `{npy: {x: X.npy, y: Y.npy}}` | NumPy arrays (float64/float32/integer), y as targets |
/// | `arrays.npz` or `{npz: arrays.npz, x: x_train, y: y_train}` | the arrays of a NumPy archive (default names x and y) |
/// | `{idx: {images: FILE, labels: FILE}}` | MNIST IDX files (raw or gzip) |
/// | `{cifar: [FILE, …]}` | CIFAR-10 binary batches |
///
/// Class labels become targets by the model's outputs: one-hot for two or more outputs, else one
/// column coded by `labels:` — `pm1` (−1/+1, the course's coding for tanh, the default) or `"01"`
/// (for sigmoid + bce).
public enum DataSource: Sendable, Hashable {
    case builtin(BuiltinDataset, BuiltinDataset.Parameters)
    /// An NNLab data file.
    case file(String)
    /// `{x, y}` written in the run or experiment file.
    case inline(InlineData)
    case csv(path: String, label: CSVFile.Column?, targets: [CSVFile.Column]?, header: CSVFile.Header, labels: Coding?)
    case npy(x: String, y: String)
    /// A NumPy `.npz` archive and the names of its feature and target arrays.
    case npz(path: String, x: String, y: String)
    case idx(images: String, labels: String, coding: Coding?)
    case cifar([String], coding: Coding?)

    /// Data written inline, identified (hashed and compared) by where they are written: the seeds and
    /// variants that share one entry's data share one data set.
    public struct InlineData: Sendable, Hashable {
        public var field: JSONField

        public static func == (a: InlineData, b: InlineData) -> Bool { a.field.location == b.field.location }
        public func hash(into hasher: inout Hasher) { hasher.combine(field.location) }
    }

    /// How two classes are coded in one target column.
    public enum Coding: String, Sendable, Hashable, CaseIterable {
        case pm1
        case zeroOne = "01"

        var encoding: LabelEncoding { self == .pm1 ? .signed : .binary }
    }

    /// A short name for captions ("circle", "moons.csv", "inline data").
    public var name: String {
        switch self {
        case .builtin(let set, _): set.rawValue
        case .file(let path): path
        case .inline: "inline data"
        case .csv(let path, _, _, _, _): path
        case .npy(let x, _): x
        case .npz(let path, _, _): path
        case .idx(let images, _, _): images
        case .cifar(let files, _): files.joined(separator: ", ")
        }
    }

    /// The source with every setting that decides its data, for runs.json: "circle (samples 300,
    /// noise 0.1, seed 1)", "house.csv (targets price, 0)", "a.npz (x, y)".
    public var settings: String {
        switch self {
        case .builtin(let set, let p):
            var parts: [String] = []
            for key in set.parameterNames {
                switch key {
                case "samples": parts.append("samples \(p.samples)")
                case "noise": parts.append("noise \(DisplayText.number(p.noise))")
                case "seed": parts.append("seed \(p.seed)")
                default: parts.append("inputs \(p.inputs)")
                }
            }
            if let labels = p.labels { parts.append("labels \(labels.rawValue)") }
            return set.rawValue + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        case .csv(let path, let label, let targets, _, let labels):
            func text(_ c: CSVFile.Column) -> String { if case .name(let n) = c { n } else if case .index(let i) = c { String(i) } else { "" } }
            let which = targets.map { "targets " + $0.map(text).joined(separator: ", ") } ?? "label " + (label.map(text) ?? "-1")
            return "\(path) (\(which)\(labels.map { ", labels \($0.rawValue)" } ?? ""))"
        case .npz(let path, let x, let y): return "\(path) (\(x), \(y))"
        case .idx(_, _, let coding), .cifar(_, let coding): return name + (coding.map { " (labels \($0.rawValue))" } ?? "")
        default: return name
        }
    }

    /// The file the targets come from, for messages about them (the y array of an NPY pair).
    public var targetsName: String {
        if case .npy(_, let y) = self { return y }
        if case .npz(let path, _, let y) = self { return "\(path): \(y)" }
        return name
    }

    /// Whether the targets come from class labels (coded by `labels:` or one-hot).
    public var holdsClasses: Bool {
        switch self {
        case .builtin(let set, _): set.kind != .regression
        case .csv(_, _, let targets, _, _): targets == nil
        case .idx, .cifar: true
        case .file, .inline, .npy, .npz: false
        }
    }

    /// The files this source reads.
    public var files: [String] {
        switch self {
        case .builtin, .inline: []
        case .file(let path), .csv(let path, _, _, _, _), .npz(let path, _, _): [path]
        case .npy(let x, let y): [x, y]
        case .idx(let images, let labels, _): [images, labels]
        case .cifar(let paths, _): paths
        }
    }

    static let builtinFields = ["name", "samples", "noise", "seed", "inputs", "labels"]

    /// Reads a source from `field` (a string or an object); paths are resolved against `base`,
    /// and every file is checked to exist here, so a missing one names this field.
    public static func read(_ field: JSONField, base: String) throws(InputError) -> DataSource {
        switch field.value.kind {
        case .string(let text):
            guard !text.isEmpty else { throw field.error("expected a data set name, a data file or an object, received an empty string") }
            // A bare word names a built-in set (a typo gets the list of names); anything with "/" or "." is a file.
            if !text.contains("/") && !text.contains(".") {
                return .builtin(try BuiltinDataset.named(text, file: field.file, field: field.path), BuiltinDataset.Parameters())
            }
            let path = try field.filePath(relativeTo: base)
            if text.lowercased().hasSuffix(".csv") || text.lowercased().hasSuffix(".tsv") {
                return .csv(path: path, label: nil, targets: nil, header: .automatic, labels: nil)
            }
            if text.lowercased().hasSuffix(".npz") { return .npz(path: path, x: "x", y: "y") }
            if text.lowercased().hasSuffix(".npy") {
                throw field.error("expected features and targets as {npy: {x: X.npy, y: Y.npy}}, received one .npy file")
            }
            return .file(path)
        case .object(let members):
            let keys = Set(members.map(\.key))
            if keys.contains("name") { return try builtin(field) }
            if keys.contains("csv") { return try csv(field, base: base) }
            if keys.contains("npy") {
                let object = try field.object(allowing: ["npy"])
                let arrays = try object.required("npy", "").object(allowing: ["x", "y"])
                return .npy(x: try arrays.required("x", "the features (.npy)").filePath(relativeTo: base),
                            y: try arrays.required("y", "the targets (.npy)").filePath(relativeTo: base))
            }
            if keys.contains("npz") {
                let object = try field.object(allowing: ["npz", "x", "y"])
                return .npz(path: try object.required("npz", "").filePath(relativeTo: base),
                            x: try object.optional("x")?.string() ?? "x", y: try object.optional("y")?.string() ?? "y")
            }
            if keys.contains("idx") {
                let object = try field.object(allowing: ["idx", "labels"])
                let files = try object.required("idx", "").object(allowing: ["images", "labels"])
                return .idx(images: try files.required("images", "an IDX image file").filePath(relativeTo: base),
                            labels: try files.required("labels", "an IDX label file").filePath(relativeTo: base),
                            coding: try coding(object.optional("labels")))
            }
            if keys.contains("cifar") {
                let object = try field.object(allowing: ["cifar", "labels"])
                var paths: [String] = []
                for item in try object.required("cifar", "").array() { paths.append(try item.filePath(relativeTo: base)) }
                guard !paths.isEmpty else { throw field.error("expected at least one CIFAR-10 batch file, received none") }
                return .cifar(paths, coding: try coding(object.optional("labels")))
            }
            _ = try field.object(allowing: ["x", "y", "name"])
            return .inline(InlineData(field: field))
        default:
            throw field.error("expected a data set name, a data file or an object, received \(field.value.summary)")
        }
    }

    static func builtin(_ field: JSONField) throws(InputError) -> DataSource {
        let object = try field.object(allowing: builtinFields)
        let nameField = try object.required("name", "a built-in data set")
        let set = try BuiltinDataset.named(try nameField.string(), file: field.file, field: nameField.path)
        var parameters = BuiltinDataset.Parameters()
        // A knob the set does not use would change nothing (noise on xor): refused at its field.
        for key in ["samples", "noise", "seed", "inputs"] where !set.parameterNames.contains(key) {
            if let f = object.optional(key) {
                let uses = set.parameterNames.isEmpty ? "takes none (only labels)" : "takes \(set.parameterNames.joined(separator: ", "))"
                throw f.error("expected no \(key) for \(set.rawValue), which \(uses), received \(f.value.summary)")
            }
        }
        if let f = object.optional("samples") { parameters.samples = try f.integer(in: 1...1_000_000) }
        if let f = object.optional("noise") { parameters.noise = try f.number(in: .unitClosed) }
        if let f = object.optional("seed") { parameters.seed = UInt64(try f.integer(in: 0...Int(Int32.max))) }
        if let f = object.optional("inputs") { parameters.inputs = try f.integer(in: 1...BooleanData.maximumInputs) }
        if let f = object.optional("labels") {
            // "pm1" / "01" as in the rest of the vocabulary; NNData's own names are accepted too.
            let names = Coding.allCases.map(\.rawValue) + LabelEncoding.allCases.map(\.rawValue)
            let name = try labelText(f, choices: names)
            parameters.labels = Coding(rawValue: name)?.encoding ?? LabelEncoding(rawValue: name)
        }
        return .builtin(set, parameters)
    }

    static func csv(_ field: JSONField, base: String) throws(InputError) -> DataSource {
        let object = try field.object(allowing: ["csv", "label", "targets", "header", "labels"])
        let path = try object.required("csv", "").filePath(relativeTo: base)
        let header: CSVFile.Header = try object.optional("header").map { (f: JSONField) throws(InputError) -> CSVFile.Header in
            try f.bool() ? .present : .absent
        } ?? .automatic
        let label = try object.optional("label").map(column)
        var targets: [CSVFile.Column]?
        if let f = object.optional("targets") {
            guard label == nil else { throw f.error("expected either \"label\" (classification) or \"targets\" (regression), received both") }
            var columns: [CSVFile.Column] = []
            for item in try f.array() { columns.append(try column(item)) }
            guard !columns.isEmpty else { throw f.error("expected at least one target column, received none") }
            targets = columns
        }
        return .csv(path: path, label: label, targets: targets, header: header, labels: try coding(object.optional("labels")))
    }

    /// A column by name or 0-based index.
    static func column(_ field: JSONField) throws(InputError) -> CSVFile.Column {
        if case .string(let name) = field.value.kind { return .name(name) }
        return .index(try field.integer(in: -1_000_000...1_000_000))
    }

    static func coding(_ field: JSONField?) throws(InputError) -> Coding? {
        guard let field else { return nil }
        return Coding(rawValue: try labelText(field, choices: Coding.allCases.map(\.rawValue)))
    }

    /// `labels: 01` in YAML is the number 1; read it back as the text "01".
    static func labelText(_ field: JSONField, choices: [String]) throws(InputError) -> String {
        if case .number(_, let literal) = field.value.kind {
            guard choices.contains(literal) else { throw field.error("expected one of \(choices.joined(separator: ", ")), received \(literal)") }
            return literal
        }
        return try field.string(oneOf: choices)
    }
}
