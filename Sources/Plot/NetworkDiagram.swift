import Foundation

/// One column of nodes in a network diagram.
public struct NetworkLayer: Sendable {
    public var name: String
    public var size: Int
    /// Per-node names (e.g. x₁, h₂); shown inside or beside the nodes.
    public var nodeLabels: [String]?
    /// Per-node values (activations); shown as node color and, with `.nodeValues`, as text.
    public var values: [Double]?
    /// What one node is called in the size written under a summarized layer's name ("128 units", "64 inputs").
    public var unitName: String

    public init(_ name: String, size: Int, nodeLabels: [String]? = nil, values: [Double]? = nil, unitName: String = "units") {
        self.name = name; self.size = size; self.nodeLabels = nodeLabels; self.values = values; self.unitName = unitName
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

/// Which optional texts a network diagram writes (each only where it fits: see `NetworkDiagramLayout`).
public struct NetworkLabels: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let weights = NetworkLabels(rawValue: 1)
    public static let nodeValues = NetworkLabels(rawValue: 2)
}

/// Layers of nodes joined by edges colored by the weight's sign and as wide as its magnitude
/// relative to the largest weight into the same layer.
///
/// A layer too wide for its nodes to be told apart in the panel is summarized: its first few nodes,
/// a "⋮ 12 more" node and its last node are drawn, and only edges between drawn nodes
/// (`NetworkDiagramLayout` says what was left out, for the figure's caption).
public struct NetworkDiagram: Sendable {
    public var title: String?
    public var layers: [NetworkLayer]
    public var edges: [NetworkEdges]
    public var labels: NetworkLabels
    public var positive: Color
    public var negative: Color
    /// The words the diagram writes itself: its legend's two names, and the ellipsis of a summarized
    /// layer ("⋮ {0} more", `{0}` the hidden count); the caller's language.
    public var words = Words()

    public struct Words: Sendable {
        public var positiveWeight = "positive weight"
        public var negativeWeight = "negative weight"
        public var hiddenMore = "⋮ {0} more"
        public init() {}
    }

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

    /// The legend of the edge colours.
    func legend(_ theme: Theme) -> Legend {
        Legend(entries: [
            LegendEntry(name: words.positiveWeight, line: StrokeStyle(color: positive, width: 2.5)),
            LegendEntry(name: words.negativeWeight, line: StrokeStyle(color: negative, width: 2.5)),
        ], font: theme.legendFont)
    }

    /// Draws the diagram as `layout(in:renderer:theme:)` places it: edges weakest first, their labels,
    /// nodes and the ellipsis nodes of summarized layers, node labels, layer names, title and legend.
    func draw(in rect: Rect, renderer r: Renderer, theme: Theme) {
        let layout = layout(in: rect, renderer: r, theme: theme)
        for e in layout.edges {
            r.stroke(e.path, style: StrokeStyle(color: (e.weight >= 0 ? positive : negative).withAlpha(e.opacity), width: e.width, cap: .round))
        }
        for label in layout.weightLabels {
            r.fill(.rect(label.box.inset(left: -1.5, right: -1.5)), color: Color.white.withAlpha(0.85))
            r.draw(text: label.text, at: label.point, style: label.style)
        }
        for column in layout.columns {
            for node in column.nodes {
                var circle = Path(); circle.addCircle(center: node.center, radius: layout.radius)
                r.fill(circle, color: node.fill)
                r.stroke(circle, style: StrokeStyle(color: theme.axisColor, width: 1.2))
            }
            if let ellipsis = column.ellipsis?.label {
                r.fill(.rect(ellipsis.box.inset(left: -2, right: -2)), color: Color.white.withAlpha(0.9))
                r.draw(text: ellipsis.text, at: ellipsis.point, style: ellipsis.style)
            }
            for label in column.nodeLabels + [column.name] + (column.size.map { [$0] } ?? []) {
                r.draw(text: label.text, at: label.point, style: label.style)
            }
        }
        if let title = layout.title { r.draw(text: title.text, at: title.point, style: title.style) }
        legend(theme).draw(at: layout.legendOrigin, renderer: r, theme: theme)
    }
}
