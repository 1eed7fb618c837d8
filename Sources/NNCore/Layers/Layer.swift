/// Whether a pass trains the network or uses it: dropout drops units only in `training`;
/// validation, predictions, decision boundaries and unit maps run in `inference` (Keras's
/// `training=False`).
public enum Phase: Sendable, Hashable {
    case training
    case inference
}

/// One layer of a `Network`, with its own maths: its verb is `forward` (and `backward`, its
/// adjoint), run over buffers the network's workspace owns, so a pass allocates nothing.
///
/// A layer states its output width for what comes in, how many trainable parameters it has (a
/// flat slice of the network's parameter vector, in the layer's own layout), how much scratch
/// memory per row its pass needs, and computes
///
///     forward:  A = layer(X)           (rows × outputWidth, from rows × inputWidth)
///     backward: ∂L/∂θ and ∂L/∂X from ∂L/∂A
///
/// Adding a kind of layer is one file conforming to `Layer` (plus its words in model files,
/// NNRuns's `LayerVocabulary`); the trainer and the workspace do not change.
public protocol Layer: Sendable, Hashable, CustomStringConvertible {
    /// The name in model files ("dense", "dropout", …).
    var typeName: String { get }
    /// The output width for `input`, or the reason the layer cannot follow what comes in.
    func outputWidth(for input: LayerInput) throws(NetworkError) -> Int
    /// The number of trainable parameters (0 by default).
    var parameterCount: Int { get }
    /// The scratch values per row the pass needs besides input and output (0 by default).
    func scratchWidth(inputWidth: Int) -> Int
    /// Whether the layer adds a penalty to the loss (then the history records `data_loss` and `penalty`).
    var isRegularized: Bool { get }
    /// Copies the parameters into `destination` (`parameterCount` values, the layer's layout).
    func copyParameters(into destination: UnsafeMutablePointer<Double>)
    /// Takes the parameters from `source` (`parameterCount` values, the layer's layout).
    mutating func loadParameters(from source: UnsafePointer<Double>)
    /// The penalty at the parameters `parameters` (0 by default), with `constants` as Keras rounds them or as written.
    func penalty(_ parameters: UnsafePointer<Double>, constants: Constants) -> Double
    /// A = layer(X) for `pass.rows` rows of `input`, into `memory.output`; `random` is the run's
    /// stream for what a layer draws in training (dropout's masks).
    func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, random: inout RandomGenerator)
    /// From ∂L/∂A in `memory.outputGradient` (which it may overwrite), ∂L/∂θ into `memory.gradients`
    /// (penalty gradients included) and, unless it is nil, ∂L/∂X into `memory.inputGradient`.
    /// With `pass.gradientIsLogit`, the output gradient is already ∂L/∂Z of the final activation
    /// (`finalActivation`): the loss was computed from the logits.
    func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass)
    /// The activation f this layer ends in and where its input Z is after `forward`, so that a loss
    /// can work from logits as Keras does (bce after sigmoid, cce after softmax); nil by default.
    func finalActivation(_ memory: LayerMemory) -> (activation: Activation, logits: UnsafePointer<Double>)?
}

extension Layer {
    public var parameterCount: Int { 0 }
    public func scratchWidth(inputWidth: Int) -> Int { 0 }
    public var isRegularized: Bool { false }
    public func copyParameters(into destination: UnsafeMutablePointer<Double>) {}
    public mutating func loadParameters(from source: UnsafePointer<Double>) {}
    public func penalty(_ parameters: UnsafePointer<Double>, constants: Constants) -> Double { 0 }
    public func finalActivation(_ memory: LayerMemory) -> (activation: Activation, logits: UnsafePointer<Double>)? { nil }

    /// Whether `other` is the same layer (same kind, same values).
    func isEqual(to other: any Layer) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}

/// What comes into a layer: the width of the previous output, the network's input width and the
/// layer's position (some layers, such as `Features`, only make sense first).
public struct LayerInput: Sendable, Hashable {
    /// The layer's index among all layers.
    public var index: Int
    /// The width of what comes in (the previous layer's output, or the network input).
    public var width: Int
    /// The network's input width.
    public var networkWidth: Int

    public init(index: Int, width: Int, networkWidth: Int) {
        self.index = index
        self.width = width
        self.networkWidth = networkWidth
    }
}

/// The memory one layer works in, owned by the network's workspace (all row-major, sized for the
/// workspace's capacity).
public struct LayerMemory {
    public let inputWidth: Int
    public let outputWidth: Int
    /// rows × outputWidth.
    public let output: UnsafeMutablePointer<Double>
    /// rows × `scratchWidth(inputWidth:)`.
    public let scratch: UnsafeMutablePointer<Double>
    /// This layer's slice of the parameter vector and of its gradient.
    public let parameters: UnsafeMutablePointer<Double>
    public let gradients: UnsafeMutablePointer<Double>
    /// ∂L/∂A, rows × outputWidth.
    public let outputGradient: UnsafeMutablePointer<Double>
    /// ∂L/∂X, rows × inputWidth: the previous layer's output gradient; nil for the first layer.
    public let inputGradient: UnsafeMutablePointer<Double>?
}

/// One pass through the network: how many rows, in which phase, and the network's input.
public struct LayerPass {
    public let rows: Int
    public let phase: Phase
    /// Whether coefficients Keras rounds to float32 (λ₁, λ₂, leaky slopes) are rounded (`Constants`).
    public let constants: Constants
    /// rows × networkInputWidth: what the network received (for layers that use it, `concat_input`).
    public let networkInput: UnsafePointer<Double>
    public let networkInputWidth: Int
    /// In `backward`: whether the output gradient is already ∂L/∂Z (the loss used the logits).
    public let gradientIsLogit: Bool
}
