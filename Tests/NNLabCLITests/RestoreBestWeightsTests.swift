import Foundation
import Testing

/// `early_stopping: {..., restore_best_weights: true}` from files, through the binary.
@Suite("restore_best_weights")
struct RestoreBestWeightsTests {
    static let run = """
    {"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6]], "bias": [0.1, -0.1]}, {"type": "dense", "units": 1, "weights": [[0.7], [-0.5]], "bias": [0.2]}]},
     "optimizer": {"type": "sgd", "learning_rate": 0.9}, "epochs": 30, "batch_size": 4, "shuffle": false,
     "early_stopping": {"monitor": "loss", "patience": 2, "restore_best_weights": true}}
    """

    /// The saved model is the best epoch's: trained again for exactly that many epochs (no early stopping),
    /// the same run saves the same weights; the report says which epoch's weights the run ended with.
    @Test func theSavedModelIsTheBestEpochs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run)
        let result = try CommandRunner.run(["train", "run.json", "--quiet", "--save", "best.json"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        // Keras's fixture for this run stops after epoch 4 and restores epoch 2 (early_stopping.json).
        let two = Self.run.replacingOccurrences(of: #""epochs": 30"#, with: #""epochs": 2"#)
            .replacingOccurrences(of: #", "early_stopping": {"monitor": "loss", "patience": 2, "restore_best_weights": true}"#, with: "")
        try directory.write("two.json", two)
        let reference = try CommandRunner.run(["train", "two.json", "--quiet", "--save", "two-epochs.json"], in: directory.path)
        #expect(reference.status == 0, "\(reference.standardError)")
        let best = try String(contentsOfFile: directory.path + "/best.json", encoding: .utf8)
        let twoEpochs = try String(contentsOfFile: directory.path + "/two-epochs.json", encoding: .utf8)
        #expect(best == twoEpochs, "the restored model is epoch 2's")

        try directory.write("e.yaml", "title: R\nsections: [experiments]\nexperiments:\n  - " + Self.run.replacingOccurrences(of: "\n", with: " ") + "\n")
        let report = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("ended with the weights of epoch 2 (restore_best_weights)"), "the per-seed table says so")
    }

    /// `nnlab train` says which epoch's weights the run ended with (the terminal line and --json).
    @Test func trainSaysWhichWeightsItKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run)
        let plain = try CommandRunner.run(["train", "run.json"], in: directory.path)
        #expect(plain.status == 0)
        #expect((plain.standardOutput + plain.standardError).contains("the model holds epoch 2's weights (restore_best_weights), not the last epoch's"),
                "\(plain.standardOutput.suffix(300))")
        let json = try CommandRunner.run(["train", "run.json", "--json"], in: directory.path)
        #expect(json.standardOutput.contains(#""restored_epoch": 2"#))
    }

    @Test func aNonBooleanIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run.replacingOccurrences(of: #""restore_best_weights": true"#, with: #""restore_best_weights": 1"#))
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains("early_stopping.restore_best_weights: expected true or false"), "\(result.standardError)")
    }
}
