import Foundation
@testable import Plot
@testable import PlotCairo
import PlotGallery
import Testing

/// Network diagrams at real sizes: wide layers summarized by what fits, every text measured.
@Suite struct NetworkDiagramTests {
    /// A 2-w-w-1 network with named nodes, activations and weights of both signs and many sizes.
    static func network(width w: Int, labels: NetworkLabels = [.weights]) -> NetworkDiagram {
        func weights(_ rows: Int, _ columns: Int, seed: Double) -> [[Double]] {
            (0..<rows).map { j in
                (0..<columns).map { i -> Double in
                    let phase: Double = seed + 1.7 * Double(j) + 0.9 * Double(i)
                    let scale: Double = 1 + Double((i + j) % 3)
                    return sin(phase) * scale
                }
            }
        }
        func layer(_ name: String, _ size: Int, _ prefix: String) -> NetworkLayer {
            NetworkLayer(name, size: size, nodeLabels: (1...size).map { prefix + String($0) },
                         values: (0..<size).map { 0.5 + 0.5 * cos(Double($0)) })
        }
        return NetworkDiagram(title: "2-\(w)-\(w)-1", layers: [layer("input x", 2, "x"), layer("dense 1 relu", w, "h"),
                                                               layer("dense 2 relu", w, "g"), layer("output tanh", 1, "y")],
                              edges: [NetworkEdges(from: 0, to: 1, weights: weights(w, 2, seed: 0)),
                                      NetworkEdges(from: 1, to: 2, weights: weights(w, w, seed: 1)),
                                      NetworkEdges(from: 2, to: 3, weights: weights(1, w, seed: 2))],
                              labels: labels)
    }

    static let sizes: [(width: Double, height: Double)] = [(760, 400), (760, 900), (480, 320), (320, 240)]

    /// The hidden count an ellipsis text says ("⋮ 12 more" → 12).
    static func hiddenCount(_ text: String) -> Int? {
        guard text.hasPrefix("⋮") else { return nil }
        return Int(text.dropFirst().split(separator: " ").first ?? "")
    }

    @Test(arguments: [3, 16, 128]) func drawsTheNodesThatFitAndSaysHowManyAreHidden(_ w: Int) throws {
        for size in Self.sizes {
            let figure = Figure(width: size.width, height: size.height, panel: .network(Self.network(width: w, labels: [.weights, .nodeValues])))
            let r = try RecordingRenderer()
            try figure.draw(in: r)
            let layout = try #require(figure.networkLayout(renderer: try CairoRenderer.forMeasurement()))
            let here = "width \(w) at \(size.width)×\(size.height)"
            // What is drawn is what the layout says.
            #expect(r.circles.count == layout.columns.map(\.nodes.count).reduce(0, +), "\(here)")
            let ellipses = r.texts.compactMap { Self.hiddenCount($0.text) }
            #expect(ellipses == layout.columns.compactMap(\.ellipsis?.hidden), "\(here)")
            for (k, column) in layout.columns.enumerated() {
                let size = [2, w, w, 1][k]
                #expect(column.nodes.count + column.hidden == size, "\(here), column \(k)")
                if column.hidden > 0 {
                    // The first few, the ellipsis, the last: 3 + 1 at these sizes.
                    #expect(column.nodes.map(\.unit) == [0, 1, 2, size - 1], "\(here), column \(k)")
                    #expect(r.texts.contains { $0.text == "⋮ \(column.hidden) more" }, "\(here): no '⋮ \(column.hidden) more'")
                    #expect(r.texts.contains { $0.text == "\(size) units" }, "\(here): the summarized layer's size is written")
                }
                // Nodes never smaller than the minimum, nor closer than its slot allows: the ones that fit.
                let ys = column.nodes.map(\.center.y)
                for (a, b) in zip(ys, ys.dropFirst()) {
                    #expect(b - a >= 2 * layout.radius + 1, "\(here): nodes of column \(k) touch")
                }
                if column.nodes.count > 2 && column.hidden == 0 {
                    let dx = layout.columns[1].x - layout.columns[0].x
                    #expect(layout.radius >= min(NetworkDiagramLayout.minimumRadius, 0.12 * dx) - 1e-9, "\(here)")
                }
            }
            let hidden = layout.columns.map(\.hidden)
            switch (w, size.height) {
            case (3, _): #expect(hidden == [0, 0, 0, 0], "\(here)")
            case (16, 900): #expect(hidden == [0, 0, 0, 0], "\(here): 16 nodes fit 900 units")
            case (16, _): #expect(hidden == [0, 12, 12, 0], "\(here)")
            default: #expect(hidden == [0, 124, 124, 0], "\(here)")
            }
        }
    }

    @Test(arguments: [3, 16, 128]) func everyNodeAndLabelLiesInsideTheFigureAndNoLabelsOverlap(_ w: Int) throws {
        for size in Self.sizes {
            let figure = Figure(width: size.width, height: size.height, panel: .network(Self.network(width: w, labels: [.weights, .nodeValues])))
            let r = try RecordingRenderer()
            try figure.draw(in: r)
            let page = Rect(x: 0, y: 0, width: size.width, height: size.height)
            let here = "width \(w) at \(size.width)×\(size.height)"
            #expect(!r.circles.isEmpty && !r.texts.isEmpty)
            for c in r.circles {
                let box = Rect(x: c.center.x - c.radius, y: c.center.y - c.radius, width: 2 * c.radius, height: 2 * c.radius)
                #expect(page.contains(box), "\(here): node at \(c.center) leaves the figure")
            }
            for t in r.texts {
                #expect(page.contains(t.box, tolerance: 0.01), "\(here): '\(t.text)' at \(t.box) leaves the figure")
            }
            for (i, a) in r.texts.enumerated() {
                for b in r.texts[(i + 1)...] where a.overlaps(b, tolerance: 0) {
                    Issue.record("\(here): '\(a.text)' \(a.box) overlaps '\(b.text)' \(b.box)")
                }
            }
            // A text outside its node never sits on another node.
            for t in r.texts {
                for c in r.circles where !t.box.contains(c.center) {
                    #expect(!t.box.intersectsDisc(center: c.center, radius: c.radius), "\(here): '\(t.text)' covers the node at \(c.center)")
                }
            }
        }
    }

    /// Weights are written for a whole edge group or not at all: where 16 labels would crowd the 4 × 4
    /// drawn edges between the hidden layers, none are, while the 8 and 4 edges either side keep theirs.
    @Test func weightLabelsAreWrittenOnlyWhereTheyFit() throws {
        let figure = Figure(width: 760, height: 400, panel: .network(Self.network(width: 16)))
        let layout = try #require(figure.networkLayout(renderer: try CairoRenderer.forMeasurement()))
        let written = layout.edges.filter { layout.weightsWritten[$0.group] }.count
        #expect(layout.weightLabels.count == written)
        #expect(layout.weightsWritten[0] && layout.weightsWritten[2], "\(layout.weightsWritten)")
        // Every written label is its edge's weight.
        let expected = layout.edges.filter { layout.weightsWritten[$0.group] }.map { Ticks.label($0.weight, significant: 2) }.sorted()
        #expect(layout.weightLabels.map(\.text).sorted() == expected)
        // Edges only between drawn nodes, 2·4 + 4·4 + 4·1 of them.
        #expect(layout.edges.count == 8 + 16 + 4)
        let many = Figure(width: 760, height: 400, panel: .network(Self.network(width: 128)))
        let crowded = try #require(many.networkLayout(renderer: try CairoRenderer.forMeasurement()))
        #expect(crowded.weightLabels.count == crowded.edges.filter { crowded.weightsWritten[$0.group] }.count)
        // The small network of the gallery writes every weight.
        let small = try #require(SyntheticFigures.network().networkLayout(renderer: try CairoRenderer.forMeasurement()))
        #expect(small.weightsWritten == [true, true, true] && small.weightLabels.count == 8 + 4 + 2)
    }

    /// Widths are relative to the largest weight into each layer, the strongest edges come last (on
    /// top), and many edges are fainter, the strong ones less so.
    @Test func edgesScaleByTheirLayerAndTheStrongestAreDrawnLast() throws {
        let diagram = Self.network(width: 16)
        let layout = try #require(Figure(width: 760, height: 900, panel: .network(diagram)).networkLayout(renderer: try CairoRenderer.forMeasurement()))
        #expect(layout.edges.count == 2 * 16 + 16 * 16 + 16 && layout.fadesEdges)
        for (g, e) in diagram.edges.enumerated() {
            let largest = e.weights.joined().map(abs).max() ?? 0
            let drawn = layout.edges.filter { $0.group == g }
            for edge in drawn { #expect(abs(edge.width - (0.5 + 3.5 * abs(edge.weight) / largest)) < 1e-12) }
            #expect(abs((drawn.map(\.width).max() ?? 0) - 4) < 1e-12, "group \(g): the layer's largest weight is the widest edge")
        }
        let strength = layout.edges.map { ($0.width - 0.5) / 3.5 }
        #expect(zip(strength, strength.dropFirst()).allSatisfy { $0 <= $1 }, "weakest first, strongest on top")
        #expect(layout.edges.allSatisfy { $0.opacity > 0.2 && $0.opacity <= 0.85 })
        #expect(layout.edges.first!.opacity < layout.edges.last!.opacity)
        // A small network keeps the full opacity.
        let small = try #require(Figure(width: 760, height: 400, panel: .network(Self.network(width: 3))).networkLayout(renderer: try CairoRenderer.forMeasurement()))
        #expect(!small.fadesEdges && small.edges.allSatisfy { $0.opacity == 0.85 })
    }

    @Test func theSameNetworkGivesTheSameBytes() throws {
        for w in [3, 16, 128] {
            let figure = Figure(width: 760, height: 400, panel: .network(Self.network(width: w, labels: [.weights, .nodeValues])))
            #expect(try figure.pngData() == figure.pngData(), "PNG of width \(w)")
            // As the report writes SVGs: ids renumbered per document (cairo numbers some per process).
            #expect(try figure.svgData(idPrefix: "network-") == figure.svgData(idPrefix: "network-"), "SVG of width \(w)")
        }
    }

    /// Inputs concatenated into a later layer are curves from the input nodes over the layers in between.
    @Test func theConcatSkipStillDraws() throws {
        let figure = SyntheticFigures.network()
        guard case .network(let diagram) = figure.panels[0] else { Issue.record("not a network"); return }
        let layout = try #require(figure.networkLayout(renderer: try CairoRenderer.forMeasurement()))
        let skips = layout.edges.filter { diagram.edges[$0.group].from == 0 && diagram.edges[$0.group].to == 2 }
        #expect(skips.count == 2)
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let curves = r.strokes.filter { $0.path.elements.contains { if case .curve = $0 { true } else { false } } }
        #expect(curves.count == 2)
        let top = layout.columns[1].nodes.map(\.center.y).min() ?? 0
        for curve in curves {
            let points = curve.path.flattened()
            let start = try #require(points.first), end = try #require(points.last)
            #expect(layout.columns[0].nodes.contains { $0.center == start } && layout.columns[2].nodes.contains { $0.center == end })
            #expect((points.map(\.y).min() ?? 0) < top, "the skip bows above the hidden layer")
        }
        #expect(r.texts.contains { $0.text == "0.6" } && r.texts.contains { $0.text == "−0.9" }, "the skip weights are written")
    }
}
