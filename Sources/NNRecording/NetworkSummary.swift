import NNCore

/// The network's shape: its layers and where their parameters sit in the flat parameter vector.
public struct NetworkSummary: Codable, Sendable, Equatable {
    public var inputWidth: Int
    public var outputWidth: Int
    public var parameterCount: Int
    public var loss: String
    public var layers: [LayerSummary]

    public init(_ network: Network) {
        inputWidth = network.inputWidth
        outputWidth = network.outputWidth
        parameterCount = network.parameterCount
        loss = network.loss.name
        var offset = 0
        layers = network.layers.enumerated().map { index, layer in
            guard let dense = layer as? Dense else {
                return LayerSummary(index: index, type: layer.typeName, inputs: network.outputWidth(ofLayer: index - 1),
                                    units: network.outputWidth(ofLayer: index), activation: nil, l1: 0, l2: 0,
                                    weightOffset: nil, biasOffset: nil)
            }
            let summary = LayerSummary(index: index, type: layer.typeName, inputs: dense.inputs, units: dense.units,
                                       activation: dense.activation.name, l1: dense.regularizer?.l1 ?? 0,
                                       l2: dense.regularizer?.l2 ?? 0, weightOffset: offset,
                                       biasOffset: offset + dense.inputs * dense.units)
            offset += dense.parameterCount
            return summary
        }
    }
}

/// One layer of a `NetworkSummary`.
public struct LayerSummary: Codable, Sendable, Equatable {
    /// The index among all layers.
    public var index: Int
    /// "dense" or "concat_input".
    public var type: String
    /// The widths coming in and going out.
    public var inputs: Int
    public var units: Int
    /// The activation's model-file name (dense layers only).
    public var activation: String?
    /// The regularizer strengths (0 when none).
    public var l1: Double
    public var l2: Double
    /// Where W (row-major, inputs × units) and b start in the flat parameter vector (dense layers only).
    public var weightOffset: Int?
    public var biasOffset: Int?
}
