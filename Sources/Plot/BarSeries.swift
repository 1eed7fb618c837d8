/// Bars of `values[i]` at category `i` (from zero); several bar layers in one chart stand side by side.
public struct BarSeries: Sendable {
    public var name: String
    public var values: [Double]
    public var color: Color?

    public init(_ name: String, values: [Double], color: Color? = nil) {
        self.name = name; self.values = values; self.color = color
    }
}

extension BarSeries: Mark {
    public var requestedColor: Color? { color }
    public var label: String { "bars '\(name)'" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        guard !values.isEmpty else { throw PlotError.empty(what: "values", location: location) }
        if let cats = chart.x.categories, cats.count != values.count {
            throw PlotError.lengthMismatch(what: "values", expected: cats.count, received: values.count,
                                           location: location + " (one per category)")
        }
        if chart.y.scale == .log, let i = values.firstIndex(where: { $0.isFinite && $0 <= 0 }) {
            throw PlotError.nonPositiveOnLogAxis(axis: "y", value: values[i], index: i, location: location)
        }
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        dimension == .x ? ([0, Double(values.count - 1)], false) : (values + (chart.y.scale == .log ? [] : [0]), false)
    }

    /// A column of points every 6 units up each bar.
    public func obstacles(x xs: Scale, y ys: Scale, on chart: Chart) -> [Point] {
        var pts: [Point] = []
        let base = ys(chart.y.scale == .log ? ys.domain.lower : 0)
        for (i, v) in values.enumerated() {
            let top = ys(v)
            for py in stride(from: min(top, base), through: max(top, base), by: 6) { pts.append(Point(xs(Double(i)), py)) }
        }
        return pts
    }

    /// Bars of series `slot.index` of `slot.count` side by side within 80 % of each category's width.
    public func draw(in c: MarkContext) {
        let width = 0.8 / Double(c.slot.count)
        let base = c.y(c.chart.y.scale == .log ? c.y.domain.lower : 0)
        var path = Path()
        for (i, v) in values.enumerated() where v.isFinite {
            let x0 = c.x(Double(i) - 0.4 + Double(c.slot.index) * width), x1 = c.x(Double(i) - 0.4 + Double(c.slot.index + 1) * width)
            let top = c.y(v)
            path.addRect(Rect(x: x0, y: min(top, base), width: x1 - x0, height: abs(base - top)))
        }
        c.renderer.fill(path, color: c.color)
        c.renderer.stroke(path, style: StrokeStyle(color: Color.white, width: 0.6, join: .miter))
    }
}
