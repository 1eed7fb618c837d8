/// Adadelta (Zeiler, 2012), as Keras 3's `Adadelta`:
///
/// ```
/// E[g²] ← ρ E[g²] + (1 − ρ) g²
/// Δ = −√(E[Δ²] + ε) / √(E[g²] + ε) · g
/// E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²
/// w ← w + η Δ
/// ```
/// Defaults: η = 0.001, ρ = 0.95, ε = 1e-7.
public struct Adadelta: Optimizer {
    public static let typeName = "adadelta"
    public var learningRate: Double
    public var rho: Double
    public var epsilon: Double
    /// λ of Keras 3's decoupled weight decay (`decayWeights`); 0: none.
    public var weightDecay: Double = 0
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`).
    public var constants: Constants = .keras
    public private(set) var iterations = 0
    private var accumulatedGradient: [Double] = []
    private var accumulatedDelta: [Double] = []

    public init(learningRate: Double = 0.001, rho: Double = 0.95, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("learning_rate", .number(learningRate)), ("rho", .number(rho)), ("epsilon", .number(epsilon))] + weightDecayEntry(weightDecay)
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        iterations += 1
        decayWeights(parameters, weightDecay: weightDecay, learningRate: learningRate, constants: constants)
        let count = parameters.count
        prepareState(&accumulatedGradient, count: count)
        prepareState(&accumulatedDelta, count: count)
        let (lr, rho, epsilon) = (learningRate, self.rho, self.epsilon)
        accumulatedGradient.withUnsafeMutableBufferPointer { eg in
            accumulatedDelta.withUnsafeMutableBufferPointer { ed in
                for i in 0..<count {
                    let g = gradients[i]
                    eg[i] = rho * eg[i] + (1 - rho) * (g * g)
                    let delta = -((ed[i] + epsilon).squareRoot() * g) / (eg[i] + epsilon).squareRoot()
                    ed[i] = rho * ed[i] + (1 - rho) * (delta * delta)
                    parameters[i] += lr * delta
                }
            }
        }
    }
}
