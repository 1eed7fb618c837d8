import NNCore
import Plot
import NNLanguage

/// Network diagrams of NNCore networks.
public enum NetworkFigures {
    /// The diagram of `network`: one column of nodes for the input and one per dense layer;
    /// edges colored by the weight's sign and as wide as its magnitude; a `concat_input` layer is
    /// drawn as skip edges from the input nodes straight into the next dense layer. A first
    /// `features` layer is the input column, its nodes named by feature (x₁², sin x₁, as in
    /// TensorFlow Playground); with `concat_input` too, the raw inputs come first and feed the
    /// features column by edges of weight 1. Layers without weights that keep their width (dropout)
    /// are named after the column whose output they act on.
    /// - Parameter values: a single-row input whose activations label the nodes, if given.
    public static func diagram(_ network: Network, title: String? = nil, input values: Matrix? = nil,
                               labels: NetworkLabels = [.weights]) -> NetworkDiagram {
        let trace = values.map { network.trace($0) }
        let rawInput = NetworkLayer(tr("input x"), size: network.inputWidth,
                                    nodeLabels: (1...network.inputWidth).map { "x" + subscripted($0) },
                                    values: values.map { $0.row(0) }, unitName: tr("inputs"))
        var columns = [rawInput]
        var edges: [NetworkEdges] = []
        var first = 0
        if let features = network.layers.first as? Features {
            let column = NetworkLayer(tr("input features"), size: features.features.count,
                                      nodeLabels: features.features.map(displayName),
                                      values: trace.map { $0[0].output.row(0) }, unitName: tr("features"))
            if network.layers.contains(where: { $0 is ConcatInput }) {
                columns.append(column)
                edges.append(NetworkEdges(from: 0, to: 1, weights: features.features.map { feature in
                    (0..<network.inputWidth).map { feature.inputs.contains($0) ? 1 : 0 }
                }))
            } else {
                columns = [column]
            }
            first = 1
        }
        var previousColumn = columns.count - 1
        var concatenated = false
        let denseCount = network.denseLayers.count
        var denseIndex = 0
        for (index, layer) in network.layers.enumerated() where index >= first {
            if layer is ConcatInput {
                concatenated = true
                continue
            }
            guard let dense = layer as? Dense else {
                columns[previousColumn].name += " + " + layer.description
                continue
            }
            denseIndex += 1
            let isOutput = denseIndex == denseCount
            let column = columns.count
            let prefix = isOutput ? "ŷ" : "h"
            let nodeLabels = (1...dense.units).map { dense.units == 1 && isOutput ? "ŷ" : prefix + subscripted($0) }
            let name = isOutput ? tr("output \(dense.activation.name)") : tr("dense \(denseIndex) \(dense.activation.name)")
            columns.append(NetworkLayer(name, size: dense.units, nodeLabels: nodeLabels,
                                        values: trace.map { $0[index].output.row(0) }, unitName: tr("units")))
            // W is inputs × units; edges[j][i] joins node i to node j.
            let w = dense.weights
            if concatenated {
                let d0 = network.inputWidth
                edges.append(NetworkEdges(from: 0, to: column, weights: (0..<dense.units).map { j in (0..<d0).map { w[$0, j] } }))
                if w.rows > d0 {
                    edges.append(NetworkEdges(from: previousColumn, to: column,
                                              weights: (0..<dense.units).map { j in (d0..<w.rows).map { w[$0, j] } }))
                }
            } else {
                edges.append(NetworkEdges(from: previousColumn, to: column,
                                          weights: (0..<dense.units).map { j in (0..<w.rows).map { w[$0, j] } }))
            }
            previousColumn = column
            concatenated = false
        }
        var diagram = NetworkDiagram(title: title, layers: columns, edges: edges, labels: labels)
        diagram.words.positiveWeight = tr("positive weight")
        diagram.words.negativeWeight = tr("negative weight")
        diagram.words.hiddenMore = tr("⋮ {0} more")
        return diagram
    }

    /// What a network figure's diagram leaves out when drawn, for its caption.
    public struct Summary: Sendable {
        /// Sentences saying what was summarized ("12 of 16 units hidden per layer …"); empty when everything is drawn.
        public var caption: String
        /// Whether any weight is written on its edge.
        public var writesWeights: Bool
    }

    /// What the network diagram of `figure` (its first panel) leaves out at the figure's size, texts
    /// measured through `renderer` as they will be drawn.
    public static func summary(of figure: Figure, renderer: Renderer) -> Summary {
        guard case .network(let diagram)? = figure.panels.first, let layout = figure.networkLayout(renderer: renderer) else {
            return Summary(caption: "", writesWeights: false)
        }
        return Summary(caption: caption(diagram, layout), writesWeights: !layout.weightLabels.isEmpty)
    }

    /// "Too many units to draw: 12 of 16 units hidden per layer (dense 1 relu, dense 2 relu), …; edges to
    /// hidden units not drawn.", then what faded, and which weights and node labels were left out.
    static func caption(_ diagram: NetworkDiagram, _ layout: NetworkDiagramLayout) -> String {
        var sentences: [String] = []
        let summarized = zip(diagram.layers, layout.columns).filter { $1.hidden > 0 }
        if let first = summarized.first {
            func count(_ layer: NetworkLayer, _ column: NetworkDiagramLayout.Column) -> String {
                tr("\(column.hidden) of \(layer.size) \(layer.unitName)")
            }
            let alike = summarized.allSatisfy { $0.size == first.0.size && $1.hidden == first.1.hidden && $0.unitName == first.0.unitName }
            let hidden = alike && summarized.count > 1
                ? count(first.0, first.1) + tr(" hidden per layer (") + summarized.map(\.0.name).joined(separator: ", ") + ")"
                : summarized.map { count($0, $1) + tr(" hidden in ") + $0.name }.joined(separator: ", ")
            sentences.append(tr("Too many units to draw: \(hidden), each layer's hidden ones marked ⋮ between its first and last drawn node; edges to hidden units not drawn."))
        }
        if layout.fadesEdges {
            sentences.append(tr("With \(layout.edges.count) edges drawn, the weaker ones are fainter and the strongest drawn on top."))
        }
        if diagram.labels.contains(.weights) {
            let unwritten = diagram.edges.indices.filter { !layout.weightsWritten[$0] }
            if unwritten.count == diagram.edges.count, !unwritten.isEmpty {
                sentences.append(tr("Weights are not written: their labels would overlap other labels, nodes or edges."))
            } else if !unwritten.isEmpty {
                let between = unwritten.map { tr("\(diagram.layers[diagram.edges[$0].from].name) and \(diagram.layers[diagram.edges[$0].to].name)") }
                sentences.append(tr("Weights are not written between ") + between.joined(separator: ", ") + tr(": their labels would overlap other labels, nodes or edges."))
            }
        }
        let unlabelled = zip(diagram.layers, layout.columns).filter { $1.nodeLabelsLeftOut }.map(\.0.name)
        if !unlabelled.isEmpty {
            sentences.append(tr("Node labels are left out in ") + unlabelled.joined(separator: ", ") + tr(": they do not fit beside the nodes."))
        }
        return sentences.joined(separator: " ")
    }

    /// A feature's name as the diagram writes it: x₁, x₁², x₁x₂, sin x₁.
    static func displayName(_ feature: Features.Feature) -> String {
        switch feature {
        case .input(let i): "x" + subscripted(i + 1)
        case .square(let i): "x" + subscripted(i + 1) + "²"
        case .product(let i, let j): "x" + subscripted(i + 1) + "x" + subscripted(j + 1)
        case .sine(let i): "sin x" + subscripted(i + 1)
        }
    }

    /// "₁₂" for 12.
    public static func subscripted(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
