/// An x–y chart: axes, and layers of lines, bands, scatter points, heatmaps and contours.
///
/// A decision boundary is a chart with a `.heatmap`, a `.contour` at the threshold and a `.scatter` of the data.
public struct Chart: Sendable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var layers: [Layer]
    public var legend: LegendPlacement

    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), legend: LegendPlacement = .best,
                layers: [Layer] = []) {
        self.title = title; self.x = x; self.y = y; self.layers = layers; self.legend = legend
    }

    /// A bar chart: one group of bars per category, one bar per series.
    public static func bars(title: String? = nil, categories: [String], series: [BarSeries], xLabel: String? = nil,
                            y: Axis = Axis(), legend: LegendPlacement = .best) -> Chart {
        var yAxis = y
        if yAxis.range == .auto { yAxis.range = AxisRange(padding: 0.08) }
        return Chart(title: title, x: Axis(xLabel, grid: false, categories: categories), y: yAxis, legend: legend,
                     layers: series.map { .bars($0) })
    }

    /// Colors per layer after filling unset ones from the palette; a band and a line with the same
    /// name share a color.
    func resolvedColors() -> [Color] {
        var byName: [String: Color] = [:]
        var next = 0
        return layers.map { layer in
            let explicit: Color?
            switch layer {
            case .line(let s): explicit = s.color
            case .band(let b): explicit = b.color
            case .scatter(let s): explicit = s.color ?? (s.classes != nil ? Color.palette(0) : nil)
            case .heatmap: return .clear
            case .contour(let c): explicit = c.color
            case .bars(let b): explicit = b.color
            }
            if let explicit { if !layer.name.isEmpty { byName[layer.name] = byName[layer.name] ?? explicit }; return explicit }
            if let named = byName[layer.name], !layer.name.isEmpty { return named }
            let c = Color.palette(next); next += 1
            if !layer.name.isEmpty { byName[layer.name] = c }
            return c
        }
    }

    /// Legend rows for the named layers (a band and line of one name merge into one row).
    func legendEntries(theme: Theme) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        func merge(_ e: LegendEntry) {
            if let i = entries.firstIndex(where: { $0.name == e.name }) {
                entries[i].patch = entries[i].patch ?? e.patch
                entries[i].line = entries[i].line ?? e.line
                entries[i].marker = entries[i].marker ?? e.marker
                entries[i].markerColor = entries[i].markerColor ?? e.markerColor
            } else { entries.append(e) }
        }
        for (layer, color) in zip(layers, resolvedColors()) {
            switch layer {
            case .line(let s) where !s.name.isEmpty:
                let w = s.width ?? theme.lineWidth
                merge(LegendEntry(name: s.name, line: StrokeStyle(color: color, width: w, dash: s.dash.pattern(width: w)),
                                  marker: s.marker, markerColor: s.marker == nil ? nil : color))
            case .bars(let b) where !b.name.isEmpty:
                merge(LegendEntry(name: b.name, patch: color))
            case .band(let b) where !b.name.isEmpty:
                merge(LegendEntry(name: b.name, patch: color.withAlpha(b.opacity)))
            case .scatter(let s):
                if let classes = s.classes {
                    for k in Set(classes).sorted() {
                        let name = s.classNames.flatMap { k >= 0 && k < $0.count ? $0[k] : nil } ?? "class \(k)"
                        var m = s.marker; m.shape = MarkerShape.cycling(k)
                        merge(LegendEntry(name: name, marker: m, markerColor: Color.palette(k)))
                    }
                } else if !s.name.isEmpty {
                    merge(LegendEntry(name: s.name, marker: s.marker, markerColor: color))
                }
            case .contour(let c) where !c.name.isEmpty:
                merge(LegendEntry(name: c.name, line: StrokeStyle(color: c.color, width: c.width, dash: c.dash.pattern(width: c.width))))
            default: break
            }
        }
        return entries
    }
}
