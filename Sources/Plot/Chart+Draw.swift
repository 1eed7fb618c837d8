extension Chart {
    /// Draws the chart into `rect`: title, grid, layers (clipped to the plot), frame, ticks, labels,
    /// legend and colorbar. `domains` overrides the axis domains (shared axes).
    func draw(in rect: Rect, domains: (x: (Double, Double), y: (Double, Double)), renderer r: Renderer, theme: Theme) {
        let L = layout(in: rect, domains: domains, renderer: r, theme: theme)
        let plot = L.plot
        if let title, let fit = L.title {
            // Centred over the plot when it fits there, else over the whole panel (wrapped into two lines,
            // then shrunk or shortened, by the layout).
            let overPlot = 2 * min(plot.midX - rect.minX, rect.maxX - plot.midX) - theme.padding
            let fitsOverPlot = fit.lines == [title] && r.measure(title, font: fit.font).width <= overPlot
            let lineHeight = r.lineHeight(fit.font)
            for (i, line) in fit.lines.enumerated() {
                r.draw(text: line, at: Point(fitsOverPlot ? plot.midX : rect.midX, rect.minY + theme.padding / 2 + Double(i) * lineHeight),
                       style: theme.text(fit.font, .topCenter))
            }
        }
        // Grid lines.
        var grid = Path()
        if x.grid { for t in L.xTicks { let px = L.x(t.value); grid.move(to: Point(px, plot.minY)); grid.line(to: Point(px, plot.maxY)) } }
        if y.grid { for t in L.yTicks { let py = L.y(t.value); grid.move(to: Point(plot.minX, py)); grid.line(to: Point(plot.maxX, py)) } }
        if !grid.isEmpty { r.stroke(grid, style: StrokeStyle(color: theme.gridColor, width: theme.axisWidth)) }

        // Marks, clipped to the plot; then what may overhang it.
        let colors = resolvedColors()
        var seen: [ObjectIdentifier: Int] = [:]
        var counts: [ObjectIdentifier: Int] = [:]
        for mark in marks { counts[ObjectIdentifier(type(of: mark)), default: 0] += 1 }
        let contexts = zip(marks, colors).map { mark, color -> MarkContext in
            let kind = ObjectIdentifier(type(of: mark))
            let index = seen[kind, default: 0]
            seen[kind] = index + 1
            return MarkContext(plot: plot, x: L.x, y: L.y, renderer: r, theme: theme, color: color,
                               slot: (index, counts[kind] ?? 1), chart: self)
        }
        r.pushClip(plot)
        for (mark, context) in zip(marks, contexts) { mark.draw(in: context) }
        r.popClip()
        for (mark, context) in zip(marks, contexts) { mark.drawOverlay(in: context) }
        drawAxes(L, rect: rect, renderer: r, theme: theme)
        if let legend = L.legend { place(legend, layout: L, renderer: r, theme: theme) }
        if let cb = L.colorbar { cb.bar.draw(in: cb.rect, renderer: r, theme: theme) }
    }
}
