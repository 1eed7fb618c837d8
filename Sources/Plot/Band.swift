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
