/// Where a chart's parts go inside its panel rectangle, from measured text.
struct ChartLayout {
    var plot: Rect
    var x: Scale
    var y: Scale
    var xTicks: [Tick]
    var yTicks: [Tick]
    var legend: Legend?
    var legendOutside: Bool
    /// Left edge of an outside legend.
    var legendX: Double
    var colorbar: (bar: Colorbar, rect: Rect)?
    /// The title's lines and font: one line when it fits the panel, else wrapped at spaces into up to three.
    var title: (lines: [String], font: Font)?
}

extension Chart {
    /// The layout inside `rect`. Margins: title above; x tick labels and label below; y label and the
    /// widest y tick label on the left; colorbar and outside legend on the right; half a tick label
    /// of slack where end labels overhang the plot.
    func layout(in rect: Rect, domains: (x: (Double, Double), y: (Double, Double)), renderer r: Renderer, theme: Theme) -> ChartLayout {
        let pad = theme.padding
        let tickH = r.lineHeight(theme.tickFont), labelH = r.lineHeight(theme.labelFont)
        var top = pad + tickH / 2
        // A title wider than the panel wraps into up to three lines (small multiples name long variants) before it shrinks.
        let titleFit = title.map { r.wrapped($0, font: theme.panelTitleFont, width: rect.width - pad, maxLines: 3) }
        if let titleFit {
            let own = r.lineHeight(titleFit.font) * Double(titleFit.lines.count)
            top += max(own, r.lineHeight(theme.panelTitleFont) * Double(titleRows)) + pad / 2
        }
        var bottom = theme.tickLength + pad + (x.tickLabels ? 2 + tickH : 0)
        if x.label != nil { bottom += labelH + 2 }
        let plotH = max(10, rect.height - top - bottom)

        // Right side: colorbar and outside legend.
        var right = pad
        var cb: (bar: Colorbar, rect: Rect)?
        var cbWidth = 0.0
        for mark in marks {
            guard let bar = mark.colorbarToShow else { continue }
            cbWidth = 2 * pad + bar.width(length: plotH, renderer: r, theme: theme)
            cb = (bar, Rect(x: 0, y: 0, width: Colorbar.barWidth, height: plotH))
            break
        }
        right += cbWidth
        let entries = legend == .hidden ? [] : legendEntries(theme: theme)
        var legendBox: Legend? = entries.isEmpty ? nil : Legend(entries: entries, font: theme.legendFont)
        var outside = legend == .outsideRight
        if let lb = legendBox, legend == .best {
            let s = lb.size(r)
            outside = s.width > 0.4 * rect.width || s.height > 0.75 * plotH
        }
        if outside, let lb = legendBox { right += lb.size(r).width + pad }
        if legend == .hidden { legendBox = nil }

        // Left side from the y tick labels.
        let yTicks = ticks(domains.y, axis: y, length: plotH)
        let yTickW = y.tickLabels ? yTicks.map { r.measure($0.label, font: theme.tickFont).width }.max() ?? 0 : 0
        var left = pad + yTickW + theme.tickLength + 3
        if y.label != nil { left += labelH + pad / 2 }

        var plot = Rect(x: rect.x + left, y: rect.y + top, width: max(10, rect.width - left - right), height: plotH)
        var xs = Scale(x.scale, domain: domains.x, range: (plot.minX, plot.maxX))
        var xTicks = ticks(domains.x, axis: x, length: plot.width)
        // Fewer ticks while neighbouring labels would touch (wide labels such as 1.00005 or 1.5e7).
        while x.categories == nil, xTicks.count > 2, let spacing = minimumSpacing(xTicks, xs),
              spacing < (xTicks.map { r.measure($0.label, font: theme.tickFont).width }.max() ?? 0) + 8 {
            xTicks = ticks(domains.x, axis: x, length: plot.width, maxCount: xTicks.count - 1)
        }
        // End labels overhanging the panel: shrink the plot to make room.
        if x.tickLabels, let first = xTicks.first {
            let over = rect.minX + 2 - (xs(first.value) - r.measure(first.label, font: theme.tickFont).width / 2)
            if over > 0 { plot.x += over; plot.width -= over }
        }
        if x.tickLabels, let last = xTicks.last {
            let limit = cbWidth > 0 || outside ? plot.maxX + pad : rect.maxX - 2
            let over = xs(last.value) + r.measure(last.label, font: theme.tickFont).width / 2 - limit
            if over > 0 { plot.width -= over }
        }
        xs = Scale(x.scale, domain: domains.x, range: (plot.minX, plot.maxX))
        let ys = Scale(y.scale, domain: domains.y, range: (plot.maxY, plot.minY))
        if var c = cb {
            c.rect = Rect(x: plot.maxX + 2 * pad, y: plot.minY, width: Colorbar.barWidth, height: plot.height)
            cb = c
        }
        return ChartLayout(plot: plot, x: xs, y: ys, xTicks: xTicks, yTicks: yTicks, legend: legendBox,
                           legendOutside: outside, legendX: plot.maxX + cbWidth + pad, colorbar: cb, title: titleFit)
    }

    /// Smallest distance between neighbouring ticks in units.
    private func minimumSpacing(_ ticks: [Tick], _ s: Scale) -> Double? {
        zip(ticks, ticks.dropFirst()).map { abs(s($1.value) - s($0.value)) }.min()
    }

    /// Ticks for a domain: at most one per 60 units of axis length (30 on log axes), at most 10 (or `maxCount`).
    func ticks(_ d: (Double, Double), axis: Axis, length: Double, maxCount limit: Int = 10) -> [Tick] {
        guard axis.ticks else { return [] }
        if let cats = axis.categories { return cats.enumerated().map { Tick(Double($0.offset), $0.element) } }
        // Data spanning more than the doubles can subtract (e.g. ±1e308) gets no ticks rather than a crash.
        guard d.0 < d.1, (d.1 - d.0).isFinite, axis.scale == .linear || d.0 > 0 else { return [] }
        let maxCount = max(2, min(limit, Int(length / (axis.scale == .log ? 30 : 60))))
        let all = axis.scale == .log ? Ticks.log(lower: d.0, upper: d.1, maxCount: maxCount)
                                     : Ticks.linear(lower: d.0, upper: d.1, maxCount: maxCount)
        return all
    }
}
