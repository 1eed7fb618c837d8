import NNCore

/// The cell centers of a `columns × rows` grid over `x × y`, as one input matrix for a batched forward pass.
struct PlaneSampling {
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>
    let columns: Int
    let rows: Int

    init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a grid needs a positive size, received \(columns)×\(rows)")
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
    }

    /// Computed exactly as Plot's `Field` computes its centers, so the two agree to the bit.
    func center(column: Int, row: Int) -> (x: Double, y: Double) {
        let dx = (x.upperBound - x.lowerBound) / Double(columns)
        let dy = (y.upperBound - y.lowerBound) / Double(rows)
        return (x.lowerBound + (Double(column) + 0.5) * dx, y.lowerBound + (Double(row) + 0.5) * dy)
    }

    /// All cell centers, one per row of a `(rows·columns) × 2` matrix, in the grid's row-major order.
    var points: Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(2 * rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let p = center(column: c, row: r)
                elements.append(p.x)
                elements.append(p.y)
            }
        }
        return Matrix(rows: rows * columns, columns: 2, elements: elements)
    }

    /// Column `k` of a `(rows·columns) × width` result as a grid.
    func grid(column k: Int, of result: Matrix) -> Grid {
        let width = result.columns
        let values = (0..<(rows * columns)).map { result.elements[$0 * width + k] }
        return Grid(x: x, y: y, columns: columns, rows: rows, values: values)
    }
}
