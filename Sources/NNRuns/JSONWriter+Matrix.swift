import NNCore
import NNFiles

extension JSONWriter {
    /// A matrix as an array of rows.
    public static func matrix(_ m: Matrix) -> String {
        "[" + (0..<m.rows).map { vector(m.row($0)) }.joined(separator: ", ") + "]"
    }
}
