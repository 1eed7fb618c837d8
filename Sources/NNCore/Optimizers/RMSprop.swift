/// RMSprop, as Keras 3's `RMSprop`, with ε inside the square root:
///
/// ```
/// s ← ρ s + (1 − ρ) g²
/// centered:  ḡ ← ρ ḡ + (1 − ρ) g,   d = s − ḡ² + ε
/// otherwise: d = s + ε
/// Δ = η g / √d
/// momentum > 0:  m ← μ m + Δ,  w ← w − m
/// otherwise:     w ← w − Δ
/// ```
/// Defaults: η = 0.001, ρ = 0.9, μ = 0, ε = 1e-7, centered = false.
public struct RMSprop: Optimizer {
    public static let typeName = "rmsprop"
    public var learningRate: Double
    public var rho: Double
    public var momentum: Double
    public var epsilon: Double
    public var centered: Bool
    /// λ of Keras 3's decoupled weight decay (`decayWeights`); 0: none.
    public var weightDecay: Double = 0
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`).
    public var constants: Constants = .keras
    public private(set) var iterations = 0
    private var velocity: [Double] = []
    private var averageGradient: [Double] = []
    private var momentumBuffer: [Double] = []

    public init(learningRate: Double = 0.001, rho: Double = 0.9, momentum: Double = 0,
                epsilon: Double = 1e-7, centered: Bool = false) {
        self.learningRate = learningRate
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("learning_rate", .number(learningRate)), ("rho", .number(rho)), ("momentum", .number(momentum)),
         ("epsilon", .number(epsilon)), ("centered", .flag(centered))] + weightDecayEntry(weightDecay)
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        iterations += 1
        decayWeights(parameters, weightDecay: weightDecay, learningRate: learningRate, constants: constants)
        let count = parameters.count
        prepareState(&velocity, count: count)
        if centered { prepareState(&averageGradient, count: count) }
        if momentum > 0 { prepareState(&momentumBuffer, count: count) }
        let (lr, rho, mu, epsilon, centered) = (learningRate, self.rho, momentum, self.epsilon, self.centered)
        velocity.withUnsafeMutableBufferPointer { s in
            averageGradient.withUnsafeMutableBufferPointer { gBar in
                momentumBuffer.withUnsafeMutableBufferPointer { m in
                    for i in 0..<count {
                        let g = gradients[i]
                        s[i] = rho * s[i] + (1 - rho) * (g * g)
                        let denominator: Double
                        if centered {
                            gBar[i] = rho * gBar[i] + (1 - rho) * g
                            denominator = s[i] - gBar[i] * gBar[i] + epsilon
                        } else {
                            denominator = s[i] + epsilon
                        }
                        let increment = (lr * g) / denominator.squareRoot()
                        if mu > 0 {
                            m[i] = mu * m[i] + increment
                            parameters[i] -= m[i]
                        } else {
                            parameters[i] -= increment
                        }
                    }
                }
            }
        }
    }
}
