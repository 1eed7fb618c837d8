/// A vector path in figure units: sub-paths of lines and cubic curves, plus rectangles and circles.
public struct Path: Sendable {
    public enum Element: Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
        case rect(Rect)
        case circle(center: Point, radius: Double)
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(reservingCapacity n: Int) { elements.reserveCapacity(n) }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, control1: Point, control2: Point) { elements.append(.curve(control1, control2, p)) }
    public mutating func close() { elements.append(.close) }
    public mutating func addRect(_ r: Rect) { elements.append(.rect(r)) }
    public mutating func addCircle(center: Point, radius: Double) { elements.append(.circle(center: center, radius: radius)) }

    /// A path through `points` (a polyline, optionally closed).
    public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
        var p = Path(reservingCapacity: points.count + 1)
        for (i, q) in points.enumerated() { if i == 0 { p.move(to: q) } else { p.line(to: q) } }
        if closed { p.close() }
        return p
    }

    public static func rect(_ r: Rect) -> Path { var p = Path(); p.addRect(r); return p }

    public static func segment(_ a: Point, _ b: Point) -> Path { var p = Path(); p.move(to: a); p.line(to: b); return p }
}
