import Foundation

extension NetworkDiagramLayout {
    /// Writes each drawn node's label (its value with `.nodeValues`, else its name) inside the node
    /// when it fits there, else just above it; a column whose labels do not all fit inside `area`
    /// clear of other nodes, ellipses and labels writes none.
    mutating func placeNodeLabels(of diagram: NetworkDiagram, in area: Rect, renderer r: Renderer, theme: Theme) {
        let font = Font(size: min(theme.annotationFont.size, radius * 0.9))
        var placed: [Rect] = []
        for (k, layer) in diagram.layers.enumerated() {
            var labels: [PlacedText] = []
            var fits = true
            for node in columns[k].nodes {
                var text = layer.nodeLabels?[node.unit]
                if diagram.labels.contains(.nodeValues), let v = layer.values?[node.unit] { text = Ticks.label(v, significant: 2) }
                guard let text else { continue }
                if r.measure(text, font: font).width <= radius * 1.7 {
                    let ink = node.fill.luminance < 0.5 ? Color.white : theme.textColor
                    labels.append(r.placed(text, at: node.center, style: TextStyle(font: font, color: ink, anchor: .center)))
                    continue
                }
                let above = r.placed(text, at: Point(node.center.x, node.center.y - radius - 1), style: theme.text(font, .bottomCenter))
                guard area.contains(above.box), isClear(above.box, of: placed + labels.map(\.box)) else { fits = false; break }
                labels.append(above)
            }
            if fits {
                columns[k].nodeLabels = labels
                placed += labels.map(\.box)
            } else {
                columns[k].nodeLabelsLeftOut = true
            }
        }
    }

    /// Writes every drawn edge's weight on it, on a white box: near the spot spread by target node
    /// (so labels do not pile up at the source), else a little along the edge either way. A label
    /// must stay inside `area`, off every other edge, clear of nodes and ellipses, and a gap away from
    /// other labels; an edge group whose labels do not all find such a spot writes none.
    mutating func placeWeightLabels(of diagram: NetworkDiagram, in area: Rect, renderer r: Renderer, theme: Theme) {
        let font = Font(size: theme.annotationFont.size * 0.9)
        // Labels that nearly touch are read as a block of numbers, not as one edge's weight each.
        let gap = 0.4 * r.lineHeight(font)
        var placed = columns.flatMap { $0.nodeLabels.map(\.box) }
        let lines = edges.map { (group: $0.group, source: $0.source, target: $0.target, points: $0.path.flattened()) }
        for (g, e) in diagram.edges.enumerated() {
            let sources = columns[e.from].nodes, targets = columns[e.to].nodes
            var labels: [PlacedText] = []
            var fits = true
            search: for (position, target) in targets.enumerated() {
                for source in sources {
                    let w = e.weights[target.unit][source.unit]
                    guard w.isFinite else { continue }
                    let style = TextStyle(font: font, color: (w >= 0 ? diagram.positive : diagram.negative).mix(.black, 0.3))
                    let text = Ticks.label(w, significant: 2)
                    let candidates = e.to > e.from + 1
                        ? Self.skipLabelPoints(from: source.center, to: target.center, top: skipTop)
                        : Self.straightLabelPoints(from: source.center, to: target.center, position: position, of: targets.count)
                    let spot = candidates.lazy.map { r.placed(text, at: $0, style: style) }.first { label in
                        let box = label.box.inset(left: -1.5, right: -1.5)
                        // On a crossing the label would hide the other edge and could be read as its weight.
                        let crossed = lines.contains { line in
                            !(line.group == g && line.source == source.unit && line.target == target.unit) && box.intersects(polyline: line.points)
                        }
                        return !crossed && area.contains(box) && isClear(box, of: placed + labels.map { $0.box.inset(left: -1.5, right: -1.5) }, gap: gap)
                    }
                    guard let spot else { fits = false; break search }
                    labels.append(spot)
                }
            }
            guard fits else { continue }
            weightLabels += labels
            weightsWritten[g] = true
            placed += labels.map { $0.box.inset(left: -1.5, right: -1.5) }
        }
    }

    /// Points along a straight edge: first at `t = 0.2 + 0.6 (position + 0.5) / count` of the way, then
    /// stepping away from it both ways.
    static func straightLabelPoints(from a: Point, to b: Point, position: Int, of count: Int) -> [Point] {
        let t0 = 0.2 + 0.6 * (Double(position) + 0.5) / Double(count)
        let ts = [0.0, -0.06, 0.06, -0.12, 0.12, -0.18, 0.18, -0.24, 0.24].map { t0 + $0 }.filter { $0 >= 0.15 && $0 <= 0.85 }
        return ts.map { t in Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)) }
    }

    /// Points along a skip edge's curve (a cubic Bézier), from its middle outwards.
    static func skipLabelPoints(from a: Point, to b: Point, top: Double) -> [Point] {
        let (p1, p2) = NetworkDiagram.skipControls(from: a, to: b, top: top)
        return [0.5, 0.42, 0.58, 0.34, 0.66].map { t in
            let u = 1 - t
            let (c0, c1, c2, c3) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
            return Point(c0 * a.x + c1 * p1.x + c2 * p2.x + c3 * b.x, c0 * a.y + c1 * p1.y + c2 * p2.y + c3 * b.y)
        }
    }

    /// Whether `box` keeps clear of every drawn node, every ellipsis, and by `gap` of the `others`.
    func isClear(_ box: Rect, of others: [Rect], gap: Double = 0) -> Bool {
        for column in columns {
            if let e = column.ellipsis, box.intersects(e.label.box) { return false }
            for node in column.nodes where box.intersectsDisc(center: node.center, radius: radius + 0.5) { return false }
        }
        let spaced = box.inset(top: -gap, left: -gap, bottom: -gap, right: -gap)
        return !others.contains { spaced.intersects($0) }
    }
}

extension Path {
    /// The path's points, each cubic curve replaced by 16 chords (rectangles and circles are left out).
    func flattened() -> [Point] {
        var points: [Point] = []
        for element in elements {
            switch element {
            case .move(let p), .line(let p): points.append(p)
            case .curve(let c1, let c2, let p):
                guard let a = points.last else { points.append(p); continue }
                for k in 1...16 {
                    let t = Double(k) / 16, u = 1 - t
                    let (w0, w1, w2, w3) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
                    points.append(Point(w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * p.x, w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * p.y))
                }
            case .close, .rect, .circle: continue
            }
        }
        return points
    }
}

extension Rect {
    /// Whether the polyline through `points` passes through the rectangle.
    func intersects(polyline points: [Point]) -> Bool {
        zip(points, points.dropFirst()).contains { intersects(segmentFrom: $0, to: $1) }
    }

    /// Liang–Barsky: the segment `a + t (b − a)`, 0 ≤ t ≤ 1, clipped to the rectangle, is not empty.
    func intersects(segmentFrom a: Point, to b: Point) -> Bool {
        let d = Point(b.x - a.x, b.y - a.y)
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-d.x, a.x - minX), (d.x, maxX - a.x), (-d.y, a.y - minY), (d.y, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// Whether the rectangle and the disc of `radius` around `center` share a point of their interiors.
    func intersectsDisc(center: Point, radius: Double) -> Bool {
        let nx = min(max(center.x, minX), maxX), ny = min(max(center.y, minY), maxY)
        let dx = center.x - nx, dy = center.y - ny
        return dx * dx + dy * dy < radius * radius
    }
}
