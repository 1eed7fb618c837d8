import ArgumentParser
import NNCore
import NNData
import NNFiles
import NNRuns

/// `nnlab convert IN OUT`: a model between NNLab's JSON model file, NumPy's `.npz` (the dense layers'
/// arrays W0, b0, W1, b1, …) and Keras's `.keras` and `.h5`, formats by extension or `--to`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between NNLab's JSON model file, NumPy's .npz and Keras's .keras and .h5.",
        discussion: """
        JSON → .npz writes each dense layer's weights and bias as float64 arrays W0, b0, W1, b1, … (W is inputs × units, Keras's kernel), so that np.load(OUT)["W0"] is the first layer's weights, bit for bit.
        .npz → JSON needs the architecture: --architecture names a model file (its layers without weights, or with weights that are replaced); the archive may also hold arr_0, arr_1, … as numpy.savez(f, *model.get_weights()) writes them.
        .keras and .h5 (Keras 3, and Keras 2's .h5/.hdf5) are read with their layers (InputLayer, Dense, Activation, LeakyReLU, Dropout, Concatenate of the input), weights, kernel regularizers and compiled loss; anything else is refused naming the layer. Written, they are float64 models that keras.saving.load_model opens and that predict NNLab's values.
        The same files can be used wherever a model is read: "model": "net.keras", {"keras": "net.h5"}, or {"input": 2, "loss": "mse", "layers": [...], "npz": "weights.npz"}.

        Examples:
          nnlab convert trained.json weights.npz
          nnlab convert weights.npz model.json --architecture examples/xor-model.json
          nnlab convert examples/lab-model.json lab.keras
          nnlab convert red_softmax_lab01.hdf5 lab.json
        """
    )

    @Argument(help: "The model to read: a JSON model file, a .keras or .h5 Keras model, or an .npz archive (with --architecture).")
    var input: String

    @Argument(help: "Where to write the model (a regular file, replaced atomically).")
    var output: String

    @Option(help: "The output format, json, npz, keras or h5 (default: from OUT's extension).")
    var to: String?

    @Option(help: "For an .npz input: a model file with the architecture (input, loss, layers).")
    var architecture: String?

    @Option(help: "For a Keras input: the loss (mse, bce or cce), replacing the compiled one; needed for a model saved without compile().")
    var loss: String?

    func run() throws {
        do {
            let format: ModelFormat
            if let to {
                guard let named = ModelFormat(name: to) else { throw InputError(file: "--to", message: "expected \(ModelFormat.names), received \(to)") }
                // A .keras that holds HDF5 (or the reverse) would be misread by every other program.
                if let byName = ModelFormat(path: output), byName != named {
                    throw InputError(file: "--to", message: "expected the format OUT's extension names (\(byName.rawValue)), received \(to) for \(output)")
                }
                format = named
            } else {
                format = try Self.format(of: output, what: "OUT")
            }
            let destination = try FileDestination.check(output)
            let network: Network
            let inputFormat = try Self.format(of: input, what: "IN")
            var lossOverride: Loss?
            if let loss {
                guard inputFormat == .keras || inputFormat == .h5 else { throw InputError(file: "--loss", message: "expected only with a .keras or .h5 input, received it with \(input)") }
                guard let named = Loss(name: loss) else { throw InputError(file: "--loss", message: "expected one of \(Loss.names.joined(separator: ", ")), received \(loss)") }
                lossOverride = named
            }
            if inputFormat == .npz {
                guard let architecture else {
                    throw InputError(file: input, message: "expected --architecture MODEL.json with the layers: an .npz archive holds only the weights")
                }
                var spec = try ModelFile.spec(from: TextFile.readJSON(architecture), base: architecture)
                spec.editDense(hiddenOnly: false) { layer in (layer.weights, layer.bias) = (nil, nil) }
                spec = try ModelArrays.apply(npz: input, bytes: TextFile.read(input), to: spec, location: FieldLocation(file: input, line: nil, field: ""))
                network = try spec.network(seed: 0)
            } else {
                guard architecture == nil else { throw InputError(file: "--architecture", message: "expected only with an .npz input, received it with \(input)") }
                let spec = inputFormat == .json ? try ModelFile.spec(from: TextFile.readJSON(input), base: input) : try KerasFile.spec(input, loss: lossOverride)
                // A layer without weights would be drawn from a seed: converting it would invent weights.
                if let index = spec.denseIndices.first(where: { (spec.layers[$0] as? DenseSpec)?.weights == nil }) {
                    throw spec.layers[index].location.error("expected the layer's weights to convert, received none (a trained model has them: nnlab train RUN --save MODEL.json)")
                }
                network = try spec.network(seed: 0)
            }
            try destination.write(try format.bytes(of: network, file: output))
            print("wrote \(output) (\(network.denseLayers.count) dense layers, \(network.parameterCount) parameters)")
            if let note = format.note(for: network) { print(note) }
        } catch {
            fail(error)
        }
    }

    /// The format of a path's extension.
    static func format(of path: String, what: String) throws(InputError) -> ModelFormat {
        guard let format = ModelFormat(path: path) else {
            throw InputError(file: path, message: "expected a .json, .npz, .keras, .h5 or .hdf5 \(what) (or --to for OUT), received \(path)")
        }
        return format
    }
}
