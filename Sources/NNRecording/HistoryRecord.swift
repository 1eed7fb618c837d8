import NNCore

/// A copy of `History`: one series per key, one value per epoch run.
public struct HistoryRecord: Codable, Sendable, Equatable {
    public var keys: [String]
    public var values: [[Double]]

    public init(_ history: History) {
        keys = history.keys
        values = history.values
    }

    /// The series named `key`, if recorded.
    public subscript(key: String) -> [Double]? {
        keys.firstIndex(of: key).map { values[$0] }
    }
}
