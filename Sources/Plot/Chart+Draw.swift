extension Chart {
    /// Draws the chart into `rect`: title, grid, layers (clipped to the plot), frame, ticks, labels,
    /// legend and colorbar. `domains` overrides the axis domains (shared axes).
    func draw(in rect: Rect, domains: (x: (Double, Double), y: (Double, Double)), renderer r: Renderer, theme: Theme) {
        let L = layout(in: rect, domains: domains, renderer: r, theme: theme)
        let plot = L.plot
        if let title {
            // Centred over the plot when it fits there, else over the whole panel, shrunk or shortened to fit.
            let overPlot = 2 * min(plot.midX - rect.minX, rect.maxX - plot.midX) - theme.padding
            let fitsOverPlot = r.measure(title, font: theme.panelTitleFont).width <= overPlot
            let fit = fitsOverPlot ? (text: title, font: theme.panelTitleFont) : r.fitted(title, font: theme.panelTitleFont, width: rect.width - theme.padding)
            r.draw(text: fit.text, at: Point(fitsOverPlot ? plot.midX : rect.midX, rect.minY + theme.padding / 2), style: theme.text(fit.font, .topCenter))
        }
        // Grid lines.
        var grid = Path()
        if x.grid { for t in L.xTicks { let px = L.x(t.value); grid.move(to: Point(px, plot.minY)); grid.line(to: Point(px, plot.maxY)) } }
        if y.grid { for t in L.yTicks { let py = L.y(t.value); grid.move(to: Point(plot.minX, py)); grid.line(to: Point(plot.maxX, py)) } }
        if !grid.isEmpty { r.stroke(grid, style: StrokeStyle(color: theme.gridColor, width: theme.axisWidth)) }

        // Layers.
        let colors = resolvedColors()
        r.pushClip(plot)
        var divergences: [(Point, Color)] = []
        let barLayers = layers.filter { if case .bars = $0 { true } else { false } }.count
        var barIndex = 0
        for (layer, color) in zip(layers, colors) {
            switch layer {
            case .line(let s):
                drawLine(s, color: color, layout: L, renderer: r, theme: theme)
                if let i = s.divergenceIndex { divergences.append((Point(L.x(s.x[i]), L.y(s.y[i])), color)) }
            case .band(let b): drawBand(b, color: color, layout: L, renderer: r)
            case .bars(let b):
                drawBars(b, color: color, slot: (barIndex, barLayers), layout: L, renderer: r, theme: theme)
                barIndex += 1
            case .scatter(let s): drawScatter(s, color: color, layout: L, renderer: r)
            case .heatmap(let h):
                let f = h.field
                let x0 = L.x(f.x.lowerBound), x1 = L.x(f.x.upperBound), y0 = L.y(f.y.upperBound), y1 = L.y(f.y.lowerBound)
                r.draw(image: h.raster(), in: Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)),
                       smoothing: h.smoothing)
            case .contour(let c):
                var path = Path()
                for line in MarchingSquares.contours(of: c.field, level: c.level) {
                    for (i, p) in line.enumerated() {
                        let q = Point(L.x(p.x), L.y(p.y))
                        if i == 0 { path.move(to: q) } else { path.line(to: q) }
                    }
                }
                if !path.isEmpty {
                    r.stroke(path, style: StrokeStyle(color: c.color, width: c.width, dash: c.dash.pattern(width: c.width), cap: .round))
                }
            }
        }
        r.popClip()
        // Divergence end marks: a × where the series left the finite numbers.
        for (p, c) in divergences where plot.inset(top: -4, left: -4, bottom: -4, right: -4).contains(p) {
            let cross = MarkerShape.cross.path(at: p, size: 10)
            r.stroke(cross, style: StrokeStyle(color: .white, width: 4.5, cap: .round))
            r.stroke(cross, style: StrokeStyle(color: c, width: 2.2, cap: .round))
        }
        drawAxes(L, rect: rect, renderer: r, theme: theme)
        if let legend = L.legend { place(legend, layout: L, renderer: r, theme: theme) }
        if let cb = L.colorbar { cb.bar.draw(in: cb.rect, renderer: r, theme: theme) }
    }

    private func drawLine(_ s: LineSeries, color: Color, layout L: ChartLayout, renderer r: Renderer, theme: Theme) {
        var path = Path(reservingCapacity: s.x.count)
        var penDown = false
        var points: [Point] = []
        for i in s.x.indices {
            let px = L.x(s.x[i]), py = L.y(s.y[i])
            if px.isFinite && py.isFinite {
                let p = Point(px, py)
                if penDown { path.line(to: p) } else { path.move(to: p); penDown = true }
                if s.marker != nil { points.append(p) }
            } else { penDown = false }
        }
        let w = s.width ?? theme.lineWidth
        r.stroke(path, style: StrokeStyle(color: color, width: w, dash: s.dash.pattern(width: w), cap: .round, join: .round))
        // A lone finite point between gaps would be invisible as a line: give it a dot.
        for i in s.x.indices where s.marker == nil {
            let prev = i > 0 ? s.y[i - 1].isFinite && s.x[i - 1].isFinite : false
            let next = i + 1 < s.x.count ? s.y[i + 1].isFinite && s.x[i + 1].isFinite : false
            if !prev && !next, s.x[i].isFinite, s.y[i].isFinite {
                var dot = Path(); dot.addCircle(center: Point(L.x(s.x[i]), L.y(s.y[i])), radius: w * 1.2)
                r.fill(dot, color: color)
            }
        }
        if let m = s.marker { for p in points { m.draw(at: p, color: color, in: r) } }
    }

    private func drawBand(_ b: Band, color: Color, layout L: ChartLayout, renderer r: Renderer) {
        var path = Path()
        var run: [Int] = []
        func flush() {
            guard run.count >= 2 else { run = []; return }
            for (k, i) in run.enumerated() {
                let p = Point(L.x(b.x[i]), L.y(b.upper[i]))
                if k == 0 { path.move(to: p) } else { path.line(to: p) }
            }
            for i in run.reversed() { path.line(to: Point(L.x(b.x[i]), L.y(b.lower[i]))) }
            path.close(); run = []
        }
        for i in b.x.indices {
            if L.x(b.x[i]).isFinite && L.y(b.lower[i]).isFinite && L.y(b.upper[i]).isFinite { run.append(i) } else { flush() }
        }
        flush()
        if !path.isEmpty { r.fill(path, color: color.withAlpha(color.alpha * b.opacity)) }
    }

    /// Bars of series `slot.0` of `slot.1` side by side within 80 % of each category's width.
    private func drawBars(_ b: BarSeries, color: Color, slot: (Int, Int), layout L: ChartLayout, renderer r: Renderer, theme: Theme) {
        let width = 0.8 / Double(slot.1)
        let base = L.y(y.scale == .log ? L.y.domain.lower : 0)
        var path = Path()
        for (i, v) in b.values.enumerated() where v.isFinite {
            let x0 = L.x(Double(i) - 0.4 + Double(slot.0) * width), x1 = L.x(Double(i) - 0.4 + Double(slot.0 + 1) * width)
            let top = L.y(v)
            path.addRect(Rect(x: x0, y: min(top, base), width: x1 - x0, height: abs(base - top)))
        }
        r.fill(path, color: color)
        r.stroke(path, style: StrokeStyle(color: Color.white, width: 0.6, join: .miter))
    }

    private func drawScatter(_ s: ScatterSeries, color: Color, layout L: ChartLayout, renderer r: Renderer) {
        for i in s.x.indices {
            let p = Point(L.x(s.x[i]), L.y(s.y[i]))
            guard p.x.isFinite, p.y.isFinite else { continue }
            if let classes = s.classes {
                var m = s.marker; m.shape = MarkerShape.cycling(classes[i])
                m.draw(at: p, color: s.color ?? Color.palette(classes[i]), in: r)
            } else {
                s.marker.draw(at: p, color: color, in: r)
            }
        }
    }
}
