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
