/// Points `(x[i], y[i])`, colored (and shaped) by an optional class label per point.
public struct ScatterSeries: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Class index per point; colors and shapes cycle through the palette and `MarkerShape`.
    public var classes: [Int]?
    /// Legend names per class index, when `classes` is set.
    public var classNames: [String]?
    public var color: Color?
    public var marker: MarkerStyle

    public init(_ name: String, x: [Double], y: [Double], classes: [Int]? = nil, classNames: [String]? = nil,
                color: Color? = nil, marker: MarkerStyle = MarkerStyle()) {
        self.name = name; self.x = x; self.y = y; self.classes = classes; self.classNames = classNames
        self.color = color; self.marker = marker
    }
}

extension ScatterSeries: Mark {
    /// Points coloured by class take the palette's colours, not one of their own.
    public var requestedColor: Color? { color ?? (classes != nil ? Color.palette(0) : nil) }
    public var label: String { "scatter '\(name)'" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        try chart.checkSeries(x: x, y: y, yName: "y", location: location)
        if let c = classes, c.count != x.count {
            throw PlotError.lengthMismatch(what: "classes", expected: x.count, received: c.count, location: location)
        }
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        (dimension == .x ? x : y, false)
    }

    /// A row per class (its colour and shape), or one for the series.
    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] {
        guard let classes else { return name.isEmpty ? [] : [LegendEntry(name: name, marker: marker, markerColor: color)] }
        return Set(classes).sorted().map { k in
            let className = classNames.flatMap { k >= 0 && k < $0.count ? $0[k] : nil } ?? "class \(k)"
            var m = marker; m.shape = MarkerShape.cycling(k)
            return LegendEntry(name: className, marker: m, markerColor: self.color ?? Color.palette(k))
        }
    }

    public func obstacles(x xs: Scale, y ys: Scale, on chart: Chart) -> [Point] {
        x.indices.map { Point(xs(x[$0]), ys(y[$0])) }
    }

    public func draw(in c: MarkContext) {
        for i in x.indices {
            let p = c.point(x[i], y[i])
            guard p.x.isFinite, p.y.isFinite else { continue }
            if let classes {
                var m = marker; m.shape = MarkerShape.cycling(classes[i])
                m.draw(at: p, color: color ?? Color.palette(classes[i]), in: c.renderer)
            } else {
                marker.draw(at: p, color: c.color, in: c.renderer)
            }
        }
    }
}

extension ScatterSeries {
    /// The most data points a decision-boundary panel draws: beyond it points hide each other and
    /// an SVG of a million circles is hundreds of megabytes.
    public static let maximumDataPoints = 4000

    /// At most `limit` of the points, evenly strided (the first always kept, so the same data give
    /// the same picture), with the name saying how many are shown ("data (4000 of 1000000 shown)").
    public func thinned(to limit: Int = ScatterSeries.maximumDataPoints) -> ScatterSeries {
        let count = min(x.count, y.count)
        guard count > limit, limit > 0 else { return self }
        let indices = (0..<limit).map { $0 * count / limit }
        var copy = self
        copy.x = indices.map { x[$0] }
        copy.y = indices.map { y[$0] }
        copy.classes = classes.map { all in indices.map { all[$0] } }
        copy.name = "\(name) (\(limit) of \(count) shown)"
        return copy
    }
}
