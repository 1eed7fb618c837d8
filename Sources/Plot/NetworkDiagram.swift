import Foundation

/// One column of nodes in a network diagram.
public struct NetworkLayer: Sendable {
    public var name: String
    public var size: Int
    /// Per-node names (e.g. x₁, h₂); shown inside or beside the nodes.
    public var nodeLabels: [String]?
    /// Per-node values (activations); shown as node color and, with `.nodeValues`, as text.
    public var values: [Double]?

    public init(_ name: String, size: Int, nodeLabels: [String]? = nil, values: [Double]? = nil) {
        self.name = name; self.size = size; self.nodeLabels = nodeLabels; self.values = values
    }
}

/// Weighted edges from every node of layer `from` to every node of layer `to`: `weights[j][i]` joins
/// node `i` of `from` to node `j` of `to` (a dense layer's weight matrix). `to > from + 1` is a skip
/// (e.g. inputs concatenated into a later layer) and is drawn as curves around the layers between.
public struct NetworkEdges: Sendable {
    public var from: Int
    public var to: Int
    public var weights: [[Double]]
    public init(from: Int, to: Int, weights: [[Double]]) { self.from = from; self.to = to; self.weights = weights }
}

/// Which optional texts a network diagram writes.
public struct NetworkLabels: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let weights = NetworkLabels(rawValue: 1)
    public static let nodeValues = NetworkLabels(rawValue: 2)
}

/// Layers of nodes joined by edges colored by the weight's sign and as wide as its magnitude.
public struct NetworkDiagram: Sendable {
    public var title: String?
    public var layers: [NetworkLayer]
    public var edges: [NetworkEdges]
    public var labels: NetworkLabels
    public var positive: Color
    public var negative: Color

    public init(title: String? = nil, layers: [NetworkLayer], edges: [NetworkEdges], labels: NetworkLabels = [],
                positive: Color = Color(hex: 0xD55E00), negative: Color = Color(hex: 0x0072B2)) {
        self.title = title; self.layers = layers; self.edges = edges; self.labels = labels
        self.positive = positive; self.negative = negative
    }

    func validate(_ location: String) throws(PlotError) {
        guard !layers.isEmpty else { throw PlotError.empty(what: "layers", location: location) }
        for (k, l) in layers.enumerated() {
            let here = location + " › layer \(k) '\(l.name)'"
            guard l.size >= 1 else { throw PlotError.invalidValue(what: "size", expected: "≥ 1", received: "\(l.size)", location: here) }
            if let n = l.nodeLabels, n.count != l.size {
                throw PlotError.lengthMismatch(what: "nodeLabels", expected: l.size, received: n.count, location: here)
            }
            if let v = l.values, v.count != l.size {
                throw PlotError.lengthMismatch(what: "values", expected: l.size, received: v.count, location: here)
            }
        }
        for (k, e) in edges.enumerated() {
            let here = location + " › edges \(k) (\(e.from) → \(e.to))"
            guard layers.indices.contains(e.from), layers.indices.contains(e.to), e.from < e.to else {
                throw PlotError.invalidValue(what: "layer indices", expected: "0 ≤ from < to < \(layers.count)",
                                             received: "\(e.from) → \(e.to)", location: here)
            }
            guard e.weights.count == layers[e.to].size else {
                throw PlotError.lengthMismatch(what: "weight rows", expected: layers[e.to].size, received: e.weights.count, location: here)
            }
            for (j, row) in e.weights.enumerated() where row.count != layers[e.from].size {
                throw PlotError.lengthMismatch(what: "weight row \(j)", expected: layers[e.from].size, received: row.count, location: here)
            }
        }
    }

    /// Node centers per layer, radius, and the area they occupy.
    func positions(in area: Rect) -> (centers: [[Point]], radius: Double) {
        let maxNodes = Double(layers.map(\.size).max() ?? 1)
        let dx = area.width / Double(max(1, layers.count))
        let dy = area.height / maxNodes
        let radius = max(3, min(16, dy * 0.32, dx * 0.12))
        let centers = layers.enumerated().map { k, l in
            (0..<l.size).map { i in
                Point(area.minX + (Double(k) + 0.5) * dx, area.midY + (Double(i) - Double(l.size - 1) / 2) * dy)
            }
        }
        return (centers, radius)
    }

    func draw(in rect: Rect, renderer r: Renderer, theme: Theme) {
        let pad = theme.padding
        var area = rect.inset(top: pad, left: pad, bottom: pad, right: pad)
        if let title {
            r.draw(text: title, at: Point(rect.midX, rect.minY + pad / 2), style: theme.text(theme.panelTitleFont, .topCenter))
            area = area.inset(top: r.lineHeight(theme.panelTitleFont))
        }
        let legend = Legend(entries: [
            LegendEntry(name: "positive weight", line: StrokeStyle(color: positive, width: 2.5)),
            LegendEntry(name: "negative weight", line: StrokeStyle(color: negative, width: 2.5)),
        ], font: theme.legendFont)
        let legendSize = legend.size(r)
        area = area.inset(bottom: r.lineHeight(theme.labelFont) + legendSize.height + 2 * pad)
        let hasSkips = edges.contains { $0.to > $0.from + 1 }
        let nodeArea = area.inset(top: hasSkips ? area.height * 0.16 : 0)
        let (centers, radius) = positions(in: nodeArea)
        let maxW = edges.flatMap { $0.weights.flatMap { $0 } }.filter(\.isFinite).map(abs).max() ?? 1
        let lift = nodeArea.minY - area.minY

        // Edges, thinnest first so strong weights stay on top.
        var segments: [(path: Path, w: Double, label: Point)] = []
        for e in edges {
            for (j, row) in e.weights.enumerated() {
                for (i, w) in row.enumerated() where w.isFinite {
                    let a = centers[e.from][i], b = centers[e.to][j]
                    var p = Path()
                    p.move(to: a)
                    let label: Point
                    if e.to > e.from + 1 {
                        // Skip edge: bow above the layers in between.
                        let top = area.minY + lift * 0.35
                        let c1 = Point(a.x + (b.x - a.x) * 0.25, top), c2 = Point(a.x + (b.x - a.x) * 0.75, top)
                        p.curve(to: b, control1: c1, control2: c2)
                        label = Point(0.125 * a.x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * b.x, 0.125 * a.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * b.y)
                    } else {
                        p.line(to: b)
                        // Spread labels along the edges by target node so they do not pile up at the source.
                        let t = 0.2 + 0.6 * (Double(j) + 0.5) / Double(e.weights.count)
                        label = Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
                    }
                    segments.append((p, w, label))
                }
            }
        }
        for s in segments.sorted(by: { abs($0.w) < abs($1.w) }) {
            let width = 0.5 + 3.5 * abs(s.w) / max(maxW, 1e-12)
            r.stroke(s.path, style: StrokeStyle(color: (s.w >= 0 ? positive : negative).withAlpha(0.85), width: width, cap: .round))
        }
        if labels.contains(.weights) {
            let font = Font(size: theme.annotationFont.size * 0.9)
            for s in segments {
                let text = Ticks.label(s.w, significant: 2)
                let m = r.measure(text, font: font)
                r.fill(.rect(Rect(x: s.label.x - m.width / 2 - 1.5, y: s.label.y - m.height / 2, width: m.width + 3, height: m.height)),
                       color: Color.white.withAlpha(0.85))
                r.draw(text: text, at: s.label, style: TextStyle(font: font, color: s.w >= 0 ? positive.mix(.black, 0.3) : negative.mix(.black, 0.3)))
            }
        }
        // Nodes.
        let values = layers.compactMap(\.values).flatMap { $0 }.filter(\.isFinite)
        let nodeScale = ColorScale(.viridis, lower: values.min() ?? 0, upper: values.max() ?? 1)
        for (k, l) in layers.enumerated() {
            for (i, c) in centers[k].enumerated() {
                var circle = Path(); circle.addCircle(center: c, radius: radius)
                let fill = l.values.map { nodeScale.color($0[i]) } ?? Color(gray: 0.97)
                r.fill(circle, color: fill)
                r.stroke(circle, style: StrokeStyle(color: theme.axisColor, width: 1.2))
                var text = l.nodeLabels?[i]
                if labels.contains(.nodeValues), let v = l.values?[i] { text = Ticks.label(v, significant: 2) }
                if let text {
                    let font = Font(size: min(theme.annotationFont.size, radius * 0.9))
                    let fits = r.measure(text, font: font).width <= radius * 1.8
                    let ink = fill.luminance < 0.5 ? Color.white : theme.textColor
                    r.draw(text: text, at: fits ? c : Point(c.x, c.y - radius - 1),
                           style: TextStyle(font: font, color: fits ? ink : theme.textColor, anchor: fits ? .center : .bottomCenter))
                }
            }
            let bottomY = area.maxY + 2
            r.draw(text: l.name, at: Point(centers[k].first?.x ?? area.midX, bottomY), style: theme.text(theme.labelFont, .topCenter))
        }
        legend.draw(at: Point(rect.maxX - pad - legendSize.width, rect.maxY - pad - legendSize.height), renderer: r, theme: theme)
    }
}
