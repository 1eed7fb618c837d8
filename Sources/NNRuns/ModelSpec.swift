import NNCore
import NNFiles

/// A model as written — input width, loss, layers — before its weights are drawn: the typed value
/// sweep axes edit (whether the model was written inline or in a model file) and that
/// `network(seed:)` builds. Every layer keeps where it was written, so a mistake found when the
/// network is built (too many weights, weights that no longer fit) is reported there.
public struct ModelSpec: Sendable {
    public var input: Int
    public var loss: Loss
    public var layers: [any LayerSpec]
    /// The model file's `constants` (written by `nnlab train --save` for a run with exact constants); nil: not given.
    public var constants: Constants?
    public var location: FieldLocation
    /// The file the model was read from (a model file, a Keras file), for the report; nil when written inline.
    public var source: String?

    public init(input: Int, loss: Loss, layers: [any LayerSpec], constants: Constants? = nil, location: FieldLocation) {
        self.input = input
        self.loss = loss
        self.layers = layers
        self.constants = constants
        self.location = location
    }

    /// Whether a layer has a regularizer, as `Network.hasRegularizer` says of the built network.
    public var hasRegularizer: Bool {
        layers.contains { ($0 as? DenseSpec)?.regularizer != nil }
    }

    /// The indices of the dense layers, in order.
    public var denseIndices: [Int] {
        layers.indices.filter { layers[$0] is DenseSpec }
    }

    /// Applies `change` to every dense layer (all but the last with `hiddenOnly`: the hidden layers).
    public mutating func editDense(hiddenOnly: Bool, _ change: (inout DenseSpec) -> Void) {
        let dense = denseIndices
        for i in dense where !(hiddenOnly && i == dense.last) {
            guard var layer = layers[i] as? DenseSpec else { continue }
            change(&layer)
            layers[i] = layer
        }
    }

    /// The widths (input, then each layer's output) and the parameter count, in `Double` so that no
    /// size a user writes can overflow.
    public var cost: RunCost {
        var widths = [Double(input)]
        var parameters: Double = 0
        for layer in layers {
            let incoming = widths[widths.count - 1]
            parameters += layer.parameters(incoming: incoming)
            widths.append(layer.width(incoming: incoming, input: Double(input)))
        }
        return RunCost(parameters: parameters, widths: widths)
    }

    /// Checks the limits on weights and widths before anything is allocated: at most
    /// `ModelFile.maximumParameters` in all, reported at the first layer that passes them, and no
    /// layer wider than `ModelFile.maximumInput`.
    public func checkSize() throws(InputError) {
        var incoming = Double(input)
        var parameters: Double = 0
        for layer in layers {
            let own = layer.parameters(incoming: incoming)
            if let dense = layer as? DenseSpec, incoming * Double(dense.units) > Double(ModelFile.maximumParameters) {
                throw layer.location.error("expected at most \(ModelFile.maximumParameters) weights, received \(RunCost.count(incoming))×\(dense.units)")
            }
            parameters += own
            guard parameters <= Double(ModelFile.maximumParameters) else {
                throw layer.location.error("expected at most \(ModelFile.maximumParameters) parameters in all, received more")
            }
            incoming = layer.width(incoming: incoming, input: Double(input))
            guard incoming <= Double(ModelFile.maximumInput) else {
                throw layer.location.error("expected layers at most \(ModelFile.maximumInput) wide, received \(RunCost.count(incoming))")
            }
        }
    }

    /// The network, with the weights a layer does not give drawn from `seed` (dense layer at index
    /// i: stream `RandomStream.layerBase + i`, with its initializer).
    public func network(seed: UInt64) throws(InputError) -> Network {
        try checkSize()
        var network = Network(inputWidth: input, loss: loss)
        network.constants = constants ?? .keras
        for (index, spec) in layers.enumerated() {
            let layer = try spec.layer(incoming: network.outputWidth, index: index, seed: seed)
            do { try network.add(layer) } catch { throw spec.location.error(error.reason) }
        }
        return network
    }
}
