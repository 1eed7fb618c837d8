/// Keras 3's `ExponentialDecay`:
///
/// ```
/// p = step / decay_steps        (⌊step / decay_steps⌋ with staircase)
/// η(step) = initial_learning_rate · decay_rate^p
/// ```
public struct ExponentialDecay: LearningRateSchedule {
    public static let typeName = "exponential_decay"
    public var initialLearningRate: Double
    public var decaySteps: Int
    public var decayRate: Double
    public var staircase: Bool

    public init(initialLearningRate: Double, decaySteps: Int, decayRate: Double, staircase: Bool = false) {
        precondition(decaySteps > 0, "ExponentialDecay needs decay_steps > 0, received \(decaySteps)")
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
        var p = R(step).dividedByConstant(R(decaySteps))
        if staircase { p = p.rounded(.down) }
        return R(initialLearningRate) * R.power(R(decayRate), p)
    }
}
