/// The line where a field crosses `level` (e.g. the decision threshold), found by marching squares.
public struct Contour: Sendable {
    public var name: String
    public var field: Field
    public var level: Double
    public var color: Color
    public var width: Double
    public var dash: Dash

    public init(_ name: String = "", field: Field, level: Double, color: Color = Color(gray: 0.1), width: Double = 2,
                dash: Dash = .solid) {
        self.name = name; self.field = field; self.level = level; self.color = color; self.width = width; self.dash = dash
    }
}
