/// Adam (Kingma & Ba), as Keras 3's `Adam`, with ε outside the square root:
///
/// ```
/// t ← t + 1
/// α = η √(1 − β₂ᵗ) / (1 − β₁ᵗ)
/// m ← m + (g − m)(1 − β₁)
/// v ← v + (g² − v)(1 − β₂)
/// v̂ ← max(v̂, v) if amsgrad, else v
/// w ← w − α m / (√v̂ + ε)
/// ```
/// Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7, amsgrad = false. Inside the powers β₁ᵗ and β₂ᵗ
/// the betas are rounded to float32, as in Keras (`Constants.keras`, the default); the moment updates use them exactly.
public struct Adam: Optimizer {
    public static let typeName = "adam"
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var amsgrad: Bool
    /// λ of Keras 3's decoupled weight decay (`decayWeights`); 0: none.
    public var weightDecay: Double = 0
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`).
    public var constants: Constants = .keras
    public private(set) var iterations = 0
    private var m: [Double] = []
    private var v: [Double] = []
    private var vHat: [Double] = []

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, amsgrad: Bool = false) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("learning_rate", .number(learningRate)), ("beta_1", .number(beta1)), ("beta_2", .number(beta2)),
         ("epsilon", .number(epsilon)), ("amsgrad", .flag(amsgrad))] + weightDecayEntry(weightDecay)
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        iterations += 1
        decayWeights(parameters, weightDecay: weightDecay, learningRate: learningRate, constants: constants)
        let count = parameters.count
        prepareState(&m, count: count)
        prepareState(&v, count: count)
        if amsgrad { prepareState(&vHat, count: count) }
        let t = Double(iterations)
        let alpha = learningRate * (1 - power(constants(beta2), t)).squareRoot() / (1 - power(constants(beta1), t))
        let oneMinusBeta1 = 1 - beta1
        let oneMinusBeta2 = 1 - beta2
        let epsilon = self.epsilon
        let amsgrad = self.amsgrad
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                vHat.withUnsafeMutableBufferPointer { vHat in
                    for i in 0..<count {
                        let g = gradients[i]
                        m[i] += (g - m[i]) * oneMinusBeta1
                        v[i] += (g * g - v[i]) * oneMinusBeta2
                        var second = v[i]
                        if amsgrad {
                            vHat[i] = max(vHat[i], v[i])
                            second = vHat[i]
                        }
                        parameters[i] -= (m[i] * alpha) / (second.squareRoot() + epsilon)
                    }
                }
            }
        }
    }
}
