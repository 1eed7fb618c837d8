/// A function sampled on a regular grid over `x × y`: `values[row * columns + column]` is the value at
/// the center of cell (column, row), with row 0 at the *bottom* (lowest y).
public struct Field: Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    public var values: [Double]

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int, values: [Double]) {
        self.x = x; self.y = y; self.columns = columns; self.rows = rows; self.values = values
    }

    /// Samples `f(x, y)` at the centers of a `columns × rows` grid.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
                sampling f: (Double, Double) -> Double) {
        precondition(columns > 0 && rows > 0, "Field needs a positive grid size, got \(columns)×\(rows)")
        var v = [Double](); v.reserveCapacity(columns * rows)
        let dx = (x.upperBound - x.lowerBound) / Double(columns), dy = (y.upperBound - y.lowerBound) / Double(rows)
        for r in 0..<rows {
            let yy = y.lowerBound + (Double(r) + 0.5) * dy
            for c in 0..<columns { v.append(f(x.lowerBound + (Double(c) + 0.5) * dx, yy)) }
        }
        self.init(x: x, y: y, columns: columns, rows: rows, values: v)
    }

    /// Data coordinates of the center of cell (column, row).
    public func center(column: Int, row: Int) -> Point {
        Point(x.lowerBound + (Double(column) + 0.5) * (x.upperBound - x.lowerBound) / Double(columns),
              y.lowerBound + (Double(row) + 0.5) * (y.upperBound - y.lowerBound) / Double(rows))
    }

    /// The checks of a mark drawn from this field (a heatmap, a contour): its values, and an extent a
    /// log axis of `chart` can show.
    func validate(on chart: Chart, location: String) throws(PlotError) {
        try validate(location)
        try chart.checkExtent(x: x, y: y, location: location)
    }

    /// The field's ends along `dimension`, as a mark's extent.
    func extent(_ dimension: Dimension) -> [Double] {
        let r = dimension == .x ? x : y
        return [r.lowerBound, r.upperBound]
    }

    /// Smallest and largest finite value, or nil if there is none.
    public var finiteRange: (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? (lo, hi) : nil
    }

    func validate(_ location: String) throws(PlotError) {
        guard columns >= 1, rows >= 1 else {
            throw PlotError.invalidValue(what: "field grid", expected: "at least 1×1", received: "\(columns)×\(rows)", location: location)
        }
        guard values.count == columns * rows else {
            throw PlotError.lengthMismatch(what: "field values", expected: columns * rows, received: values.count, location: location)
        }
        guard x.upperBound > x.lowerBound, y.upperBound > y.lowerBound, x.upperBound.isFinite, x.lowerBound.isFinite,
              y.upperBound.isFinite, y.lowerBound.isFinite else {
            throw PlotError.invalidValue(what: "field extent", expected: "finite ranges of positive width",
                                         received: "x \(x), y \(y)", location: location)
        }
    }
}
