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
