import ArgumentParser
import NNCore
import NNData
import NNFiles
import NNRuns

/// `nnlab convert IN OUT`: a model between NNLab's JSON model file and NumPy's `.npz` (the dense
/// layers' arrays W0, b0, W1, b1, …), formats by extension or `--to`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between NNLab's JSON model file and NumPy's .npz.",
        discussion: """
        JSON → .npz writes each dense layer's weights and bias as float64 arrays W0, b0, W1, b1, … (W is inputs × units, Keras's kernel), so that np.load(OUT)["W0"] is the first layer's weights, bit for bit.
        .npz → JSON needs the architecture: --architecture names a model file (its layers without weights, or with weights that are replaced); the archive may also hold arr_0, arr_1, … as numpy.savez(f, *model.get_weights()) writes them.
        The same archive can be used wherever a model is read: {"input": 2, "loss": "mse", "layers": [...], "npz": "weights.npz"}.

        Examples:
          nnlab convert trained.json weights.npz
          nnlab convert weights.npz model.json --architecture examples/xor-model.json
        """
    )

    @Argument(help: "The model to read: a JSON model file, or an .npz archive (with --architecture).")
    var input: String

    @Argument(help: "Where to write the model (a regular file, replaced atomically).")
    var output: String

    @Option(help: "The output format, json or npz (default: from OUT's extension).")
    var to: String?

    @Option(help: "For an .npz input: a model file with the architecture (input, loss, layers).")
    var architecture: String?

    func run() throws {
        do {
            let format = try to ?? Self.format(of: output, what: "OUT")
            guard ["json", "npz"].contains(format) else {
                throw InputError(file: "--to", message: "expected json or npz, received \(format)")
            }
            let destination = try FileDestination.check(output)
            let network: Network
            if try Self.format(of: input, what: "IN") == "npz" {
                guard let architecture else {
                    throw InputError(file: input, message: "expected --architecture MODEL.json with the layers: an .npz archive holds only the weights")
                }
                var spec = try ModelFile.spec(from: TextFile.readJSON(architecture), base: architecture)
                spec.editDense(hiddenOnly: false) { layer in (layer.weights, layer.bias) = (nil, nil) }
                spec = try ModelArrays.apply(npz: input, to: spec, location: FieldLocation(file: input, line: nil, field: ""))
                network = try spec.network(seed: 0)
            } else {
                guard architecture == nil else { throw InputError(file: "--architecture", message: "expected only with an .npz input, received it with \(input)") }
                let spec = try ModelFile.spec(from: TextFile.readJSON(input), base: input)
                // A layer without weights would be drawn from a seed: converting it would invent weights.
                if let index = spec.denseIndices.first(where: { (spec.layers[$0] as? DenseSpec)?.weights == nil }) {
                    throw spec.layers[index].location.error("expected the layer's weights to convert, received none (a trained model has them: nnlab train RUN --save MODEL.json)")
                }
                network = try spec.network(seed: 0)
            }
            let bytes = format == "npz" ? NPZWriter.npz(ModelArrays.arrays(of: network)) : Array(ModelFile.encode(network).utf8)
            try destination.write(bytes)
            print("wrote \(output) (\(network.denseLayers.count) dense layers, \(network.parameterCount) parameters)")
        } catch {
            fail(error)
        }
    }

    /// "json" or "npz" from a path's extension.
    static func format(of path: String, what: String) throws(InputError) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".npz") { return "npz" }
        if lower.hasSuffix(".json") { return "json" }
        throw InputError(file: path, message: "expected a .json or .npz \(what) (or --to for OUT), received \(path)")
    }
}
