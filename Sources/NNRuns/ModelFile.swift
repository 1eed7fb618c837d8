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
/// Each layer object is read by its kind's `LayerSpec` (`vocabulary`): `DenseSpec` (a dense layer
/// without "weights" is initialized from the seed, stream `layerBase + index`, with its
/// "initializer", default glorot_uniform; a missing "bias" starts at zero), `ConcatInputSpec`,
/// `DropoutSpec` (`{"type": "dropout", "rate": 0.5}`), `FeaturesSpec`
/// (`{"type": "features", "include": ["x1", "x2", "x1^2", "sin(x1)"]}`, first layer only).
///
/// `{"keras": "model.keras"}` (or `.h5`) reads a Keras model file instead (`KerasFile`), with an
/// optional "loss" that replaces its compiled one; `{"npz": …}` beside the layers gives their weights.
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
    /// - Parameter base: the file paths in the model (`npz`) are relative to (the file that holds it).
    public static func spec(from field: JSONField, base: String = "") throws(InputError) -> ModelSpec {
        // `{"keras": "model.keras"}` (or .h5): the layers, weights and compiled loss of a Keras model file.
        if let keras = try field.anyObject().optional("keras") {
            let object = try field.object(allowing: ["keras", "loss", "name", "constants"])
            var loss: Loss?
            if let lossField = object.optional("loss") { loss = try self.loss(lossField) }
            var spec = try KerasFile.spec(keras.filePath(relativeTo: base), loss: loss, location: field.location)
            spec.source = try keras.string()
            if let name = try object.optional("constants")?.string(oneOf: Constants.allCases.map(\.rawValue)) { spec.constants = Constants(rawValue: name) }
            return spec
        }
        let object = try field.object(allowing: ["input", "loss", "layers", "name", "constants", "npz"])
        let npz = object.optional("npz")
        // `"npz": "weights.npz"`: the dense layers' weights from NumPy arrays (W0, b0, … or arr_0, arr_1, …), read once.
        let npzPath = try npz?.filePath(relativeTo: base)
        let loss = try self.loss(try object.required("loss", "one of \(Loss.names.joined(separator: ", "))"))
        let layersField = try object.required("layers", "an array of layers")
        let layerFields = try layersField.array()
        guard !layerFields.isEmpty else { throw layersField.error("expected at least one layer, received an empty array") }
        let layers = try layers(layersField)
        let input: Int
        var npzBytes: [UInt8]?
        if let inputField = object.optional("input") {
            input = try inputField.integer(in: 1...maximumInput)
        } else if let npz, let npzPath, layers.first(where: { !($0 is DropoutSpec) }) is DenseSpec {
            // {"npz": "weights.npz", "loss": …, "layers": […]}: the first kernel's rows are the input width.
            let bytes = try TextFile.read(npzPath)
            npzBytes = bytes
            input = try ModelArrays.inputWidth(npz: npzPath, bytes: bytes, location: npz.location)
        } else {
            _ = try object.required("input", npz == nil ? "the number of input columns"
                                    : "the number of input columns (the .npz's first kernel gives it only when a dense layer comes first)")
            throw field.error("expected \"input\"")
        }
        var constants: Constants?
        if let name = try object.optional("constants")?.string(oneOf: Constants.allCases.map(\.rawValue)) { constants = Constants(rawValue: name) }
        var spec = ModelSpec(input: input, loss: loss, layers: layers, constants: constants, location: field.location)
        try spec.checkSize()
        if let npz, let npzPath {
            let bytes: [UInt8]
            if let npzBytes { bytes = npzBytes } else { bytes = try TextFile.read(npzPath) }
            spec = try ModelArrays.apply(npz: npzPath, bytes: bytes, to: spec, location: npz.location)
        }
        return spec
    }

    /// A model field: an object (written inline, or naming a Keras file with "keras"), or the path of
    /// a model file (NNLab's JSON, or Keras's `.keras` / `.h5` / `.hdf5`), read within `budget`.
    /// - Parameter base: the file the field is in (relative paths are relative to it).
    public static func spec(field: JSONField, base: String, budget: MemoryBudget) throws(InputError) -> ModelSpec {
        switch field.value.kind {
        case .object:
            return try spec(from: field, base: base)
        case .string(let relative):
            guard !relative.isEmpty else { throw field.error("expected a path or an object, received an empty string") }
            let path = try field.filePath(relativeTo: base)
            var spec = KerasFile.handles(path) ? try KerasFile.spec(path, location: field.location)
                                                : try spec(from: TextFile.readJSON(path, budget: budget), base: path)
            spec.source = relative
            return spec
        default:
            throw field.error("expected an object or a path, received \(field.value.summary)")
        }
    }

    /// A loss name (NNLab's or Keras's long one).
    static func loss(_ field: JSONField) throws(InputError) -> Loss {
        guard let loss = Loss(name: try field.string()) else {
            throw field.error("expected one of \(Loss.names.joined(separator: ", ")), received \(field.value.summary)")
        }
        return loss
    }

    /// The layer kinds model files know, each with its own words (`LayerSpec`).
    public static let vocabulary = [LayerKind(DenseSpec.self), LayerKind(ConcatInputSpec.self), LayerKind(DropoutSpec.self), LayerKind(FeaturesSpec.self)]

    /// The `type` names of `vocabulary`, quoted, for errors.
    static var typeNames: String {
        let names = vocabulary.map { "\"\($0.typeName)\"" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// The layers of a "layers" array (a model's, or a sweep's architecture level).
    public static func layers(_ field: JSONField) throws(InputError) -> [any LayerSpec] {
        var layers: [any LayerSpec] = []
        for layerField in try field.array() { layers.append(try layer(from: layerField)) }
        guard layers.contains(where: { $0 is DenseSpec }) else {
            let kinds = layers.map { type(of: $0).typeName }
            throw field.error("expected at least one dense layer, received \(layers.isEmpty ? "none" : "only " + kinds.joined(separator: ", "))")
        }
        return layers
    }

    private static func layer(from field: JSONField) throws(InputError) -> any LayerSpec {
        guard case .object = field.value.kind else { throw field.error("expected a layer object, received \(field.value.summary)") }
        let typeField = try field.anyObject().required("type", typeNames)
        let type = try typeField.string(oneOf: vocabulary.map(\.typeName))
        guard let kind = vocabulary.first(where: { $0.typeName == type }) else {
            throw typeField.error("expected \(typeNames), received \(typeField.value.summary)")
        }
        let object = try field.object(allowing: ["type", "name"] + kind.fields)
        return try kind.read(object, field)
    }

    /// The activation a model file names (leaky_relu with its default slope).
    public static func activationNamed(_ name: String) -> Activation {
        Activation.named(name) ?? .linear
    }

    /// Reads the model file at `path`.
    public static func load(_ path: String, seed: UInt64 = 0) throws(InputError) -> Network {
        if KerasFile.handles(path) { return try KerasFile.spec(path).network(seed: seed) }
        return try spec(from: TextFile.readJSON(path), base: path).network(seed: seed)
    }

    /// The model file for `network`, with every number in shortest round-trip form, so that
    /// loading it gives back the same bits.
    public static func encode(_ network: Network) -> String {
        let layers = network.layers.map { layer -> String in
            let fields = vocabulary.lazy.compactMap { $0.encode(layer) }.first ?? []
            return "{" + (["\"type\": \"\(layer.typeName)\""] + fields).joined(separator: ", ") + "}"
        }
        // Constants are written only when exact, so models of keras runs keep their bytes.
        let constants = network.constants == .keras ? "" : " \"constants\": \"\(network.constants.rawValue)\","
        return "{\"input\": \(network.inputWidth), \"loss\": \"\(network.loss.name)\",\(constants)\n \"layers\": [\n  "
            + layers.joined(separator: ",\n  ") + "]}\n"
    }
}
