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

extension Contour: Mark {
    public var requestedColor: Color? { color }
    public var label: String { "contour '\(name)'" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        try field.validate(on: chart, location: location)
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        (field.extent(dimension), false)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] {
        name.isEmpty ? [] : [LegendEntry(name: name, line: StrokeStyle(color: self.color, width: width, dash: dash.pattern(width: width)))]
    }

    public func obstacles(x xs: Scale, y ys: Scale, on chart: Chart) -> [Point] {
        MarchingSquares.contours(of: field, level: level).flatMap { line in Marks.densified(line.map(\.x), line.map(\.y), x: xs, y: ys) }
    }

    public func draw(in c: MarkContext) {
        var path = Path()
        for line in MarchingSquares.contours(of: field, level: level) {
            for (i, p) in line.enumerated() {
                let q = c.point(p.x, p.y)
                if i == 0 { path.move(to: q) } else { path.line(to: q) }
            }
        }
        if !path.isEmpty {
            c.renderer.stroke(path, style: StrokeStyle(color: color, width: width, dash: dash.pattern(width: width), cap: .round))
        }
    }
}
