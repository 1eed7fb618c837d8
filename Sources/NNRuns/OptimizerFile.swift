import NNCore
import NNFiles
/// Reads an optimizer from a run file's `"optimizer"` object, under Keras's argument names; its
/// `learning_rate` is a number or a schedule object (`ScheduleFile`), which `schedule(from:)` reads.
public enum OptimizerFile {
    public static let typeNames = [SGD.typeName, Adam.typeName, AdamW.typeName, RMSprop.typeName, Adagrad.typeName, Adadelta.typeName]

    public static func optimizer(from field: JSONField) throws(InputError) -> any Optimizer {
        guard case .object = field.value.kind else { throw field.error("expected an object such as {\"type\": \"sgd\", \"learning_rate\": 0.1}, received \(field.value.summary)") }
        let base = try field.object(allowing: ["type", "learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "epsilon",
                                               "amsgrad", "rho", "centered", "initial_accumulator_value", "weight_decay"])
        let type = try base.required("type", "one of \(typeNames.joined(separator: ", "))").string(oneOf: typeNames)
        /// A number, or a schedule's initial rate (the optimizer's own rate is then its starting point).
        func learningRate(_ object: JSONObject, _ defaultValue: Double) throws(InputError) -> Double {
            guard let field = object.optional("learning_rate") else { return defaultValue }
            if case .object = field.value.kind { return try ScheduleFile.schedule(from: field).initialLearningRate }
            return try field.number(in: .positive)
        }
        let epsilonRange = NumberRange.positive
        /// Keras 3's `weight_decay`, taken by every optimizer (AdamW's default 0.004, the others' none).
        func weightDecay(_ object: JSONObject, _ defaultValue: Double = 0) throws(InputError) -> Double {
            try object.optional("weight_decay")?.number(in: .nonNegative) ?? defaultValue
        }
        switch type {
        case SGD.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "momentum", "nesterov", "weight_decay"])
            var sgd = SGD(learningRate: try learningRate(o, 0.01),
                          momentum: try o.optional("momentum")?.number(in: .unitHalfOpen) ?? 0,
                          nesterov: try o.optional("nesterov")?.bool() ?? false)
            sgd.weightDecay = try weightDecay(o)
            return sgd
        case Adam.typeName, AdamW.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad", "weight_decay"])
            var adam = Adam(learningRate: try learningRate(o, 0.001),
                            beta1: try o.optional("beta_1")?.number(in: .unitHalfOpen) ?? 0.9,
                            beta2: try o.optional("beta_2")?.number(in: .unitHalfOpen) ?? 0.999,
                            epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7,
                            amsgrad: try o.optional("amsgrad")?.bool() ?? false)
            guard type == AdamW.typeName else {
                adam.weightDecay = try weightDecay(o)
                return adam
            }
            var adamW = AdamW()
            adamW.adam = adam
            adamW.adam.weightDecay = try weightDecay(o, 0.004)
            return adamW
        case RMSprop.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "rho", "momentum", "epsilon", "centered", "weight_decay"])
            var rmsprop = RMSprop(learningRate: try learningRate(o, 0.001),
                                  rho: try o.optional("rho")?.number(in: .unitHalfOpen) ?? 0.9,
                                  momentum: try o.optional("momentum")?.number(in: .unitHalfOpen) ?? 0,
                                  epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7,
                                  centered: try o.optional("centered")?.bool() ?? false)
            rmsprop.weightDecay = try weightDecay(o)
            return rmsprop
        case Adagrad.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "initial_accumulator_value", "epsilon", "weight_decay"])
            var adagrad = Adagrad(learningRate: try learningRate(o, 0.001),
                                  initialAccumulatorValue: try o.optional("initial_accumulator_value")?.number(in: .nonNegative) ?? 0.1,
                                  epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7)
            adagrad.weightDecay = try weightDecay(o)
            return adagrad
        default:
            let o = try field.object(allowing: ["type", "learning_rate", "rho", "epsilon", "weight_decay"])
            var adadelta = Adadelta(learningRate: try learningRate(o, 0.001),
                                    rho: try o.optional("rho")?.number(in: .unitHalfOpen) ?? 0.95,
                                    epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7)
            adadelta.weightDecay = try weightDecay(o)
            return adadelta
        }
    }

    /// The schedule an optimizer object's `learning_rate` holds, if it is one (checked as `optimizer(from:)` does).
    public static func schedule(from field: JSONField) throws(InputError) -> (any LearningRateSchedule)? {
        guard case .object = field.value.kind, let rate = try field.anyObject().optional("learning_rate"),
              case .object = rate.value.kind else { return nil }
        return try ScheduleFile.schedule(from: rate)
    }

    /// The optimizer `type` names with the run files' defaults (the reader's own, so the two never differ).
    public static func named(_ type: String) throws(InputError) -> any Optimizer {
        let value = JSONValue(kind: .object([JSONValue.Member(key: "type", value: JSONValue(kind: .string(type), line: 0))]), line: 0)
        return try optimizer(from: JSONField(value, file: "optimizer"))
    }

    /// The optimizer object for a run file; with a schedule, `learning_rate` is the schedule's object.
    public static func encode(_ optimizer: any Optimizer, schedule: (any LearningRateSchedule)? = nil) -> String {
        var fields = ["\"type\": \"\(type(of: optimizer).typeName)\""]
        for (name, value) in optimizer.hyperparameters {
            if name == "learning_rate", let schedule {
                fields.append("\"learning_rate\": " + ScheduleFile.encode(schedule))
            } else {
                fields.append("\"\(name)\": \(encode(value))")
            }
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A hyperparameter's JSON: a number, true/false, or a list of numbers.
    public static func encode(_ value: HyperparameterValue) -> String {
        switch value {
        case .number(let x): JSONWriter.number(x)
        case .flag(let b): "\(b)"
        case .numbers(let xs): JSONWriter.vector(xs)
        }
    }
}
