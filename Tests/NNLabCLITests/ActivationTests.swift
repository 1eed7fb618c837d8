import Foundation
import NNCore
import NNRuns
import Testing

/// The newer activations (elu, selu, gelu, softplus, swish/silu, hard_sigmoid) from run files, through the binary.
@Suite("Activations from files")
struct ActivationTests {
    static let activations = [
        #""activation": "elu""#, #""activation": "elu", "alpha": 0.5"#, #""activation": "selu""#, #""activation": "gelu""#,
        #""activation": "gelu", "approximate": true"#, #""activation": "softplus""#, #""activation": "swish""#, #""activation": "silu""#,
        #""activation": "hard_sigmoid""#,
    ]

    static let expected: [Activation] = [.elu(alpha: 1), .elu(alpha: 0.5), .selu, .gelu(approximate: false), .gelu(approximate: true),
                                         .softplus, .swish, .swish, .hardSigmoid]

    /// Each trains, and the model it saves names the activation and its parameters and loads back with them.
    @Test func everyActivationTrainsAndRoundTrips() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (i, activation) in Self.activations.enumerated() {
            try directory.write("run\(i).json", """
            {"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, \(activation)}, {"type": "dense", "units": 1}]},
             "optimizer": {"type": "sgd", "learning_rate": 0.05}, "epochs": 30, "batch_size": 4, "seed": 1}
            """)
            let result = try CommandRunner.run(["train", "run\(i).json", "--quiet", "--save", "model\(i).json"], in: directory.path)
            #expect(result.status == 0, "\(activation): \(result.standardError)")
            let saved = try String(contentsOfFile: directory.path + "/model\(i).json", encoding: .utf8)
            let name = activation == #""activation": "silu""# ? #""activation": "swish""# : activation
            #expect(saved.contains(name), "\(activation) saved as: \(saved.prefix(200))")
            let loaded = try ModelFile.load(directory.path + "/model\(i).json")
            #expect(loaded.denseLayers.first?.layer.activation == Self.expected[i], "\(activation)")
        }
    }

    @Test func parametersOnTheWrongActivationAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (layer, message) in [(#""activation": "swish", "alpha": 1"#, #"expected only with "activation": "leaky_relu" or "elu", received it with swish"#),
                                 (#""activation": "elu", "approximate": true"#, #"expected only with "activation": "gelu", received it with elu"#),
                                 (#""activation": "gelu", "approximate": 1"#, "expected true or false")] {
            try directory.write("run.json", """
            {"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, \(layer)}, {"type": "dense", "units": 1}]},
             "epochs": 3}
            """)
            let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
            #expect(result.status == 1 && result.standardError.contains(message), "\(layer): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
    }
}
