/// Where a chart's legend goes.
public enum LegendPlacement: Sendable, Equatable {
    /// Inside the plot, in the candidate position covering the fewest data points
    /// (outside on the right when it is too large for the plot).
    case best
    case topLeft, topRight, bottomLeft, bottomRight
    /// To the right of the plot area, outside it.
    case outsideRight
    case hidden
}

/// The legend's rows and measured size.
struct Legend {
    var entries: [LegendEntry]
    var font: Font
    static let swatchWidth = 24.0
    static let inset = 6.0

    func rowHeight(_ r: Renderer) -> Double { max(r.lineHeight(font), 12) + 2 }

    func size(_ r: Renderer) -> Size {
        let w = entries.map { r.measure($0.name, font: font).width }.max() ?? 0
        return Size(2 * Legend.inset + Legend.swatchWidth + 6 + w, 2 * Legend.inset + Double(entries.count) * rowHeight(r) - 2)
    }

    /// Draws the legend with its top-left corner at `origin`.
    func draw(at origin: Point, renderer r: Renderer, theme: Theme) {
        let s = size(r)
        let box = Rect(x: origin.x, y: origin.y, width: s.width, height: s.height)
        r.fill(.rect(box), color: Color.white.withAlpha(0.88))
        r.stroke(.rect(box), style: StrokeStyle(color: Color(gray: 0.75), width: 0.8))
        let rh = rowHeight(r)
        for (i, e) in entries.enumerated() {
            let cy = origin.y + Legend.inset + (Double(i) + 0.5) * rh - 1
            let x0 = origin.x + Legend.inset, x1 = x0 + Legend.swatchWidth
            if let patch = e.patch {
                r.fill(.rect(Rect(x: x0, y: cy - 5, width: Legend.swatchWidth, height: 10)), color: patch)
            }
            if let line = e.line {
                if line.color.luminance > 0.8 {  // a light line needs a dark outline to show on the white box
                    var halo = line; halo.color = Color(gray: 0.35); halo.width += 2; halo.dash = []
                    r.stroke(.segment(Point(x0, cy), Point(x1, cy)), style: halo)
                }
                r.stroke(.segment(Point(x0, cy), Point(x1, cy)), style: line)
            }
            if let m = e.marker, let c = e.markerColor { m.draw(at: Point((x0 + x1) / 2, cy), color: c, in: r) }
            r.draw(text: e.name, at: Point(x1 + 6, cy), style: theme.text(font, .leadingMiddle))
        }
    }
}
