/// A feed-forward network: an input width, layers in order, and a loss — the course's `Network`.
///
/// ```swift
/// var generator = RandomGenerator(seed: 1)
/// var network = Network(inputWidth: 2, loss: .mse)
/// network.addDense(units: 2, activation: .tanh, using: &generator)
/// network.addDense(units: 1, activation: .tanh, using: &generator)
/// ```
///
/// Widths are inferred and checked in `add`: each layer says its output width for what comes in
/// (`Layer.outputWidth(for:)`).
public struct Network: Sendable, Hashable {
    /// The number of input columns.
    public let inputWidth: Int
    /// The layers in order.
    public private(set) var layers: [any Layer]
    /// The output width of each layer, in order.
    private var widths: [Int]
    public var loss: Loss
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`); `fit` gives it to the optimizer too.
    public var constants: Constants = .keras

    public init(inputWidth: Int, loss: Loss = .mse) {
        precondition(inputWidth > 0, "Network input width must be positive, received \(inputWidth)")
        self.inputWidth = inputWidth
        self.layers = []
        self.widths = []
        self.loss = loss
    }

    /// Builds a network from layers, checking every shape.
    public init(inputWidth: Int, loss: Loss = .mse, layers: [any Layer]) throws(NetworkError) {
        self.init(inputWidth: inputWidth, loss: loss)
        for layer in layers { try add(layer) }
    }

    /// The width of the output of layer `index` (−1: the network input).
    public func outputWidth(ofLayer index: Int) -> Int {
        index >= 0 ? widths[index] : inputWidth
    }

    /// The width of the network's output.
    public var outputWidth: Int { widths.last ?? inputWidth }

    /// The layer at `index` (0-based, as in `layers`).
    public func layer(at index: Int) -> any Layer { layers[index] }

    /// Whether a layer has a regularizer (then `fit` records `data_loss` and `penalty`, `History.keys`).
    public var hasRegularizer: Bool { layers.contains { $0.isRegularized } }

    /// Appends a layer, checking that it fits what comes in (a dense layer's weights, a layer that
    /// must come first).
    public mutating func add(_ layer: any Layer) throws(NetworkError) {
        let input = LayerInput(index: layers.count, width: outputWidth, networkWidth: inputWidth)
        widths.append(try layer.outputWidth(for: input))
        layers.append(layer)
    }

    /// Appends a dense layer whose input width is inferred, initialized from `generator`.
    public mutating func addDense(units: Int, activation: Activation = .linear, regularizer: Regularizer? = nil,
                                  initializer: Initializer = .glorotUniform, using generator: inout RandomGenerator) {
        precondition(units > 0, "Dense units must be positive, received \(units)")
        let dense = Dense(inputs: outputWidth, units: units, activation: activation, regularizer: regularizer,
                          initializer: initializer, using: &generator)
        layers.append(dense)
        widths.append(units)
    }

    /// Appends a `concat_input` layer.
    public mutating func addConcatInput() {
        widths.append(outputWidth + inputWidth)
        layers.append(ConcatInput())
    }

    /// The dense layers in order, with their index among all layers.
    public var denseLayers: [(index: Int, layer: Dense)] {
        layers.enumerated().compactMap { i, l in (l as? Dense).map { (i, $0) } }
    }

    /// Replaces the layer at `index` by one of the same kind and shape (new weights, say).
    public mutating func replaceLayer(at index: Int, with layer: any Layer) {
        precondition(type(of: layer) == type(of: layers[index]) && layer.parameterCount == layers[index].parameterCount
                     && (try? layer.outputWidth(for: LayerInput(index: index, width: outputWidth(ofLayer: index - 1), networkWidth: inputWidth))) == widths[index],
                     "replaceLayer must keep layers[\(index)]'s kind and shape")
        layers[index] = layer
    }

    /// Replaces the dense layer at `index` (its shape must stay the same).
    public mutating func setDense(_ dense: Dense, at index: Int) {
        replaceLayer(at: index, with: dense)
    }

    /// The number of trainable parameters (weights and biases of all dense layers).
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The sum of all regularization penalties (with the network's `constants`).
    public var penalty: Double {
        layers.reduce(0) { total, layer in
            var values = [Double](repeating: 0, count: max(1, layer.parameterCount))
            return values.withUnsafeMutableBufferPointer { buffer in
                layer.copyParameters(into: buffer.baseAddress!)
                return total + layer.penalty(buffer.baseAddress!, constants: constants)
            }
        }
    }

    public static func == (lhs: Network, rhs: Network) -> Bool {
        lhs.inputWidth == rhs.inputWidth && lhs.loss == rhs.loss && lhs.constants == rhs.constants && lhs.layers.count == rhs.layers.count
            && zip(lhs.layers, rhs.layers).allSatisfy { $0.isEqual(to: $1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputWidth)
        hasher.combine(loss)
        hasher.combine(constants)
        for layer in layers { hasher.combine(AnyHashable(layer)) }
    }
}
