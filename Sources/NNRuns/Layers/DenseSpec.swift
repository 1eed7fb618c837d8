import NNCore
import NNFiles

/// `{"type": "dense", "units": 3, "activation": "sigmoid", "regularizer": {"l2": 0.01}, "weights": …, "bias": …}`:
/// a fully connected layer (`Dense`). Without "weights" it is initialized from the seed (stream
/// `RandomStream.layerBase + index`) with its "initializer" (default glorot_uniform); a missing
/// "bias" starts at zero.
public struct DenseSpec: LayerSpec {
    public var units: Int
    public var activation: Activation
    public var regularizer: Regularizer?
    public var initializer: Initializer
    /// Given weights (incoming × units) and bias; nil: weights drawn from the seed, bias zero.
    public var weights: Matrix?
    public var bias: [Double]?
    public var location: FieldLocation

    public static let typeName = "dense"
    public static let fields = ["units", "activation", "alpha", "approximate", "weights", "bias", "regularizer", "initializer"]

    public static func read(_ object: JSONObject, at field: JSONField) throws(InputError) -> DenseSpec {
        let units = try object.required("units", "a positive integer").integer(in: 1...ModelFile.maximumUnits)
        let activationName = try object.optional("activation")?.string(oneOf: Activation.names) ?? "linear"
        var activation = ModelFile.activationNamed(activationName)
        if let alphaField = object.optional("alpha") {
            switch activation {
            case .leakyReLU: activation = .leakyReLU(alpha: try alphaField.number(in: .nonNegative))
            case .elu: activation = .elu(alpha: try alphaField.number(in: .nonNegative))
            default: throw alphaField.error("expected only with \"activation\": \"leaky_relu\" or \"elu\", received it with \(activationName)")
            }
        }
        if let approximateField = object.optional("approximate") {
            guard case .gelu = activation else { throw approximateField.error("expected only with \"activation\": \"gelu\", received it with \(activationName)") }
            activation = .gelu(approximate: try approximateField.bool())
        }
        var regularizer: Regularizer?
        if let regularizerField = object.optional("regularizer") {
            let r = try regularizerField.object(allowing: ["l1", "l2"])
            guard r.has("l1") || r.has("l2") else { throw regularizerField.error("expected \"l1\" and/or \"l2\", received an empty object") }
            regularizer = Regularizer(l1: try r.optional("l1")?.number(in: .nonNegative) ?? 0,
                                      l2: try r.optional("l2")?.number(in: .nonNegative) ?? 0)
        }
        let initializerName = try object.optional("initializer")?.string(oneOf: Initializer.allCases.map(\.name)) ?? Initializer.glorotUniform.name
        var weights: Matrix?
        if let weightsField = object.optional("weights") {
            let rows = try weightsField.array()
            guard Double(rows.count) * Double(units) <= Double(ModelFile.maximumParameters) else {
                throw weightsField.error("expected at most \(ModelFile.maximumParameters) weights, received \(rows.count)×\(units)")
            }
            weights = try weightsField.matrix(columns: units, what: "units")
        }
        var bias: [Double]?
        if let biasField = object.optional("bias") {
            guard weights != nil else { throw biasField.error("expected only together with \"weights\", received it alone") }
            let values = try biasField.vector()
            guard values.count == units else { throw biasField.error("expected \(units) numbers (units), received \(values.count)") }
            bias = values
        }
        return DenseSpec(units: units, activation: activation, regularizer: regularizer,
                         initializer: Initializer(rawValue: initializerName) ?? .glorotUniform,
                         weights: weights, bias: bias, location: field.location)
    }

    public static func encode(_ layer: any Layer) -> [String]? {
        guard let dense = layer as? Dense else { return nil }
        var fields = ["\"units\": \(dense.units)", "\"activation\": \"\(dense.activation.name)\""]
        switch dense.activation {
        case .leakyReLU(let alpha): fields.append("\"alpha\": \(JSONWriter.number(alpha))")
        case .elu(let alpha) where alpha != 1: fields.append("\"alpha\": \(JSONWriter.number(alpha))")
        case .gelu(true): fields.append("\"approximate\": true")
        default: break
        }
        if dense.initializer != .glorotUniform { fields.append("\"initializer\": \"\(dense.initializer.name)\"") }
        if let r = dense.regularizer {
            var parts: [String] = []
            if r.l1 != 0 { parts.append("\"l1\": \(JSONWriter.number(r.l1))") }
            if r.l2 != 0 || r.l1 == 0 { parts.append("\"l2\": \(JSONWriter.number(r.l2))") }
            fields.append("\"regularizer\": {\(parts.joined(separator: ", "))}")
        }
        fields.append("\"weights\": \(JSONWriter.matrix(dense.weights))")
        fields.append("\"bias\": \(JSONWriter.vector(dense.bias))")
        return fields
    }

    public func width(incoming: Double, input: Double) -> Double { Double(units) }

    public func parameters(incoming: Double) -> Double { incoming * Double(units) + Double(units) }

    public func layer(incoming: Int, index: Int, seed: UInt64) throws(InputError) -> any Layer {
        let weights: Matrix
        if let given = self.weights {
            guard given.rows == incoming else {
                throw location.child("weights").error("expected \(incoming) rows (the width of what comes in), received \(given.rows)")
            }
            weights = given
        } else {
            var generator = RandomGenerator(seed: seed, stream: RandomStream.layerBase + UInt64(index))
            weights = initializer.weights(fanIn: incoming, fanOut: units, using: &generator)
        }
        return Dense(weights: weights, bias: bias ?? [Double](repeating: 0, count: units),
                     activation: activation, regularizer: regularizer, initializer: initializer)
    }
}
