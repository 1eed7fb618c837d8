import NNCore
import NNFiles

/// Reads a learning-rate schedule from an optimizer's `learning_rate` object, under Keras's names:
///
/// ```yaml
/// learning_rate: {schedule: exponential_decay, initial_learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5}
/// ```
/// | schedule | arguments (defaults) |
/// |---|---|
/// | exponential_decay, inverse_time_decay | initial_learning_rate, decay_steps, decay_rate, staircase (false) |
/// | piecewise_constant_decay | boundaries (increasing steps), values (one more than boundaries) |
/// | cosine_decay | initial_learning_rate, decay_steps, alpha (0), warmup_target, warmup_steps (0) |
/// | polynomial_decay | initial_learning_rate, decay_steps, end_learning_rate (0.0001), power (1), cycle (false) |
public enum ScheduleFile {
    public static let typeNames = [ExponentialDecay.typeName, InverseTimeDecay.typeName, PiecewiseConstantDecay.typeName,
                                   CosineDecay.typeName, PolynomialDecay.typeName]
    /// Steps are integers a run can reach (a decay over more steps than 2³¹ is a typo).
    static let steps = 1...Int(Int32.max)

    /// The schedule an object describes (`field` is the `learning_rate` object).
    public static func schedule(from field: JSONField) throws(InputError) -> any LearningRateSchedule {
        let any = try field.anyObject()
        let type = try any.required("schedule", "one of \(typeNames.joined(separator: ", "))").string(oneOf: typeNames)
        /// A cosine warmup may start from 0; the other schedules' rate must be positive.
        func initialRate(_ o: JSONObject) throws(InputError) -> Double {
            let cosine = type == CosineDecay.typeName
            return try o.required("initial_learning_rate", cosine ? "a number ≥ 0" : "a positive number").number(in: cosine ? .nonNegative : .positive)
        }
        func decaySteps(_ o: JSONObject) throws(InputError) -> Int {
            try o.required("decay_steps", "a positive integer (optimizer steps: batches)").integer(in: steps)
        }
        switch type {
        case ExponentialDecay.typeName, InverseTimeDecay.typeName:
            let o = try field.object(allowing: ["schedule", "initial_learning_rate", "decay_steps", "decay_rate", "staircase"])
            let (rate, stepsCount) = (try initialRate(o), try decaySteps(o))
            let decayRate = try o.required("decay_rate", "a positive number").number(in: .positive)
            let staircase = try o.optional("staircase")?.bool() ?? false
            if type == InverseTimeDecay.typeName {
                return InverseTimeDecay(initialLearningRate: rate, decaySteps: stepsCount, decayRate: decayRate, staircase: staircase)
            }
            return ExponentialDecay(initialLearningRate: rate, decaySteps: stepsCount, decayRate: decayRate, staircase: staircase)
        case PiecewiseConstantDecay.typeName:
            let o = try field.object(allowing: ["schedule", "boundaries", "values"])
            let boundariesField = try o.required("boundaries", "a list of increasing steps")
            let valuesField = try o.required("values", "a list of learning rates, one more than the boundaries")
            let boundaryItems = try boundariesField.array()
            guard !boundaryItems.isEmpty else { throw boundariesField.error("expected at least one boundary, received an empty list") }
            var boundaries: [Int] = []
            for item in boundaryItems {
                let step = try item.integer(in: 0...Int(Int32.max))
                if let last = boundaries.last, step <= last {
                    throw item.error("expected increasing boundaries, received \(step) after \(last)")
                }
                boundaries.append(step)
            }
            var values: [Double] = []
            for item in try valuesField.array() { values.append(try item.number(in: .positive)) }
            guard values.count == boundaries.count + 1 else {
                throw valuesField.error("expected \(boundaries.count + 1) values (one more than the \(boundaries.count) boundaries), received \(values.count)")
            }
            return PiecewiseConstantDecay(boundaries: boundaries, values: values)
        case CosineDecay.typeName:
            let o = try field.object(allowing: ["schedule", "initial_learning_rate", "decay_steps", "alpha", "warmup_target", "warmup_steps"])
            let (rate, stepsCount) = (try initialRate(o), try decaySteps(o))
            let alpha = try o.optional("alpha")?.number(in: .unitClosed) ?? 0
            let target = try o.optional("warmup_target")?.number(in: .positive)
            let warmupField = o.optional("warmup_steps")
            let warmup = try warmupField?.integer(in: 0...Int(Int32.max)) ?? 0
            if let warmupField, target == nil, warmup > 0 {
                // Keras ignores warmup_steps without a target: almost surely not what was meant.
                throw warmupField.error("expected warmup_target beside warmup_steps (the rate the warmup climbs to), received warmup_steps alone")
            }
            return CosineDecay(initialLearningRate: rate, decaySteps: stepsCount, alpha: alpha, warmupTarget: target, warmupSteps: warmup)
        default:
            let o = try field.object(allowing: ["schedule", "initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle"])
            let (rate, stepsCount) = (try initialRate(o), try decaySteps(o))
            return PolynomialDecay(initialLearningRate: rate, decaySteps: stepsCount,
                                   endLearningRate: try o.optional("end_learning_rate")?.number(in: .nonNegative) ?? 0.0001,
                                   power: try o.optional("power")?.number(in: .positive) ?? 1,
                                   cycle: try o.optional("cycle")?.bool() ?? false)
        }
    }

    /// The schedule as a run file writes it: `{"schedule": "exponential_decay", "initial_learning_rate": 0.1, …}`.
    public static func encode(_ schedule: any LearningRateSchedule) -> String {
        var fields = ["\"schedule\": \"\(type(of: schedule).typeName)\""]
        for (name, value) in schedule.hyperparameters { fields.append("\"\(name)\": \(OptimizerFile.encode(value))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
