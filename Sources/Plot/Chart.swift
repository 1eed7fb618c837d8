/// An x–y chart: axes, and marks (lines, bands, scatter points, heatmaps, contours, bars, or any `Mark`).
///
/// A decision boundary is a chart with a `Heatmap`, a `Contour` at the threshold and a `ScatterSeries` of the data.
public struct Chart: Sendable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    /// Drawn in order, the first at the bottom.
    public var marks: [any Mark]
    public var legend: LegendPlacement
    /// Lines of title the layout reserves at least (a figure sets its row's most, so the row's plots line up).
    var titleRows = 1

    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), legend: LegendPlacement = .best,
                marks: [any Mark] = []) {
        self.title = title; self.x = x; self.y = y; self.marks = marks; self.legend = legend
    }

    /// A bar chart: one group of bars per category, one bar per series.
    public static func bars(title: String? = nil, categories: [String], series: [BarSeries], xLabel: String? = nil,
                            y: Axis = Axis(), legend: LegendPlacement = .best) -> Chart {
        var yAxis = y
        if yAxis.range == .auto { yAxis.range = AxisRange(padding: 0.08) }
        return Chart(title: title, x: Axis(xLabel, grid: false, categories: categories), y: yAxis, legend: legend,
                     marks: series)
    }

    /// Colors per mark after filling unset ones from the palette; marks with the same name share a color.
    func resolvedColors() -> [Color] {
        var byName: [String: Color] = [:]
        var next = 0
        return marks.map { mark in
            guard mark.takesPaletteColor else { return .clear }
            if let explicit = mark.requestedColor {
                if !mark.name.isEmpty { byName[mark.name] = byName[mark.name] ?? explicit }
                return explicit
            }
            if let named = byName[mark.name], !mark.name.isEmpty { return named }
            let c = Color.palette(next); next += 1
            if !mark.name.isEmpty { byName[mark.name] = c }
            return c
        }
    }

    /// Legend rows for the named marks (rows of one name merge: a band and its line are one row).
    func legendEntries(theme: Theme) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        for (mark, color) in zip(marks, resolvedColors()) {
            for e in mark.legendEntries(color: color, theme: theme) {
                if let i = entries.firstIndex(where: { $0.name == e.name }) {
                    entries[i].patch = entries[i].patch ?? e.patch
                    entries[i].line = entries[i].line ?? e.line
                    entries[i].marker = entries[i].marker ?? e.marker
                    entries[i].markerColor = entries[i].markerColor ?? e.markerColor
                } else { entries.append(e) }
            }
        }
        return entries
    }
}
