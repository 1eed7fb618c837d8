import NNCore
import NNData
import NNFiles

/// Keras model files, read into NNLab model specs:
/// - `.keras` (Keras 3): a ZIP archive with `config.json` (the model's layers and `compile_config`)
///   and `model.weights.h5`, where layer k's variables are `layers/<path>/vars/0` (kernel) and `/1`
///   (bias), the `vars` group naming the layer;
/// - `.h5` / `.hdf5` (Keras 2, and Keras 3's `model.save("m.h5")`): the attributes `model_config` and
///   `training_config` (its `loss`), and `model_weights/<layer>/<weight name>` listed by each layer
///   group's `weight_names` (`dense/kernel:0` in Keras 2, `dense/kernel` in Keras 3).
///
/// float32 weights become float64 exactly, so a model reads back bit for bit; `KerasExport` writes both.
public enum KerasFile {
    /// Whether `path` names a Keras model file (by extension).
    public static func handles(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".keras") || lower.hasSuffix(".h5") || lower.hasSuffix(".hdf5")
    }

    /// The model in the Keras file at `path`; `loss` replaces the compiled loss (and is required when
    /// the model was saved without compiling). Errors name the file, the config field and the layer.
    public static func spec(_ path: String, loss given: Loss? = nil, location: FieldLocation? = nil) throws(InputError) -> ModelSpec {
        let bytes = try TextFile.read(path)
        // By what the file is, not its name: a renamed .keras is still a zip, a renamed .h5 still HDF5.
        if bytes.starts(with: [0x89, 0x48, 0x44, 0x46]) { return try legacy(bytes, path: path, loss: given, location: location) }
        if bytes.starts(with: [0x50, 0x4B]) { return try keras3(bytes, path: path, loss: given, location: location) }
        throw InputError(file: path, message: "expected a Keras model file (.keras, a ZIP archive, or .h5, an HDF5 file), received \(bytes.count < 4 ? "\(bytes.count) bytes" : Gzip.hexPrefix(bytes))")
    }

    /// The most bytes a config may take (its JSON text).
    static let maximumConfigBytes = 64 << 20

    private static func keras3(_ bytes: [UInt8], path: String, loss given: Loss?, location: FieldLocation?) throws(InputError) -> ModelSpec {
        let archive = try ZipArchive(bytes, file: path, kind: ".keras")
        guard let configMember = archive.member(named: "config.json"), let weightsMember = archive.member(named: "model.weights.h5") else {
            throw InputError(file: path, message: "expected a Keras 3 archive with config.json and model.weights.h5, received \(archive.members.isEmpty ? "an empty archive" : archive.members.map { "\"\($0.name)\"" }.joined(separator: ", "))")
        }
        let configFile = "\(path): config.json"
        let config = JSONField(try JSONParser.parse(try archive.contents(configMember, limit: maximumConfigBytes, limitReason: "a model's config"), file: configFile), file: configFile)
        let weights = try HDF5File(try archive.contents(weightsMember, limit: 8 * ModelFile.maximumParameters + (16 << 20), limitReason: "NNLab's parameter limit"),
                                   file: "\(path): model.weights.h5")
        let graph = try KerasGraph(config)
        // Layer name → its variables' group, from each `vars` group's name; else Keras's own path names.
        var groups: [String: String] = [:]
        if weights.exists("layers") {
            for member in try weights.members(of: "layers") {
                if let name = try? weights.string("name", of: "layers/\(member)/vars") { groups[name] = "layers/\(member)/vars" }
            }
        }
        let paths = KerasExport.variablePaths(graph.layers.map(\.className), sequential: graph.sequential)
        let byName = Dictionary(graph.layers.enumerated().map { ($0.element.name, paths[$0.offset]) }, uniquingKeysWith: { a, _ in a })
        let layers = try KerasLayerReader.layers(graph, keras2: false) { (name, location) throws(InputError) in
            let group = groups[name] ?? "layers/\(byName[name] ?? name)/vars"
            guard weights.exists("\(group)/0"), weights.exists("\(group)/1") else {
                throw location.error("expected the weights of layer \"\(name)\" in model.weights.h5 (\(group)/0 and /1), received none")
            }
            return (try weights.dataset("\(group)/0", maximumValues: ModelFile.maximumParameters),
                    try weights.dataset("\(group)/1", maximumValues: ModelFile.maximumUnits))
        }
        var loss: Loss?
        if let compile = try config.anyObject().optional("compile_config"), given == nil { loss = try KerasLayerReader.loss(compile: compile) }
        return try spec(input: graph.input, layers: layers, loss: given ?? loss, path: path, location: location)
    }

    private static func legacy(_ bytes: [UInt8], path: String, loss given: Loss?, location: FieldLocation?) throws(InputError) -> ModelSpec {
        let file = try HDF5File(bytes, file: path)
        guard let configText = try file.string("model_config") else {
            // model.save_weights writes the weights' groups without the config; anything else is another HDF5 file, or a damaged one.
            let weightsOnly = file.exists("model_weights") || file.exists("layers")
            throw InputError(file: path, message: "expected a full Keras model (model.save), received an HDF5 file without a model_config attribute "
                             + (weightsOnly ? "(weights only, from model.save_weights?)" : "(not a Keras model file, or a damaged one)"))
        }
        let configFile = "\(path): model_config"
        let config = JSONField(try JSONParser.parse(Array(configText.utf8), file: configFile), file: configFile)
        let keras2 = (try file.string("keras_version"))?.hasPrefix("2.") ?? false
        let graph = try KerasGraph(config)
        let layers = try KerasLayerReader.layers(graph, keras2: keras2) { (name, location) throws(InputError) in
            let group = "model_weights/\(name)"
            guard file.exists(group), let names = try file.attribute("weight_names", of: group)?.strings else {
                throw location.error("expected the weights of layer \"\(name)\" in \(group), received none")
            }
            // "dense/kernel:0" (Keras 2), "dense/kernel" or "sequential/dense/kernel" (Keras 3).
            func named(_ kind: String) -> String? {
                names.first { $0.split(separator: "/").last.map { $0 == kind || $0 == kind + ":0" } ?? false }
            }
            guard let kernel = named("kernel"), let bias = named("bias") else {
                throw location.error("expected a kernel and a bias among the weights of layer \"\(name)\", received \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            return (try file.dataset("\(group)/\(kernel)", maximumValues: ModelFile.maximumParameters),
                    try file.dataset("\(group)/\(bias)", maximumValues: ModelFile.maximumUnits))
        }
        var loss: Loss?
        if let training = try file.string("training_config"), given == nil {
            let trainingFile = "\(path): training_config"
            loss = try KerasLayerReader.loss(compile: JSONField(try JSONParser.parse(Array(training.utf8), file: trainingFile), file: trainingFile))
        }
        return try spec(input: graph.input, layers: layers, loss: given ?? loss, path: path, location: location)
    }

    private static func spec(input: Int, layers: [any LayerSpec], loss: Loss?, path: String,
                             location: FieldLocation?) throws(InputError) -> ModelSpec {
        guard let loss else {
            throw InputError(file: path, message: "expected a compiled loss (model.compile(loss=...) before saving), received a model saved without one: give it, as {\"keras\": FILE, \"loss\": \"mse\"} in a run file or nnlab convert --loss mse")
        }
        guard layers.contains(where: { $0 is DenseSpec }) else {
            throw InputError(file: path, message: "expected at least one Dense layer, received none")
        }
        var spec = ModelSpec(input: input, loss: loss, layers: layers, location: location ?? FieldLocation(file: path))
        try spec.checkSize()
        spec.constants = nil
        return spec
    }
}
