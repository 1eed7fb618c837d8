extension Chart {
    /// Frame, outward ticks, tick labels and axis labels.
    func drawAxes(_ L: ChartLayout, rect: Rect, renderer r: Renderer, theme: Theme) {
        let plot = L.plot, tl = theme.tickLength
        r.stroke(.rect(plot), style: StrokeStyle(color: theme.axisColor, width: theme.axisWidth, join: .miter))
        var ticks = Path()
        let tickStyle = theme.text(theme.tickFont, .topCenter)
        for t in L.xTicks {
            let px = L.x(t.value)
            ticks.move(to: Point(px, plot.maxY)); ticks.line(to: Point(px, plot.maxY + tl))
            if x.tickLabels { r.draw(text: t.label, at: Point(px, plot.maxY + tl + 2), style: tickStyle) }
        }
        for t in L.yTicks {
            let py = L.y(t.value)
            ticks.move(to: Point(plot.minX, py)); ticks.line(to: Point(plot.minX - tl, py))
            if y.tickLabels { r.draw(text: t.label, at: Point(plot.minX - tl - 3, py), style: theme.text(theme.tickFont, .trailingMiddle)) }
        }
        r.stroke(ticks, style: StrokeStyle(color: theme.axisColor, width: theme.axisWidth))
        if let label = x.label {
            let y0 = plot.maxY + tl + 2 + (x.tickLabels ? r.lineHeight(theme.tickFont) + 2 : 0)
            r.draw(text: label, at: Point(plot.midX, y0), style: theme.text(theme.labelFont, .topCenter))
        }
        if let label = y.label {
            r.draw(text: label, at: Point(rect.minX + theme.padding, plot.midY),
                   style: theme.text(theme.labelFont, TextAnchor(.center, .top), rotation: 90))
        }
    }

    /// Puts the legend outside on the right, in a fixed corner, or in the candidate spot covering the fewest data points.
    func place(_ legend: Legend, layout L: ChartLayout, renderer r: Renderer, theme: Theme) {
        let s = legend.size(r), plot = L.plot, m = theme.padding
        if L.legendOutside {
            legend.draw(at: Point(L.legendX, plot.minY), renderer: r, theme: theme)
            return
        }
        let xs = [plot.minX + m, plot.midX - s.width / 2, plot.maxX - m - s.width]
        let ys = [plot.minY + m, plot.midY - s.height / 2, plot.maxY - m - s.height]
        // Candidates in order of preference: corners first, then edge midpoints.
        let order = [(2, 0), (0, 0), (2, 2), (0, 2), (1, 0), (1, 2), (2, 1), (0, 1)]
        let candidates: [Rect] = switch self.legend {
        case .topLeft: [Rect(x: xs[0], y: ys[0], width: s.width, height: s.height)]
        case .topRight: [Rect(x: xs[2], y: ys[0], width: s.width, height: s.height)]
        case .bottomLeft: [Rect(x: xs[0], y: ys[2], width: s.width, height: s.height)]
        case .bottomRight: [Rect(x: xs[2], y: ys[2], width: s.width, height: s.height)]
        default: order.map { Rect(x: xs[$0.0], y: ys[$0.1], width: s.width, height: s.height) }
        }
        let points = candidates.count > 1 ? dataPoints(L) : []
        var best = candidates[0], bestScore = Int.max
        for c in candidates {
            let grown = c.inset(top: -3, left: -3, bottom: -3, right: -3)
            let score = points.reduce(0) { $0 + (grown.contains($1) ? 1 : 0) }
            if score < bestScore { best = c; bestScore = score }
        }
        legend.draw(at: Point(best.x, best.y), renderer: r, theme: theme)
    }

    /// Projected data points used to score legend positions (every mark's `obstacles`).
    func dataPoints(_ L: ChartLayout) -> [Point] {
        marks.flatMap { $0.obstacles(x: L.x, y: L.y, on: self) }
    }
}

extension Marks {
    /// The points of a polyline in plot coordinates, with segments densified every 8 units (at most 20
    /// per segment), so a legend over a line's middle counts as covering it.
    public static func densified(_ xs: [Double], _ ys: [Double], x: Scale, y: Scale) -> [Point] {
        var pts: [Point] = []
        var prev: Point?
        for i in xs.indices {
            let p = Point(x(xs[i]), y(ys[i]))
            guard p.x.isFinite, p.y.isFinite else { prev = nil; continue }
            if let q = prev {
                let steps = min(20, Int(max(abs(p.x - q.x), abs(p.y - q.y)) / 8))
                if steps > 1 { for k in 1..<steps { let t = Double(k) / Double(steps); pts.append(Point(q.x + t * (p.x - q.x), q.y + t * (p.y - q.y))) } }
            }
            pts.append(p); prev = p
        }
        return pts
    }
}
