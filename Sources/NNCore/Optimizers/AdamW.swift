/// Keras 3's `AdamW`: Adam with decoupled weight decay, λ = 0.004 by default —
///
///     w ← w − w·λ·η, then Adam's step
///
/// (Loshchilov & Hutter 2019), the same decay every NNLab optimizer takes as `weight_decay`.
public struct AdamW: Optimizer {
    public static let typeName = "adamw"
    /// The Adam rule it wraps (its `weightDecay` is this optimizer's).
    public var adam: Adam

    public init(learningRate: Double = 0.001, weightDecay: Double = 0.004, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, amsgrad: Bool = false) {
        adam = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad)
        adam.weightDecay = weightDecay
    }

    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    public var weightDecay: Double { adam.weightDecay }
    public var constants: Constants {
        get { adam.constants }
        set { adam.constants = newValue }
    }
    public var iterations: Int { adam.iterations }

    /// Adam's, with `weight_decay` always listed (it defines AdamW).
    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        let adamOnes = adam.hyperparameters.filter { $0.name != "weight_decay" }
        return [adamOnes[0], ("weight_decay", .number(adam.weightDecay))] + adamOnes.dropFirst()
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Double>, gradients: UnsafeBufferPointer<Double>) {
        adam.update(parameters, gradients: gradients)
    }
}
