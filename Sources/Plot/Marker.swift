/// A point marker's shape.
public enum MarkerShape: Sendable, CaseIterable, Equatable {
    case circle, square, triangle, diamond, cross, plus

    /// The `i`-th shape, cycling (used to tell classes apart without color).
    public static func cycling(_ i: Int) -> MarkerShape { allCases[((i % allCases.count) + allCases.count) % allCases.count] }

    /// Whether the shape is an outline of strokes only (no fill).
    var isStroked: Bool { self == .cross || self == .plus }

    /// The shape's outline as a path centered at `c`, fitting a box of `size` units.
    public func path(at c: Point, size: Double) -> Path {
        let r = size / 2
        var p = Path()
        switch self {
        case .circle: p.addCircle(center: c, radius: r)
        case .square: p.addRect(Rect(x: c.x - r * 0.9, y: c.y - r * 0.9, width: r * 1.8, height: r * 1.8))
        case .triangle:
            p.move(to: Point(c.x, c.y - r * 1.15)); p.line(to: Point(c.x + r, c.y + r * 0.6))
            p.line(to: Point(c.x - r, c.y + r * 0.6)); p.close()
        case .diamond:
            p.move(to: Point(c.x, c.y - r * 1.2)); p.line(to: Point(c.x + r, c.y))
            p.line(to: Point(c.x, c.y + r * 1.2)); p.line(to: Point(c.x - r, c.y)); p.close()
        case .cross:
            p.move(to: Point(c.x - r, c.y - r)); p.line(to: Point(c.x + r, c.y + r))
            p.move(to: Point(c.x - r, c.y + r)); p.line(to: Point(c.x + r, c.y - r))
        case .plus:
            p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
            p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
        }
        return p
    }
}

/// A marker: shape, size and optional outline.
public struct MarkerStyle: Sendable, Equatable {
    public var shape: MarkerShape
    public var size: Double
    /// Drawn around filled shapes so they stay visible on any background.
    public var outline: Color?
    /// Only the shape's outline, in the marker's colour over a thin dark halo (TensorFlow Playground's
    /// test points beside its filled training points).
    public var hollow: Bool
    public init(_ shape: MarkerShape = .circle, size: Double = 6, outline: Color? = Color(gray: 0.1), hollow: Bool = false) {
        self.shape = shape; self.size = size; self.outline = outline; self.hollow = hollow
    }

    /// Draws the marker at `c` in `color`.
    func draw(at c: Point, color: Color, in renderer: Renderer) {
        let p = shape.path(at: c, size: size)
        if hollow && !shape.isStroked {
            let width = max(1.4, size / 4.5)
            renderer.stroke(p, style: StrokeStyle(color: outline ?? Color(gray: 0.1), width: width + 1.4))
            renderer.stroke(p, style: StrokeStyle(color: color, width: width))
        } else if shape.isStroked {
            renderer.stroke(p, style: StrokeStyle(color: color, width: max(1.2, size / 4), cap: .round))
        } else {
            renderer.fill(p, color: color)
            if let outline { renderer.stroke(p, style: StrokeStyle(color: outline, width: max(0.6, size / 9))) }
        }
    }
}
