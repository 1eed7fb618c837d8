import NNCore
import Plot

/// Network diagrams of NNCore networks.
public enum NetworkFigures {
    /// The diagram of `network`: one column of nodes for the input and one per dense layer;
    /// edges colored by the weight's sign and as wide as its magnitude; a `concat_input` layer is
    /// drawn as skip edges from the input nodes straight into the next dense layer.
    /// - Parameter values: a single-row input whose activations label the nodes, if given.
    public static func diagram(_ network: Network, title: String? = nil, input values: Matrix? = nil,
                               labels: NetworkLabels = [.weights]) -> NetworkDiagram {
        let trace = values.map { network.trace($0) }
        var columns = [NetworkLayer("input x", size: network.inputWidth,
                                    nodeLabels: (1...network.inputWidth).map { "x" + subscripted($0) },
                                    values: values.map { $0.row(0) })]
        var edges: [NetworkEdges] = []
        var previousColumn = 0
        var concatenated = false
        let denseCount = network.denseLayers.count
        var denseIndex = 0
        for (index, layer) in network.layers.enumerated() {
            switch layer {
            case .concatInput:
                concatenated = true
            case .dense(let dense):
                denseIndex += 1
                let isOutput = denseIndex == denseCount
                let column = columns.count
                let prefix = isOutput ? "ŷ" : "h"
                let nodeLabels = (1...dense.units).map { dense.units == 1 && isOutput ? "ŷ" : prefix + subscripted($0) }
                let name = isOutput ? "output \(dense.activation.name)" : "dense \(denseIndex) \(dense.activation.name)"
                columns.append(NetworkLayer(name, size: dense.units, nodeLabels: nodeLabels,
                                            values: trace.map { $0[index].output.row(0) }))
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
        }
        return NetworkDiagram(title: title, layers: columns, edges: edges, labels: labels)
    }

    /// "₁₂" for 12.
    public static func subscripted(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
