import NNCore
import NNFiles

/// Delimited text files of numbers: one sample per line, numeric feature columns and one label
/// column (or one or more regression target columns).
///
/// Class labels may be integers or strings. With `classCount` declared, labels must be the
/// integers `0..<classCount` and map to themselves. Otherwise `classOrder` decides:
/// `.automatic` (the default) orders integer labels numerically and string labels by first
/// appearance in the file; `.firstAppearance` and `.sorted` (integers numerically, strings by
/// their UTF-8 bytes) force one rule. The class names are the labels' texts.
public enum CSVFile {
    /// Whether the first record is a header of column names.
    public enum Header: String, Sendable, Hashable, Codable {
        /// A header when a column other than the label column holds a non-number in the first
        /// record (so string labels alone do not make a header), or when the label is chosen by name.
        case automatic
        case present
        case absent
    }

    /// Which column holds the labels.
    public enum Column: Sendable, Hashable {
        /// By header name (requires a header).
        case name(String)
        /// By 0-based index; negative counts from the end (−1 is the last column).
        case index(Int)
    }

    /// How class labels map to class indices (see `CSVFile`).
    public enum ClassOrder: String, Sendable, Hashable, Codable {
        case automatic
        case firstAppearance = "first-appearance"
        case sorted
    }

    public struct Options: Sendable, Hashable {
        public var header: Header
        public var label: Column
        /// Regression target columns, in order (nil: the one `label` column).
        public var targets: [Column]?
        /// The field delimiter: `,`, `;` or a tab (any single byte other than a quote or line break).
        public var delimiter: UInt8
        public var classOrder: ClassOrder
        /// When set, labels must be integers in `0..<classCount`.
        public var classCount: Int?

        public init(header: Header = .automatic, label: Column = .index(-1), targets: [Column]? = nil, delimiter: UInt8 = UInt8(ascii: ","),
                    classOrder: ClassOrder = .automatic, classCount: Int? = nil) {
            self.header = header
            self.label = label
            self.targets = targets
            self.delimiter = delimiter
            self.classOrder = classOrder
            self.classCount = classCount
        }
    }

    /// Reads the classification file at `path`.
    public static func loadClassification(_ path: String, options: Options = Options()) throws(InputError) -> ClassificationData {
        try classification(TextFile.read(path), file: path, options: options)
    }

    /// Reads the regression file at `path` (the label column is a numeric target, `y` one column).
    public static func loadRegression(_ path: String, options: Options = Options()) throws(InputError) -> Dataset {
        try regression(TextFile.read(path), file: path, options: options)
    }

    /// Parses classification data from `bytes`, errors naming `file`.
    public static func classification(_ bytes: [UInt8], file: String, options: Options = Options()) throws(InputError) -> ClassificationData {
        let table = try CSVTable(bytes, file: file, options: options)
        let (labels, names) = try table.classLabels(order: options.classOrder, classCount: options.classCount)
        return ClassificationData(features: table.features, labels: labels, classNames: names)
    }

    /// Parses regression data from `bytes`, errors naming `file`.
    public static func regression(_ bytes: [UInt8], file: String, options: Options = Options()) throws(InputError) -> Dataset {
        let table = try CSVTable(bytes, file: file, options: options)
        return Dataset(x: table.features, y: try table.numericLabels())
    }
}
