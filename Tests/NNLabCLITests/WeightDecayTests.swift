import Foundation
import NNCore
import NNRuns
import Testing

/// AdamW and `weight_decay` (Keras 3's decoupled decay, on every optimizer) from run files, through the binary.
@Suite("Weight decay from files")
struct WeightDecayTests {
    static func run(_ optimizer: String) -> String {
        """
        {"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "tanh"}, {"type": "dense", "units": 1}]},
         "optimizer": \(optimizer), "epochs": 40, "batch_size": 4, "seed": 2}
        """
    }

    /// Decay shrinks the weights: the same run with weight_decay ends with a smaller ‖θ‖ than without, and
    /// AdamW is Adam with λ = 0.004 (the same final model as {"type": "adam", "weight_decay": 0.004}).
    @Test func decayShrinksTheWeightsAndAdamWIsAdamWithDecay() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cases = [("plain", #"{"type": "sgd", "learning_rate": 0.1}"#), ("decayed", #"{"type": "sgd", "learning_rate": 0.1, "weight_decay": 0.5}"#),
                     ("adamw", #"{"type": "adamw", "learning_rate": 0.01}"#), ("adam", #"{"type": "adam", "learning_rate": 0.01, "weight_decay": 0.004}"#)]
        var norms: [String: Double] = [:]
        var models: [String: String] = [:]
        for (name, optimizer) in cases {
            try directory.write("\(name).json", Self.run(optimizer))
            let result = try CommandRunner.run(["train", "\(name).json", "--quiet", "--save", "\(name)-model.json"], in: directory.path)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            let network = try ModelFile.load(directory.path + "/\(name)-model.json")
            norms[name] = network.denseLayers.flatMap { $0.layer.weights.elements + $0.layer.bias }.reduce(0) { $0 + $1 * $1 }.squareRoot()
            models[name] = try String(contentsOfFile: directory.path + "/\(name)-model.json", encoding: .utf8)
        }
        #expect((norms["decayed"] ?? .infinity) < (norms["plain"] ?? 0), "\(norms)")
        #expect(models["adamw"] == models["adam"], "AdamW = Adam with weight_decay 0.004")
        // The report names the optimizer with its decay.
        try directory.write("e.yaml", "title: W\nsections: [experiments]\nexperiments:\n  - data: xor\n    model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1}]}\n    optimizer: {type: adamw, learning_rate: 0.01}\n    epochs: 5\n")
        let report = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("adamw(learning_rate=0.01, weight_decay=0.004, beta_1=0.9"), "the optimizer with its decay")
    }

    @Test func badWeightDecayIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run(#"{"type": "adamw", "weight_decay": -0.1}"#))
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains("optimizer.weight_decay") && result.standardError.split(separator: "\n").count == 1,
                "\(result.standardError)")
    }
}
