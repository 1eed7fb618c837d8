import NNCore
import NNFiles
/// NNLab's model file: JSON with the input width, the loss and the layers (weights optional).
///
/// ```json
/// {"input": 2, "loss": "mse",
///  "layers": [
///   {"type": "dense", "units": 3, "activation": "sigmoid",
///    "weights": [[0.108, 0.343, 0.174], [0.054, 0.549, 0.343]], "bias": [-0.679, -0.002, 0.152],
///    "regularizer": {"l2": 0.01}},
///   {"type": "concat_input"},
///   {"type": "dense", "units": 1, "activation": "leaky_relu", "alpha": 0.1,
///    "regularizer": {"l1": 0.001, "l2": 0.01}}]}
/// ```
/// A dense layer without "weights" is initialized from the seed (stream `layerBase + index`),
/// with its "initializer" (default glorot_uniform); a missing "bias" starts at zero.
public enum ModelFile {
    /// Limits that keep a typo from allocating the machine away.
    public static let maximumUnits = 1_000_000
    public static let maximumInput = 100_000_000
    public static let maximumParameters = 200_000_000

    /// Reads a network from a parsed model object.
    public static func network(from field: JSONField, seed: UInt64) throws(InputError) -> Network {
        try spec(from: field).network(seed: seed)
    }

    /// Reads a parsed model object into a `ModelSpec`: every field is checked here (names, ranges,
    /// shapes a layer states itself); what depends on the layers before (weights that fit what comes
    /// in, the parameter limits) is checked when the network is built.
    public static func spec(from field: JSONField) throws(InputError) -> ModelSpec {
        let object = try field.object(allowing: ["input", "loss", "layers", "name"])
        let input = try object.required("input", "the number of input columns").integer(in: 1...maximumInput)
        let lossField = try object.required("loss", "one of \(Loss.names.joined(separator: ", "))")
        let lossName = try lossField.string()
        guard let loss = Loss(name: lossName) else {
            throw lossField.error("expected one of \(Loss.names.joined(separator: ", ")), received \(lossField.value.summary)")
        }
        let layersField = try object.required("layers", "an array of layers")
        let layerFields = try layersField.array()
        guard !layerFields.isEmpty else { throw layersField.error("expected at least one layer, received an empty array") }
        let spec = ModelSpec(input: input, loss: loss, layers: try layers(layersField), location: field.location)
        try spec.checkSize()
        return spec
    }

    /// The layers of a "layers" array (a model's, or a sweep's architecture level).
    public static func layers(_ field: JSONField) throws(InputError) -> [ModelSpec.LayerSpec] {
        var layers: [ModelSpec.LayerSpec] = []
        for layerField in try field.array() { layers.append(try layer(from: layerField)) }
        guard layers.contains(where: { if case .dense = $0 { true } else { false } }) else {
            throw field.error("expected at least one dense layer, received \(layers.isEmpty ? "none" : "only concat_input")")
        }
        return layers
    }

    static let layerFields = ["type", "units", "activation", "alpha", "approximate", "weights", "bias", "regularizer", "initializer", "name"]

    private static func layer(from field: JSONField) throws(InputError) -> ModelSpec.LayerSpec {
        guard case .object = field.value.kind else { throw field.error("expected a layer object, received \(field.value.summary)") }
        let type = try field.object(allowing: layerFields)
            .required("type", "\"dense\" or \"concat_input\"").string(oneOf: ["dense", "concat_input"])
        if type == "concat_input" {
            _ = try field.object(allowing: ["type", "name"])
            return .concatInput
        }
        let object = try field.object(allowing: layerFields)
        let units = try object.required("units", "a positive integer").integer(in: 1...maximumUnits)
        let activationName = try object.optional("activation")?.string(oneOf: Activation.names) ?? "linear"
        var activation = activationNamed(activationName)
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
            guard Double(rows.count) * Double(units) <= Double(maximumParameters) else {
                throw weightsField.error("expected at most \(maximumParameters) weights, received \(rows.count)×\(units)")
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
        return .dense(ModelSpec.DenseSpec(units: units, activation: activation, regularizer: regularizer,
                                          initializer: Initializer(rawValue: initializerName) ?? .glorotUniform,
                                          weights: weights, bias: bias, location: field.location))
    }

    /// The activation a model file names (leaky_relu with its default slope).
    public static func activationNamed(_ name: String) -> Activation {
        Activation.named(name) ?? .linear
    }

    /// Reads the model file at `path`.
    public static func load(_ path: String, seed: UInt64 = 0) throws(InputError) -> Network {
        try network(from: TextFile.readJSON(path), seed: seed)
    }

    /// The model file for `network`, with every number in shortest round-trip form, so that
    /// loading it gives back the same bits.
    public static func encode(_ network: Network) -> String {
        var layers: [String] = []
        for layer in network.layers {
            switch layer {
            case .concatInput:
                layers.append("{\"type\": \"concat_input\"}")
            case .dense(let dense):
                var fields = ["\"type\": \"dense\"", "\"units\": \(dense.units)", "\"activation\": \"\(dense.activation.name)\""]
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
                layers.append("{" + fields.joined(separator: ", ") + "}")
            }
        }
        return "{\"input\": \(network.inputWidth), \"loss\": \"\(network.loss.name)\",\n \"layers\": [\n  "
            + layers.joined(separator: ",\n  ") + "]}\n"
    }
}
