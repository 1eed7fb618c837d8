import ArgumentParser
import Foundation
import NNCore
import NNReport
import NNData
import NNRuns
import NNFiles

/// `nnlab train RUN`: trains a network and prints its history.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the network a run file describes.",
        discussion: """
        A run file names a model, data, an optimizer (Keras's argument names) and a schedule, for example:
          {"model": "xor-model.json", "data": "xor-data.json",
           "optimizer": {"type": "sgd", "learning_rate": 0.05},
           "epochs": 2000, "batch_size": 4, "shuffle": false, "seed": 0,
           "metrics": ["xor_accuracy"],
           "early_stopping": {"monitor": "xor_accuracy", "target": 1}}

        Examples:
          nnlab train examples/xor-run.json
          nnlab train examples/xor-run.json --quiet --save trained.json
          nnlab train examples/xor-run.json --json > result.json
        """
    )

    @Argument(help: "A run file (JSON, or YAML with the fields of an experiment entry).")
    var runFile: String

    @Flag(help: "Print {\"history\": {...}, \"model\": {...}} instead of the summary.")
    var json = false

    @Option(help: "Write the trained model to this path, by extension: .keras or .h5 (a Keras model), .npz (the dense layers' arrays W0, b0, …), else an NNLab model file.")
    var save: String?

    @Flag(help: "Print only one final summary line.")
    var quiet = false

    @Option(help: "Print a summary every N epochs (default: about 50 lines in all).")
    var every: Int?

    @Option(help: "The most memory the run may use, e.g. 8G or 512M (default: 4G); a larger run is refused before training.",
            transform: MemoryLimit.parse)
    var memoryLimit: MemoryLimit = MemoryLimit()

    func validate() throws {
        if json && quiet { throw ValidationError("--json and --quiet cannot be combined") }
        if let every, every < 1 { throw ValidationError("--every expects a positive integer, received \(every)") }
    }

    func run() throws {
        do {
            let destination = try save.map { (path: String) throws(InputError) -> FileDestination in try FileDestination.check(path) }  // before training
            var budget = MemoryBudget(limit: memoryLimit.bytes)
            let loaded = try RunFile.load(runFile, budget: &budget, log: quiet || !Terminal.standardErrorIsTerminal ? nil : { Terminal.standardError("nnlab: " + $0) })
            // A Keras file cannot hold every layer (features): refused before training, not after.
            if let save { try (ModelFormat(path: save) ?? .json).check(loaded.network, file: save) }
            if !json && !quiet {
                Terminal.standardError("nnlab: " + Terminal.plan(budget))
            }
            if json {
                // The printed history: about 25 characters per value.
                let penalty = loaded.network.hasRegularizer
                let keys = History.keys(metrics: loaded.options.metrics, validation: loaded.validation != nil, penalty: penalty,
                                        learningRate: loaded.options.learningRateSchedule != nil).count
                let values = Double(loaded.options.epochs) * Double(keys)
                try budget.charge(values * 25 * 2, for: "the --json output of \(loaded.options.epochs) epochs",
                                  error: { InputError(file: runFile, field: "epochs", message: $0) })
            }
            var callbacks: [any TrainingCallback] = []
            if !json && !quiet {
                let interval = every ?? max(1, loaded.options.epochs / 50)
                callbacks.append(ProgressPrinter(interval: interval, showBar: Terminal.standardErrorIsTerminal))
            }
            let (network, history) = try loaded.train(callbacks: callbacks)
            if let save, let destination {
                guard network.parameterVector.allSatisfy(\.isFinite) else {
                    throw InputError(file: save, message: "not written: the weights are not finite after the divergence")
                }
                // By extension: NumPy's .npz (the dense layers' arrays W0, b0, …), Keras's .keras or .h5, else NNLab's JSON.
                try destination.write((ModelFormat(path: save) ?? .json).bytes(of: network, file: save))
            }
            if json {
                print(TrainCommand.json(history: history, network: network))
            } else {
                print(TrainCommand.summary(history, epochs: loaded.options.epochs))
                if let save, !quiet {
                    print("saved the trained model to \(save)")
                    if let note = (ModelFormat(path: save) ?? .json).note(for: network) { print(note) }
                }
            }
        } catch {
            fail(error)
        }
    }

    static func json(history: History, network: Network) -> String {
        let series = zip(history.keys, history.values).map { "\(JSONWriter.string($0)): \(JSONWriter.vector($1))" }
        var text = "{\"history\": {" + series.joined(separator: ", ") + "}"
        if let d = history.divergence {
            let last = d.lastFiniteLoss.map(JSONWriter.number) ?? "null"
            text += ", \"divergence\": {\"epoch\": \(d.epoch), \"batch\": \(d.batch), \"quantity\": \"\(d.quantity)\", \"last_finite_loss\": \(last), \"learning_rate\": \(JSONWriter.number(d.learningRate))}"
        }
        if let stop = history.earlyStop {
            text += ", \"early_stop\": {\"epoch\": \(stop.epoch), \"reason\": \(JSONWriter.string(stop.reason))}"
        }
        if let restored = history.restoredEpoch { text += ", \"restored_epoch\": \(restored)" }
        return text + ",\n \"model\": " + ModelFile.encode(network).trimmingCharacters(in: .whitespacesAndNewlines) + "}"
    }

    /// One line: the last epoch's values and how training ended.
    static func summary(_ history: History, epochs: Int) -> String {
        let values = zip(history.keys, history.values).map { key, series in "\(key) \(format(series.last ?? .nan))" }
        var line = "final (epoch \(history.epochCount)/\(epochs)): " + values.joined(separator: ", ")
        if let d = history.divergence { line += "; " + d.description }
        if let stop = history.earlyStop { line += "; stopped early: " + stop.reason }
        if let restored = history.restoredEpoch {
            line += "; the model holds epoch \(restored)'s weights (restore_best_weights), not the last epoch's"
        }
        return line
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return x.description }
        return String(format: "%.6g", x)
    }
}

/// Prints Keras-style epoch lines, and a progress bar on a terminal.
final class ProgressPrinter: TrainingCallback {
    let interval: Int
    let showBar: Bool
    private var lastBar = 0.0

    init(interval: Int, showBar: Bool) {
        self.interval = interval
        self.showBar = showBar
    }

    func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {
        if epoch % interval == 0 || epoch == 1 || epoch == state.epochs || state.stopReason != nil {
            if showBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let values = zip(logs.keys, logs.values).map { "\($0): \(TrainCommand.format($1))" }
            print("Epoch \(epoch)/\(state.epochs) - " + values.joined(separator: " - "))
        }
        if showBar {
            let fraction = Double(epoch) / Double(max(state.epochs, 1))
            guard fraction - lastBar >= 0.01 || epoch == state.epochs else { return }
            lastBar = fraction
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(Int(fraction * 100))%".utf8))
            if epoch == state.epochs { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    func trainingDidEnd(_ history: History, state: TrainingState) {
        if showBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
