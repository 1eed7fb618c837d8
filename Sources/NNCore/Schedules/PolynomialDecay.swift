/// Keras 3's `PolynomialDecay`:
///
/// ```
/// without cycle: s = min(step, decay_steps), d = decay_steps
/// with cycle:    s = step, d = decay_steps · max(1, ⌈step / decay_steps⌉)
/// η(step) = (initial_learning_rate − end_learning_rate) · (1 − s/d)^power + end_learning_rate
/// ```
/// Defaults: end_learning_rate = 0.0001, power = 1, cycle = false.
public struct PolynomialDecay: LearningRateSchedule {
    public static let typeName = "polynomial_decay"
    public var initialLearningRate: Double
    public var decaySteps: Int
    public var endLearningRate: Double
    public var power: Double
    public var cycle: Bool

    public init(initialLearningRate: Double, decaySteps: Int, endLearningRate: Double = 0.0001, power: Double = 1, cycle: Bool = false) {
        precondition(decaySteps > 0, "PolynomialDecay needs decay_steps > 0, received \(decaySteps)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.endLearningRate = endLearningRate
        self.power = power
        self.cycle = cycle
    }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("initial_learning_rate", .number(initialLearningRate)), ("decay_steps", .number(Double(decaySteps))),
         ("end_learning_rate", .number(endLearningRate)), ("power", .number(power)), ("cycle", .flag(cycle))]
    }

    public func learningRate<R: ScheduleArithmetic>(atStep step: Int, in arithmetic: R.Type) -> R {
        let step = R(step)
        let s = step
        var d = R(decaySteps)
        if cycle {
            // Keras: the first multiple of decay_steps at or past the step, 1 at step 0.
            d = d * (step == R(0) ? R(1) : step.dividedByConstant(R(decaySteps)).rounded(.up))
        }
        // Without cycle the divisor is the constant decay_steps.
        let p = cycle ? s / d : min(s, d).dividedByConstant(d)
        let end = R(endLearningRate)
        return (R(initialLearningRate) - end) * R.power(R(1) - p, R(power)) + end
    }
}
