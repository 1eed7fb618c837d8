/// One scalar function sampled on a regular grid over the input plane `x × y`.
///
/// `values[row * columns + column]` is the value at the *center* of cell (column, row), with row 0 at
/// the bottom (lowest y) — the layout of Plot's `Field`, so a report can draw it as is:
///
///     x(column) = x.lowerBound + (column + ½)·(x.upperBound − x.lowerBound)/columns
///     y(row)    = y.lowerBound + (row + ½)·(y.upperBound − y.lowerBound)/rows
public struct Grid: Codable, Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    /// Row-major, `rows × columns` values.
    public var values: [Double]

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int, values: [Double]) {
        precondition(columns > 0 && rows > 0, "Grid needs a positive size, received \(columns)×\(rows)")
        precondition(values.count == columns * rows, "Grid needs \(columns * rows) values, received \(values.count)")
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// The value at cell (column, row).
    public subscript(column: Int, row: Int) -> Double {
        values[row * columns + column]
    }

    /// The input-plane point at the center of cell (column, row).
    public func center(column: Int, row: Int) -> (x: Double, y: Double) {
        PlaneSampling(x: x, y: y, columns: columns, rows: rows).center(column: column, row: row)
    }
}
