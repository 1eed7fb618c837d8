/// Inputs and targets, one sample per row.
public struct Dataset: Sendable, Hashable {
    public var x: Matrix
    public var y: Matrix

    public init(x: Matrix, y: Matrix) {
        precondition(x.rows == y.rows, "Dataset needs as many target rows as input rows, received \(y.rows) and \(x.rows)")
        self.x = x
        self.y = y
    }

    /// The number of samples.
    public var count: Int { x.rows }

    /// The course's XOR problem in its ±1 coding.
    public static let xor = Dataset(x: Matrix([[-1, -1], [-1, 1], [1, -1], [1, 1]]), y: Matrix([[1], [-1], [-1], [1]]))
}
