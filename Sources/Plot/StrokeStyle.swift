/// How a path is stroked.
public struct StrokeStyle: Sendable, Equatable {
    public enum Cap: Sendable { case butt, round, square }
    public enum Join: Sendable { case miter, round, bevel }
    public var color: Color
    public var width: Double
    /// Dash lengths (on, off, ...) in figure units; empty is solid.
    public var dash: [Double]
    public var cap: Cap
    public var join: Join
    public init(color: Color, width: Double = 1, dash: [Double] = [], cap: Cap = .butt, join: Join = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}
