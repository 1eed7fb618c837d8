/// A line through `(x[i], y[i])`. Non-finite values leave a gap; if the series *ends* in non-finite
/// values (training diverged) the last finite point gets an end mark (×).
public struct LineSeries: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// `nil` picks the next palette color.
    public var color: Color?
    public var width: Double?
    public var dash: Dash
    public var marker: MarkerStyle?

    public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, width: Double? = nil,
                dash: Dash = .solid, marker: MarkerStyle? = nil) {
        self.name = name; self.x = x; self.y = y; self.color = color; self.width = width; self.dash = dash; self.marker = marker
    }

    /// A series over x = 0, 1, 2, … (e.g. epochs or steps).
    public init(_ name: String, y: [Double], color: Color? = nil, dash: Dash = .solid, marker: MarkerStyle? = nil) {
        self.init(name, x: y.indices.map(Double.init), y: y, color: color, dash: dash, marker: marker)
    }

    /// Index of the last finite point when the series ends in non-finite values, else nil.
    public var divergenceIndex: Int? {
        guard let last = y.last, !last.isFinite else { return nil }
        return y.lastIndex(where: { $0.isFinite })
    }
}

extension LineSeries: Mark {
    public var requestedColor: Color? { color }
    public var label: String { "line '\(name)'" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        try chart.checkSeries(x: x, y: y, yName: "y", location: location)
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        (dimension == .x ? x : y, false)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] {
        guard !name.isEmpty else { return [] }
        let w = width ?? theme.lineWidth
        return [LegendEntry(name: name, line: StrokeStyle(color: color, width: w, dash: dash.pattern(width: w)),
                            marker: marker, markerColor: marker == nil ? nil : color)]
    }

    public func obstacles(x xs: Scale, y ys: Scale, on chart: Chart) -> [Point] { Marks.densified(x, y, x: xs, y: ys) }

    public func draw(in c: MarkContext) {
        var path = Path(reservingCapacity: x.count)
        var penDown = false
        var points: [Point] = []
        for i in x.indices {
            let px = c.x(x[i]), py = c.y(y[i])
            if px.isFinite && py.isFinite {
                let p = Point(px, py)
                if penDown { path.line(to: p) } else { path.move(to: p); penDown = true }
                if marker != nil { points.append(p) }
            } else { penDown = false }
        }
        let w = width ?? c.theme.lineWidth
        c.renderer.stroke(path, style: StrokeStyle(color: c.color, width: w, dash: dash.pattern(width: w), cap: .round, join: .round))
        // A lone finite point between gaps would be invisible as a line: give it a dot.
        for i in x.indices where marker == nil {
            let prev = i > 0 ? y[i - 1].isFinite && x[i - 1].isFinite : false
            let next = i + 1 < x.count ? y[i + 1].isFinite && x[i + 1].isFinite : false
            if !prev && !next, x[i].isFinite, y[i].isFinite {
                var dot = Path(); dot.addCircle(center: c.point(x[i], y[i]), radius: w * 1.2)
                c.renderer.fill(dot, color: c.color)
            }
        }
        if let m = marker { for p in points { m.draw(at: p, color: c.color, in: c.renderer) } }
    }

    /// A diverged series' end mark: a × where it left the finite numbers, drawn over the frame.
    public func drawOverlay(in c: MarkContext) {
        guard let i = divergenceIndex else { return }
        let p = c.point(x[i], y[i])
        guard c.plot.inset(top: -4, left: -4, bottom: -4, right: -4).contains(p) else { return }
        let cross = MarkerShape.cross.path(at: p, size: 10)
        c.renderer.stroke(cross, style: StrokeStyle(color: .white, width: 4.5, cap: .round))
        c.renderer.stroke(cross, style: StrokeStyle(color: c.color, width: 2.2, cap: .round))
    }
}
