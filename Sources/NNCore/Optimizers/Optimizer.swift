/// A rule that updates parameters from their gradients (Keras 3's update rules and defaults).
///
/// Parameters and gradients arrive as flat vectors; every rule here is elementwise, so this
/// is the same as Keras updating each variable separately. State (moments, accumulators)
/// is sized on the first step and reused, so steps allocate nothing.
public protocol Optimizer: Sendable {
    /// The type name in run files (`sgd`, `adam`, `rmsprop`, `adagrad`, `adadelta`).
    static var typeName: String { get }
    /// η, the step size.
    var learningRate: Double { get set }
    /// The number of steps taken so far (Keras's `iterations`).
    var iterations: Int { get }
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`; `fit` sets the network's).
    var constants: Constants { get set }
    /// The hyperparameters under Keras's argument names, in a stable order (for files and reports).
    var hyperparameters: [(name: String, value: HyperparameterValue)] { get }
    /// One step: parameters ← rule(parameters, gradients).
    mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>)
}

/// A hyperparameter's value: a number, a flag or a list of numbers (a schedule's boundaries).
public enum HyperparameterValue: Sendable, Hashable {
    case number(Double)
    case flag(Bool)
    case numbers([Double])
}

extension HyperparameterValue: CustomStringConvertible {
    /// For reading: "0.1", "true", "[100, 200]".
    public var description: String {
        switch self {
        case .number(let x): readable(x)
        case .flag(let b): "\(b)"
        case .numbers(let xs): "[" + xs.map(readable).joined(separator: ", ") + "]"
        }
    }
}

extension Optimizer {
    /// Updates the parameters of a flat `[Double]` (convenience for tests and the lab).
    public mutating func update(_ parameters: inout [Double], gradients: [Double]) {
        precondition(parameters.count == gradients.count, "update needs as many gradients as parameters, received \(gradients.count) for \(parameters.count)")
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in update(p, gradients: g) }
        }
    }
}

/// Keras 3's decoupled weight decay, applied by every optimizer before its rule:
///
///     w ← w − w·λ·η
///
/// on every parameter, biases included (Keras's default `exclude_from_weight_decay` is empty), with λ
/// rounded to float32 as Keras's `tf.cast` of a Python float makes it (`Constants.keras`; the fixtures
/// show the exact λ misses Keras by 9e-10), or exact with `Constants.exact`.
@inline(__always)
func decayWeights(_ parameters: UnsafeMutableBufferPointer<Double>, weightDecay: Double, learningRate: Double, constants: Constants) {
    guard weightDecay != 0 else { return }
    let lambda = constants(weightDecay)
    for i in 0..<parameters.count { parameters[i] -= parameters[i] * lambda * learningRate }
}

/// The `weight_decay` hyperparameter, listed only when set (so runs without it keep their files and fingerprints).
func weightDecayEntry(_ weightDecay: Double) -> [(name: String, value: HyperparameterValue)] {
    weightDecay == 0 ? [] : [("weight_decay", .number(weightDecay))]
}

/// Sizes an optimizer's state vector to `count`, filled with `value`, only when it differs.
@inline(__always)
func prepareState(_ state: inout [Double], count: Int, value: Double = 0) {
    if state.count != count { state = Array(repeating: value, count: count) }
}
