/// Keras 3's `InverseTimeDecay`:
///
/// ```
/// p = step / decay_steps        (⌊step / decay_steps⌋ with staircase)
/// η(step) = initial_learning_rate / (1 + decay_rate · p)
/// ```
public struct InverseTimeDecay: LearningRateSchedule {
    public static let typeName = "inverse_time_decay"
    public var initialLearningRate: Double
    public var decaySteps: Int
    public var decayRate: Double
    public var staircase: Bool

    public init(initialLearningRate: Double, decaySteps: Int, decayRate: Double, staircase: Bool = false) {
        precondition(decaySteps > 0, "InverseTimeDecay needs decay_steps > 0, received \(decaySteps)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("initial_learning_rate", .number(initialLearningRate)), ("decay_steps", .number(Double(decaySteps))),
         ("decay_rate", .number(decayRate)), ("staircase", .flag(staircase))]
    }

    public func learningRate<R: ScheduleArithmetic>(atStep step: Int, in arithmetic: R.Type) -> R {
        let decayed: R   // decay_rate · p
        if staircase {
            decayed = R(decayRate) * R(step).dividedByConstant(R(decaySteps)).rounded(.down)
        } else {
            decayed = R.product(R(decayRate), R(step), dividedByConstant: R(decaySteps))
        }
        return R(initialLearningRate) / (R(1) + decayed)
    }
}
