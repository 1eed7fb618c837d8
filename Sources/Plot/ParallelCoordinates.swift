/// A parallel-coordinates view of a sweep (TensorBoard's HParams view, static): one vertical axis per
/// setting, with its levels spread evenly along it, and a last axis for an outcome; each variant is a
/// polyline through its levels to its outcome, coloured by the outcome (viridis, with a colour bar).
/// A variant without a finite outcome (every seed diverged) is grey and dashed, ending at the last
/// setting axis.
///
/// Drawn in a chart whose x axis has the axis names as categories and whose y axis spans 0…1
/// (`ParallelCoordinates.chart` makes one).
public struct ParallelCoordinates: Sendable {
    /// One setting axis: its name and its levels' labels, bottom to top.
    public struct Setting: Sendable {
        public var name: String
        public var levels: [String]
        public init(_ name: String, levels: [String]) { self.name = name; self.levels = levels }
    }

    public var dimensions: [Setting]
    /// The outcome axis's name ("median final val_accuracy").
    public var outcomeName: String
    /// Per variant: its level index on each dimension, and its outcome.
    public var lines: [(levels: [Int], outcome: Double)]
    /// Whether larger outcomes are better (they are drawn last, on top).
    public var higherIsBetter: Bool

    public init(dimensions: [Setting], outcomeName: String, lines: [(levels: [Int], outcome: Double)], higherIsBetter: Bool) {
        self.dimensions = dimensions; self.outcomeName = outcomeName; self.lines = lines; self.higherIsBetter = higherIsBetter
    }

    /// The outcomes' finite range (a single value widened by ±½, nothing finite: 0…1).
    var outcomeRange: (lower: Double, upper: Double) {
        let finite = lines.map(\.outcome).filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (0, 1) }
        return lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5)
    }

    var colors: ColorScale {
        let r = outcomeRange
        return ColorScale(.viridis, lower: r.lower, upper: r.upper)
    }

    /// Position 0…1 of level `i` of `n` along an axis (evenly spread, centred for one level).
    static func position(_ i: Int, of n: Int) -> Double { n <= 1 ? 0.5 : Double(i) / Double(n - 1) }

    /// A chart holding the view: categories for the axes, no y ticks (each axis labels its own levels).
    public func chart(title: String? = nil) -> Chart {
        Chart(title: title, x: Axis(nil, grid: false, categories: dimensions.map(\.name) + [outcomeName]),
              y: Axis(nil, range: .fixed(-0.08, 1.08), grid: false, ticks: false), legend: .hidden, marks: [self])
    }
}

extension ParallelCoordinates: Mark {
    public var name: String { "" }
    public var takesPaletteColor: Bool { false }
    public var label: String { "parallel coordinates" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        guard !dimensions.isEmpty else { throw PlotError.empty(what: "dimensions", location: location) }
        for (k, line) in lines.enumerated() {
            guard line.levels.count == dimensions.count else {
                throw PlotError.lengthMismatch(what: "line \(k) levels", expected: dimensions.count, received: line.levels.count, location: location)
            }
            for (d, level) in line.levels.enumerated() where !dimensions[d].levels.indices.contains(level) {
                throw PlotError.invalidValue(what: "line \(k) level on \(dimensions[d].name)", expected: "0..<\(dimensions[d].levels.count)",
                                             received: "\(level)", location: location)
            }
        }
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        dimension == .x ? ([0, Double(dimensions.count)], false) : ([0, 1], false)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] { [] }

    public var colorbarToShow: Colorbar? { Colorbar(colors: colors, style: ColorbarStyle(label: outcomeName)) }

    public func draw(in c: MarkContext) {
        let r = c.renderer, theme = c.theme
        let (lo, hi) = outcomeRange
        func outcomePosition(_ v: Double) -> Double { (v - lo) / (hi - lo) }
        // The axes.
        let axisStyle = StrokeStyle(color: Color(gray: 0.35), width: 1.2)
        for k in 0...dimensions.count {
            r.stroke(.segment(c.point(Double(k), 0), c.point(Double(k), 1)), style: axisStyle)
        }
        // Lines: the undefined first (grey, dashed), then by outcome so the best ends on top.
        let order = lines.indices.sorted { a, b in
            let x = lines[a].outcome, y = lines[b].outcome
            if x.isFinite != y.isFinite { return !x.isFinite }
            return higherIsBetter ? x < y : x > y
        }
        let scale = colors
        for index in order {
            let line = lines[index]
            var path = Path()
            for (d, level) in line.levels.enumerated() {
                let p = c.point(Double(d), Self.position(level, of: dimensions[d].levels.count))
                if d == 0 { path.move(to: p) } else { path.line(to: p) }
            }
            if line.outcome.isFinite {
                path.line(to: c.point(Double(dimensions.count), outcomePosition(line.outcome)))
                r.stroke(path, style: StrokeStyle(color: scale.color(line.outcome).withAlpha(0.85), width: 2, cap: .round, join: .round))
            } else {
                r.stroke(path, style: StrokeStyle(color: Color(gray: 0.55), width: 1.5, dash: Dash.dashed.pattern(width: 1.5), cap: .round, join: .round))
            }
        }
        // Level labels beside each setting axis, and the outcome's ticks beside its axis.
        let font = theme.tickFont
        for (d, dimension) in dimensions.enumerated() {
            for (i, level) in dimension.levels.enumerated() {
                let p = c.point(Double(d), Self.position(i, of: dimension.levels.count))
                let fit = r.fitted(level, font: font, width: 0.45 * abs(c.x(1) - c.x(0)))
                r.fill(.rect(Rect(x: p.x + 3, y: p.y - 7, width: r.measure(fit.text, font: fit.font).width + 4, height: 14)), color: Color.white.withAlpha(0.8))
                r.draw(text: fit.text, at: Point(p.x + 5, p.y), style: theme.text(fit.font, .leadingMiddle))
            }
        }
        for tick in Ticks.linear(lower: lo, upper: hi, maxCount: 5) {
            let p = c.point(Double(dimensions.count), outcomePosition(tick.value))
            r.stroke(.segment(Point(p.x - 4, p.y), p), style: axisStyle)
            let width = r.measure(tick.label, font: font).width
            r.fill(.rect(Rect(x: p.x - 8 - width, y: p.y - 7, width: width + 4, height: 14)), color: Color.white.withAlpha(0.8))
            r.draw(text: tick.label, at: Point(p.x - 6, p.y), style: theme.text(font, .trailingMiddle))
        }
    }
}
