import NNCore
import NNFiles

/// A model as written — input width, loss, layers — before its weights are drawn: the typed value
/// sweep axes edit (whether the model was written inline or in a model file) and that
/// `network(seed:)` builds. Every layer keeps where it was written, so a mistake found when the
/// network is built (too many weights, weights that no longer fit) is reported there.
public struct ModelSpec: Sendable {
    public enum LayerSpec: Sendable {
        case dense(DenseSpec)
        /// Output = [X, S] (the network input's columns, then the previous output).
        case concatInput
    }

    public struct DenseSpec: Sendable {
        public var units: Int
        public var activation: Activation
        public var regularizer: Regularizer?
        public var initializer: Initializer
        /// Given weights (incoming × units) and bias; nil: weights drawn from the seed, bias zero.
        public var weights: Matrix?
        public var bias: [Double]?
        public var location: FieldLocation
    }

    public var input: Int
    public var loss: Loss
    public var layers: [LayerSpec]
    public var location: FieldLocation

    /// Whether a layer has a regularizer, as `Network.hasRegularizer` says of the built network.
    public var hasRegularizer: Bool {
        layers.contains { if case .dense(let d) = $0 { d.regularizer != nil } else { false } }
    }

    /// The indices of the dense layers, in order.
    public var denseIndices: [Int] {
        layers.indices.filter { if case .dense = layers[$0] { true } else { false } }
    }

    /// Applies `change` to every dense layer (all but the last with `hiddenOnly`: the hidden layers).
    public mutating func editDense(hiddenOnly: Bool, _ change: (inout DenseSpec) -> Void) {
        let dense = denseIndices
        for i in dense where !(hiddenOnly && i == dense.last) {
            guard case .dense(var layer) = layers[i] else { continue }
            change(&layer)
            layers[i] = .dense(layer)
        }
    }

    /// The widths (input, then each layer's output) and the parameter count, in `Double` so that no
    /// size a user writes can overflow.
    public var cost: RunCost {
        var widths = [Double(input)]
        var parameters: Double = 0
        for layer in layers {
            let incoming = widths[widths.count - 1]
            switch layer {
            case .concatInput:
                widths.append(incoming + Double(input))
            case .dense(let dense):
                parameters += incoming * Double(dense.units) + Double(dense.units)
                widths.append(Double(dense.units))
            }
        }
        return RunCost(parameters: parameters, widths: widths)
    }

    /// Checks the limits on weights before anything is allocated: at most
    /// `ModelFile.maximumParameters` in all, reported at the first layer that passes them.
    public func checkSize() throws(InputError) {
        var incoming = Double(input)
        var parameters: Double = 0
        for layer in layers {
            switch layer {
            case .concatInput:
                incoming += Double(input)
            case .dense(let dense):
                let weights = incoming * Double(dense.units)
                guard weights <= Double(ModelFile.maximumParameters) else {
                    throw dense.location.error("expected at most \(ModelFile.maximumParameters) weights, received \(RunCost.count(incoming))×\(dense.units)")
                }
                parameters += weights + Double(dense.units)
                guard parameters <= Double(ModelFile.maximumParameters) else {
                    throw dense.location.error("expected at most \(ModelFile.maximumParameters) parameters in all, received more")
                }
                incoming = Double(dense.units)
            }
        }
    }

    /// The network, with the weights a layer does not give drawn from `seed` (dense layer at index
    /// i: stream `RandomStream.layerBase + i`, with its initializer).
    public func network(seed: UInt64) throws(InputError) -> Network {
        try checkSize()
        var network = Network(inputWidth: input, loss: loss)
        for (index, layer) in layers.enumerated() {
            switch layer {
            case .concatInput:
                do { try network.add(.concatInput) } catch { throw location.error(error.description) }
            case .dense(let spec):
                let incoming = network.outputWidth
                let weights: Matrix
                if let given = spec.weights {
                    guard given.rows == incoming else {
                        throw spec.location.child("weights").error("expected \(incoming) rows (the width of what comes in), received \(given.rows)")
                    }
                    weights = given
                } else {
                    var generator = RandomGenerator(seed: seed, stream: RandomStream.layerBase + UInt64(index))
                    weights = spec.initializer.weights(fanIn: incoming, fanOut: spec.units, using: &generator)
                }
                let dense = Dense(weights: weights, bias: spec.bias ?? [Double](repeating: 0, count: spec.units),
                                  activation: spec.activation, regularizer: spec.regularizer, initializer: spec.initializer)
                do { try network.add(.dense(dense)) } catch { throw spec.location.error(error.description) }
            }
        }
        return network
    }
}
