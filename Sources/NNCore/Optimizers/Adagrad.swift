/// Adagrad, as Keras 3's `Adagrad`, with ε inside the square root:
///
/// ```
/// a ← a + g²            (a starts at initial_accumulator_value)
/// w ← w − η g / √(a + ε)
/// ```
/// Defaults: η = 0.001, initial_accumulator_value = 0.1, ε = 1e-7. The initial value is rounded to
/// float32, as in Keras (`Constants.keras`, the default).
public struct Adagrad: Optimizer {
    public static let typeName = "adagrad"
    public var learningRate: Double
    public var initialAccumulatorValue: Double
    public var epsilon: Double
    /// λ of Keras 3's decoupled weight decay (`decayWeights`); 0: none.
    public var weightDecay: Double = 0
    /// Whether the coefficients Keras rounds to float32 are rounded (`Constants`).
    public var constants: Constants = .keras
    public private(set) var iterations = 0
    private var accumulator: [Double] = []

    public init(learningRate: Double = 0.001, initialAccumulatorValue: Double = 0.1, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("learning_rate", .number(learningRate)), ("initial_accumulator_value", .number(initialAccumulatorValue)),
         ("epsilon", .number(epsilon))] + weightDecayEntry(weightDecay)
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        iterations += 1
        decayWeights(parameters, weightDecay: weightDecay, learningRate: learningRate, constants: constants)
        prepareState(&accumulator, count: parameters.count, value: constants(initialAccumulatorValue))
        let (lr, epsilon) = (learningRate, self.epsilon)
        accumulator.withUnsafeMutableBufferPointer { a in
            for i in 0..<parameters.count {
                let g = gradients[i]
                a[i] += g * g
                parameters[i] -= (lr * g) / (a[i] + epsilon).squareRoot()
            }
        }
    }
}
