/// Stochastic gradient descent with optional (Nesterov) momentum, as Keras 3's `SGD`:
///
/// ```
/// momentum = 0:  w ← w − η g
/// otherwise:     v ← μ v − η g
///                w ← w + v              (plain)
///                w ← w + μ v − η g      (nesterov)
/// ```
/// Defaults: η = 0.01, μ = 0, nesterov = false. μ enters rounded to float32, as in Keras
/// (with `constants: .keras`, the default; see `Constants`).
public struct SGD: Optimizer {
    public static let typeName = "sgd"
    public var learningRate: Double
    public var momentum: Double
    public var nesterov: Bool
    /// λ of Keras 3's decoupled weight decay (`decayWeights`); 0: none.
    public var weightDecay: Double = 0
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`).
    public var constants: Constants = .keras
    public private(set) var iterations = 0
    private var velocity: [Double] = []

    public init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("learning_rate", .number(learningRate)), ("momentum", .number(momentum)), ("nesterov", .flag(nesterov))] + weightDecayEntry(weightDecay)
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        iterations += 1
        decayWeights(parameters, weightDecay: weightDecay, learningRate: learningRate, constants: constants)
        let lr = learningRate
        guard momentum != 0 else {
            for i in 0..<parameters.count { parameters[i] -= gradients[i] * lr }
            return
        }
        prepareState(&velocity, count: parameters.count)
        let mu = constants(momentum)
        let nesterov = self.nesterov
        velocity.withUnsafeMutableBufferPointer { v in
            for i in 0..<parameters.count {
                let g = gradients[i]
                v[i] = v[i] * mu - g * lr
                parameters[i] += nesterov ? v[i] * mu - g * lr : v[i]
            }
        }
    }
}
