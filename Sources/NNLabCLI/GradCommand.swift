import ArgumentParser
import Foundation

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
        Prints {"loss": L, "gradients": [{"weights": [[...]], "bias": [...]}, ...]}, one entry per dense layer in order, every number in shortest round-trip float64 form. L is the total loss, the data loss plus the regularizers' penalty (as Keras's model.evaluate reports it), and the gradients are those of L.

        λ₁, λ₂ and leaky slopes are rounded to float32 as Keras does unless the model file (saved from a run with "constants": "exact") or --constants exact says otherwise.

        The pass is in inference mode (dropout is the identity, as Keras's training=False) unless --training is given: then dropout drops values with masks drawn from --seed's dropout stream (those of the first batch of a run with that seed).

        With --check YOURS (JSON in this format, or .npz with dW1, db1, … in the same order), prints one row per array with its largest relative error, pass or FAIL at --tolerance, and the usual mistake when one fits exactly (the matrix transposed, summed over the batch instead of averaged, the 2 of the squared error missing, the sign); exit status 1 when an array fails.

        Examples:
          nnlab grad examples/lab-model.json examples/lab-data.json
          nnlab grad examples/lab-model.json examples/lab-data.json --check my-gradients.json
        """
    )

    @Argument(help: "A model file: NNLab's JSON (layers without weights are initialized from --seed), or a Keras .keras or .h5.")
    var model: String

    @Argument(help: "A data file (JSON): {\"x\": [[...]], \"y\": [[...]]}.")
    var data: String

    @Option(help: "Seed for layers without explicit weights, and of dropout's masks with --training.")
    var seed: UInt32 = 0

    @Flag(help: "Compute in training mode (dropout drops values) instead of inference mode.")
    var training = false

    @Option(help: "Your gradients (JSON in this command's format, or .npz with dW1, db1, … in order): print a check of each array instead of the gradients.")
    var check: String?

    @Option(help: "With --check: the largest relative error an array may have to pass.")
    var tolerance: Double = 1e-7

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
            if let check {
                guard tolerance.isFinite, tolerance > 0, tolerance < 1 else {
                    throw InputError(file: "--tolerance", message: "expected a number in (0, 1), received \(tolerance)")
                }
                let theirs = try GradientFile.load(check)
                let result = GradientCheck(ours: gradients, theirs: theirs.arrays, theirLoss: theirs.loss, loss: network.loss,
                                           batch: dataset.count, outputs: network.outputWidth, tolerance: tolerance)
                print(GradCommand.table(result, file: check))
                // A failed check is a result, not a mistake in the input: the table says it, the status too.
                if !result.passed { Foundation.exit(1) }
                return
            }
            print(GradCommand.json(gradients))
        } catch {
            fail(error)
        }
    }

    /// One row per array: its shape, largest relative error, pass or FAIL, and the mistake when one fits.
    static func table(_ check: GradientCheck, file: String) -> String {
        var lines = ["\(file) against NNLab (tolerance \(JSONWriter.number(check.tolerance)), largest relative error per array):"]
        let width = max(5, check.rows.map(\.name.count).max() ?? 5)
        for row in check.rows {
            let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let shape = (row.shape.isEmpty ? "scalar" : row.shape.map(String.init).joined(separator: "×")).padding(toLength: 8, withPad: " ", startingAt: 0)
            let error = row.error.isFinite ? String(format: "%.2e", row.error) : "—"
            lines.append("  \(name)  \(shape)  \(error.padding(toLength: 9, withPad: " ", startingAt: 0))  \(row.passed ? "pass" : "FAIL")"
                         + (row.diagnosis.map { "  " + $0 } ?? ""))
        }
        let failed = check.rows.filter { !$0.passed }.count
        lines.append(failed == 0 ? "all \(check.rows.count) arrays pass" : "\(failed) of \(check.rows.count) arrays fail")
        return lines.joined(separator: "\n")
    }

    static func json(_ gradients: Gradients) -> String {
        let layers = gradients.layers.map {
            "{\"weights\": \(JSONWriter.matrix($0.weights)), \"bias\": \(JSONWriter.vector($0.bias))}"
        }
        return "{\"loss\": \(JSONWriter.number(gradients.loss)), \"gradients\": [" + layers.joined(separator: ", ") + "]}"
    }
}
