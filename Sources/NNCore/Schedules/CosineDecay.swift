/// Keras 3's `CosineDecay` (Loshchilov & Hutter's SGDR without restarts), with its optional linear
/// warmup (Goyal et al.):
///
/// ```
/// decay(s, from) = from · ((1 − α) · ½(1 + cos(π · s / decay_steps)) + α)
/// no warmup_target:  η(step) = decay(min(step, decay_steps), initial_learning_rate)
/// with warmup_target: s = min(step, decay_steps + warmup_steps)
///     s < warmup_steps:  η = (warmup_target − initial_learning_rate) · s / warmup_steps + initial_learning_rate
///     otherwise:         η = decay(s − warmup_steps, warmup_target)
/// ```
/// Defaults: α = 0, no warmup.
public struct CosineDecay: LearningRateSchedule {
    public static let typeName = "cosine_decay"
    public var initialLearningRate: Double
    public var decaySteps: Int
    /// The final rate as a fraction of the rate the decay starts from.
    public var alpha: Double
    /// The rate the warmup climbs to (and the decay starts from); nil: no warmup.
    public var warmupTarget: Double?
    public var warmupSteps: Int

    public init(initialLearningRate: Double, decaySteps: Int, alpha: Double = 0, warmupTarget: Double? = nil, warmupSteps: Int = 0) {
        precondition(decaySteps > 0, "CosineDecay needs decay_steps > 0, received \(decaySteps)")
        precondition(warmupSteps >= 0, "CosineDecay needs warmup_steps ≥ 0, received \(warmupSteps)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.warmupTarget = warmupTarget
        self.warmupSteps = warmupSteps
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        var list: [(name: String, value: HyperparameterValue)] = [("initial_learning_rate", .number(initialLearningRate)),
                                                                  ("decay_steps", .number(Double(decaySteps))), ("alpha", .number(alpha))]
        if let warmupTarget { list += [("warmup_target", .number(warmupTarget)), ("warmup_steps", .number(Double(warmupSteps)))] }
        return list
    }

    public func learningRate<R: ScheduleArithmetic>(atStep step: Int, in arithmetic: R.Type) -> R {
        let step = R(step), decaySteps = R(self.decaySteps)
        // Keras: 0.5 · (1.0 + cos(π · fraction)), then (1 − alpha) computed as a Python float and cast.
        // Inside the warmup's ops.cond the branches keep the eager form (`angle`).
        func decay(_ s: R, from rate: R, angle: R) -> R {
            let cosine = R(0.5) * (R(1) + R.cosine(angle))
            return rate * (R(1 - alpha) * cosine + R(alpha))
        }
        guard let warmupTarget else {
            let s = min(step, decaySteps)
            return decay(s, from: R(initialLearningRate), angle: R.product(R(Double.pi), s, dividedByConstant: decaySteps))
        }
        let target = R(warmupTarget), warmupSteps = R(self.warmupSteps)
        let s = min(step, decaySteps + warmupSteps)
        if s < warmupSteps {
            let initial = R(initialLearningRate)
            return (target - initial) * (s / warmupSteps) + initial
        }
        let decaying = s - warmupSteps
        return decay(decaying, from: target, angle: R(Double.pi) * (decaying / decaySteps))
    }
}
