import Foundation

/// Where a network diagram puts its nodes, edges and texts in a panel, and what it leaves out.
///
/// Nodes get one slot each in their column; a layer with more nodes than the slots of the smallest
/// readable node (`minimumRadius`) that fit the panel's height is summarized: its first
/// `leadingNodes`, an ellipsis node ("⋮ 12 more") and its last node. Every text is measured and
/// written only where it fits: a layer's node labels and an edge group's weight labels all or none,
/// so a reader never has to guess which value is missing.
public struct NetworkDiagramLayout: Sendable {
    /// A text as placed: the string, its anchor point and style, and the box it covers.
    public struct PlacedText: Sendable {
        public var text: String
        public var point: Point
        public var style: TextStyle
        public var box: Rect
    }

    /// A drawn node: the unit it stands for and its centre.
    public struct Node: Sendable {
        public var unit: Int
        public var center: Point
        var fill: Color
    }

    /// The node standing for a summarized layer's hidden units.
    public struct Ellipsis: Sendable {
        public var hidden: Int
        public var center: Point
        public var label: PlacedText
    }

    /// One layer's column.
    public struct Column: Sendable {
        public var x: Double
        public var nodes: [Node]
        public var ellipsis: Ellipsis?
        /// The layer's name, and under it its size when summarized ("128 units").
        public var name: PlacedText
        public var size: PlacedText?
        public var nodeLabels: [PlacedText]
        /// Whether the layer has node labels that were left out because they do not fit.
        public var nodeLabelsLeftOut: Bool
        /// Units not drawn (0 when every node is).
        public var hidden: Int { ellipsis?.hidden ?? 0 }
    }

    /// A drawn edge: which diagram edge group, source and target unit, its weight and stroke.
    public struct Edge: Sendable {
        public var group: Int
        public var source: Int
        public var target: Int
        public var weight: Double
        public var width: Double
        public var opacity: Double
        public var path: Path
    }

    public var radius: Double
    public var columns: [Column]
    /// Edges between drawn nodes, in drawing order: weakest (relative to their layer's largest) first.
    public var edges: [Edge]
    public var weightLabels: [PlacedText]
    /// Per entry of the diagram's `edges`: whether its weights are written (false when not asked for
    /// or when they would not all fit without overlapping).
    public var weightsWritten: [Bool]
    public var title: PlacedText?
    public var legendOrigin: Point
    public var legendSize: Size
    /// The height skip edges bow up to (their Bézier control points').
    var skipTop: Double

    /// Whether the edges are drawn fainter than usual (there are many), the strong ones less so.
    public var fadesEdges: Bool { edges.count > Self.opaqueEdges }

    /// Every text the diagram writes.
    public var texts: [PlacedText] {
        (title.map { [$0] } ?? []) + weightLabels
            + columns.flatMap { c in c.nodeLabels + (c.ellipsis.map { [$0.label] } ?? []) + [c.name] + (c.size.map { [$0] } ?? []) }
    }

    /// A node's radius as a share of its slot's height (the rest is the gap to the next node).
    static let nodeShare = 0.32
    static let maximumRadius = 16.0
    /// The smallest node that still holds a label like "h₁₂" and is told apart from its neighbours:
    /// a layer that would need smaller ones is summarized.
    static let minimumRadius = 8.0
    /// Nodes drawn before the ellipsis of a summarized layer (the last node is drawn after it).
    static let leadingNodes = 3
    /// Up to this many drawn edges keep the full opacity; more get fainter (the strong ones less so).
    static let opaqueEdges = 24
    static let fullOpacity = 0.85

    /// The ellipsis node at `center` saying "⋮ 12 more", in a font and form that fit `room` (the
    /// column's width, the height between its neighbouring nodes).
    static func ellipsis(hiding hidden: Int, at center: Point, room: Size, renderer r: Renderer, theme: Theme,
                         more: String = "⋮ {0} more") -> Ellipsis {
        var font = theme.annotationFont
        if r.lineHeight(font) > room.height { font.size *= max(0.1, room.height) / r.lineHeight(font) }
        // Shorter forms before "⋮ 124 m…": the count matters more than the word.
        let forms = [more.replacingOccurrences(of: "{0}", with: String(hidden)), "⋮ \(hidden)", "⋮"].map { r.fitted($0, font: font, width: room.width) }
        let fit = forms.first { !$0.text.hasSuffix("…") } ?? forms[forms.count - 1]
        return Ellipsis(hidden: hidden, center: center, label: r.placed(fit.text, at: center, style: theme.text(fit.font, .center)))
    }

    /// The units of a `size`-node layer drawn when `capacity` slots fit: all, or the first few and the last.
    static func shownUnits(size: Int, capacity: Int) -> [Int] {
        guard size > capacity else { return Array(0..<size) }
        let leading = max(1, min(leadingNodes, capacity - 2))
        return Array(0..<leading) + [size - 1]
    }
}

extension NetworkDiagram {
    /// The layout of the diagram in `rect` (a panel), texts measured through `r`.
    public func layout(in rect: Rect, renderer r: Renderer, theme: Theme = .standard) -> NetworkDiagramLayout {
        typealias L = NetworkDiagramLayout
        let pad = theme.padding
        var area = rect.inset(top: pad, left: pad, bottom: pad, right: pad)
        var title: L.PlacedText?
        if let text = self.title {
            let fit = r.fitted(text, font: theme.panelTitleFont, width: rect.width - 2 * pad)
            title = r.placed(fit.text, at: Point(rect.midX, rect.minY + pad / 2), style: theme.text(fit.font, .topCenter))
            area = area.inset(top: r.lineHeight(fit.font))
        }
        let legend = legend(theme)
        let legendSize = legend.size(r)
        let nameHeight = r.lineHeight(theme.labelFont), sizeHeight = r.lineHeight(theme.annotationFont)
        let hasSkips = edges.contains { $0.to > $0.from + 1 }
        // The names band grows by a line when a layer is summarized, which leaves fewer slots: decide twice.
        func areas(sizeLine: Bool) -> (area: Rect, nodes: Rect, shown: [[Int]]) {
            let a = area.inset(bottom: nameHeight + (sizeLine ? sizeHeight : 0) + legendSize.height + 2 * pad)
            let nodes = a.inset(top: hasSkips ? a.height * 0.16 : 0)
            let capacity = max(3, Int(nodes.height * L.nodeShare / L.minimumRadius))
            return (a, nodes, layers.map { L.shownUnits(size: $0.size, capacity: capacity) })
        }
        var (labelArea, nodeArea, shown) = areas(sizeLine: false)
        if zip(layers, shown).contains(where: { $0.size > $1.count }) { (labelArea, nodeArea, shown) = areas(sizeLine: true) }

        let slots = zip(layers, shown).map { $0.size > $1.count ? $1.count + 1 : $1.count }
        let dx = labelArea.width / Double(max(1, layers.count))
        let dy = nodeArea.height / Double(slots.max() ?? 1)
        let radius = max(0.5, min(L.maximumRadius, dy * L.nodeShare, dx * 0.12))
        let values = layers.compactMap(\.values).flatMap { $0 }.filter(\.isFinite)
        let nodeScale = ColorScale(.viridis, lower: values.min() ?? 0, upper: values.max() ?? 1)

        var columns: [L.Column] = []
        for (k, l) in layers.enumerated() {
            let x = labelArea.minX + (Double(k) + 0.5) * dx
            func slot(_ s: Int) -> Point { Point(x, nodeArea.midY + (Double(s) - Double(slots[k] - 1) / 2) * dy) }
            let summarized = l.size > shown[k].count
            let nodes = shown[k].enumerated().map { s, unit in
                L.Node(unit: unit, center: slot(summarized && s == shown[k].count - 1 ? s + 1 : s),
                       fill: l.values.map { nodeScale.color($0[unit]) } ?? Color(gray: 0.97))
            }
            let ellipsis = summarized
                ? L.ellipsis(hiding: l.size - shown[k].count, at: slot(shown[k].count - 1),
                             room: Size(dx - pad, 2 * (dy - radius) - 2), renderer: r, theme: theme, more: words.hiddenMore)
                : nil
            let nameFit = r.fitted(l.name, font: theme.labelFont, width: dx - pad)
            let name = r.placed(nameFit.text, at: Point(x, labelArea.maxY + 2), style: theme.text(nameFit.font, .topCenter))
            var size: L.PlacedText?
            if summarized {
                let fit = r.fitted("\(l.size) \(l.unitName)", font: theme.annotationFont, width: dx - pad)
                size = r.placed(fit.text, at: Point(x, labelArea.maxY + 2 + nameHeight), style: theme.text(fit.font, .topCenter))
            }
            columns.append(L.Column(x: x, nodes: nodes, ellipsis: ellipsis, name: name, size: size, nodeLabels: [], nodeLabelsLeftOut: false))
        }

        var layout = L(radius: radius, columns: columns, edges: [], weightLabels: [], weightsWritten: edges.map { _ in false },
                       title: title, legendOrigin: Point(rect.maxX - pad - legendSize.width, rect.maxY - pad - legendSize.height),
                       legendSize: legendSize, skipTop: labelArea.minY + (nodeArea.minY - labelArea.minY) * 0.35)
        layout.edges = edgeLayout(columns: columns, skipTop: layout.skipTop)
        layout.placeNodeLabels(of: self, in: labelArea, renderer: r, theme: theme)
        if labels.contains(.weights) { layout.placeWeightLabels(of: self, in: labelArea, renderer: r, theme: theme) }
        return layout
    }

    /// Edges between drawn nodes, weakest first; width `0.5 + 3.5 |w| / max |w|` over the target
    /// layer's weights (hidden ones too), and with many edges an opacity that falls with their count
    /// and rises with `|w|`, so the strong ones carry the picture.
    func edgeLayout(columns: [NetworkDiagramLayout.Column], skipTop: Double) -> [NetworkDiagramLayout.Edge] {
        typealias L = NetworkDiagramLayout
        var largest = [Double](repeating: 0, count: layers.count)
        for e in edges {
            for w in e.weights.joined() where w.isFinite { largest[e.to] = max(largest[e.to], abs(w)) }
        }
        var drawn: [(edge: L.Edge, strength: Double, order: Int)] = []
        for (g, e) in edges.enumerated() {
            let sources = columns[e.from].nodes, targets = columns[e.to].nodes
            for target in targets {
                for source in sources {
                    let w = e.weights[target.unit][source.unit]
                    guard w.isFinite else { continue }
                    let strength = abs(w) / max(largest[e.to], 1e-12)
                    let path = Self.edgePath(from: source.center, to: target.center, skipTop: e.to > e.from + 1 ? skipTop : nil)
                    drawn.append((L.Edge(group: g, source: source.unit, target: target.unit, weight: w,
                                         width: 0.5 + 3.5 * strength, opacity: L.fullOpacity, path: path), strength, drawn.count))
                }
            }
        }
        let n = drawn.count
        let base = n <= L.opaqueEdges ? L.fullOpacity : max(0.25, L.fullOpacity * (Double(L.opaqueEdges) / Double(n)).squareRoot())
        return drawn.sorted { ($0.strength, $0.order) < ($1.strength, $1.order) }.map { d in
            var e = d.edge
            e.opacity = base + (L.fullOpacity - base) * d.strength
            return e
        }
    }

    /// A straight edge, or with `skipTop` a skip edge bowing above the layers in between.
    static func edgePath(from a: Point, to b: Point, skipTop: Double?) -> Path {
        var p = Path()
        p.move(to: a)
        if let top = skipTop {
            let (c1, c2) = skipControls(from: a, to: b, top: top)
            p.curve(to: b, control1: c1, control2: c2)
        } else {
            p.line(to: b)
        }
        return p
    }

    static func skipControls(from a: Point, to b: Point, top: Double) -> (Point, Point) {
        (Point(a.x + (b.x - a.x) * 0.25, top), Point(a.x + (b.x - a.x) * 0.75, top))
    }
}

extension Figure {
    /// The layout of network panel `index` as drawn (for captions and tests), or nil if it is not a network diagram.
    public func networkLayout(panel index: Int = 0, renderer r: Renderer) -> NetworkDiagramLayout? {
        guard panels.indices.contains(index), case .network(let n) = panels[index] else { return nil }
        return n.layout(in: panelRects(renderer: r)[index], renderer: r, theme: theme)
    }
}

extension Renderer {
    /// `text` as it would be drawn at `point` with `style`, with its box.
    func placed(_ text: String, at point: Point, style: TextStyle) -> NetworkDiagramLayout.PlacedText {
        NetworkDiagramLayout.PlacedText(text: text, point: point, style: style, box: box(of: text, at: point, style: style))
    }
}
