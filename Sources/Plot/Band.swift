/// A shaded band between `lower[i]` and `upper[i]` (e.g. the interquartile range across seeds).
public struct Band: Sendable {
    public var name: String
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color?
    public var opacity: Double

    public init(_ name: String, x: [Double], lower: [Double], upper: [Double], color: Color? = nil, opacity: Double = 0.25) {
        self.name = name; self.x = x; self.lower = lower; self.upper = upper; self.color = color; self.opacity = opacity
    }
}

extension Band: Mark {
    public var requestedColor: Color? { color }
    public var label: String { "band '\(name)'" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        try chart.checkSeries(x: x, y: lower, yName: "lower", location: location)
        try chart.checkSeries(x: x, y: upper, yName: "upper", location: location)
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        (dimension == .x ? x : lower + upper, false)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] {
        name.isEmpty ? [] : [LegendEntry(name: name, patch: color.withAlpha(opacity))]
    }

    public func obstacles(x xs: Scale, y ys: Scale, on chart: Chart) -> [Point] {
        Marks.densified(x, lower, x: xs, y: ys) + Marks.densified(x, upper, x: xs, y: ys)
    }

    /// One filled polygon per run of finite indices.
    public func draw(in c: MarkContext) {
        var path = Path()
        var run: [Int] = []
        func flush() {
            guard run.count >= 2 else { run = []; return }
            for (k, i) in run.enumerated() {
                let p = c.point(x[i], upper[i])
                if k == 0 { path.move(to: p) } else { path.line(to: p) }
            }
            for i in run.reversed() { path.line(to: c.point(x[i], lower[i])) }
            path.close(); run = []
        }
        for i in x.indices {
            if c.x(x[i]).isFinite && c.y(lower[i]).isFinite && c.y(upper[i]).isFinite { run.append(i) } else { flush() }
        }
        flush()
        if !path.isEmpty { c.renderer.fill(path, color: c.color.withAlpha(c.color.alpha * opacity)) }
    }
}
