import ArgumentParser

extension Constants: ExpressibleByArgument {}
import NNCore
import NNRuns
import NNFiles

/// `nnlab grad MODEL DATA`: the total loss and the gradient of every dense layer.
struct GradCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grad",
        abstract: "Print the loss and the gradient of every dense layer for a model and a data set.",
        discussion: """
        Prints {"loss": L, "gradients": [{"weights": [[...]], "bias": [...]}, ...]}, one entry per dense layer in order, every number in shortest round-trip float64 form.

        λ₁, λ₂ and leaky slopes are rounded to float32 as Keras does unless the model file (saved from a run with "constants": "exact") or --constants exact says otherwise.

        The pass is in inference mode (dropout is the identity, as Keras's training=False) unless --training is given: then dropout drops values with masks drawn from --seed's dropout stream (those of the first batch of a run with that seed).

        Example:
          nnlab grad examples/lab-model.json examples/lab-data.json
        """
    )

    @Argument(help: "A model file (JSON); layers without weights are initialized from --seed.")
    var model: String

    @Argument(help: "A data file (JSON): {\"x\": [[...]], \"y\": [[...]]}.")
    var data: String

    @Option(help: "Seed for layers without explicit weights, and of dropout's masks with --training.")
    var seed: UInt32 = 0

    @Flag(help: "Compute in training mode (dropout drops values) instead of inference mode.")
    var training = false

    @Option(help: "keras: round λ₁, λ₂ and leaky slopes to float32 as Keras does; exact: use them as written (default: the model file's, else keras).")
    var constants: Constants?

    func run() throws {
        do {
            var network = try ModelFile.load(model, seed: UInt64(seed))
            if let constants { network.constants = constants }
            let dataset = try DataFile.load(data, for: network)
            let gradients = try network.gradients(dataset.x, dataset.y, phase: training ? .training : .inference, seed: UInt64(seed))
            // A non-finite loss (inputs whose features or activations overflow) has no gradient to print.
            guard gradients.loss.isFinite, gradients.flattened.allSatisfy(\.isFinite) else {
                throw InputError(file: data, message: "expected data on which the loss and its gradient are finite, received "
                                 + "a loss of \(gradients.loss) (an input, a feature such as x1^2 or an activation overflows)")
            }
            print(GradCommand.json(gradients))
        } catch {
            fail(error)
        }
    }

    static func json(_ gradients: Gradients) -> String {
        let layers = gradients.layers.map {
            "{\"weights\": \(JSONWriter.matrix($0.weights)), \"bias\": \(JSONWriter.vector($0.bias))}"
        }
        return "{\"loss\": \(JSONWriter.number(gradients.loss)), \"gradients\": [" + layers.joined(separator: ", ") + "]}"
    }
}
