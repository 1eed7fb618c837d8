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
