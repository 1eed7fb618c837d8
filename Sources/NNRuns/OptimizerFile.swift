import NNCore
import NNFiles
/// Reads an optimizer from a run file's `"optimizer"` object, under Keras's argument names.
public enum OptimizerFile {
    public static let typeNames = [SGD.typeName, Adam.typeName, RMSprop.typeName, Adagrad.typeName, Adadelta.typeName]

    public static func optimizer(from field: JSONField) throws(InputError) -> any Optimizer {
        guard case .object = field.value.kind else { throw field.error("expected an object such as {\"type\": \"sgd\", \"learning_rate\": 0.1}, received \(field.value.summary)") }
        let base = try field.object(allowing: ["type", "learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "epsilon",
                                               "amsgrad", "rho", "centered", "initial_accumulator_value"])
        let type = try base.required("type", "one of \(typeNames.joined(separator: ", "))").string(oneOf: typeNames)
        func learningRate(_ object: JSONObject, _ defaultValue: Double) throws(InputError) -> Double {
            try object.optional("learning_rate")?.number(in: .positive) ?? defaultValue
        }
        let epsilonRange = NumberRange.positive
        switch type {
        case SGD.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "momentum", "nesterov"])
            return SGD(learningRate: try learningRate(o, 0.01),
                       momentum: try o.optional("momentum")?.number(in: .unitHalfOpen) ?? 0,
                       nesterov: try o.optional("nesterov")?.bool() ?? false)
        case Adam.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"])
            return Adam(learningRate: try learningRate(o, 0.001),
                        beta1: try o.optional("beta_1")?.number(in: .unitHalfOpen) ?? 0.9,
                        beta2: try o.optional("beta_2")?.number(in: .unitHalfOpen) ?? 0.999,
                        epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7,
                        amsgrad: try o.optional("amsgrad")?.bool() ?? false)
        case RMSprop.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "rho", "momentum", "epsilon", "centered"])
            return RMSprop(learningRate: try learningRate(o, 0.001),
                           rho: try o.optional("rho")?.number(in: .unitHalfOpen) ?? 0.9,
                           momentum: try o.optional("momentum")?.number(in: .unitHalfOpen) ?? 0,
                           epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7,
                           centered: try o.optional("centered")?.bool() ?? false)
        case Adagrad.typeName:
            let o = try field.object(allowing: ["type", "learning_rate", "initial_accumulator_value", "epsilon"])
            return Adagrad(learningRate: try learningRate(o, 0.001),
                           initialAccumulatorValue: try o.optional("initial_accumulator_value")?.number(in: .nonNegative) ?? 0.1,
                           epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7)
        default:
            let o = try field.object(allowing: ["type", "learning_rate", "rho", "epsilon"])
            return Adadelta(learningRate: try learningRate(o, 0.001),
                            rho: try o.optional("rho")?.number(in: .unitHalfOpen) ?? 0.95,
                            epsilon: try o.optional("epsilon")?.number(in: epsilonRange) ?? 1e-7)
        }
    }

    /// The optimizer `type` names with the run files' defaults (the reader's own, so the two never differ).
    public static func named(_ type: String) throws(InputError) -> any Optimizer {
        let value = JSONValue(kind: .object([JSONValue.Member(key: "type", value: JSONValue(kind: .string(type), line: 0))]), line: 0)
        return try optimizer(from: JSONField(value, file: "optimizer"))
    }

    /// The optimizer object for a run file.
    public static func encode(_ optimizer: any Optimizer) -> String {
        var fields = ["\"type\": \"\(type(of: optimizer).typeName)\""]
        for (name, value) in optimizer.hyperparameters {
            switch value {
            case .number(let x): fields.append("\"\(name)\": \(JSONWriter.number(x))")
            case .flag(let b): fields.append("\"\(name)\": \(b)")
            }
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
