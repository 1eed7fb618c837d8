import NNCore

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

/// The network's output `k` over the input plane (one batched `predict` over all cell centers).
///
/// Usable without training, e.g. for a report's final decision plot. The network must take two inputs.
public func decisionGrid(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                         columns: Int = 200, rows: Int = 200, output k: Int = 0) -> Grid {
    precondition(k >= 0 && k < network.outputWidth, "decisionGrid output must be in 0..<\(network.outputWidth), received \(k)")
    return outputGrids(network: network, xRange: xRange, yRange: yRange, columns: columns, rows: rows)[k]
}

/// Every output of the network over the input plane, one grid per output column (one batched `predict`).
public func outputGrids(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                        columns: Int = 200, rows: Int = 200) -> [Grid] {
    precondition(network.inputWidth == 2, "grids over the input plane need a network with 2 inputs, received \(network.inputWidth)")
    let sampling = PlaneSampling(x: xRange, y: yRange, columns: columns, rows: rows)
    let output = network.predict(sampling.points)
    return (0..<output.columns).map { sampling.grid(column: $0, of: output) }
}

/// Each hidden unit's own activation over the input plane (one batched `trace`), as TensorFlow
/// Playground shows per neuron.
///
/// Hidden units are the units of every dense layer but the last. A `concat_input` layer has no units
/// of its own: its outputs are the two inputs followed by the previous layer's units, whose maps are
/// already here (the inputs' maps are the coordinates themselves).
public func hiddenUnitGrids(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                            columns: Int = 200, rows: Int = 200) -> [UnitMap] {
    precondition(network.inputWidth == 2, "grids over the input plane need a network with 2 inputs, received \(network.inputWidth)")
    let hidden = network.denseLayers.dropLast().map(\.index)
    guard !hidden.isEmpty else { return [] }
    let sampling = PlaneSampling(x: xRange, y: yRange, columns: columns, rows: rows)
    let traces = network.trace(sampling.points)
    return hidden.flatMap { layer in
        let output = traces[layer].output
        return (0..<output.columns).map { unit in
            UnitMap(layer: layer, unit: unit, grid: sampling.grid(column: unit, of: output))
        }
    }
}
