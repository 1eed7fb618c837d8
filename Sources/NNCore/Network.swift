/// A feed-forward network: an input width, layers in order, and a loss.
///
/// Widths are inferred: a dense layer takes the previous output (or the network input);
/// `concat_input` outputs the network input's columns followed by the previous output.
public struct Network: Sendable, Hashable {
    /// The number of input columns.
    public let inputWidth: Int
    public internal(set) var layers: [Layer]
    public var loss: Loss
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`); `fit` gives it to the optimizer too.
    public var constants: Constants = .keras

    public init(inputWidth: Int, loss: Loss = .mse) {
        precondition(inputWidth > 0, "Network input width must be positive, received \(inputWidth)")
        self.inputWidth = inputWidth
        self.layers = []
        self.loss = loss
    }

    /// Builds a network from layers, checking every shape.
    public init(inputWidth: Int, loss: Loss = .mse, layers: [Layer]) throws(NetworkError) {
        self.init(inputWidth: inputWidth, loss: loss)
        for layer in layers { try add(layer) }
    }

    /// The width of the output of layer `index` (−1: the network input).
    public func outputWidth(ofLayer index: Int) -> Int {
        var width = inputWidth
        guard index >= 0 else { return width }
        for layer in layers[0...index] {
            switch layer {
            case .dense(let dense): width = dense.units
            case .concatInput: width += inputWidth
            }
        }
        return width
    }

    /// The width of the network's output.
    public var outputWidth: Int { outputWidth(ofLayer: layers.count - 1) }

    /// Whether a layer has a regularizer (then `fit` records `data_loss` and `penalty`, `History.keys`).
    public var hasRegularizer: Bool { layers.contains { $0.dense?.regularizer != nil } }

    /// Appends a layer, checking that a dense layer's weights fit what comes in.
    public mutating func add(_ layer: Layer) throws(NetworkError) {
        if case .dense(let dense) = layer {
            let incoming = outputWidth
            guard dense.inputs == incoming else {
                throw .inputWidthMismatch(layer: layers.count, expected: incoming, received: dense.inputs)
            }
        }
        layers.append(layer)
    }

    /// Appends a dense layer whose input width is inferred, initialized from `generator`.
    public mutating func addDense(units: Int, activation: Activation = .linear, regularizer: Regularizer? = nil,
                                  initializer: Initializer = .glorotUniform, using generator: inout RandomGenerator) {
        precondition(units > 0, "Dense units must be positive, received \(units)")
        let dense = Dense(inputs: outputWidth, units: units, activation: activation, regularizer: regularizer,
                          initializer: initializer, using: &generator)
        layers.append(.dense(dense))
    }

    /// Appends a `concat_input` layer.
    public mutating func addConcatInput() {
        layers.append(.concatInput)
    }

    /// The dense layers in order, with their index among all layers.
    public var denseLayers: [(index: Int, layer: Dense)] {
        layers.enumerated().compactMap { i, l in l.dense.map { (i, $0) } }
    }

    /// Replaces the dense layer at `index` (its shape must stay the same).
    public mutating func setDense(_ dense: Dense, at index: Int) {
        guard case .dense(let old) = layers[index] else { preconditionFailure("layers[\(index)] is not dense") }
        precondition(old.inputs == dense.inputs && old.units == dense.units, "setDense must keep layers[\(index)]'s shape")
        layers[index] = .dense(dense)
    }

    /// The number of trainable parameters (weights and biases of all dense layers).
    public var parameterCount: Int { denseLayers.reduce(0) { $0 + $1.layer.parameterCount } }

    /// The sum of all regularization penalties.
    public var penalty: Double { denseLayers.reduce(0) { $0 + $1.layer.penalty } }
}
