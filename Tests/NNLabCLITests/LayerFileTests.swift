import Foundation
import NNCore
import NNRuns
import NNFiles
import Testing

/// Dropout and Playground's features from run, model and experiment files, through the binary.
@Suite("Layers from files")
struct LayerFileTests {
    static let layers = #"""
    [{"type": "features", "include": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]},
     {"type": "dense", "units": 6, "activation": "tanh"}, {"type": "dropout", "rate": 0.3},
     {"type": "dense", "units": 1, "activation": "tanh"}]
    """#

    static let run = """
    {"data": {"name": "spiral", "samples": 120, "seed": 3}, "model": {"input": 2, "loss": "mse", "layers": \(layers)},
     "validation_split": 0.25, "optimizer": {"type": "adam", "learning_rate": 0.03}, "epochs": 40, "batch_size": 16, "seed": 7}
    """

    /// Trained twice with the same seed: the same bytes; the saved model names both layers and loads back as they were.
    @Test func runsWithDropoutAndFeaturesAreReproducibleAndSaved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run)
        var outputs: [String] = []
        for name in ["a", "b"] {
            let result = try CommandRunner.run(["train", "run.json", "--json", "--save", "\(name).json"], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(result.standardOutput)
        }
        #expect(outputs[0] == outputs[1] && outputs[0].contains("val_loss"))
        let a = try String(contentsOfFile: directory.path + "/a.json", encoding: .utf8)
        #expect(a == (try String(contentsOfFile: directory.path + "/b.json", encoding: .utf8)))
        #expect(a.contains(#"{"type": "features", "include": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]}"#), "\(a.prefix(300))")
        #expect(a.contains(#"{"type": "dropout", "rate": 0.3}"#))
        let loaded = try ModelFile.load(directory.path + "/a.json")
        #expect(loaded.layers.map(\.typeName) == ["features", "dense", "dropout", "dense"])
        #expect(loaded.layer(at: 0) as? Features == Features.playground && loaded.layer(at: 2) as? Dropout == Dropout(rate: 0.3))
        #expect(ModelFile.encode(loaded) == a, "saved again, the same bytes")
        // Another seed draws other masks (and weights): another run.
        try directory.write("other.json", Self.run.replacingOccurrences(of: #""seed": 7"#, with: #""seed": 8"#))
        let other = try CommandRunner.run(["train", "other.json", "--json"], in: directory.path)
        #expect(other.status == 0 && other.standardOutput != outputs[0])
    }

    /// `grad` is in inference mode: dropout changes nothing. With --training it drops, reproducibly per seed.
    @Test func gradIsInInferenceModeUnlessTraining() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dense1 = #"{"type": "dense", "units": 3, "activation": "tanh", "weights": [[0.5, -0.4, 0.2], [0.3, 0.6, -0.7]], "bias": [0.1, -0.1, 0]}"#
        let dense2 = #"{"type": "dense", "units": 1, "activation": "sigmoid", "weights": [[0.7], [-0.5], [0.9]], "bias": [0.2]}"#
        try directory.write("with.json", #"{"input": 2, "loss": "bce", "layers": [\#(dense1), {"type": "dropout", "rate": 0.5}, \#(dense2)]}"#)
        try directory.write("without.json", #"{"input": 2, "loss": "bce", "layers": [\#(dense1), \#(dense2)]}"#)
        try directory.write("data.json", #"{"x": [[0.5, -1], [1, 0.3], [-0.2, 0.9], [0.8, -0.6]], "y": [[1], [0], [1], [0]]}"#)
        func grad(_ arguments: [String]) throws -> String {
            let result = try CommandRunner.run(["grad"] + arguments, in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
            return result.standardOutput
        }
        let plain = try grad(["without.json", "data.json"])
        #expect(try grad(["with.json", "data.json"]) == plain)
        let training = try grad(["with.json", "data.json", "--training", "--seed", "4"])
        let again = try grad(["with.json", "data.json", "--training", "--seed", "4"])
        #expect(training != plain && training == again)
        #expect(try grad(["with.json", "data.json", "--training", "--seed", "5"]) != training)
        // Inputs whose loss overflows: one error line, no gradient of nulls.
        try directory.write("huge.json", #"{"x": [[1e308, -1e308], [1, 0.3]], "y": [[1], [0]]}"#)
        try directory.write("square.json", #"{"input": 2, "loss": "mse", "layers": [{"type": "features", "include": ["x1^2"]}, {"type": "dense", "units": 1, "weights": [[1]], "bias": [0]}]}"#)
        let huge = try CommandRunner.run(["grad", "square.json", "huge.json"], in: directory.path)
        #expect(huge.status == 1 && huge.standardOutput.isEmpty, "\(huge.standardOutput)")
        #expect(huge.standardError.contains("huge.json: expected data on which the loss and its gradient are finite, received a loss of"), "\(huge.standardError)")
    }

    /// A report with features first: the network diagram names the feature nodes, the text lists the layers.
    @Test func theReportDrawsFeatureNodesByName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let entry = Self.run.replacingOccurrences(of: "\n", with: " ")
        try directory.write("e.yaml", "title: F\nsections: [experiments]\nexperiments:\n  - \(entry)\n")
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out", "--figures", "png,svg"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try String(contentsOfFile: directory.path + "/out/figures/experiment-1-network.svg", encoding: .utf8)
        for name in ["x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂", "input features", "dense 1 tanh + dropout 0.3"] {
            #expect(svg.contains(">\(name)<"), "the diagram writes \(name)")
        }
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("2 inputs → features (x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)) → dense 6 tanh → dropout 0.3 → dense 1 tanh"))
    }

    @Test(arguments: [
        (#"{"type": "dropout", "rate": 1}"#, #"run.json:1: model.layers[1].rate: expected a number in [0, 1), received 1"#),
        (#"{"type": "dropout"}"#, #"model.layers[1].rate: missing; expected the fraction of values dropped in training, a number in [0, 1)"#),
        (#"{"type": "dropout", "rate": 0.2, "seed": 3}"#, #"model.layers[1].seed: unknown field; expected one of type, name, rate"#),
        (#"{"type": "dense2", "units": 3}"#, #"model.layers[1].type: expected one of dense, concat_input, dropout, features, received "dense2""#),
        (#"{"type": "features", "include": ["x1"]}"#, #"run.json:1: model.layers[1]: features: expected as the first layer"#),
    ])
    func badLayersAreRefusedWithTheirPlace(layer: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", #"{"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 2}, \#(layer), {"type": "dense", "units": 1}]}, "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 2}"#)
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "one line")
    }

    @Test(arguments: [
        (#"["cos(x1)"]"#, #"model.layers[0].include[0]: expected a feature such as x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), received "cos(x1)""#),
        (#"["x1", "x3^2"]"#, #"run.json:1: model.layers[0]: features: x3^2 names an input the network does not have (it has 2)"#),
        (#"["x1", "x2*x1", "x1*x2"]"#, #"model.layers[0].include[2]: expected each feature once, received x1*x2 again"#),
        (#"[]"#, #"model.layers[0].include: expected at least one feature"#),
    ])
    func badFeaturesAreRefusedWithTheirPlace(include: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", #"{"data": "xor", "model": {"input": 2, "loss": "mse", "layers": [{"type": "features", "include": \#(include)}, {"type": "dense", "units": 1}]}, "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 2}"#)
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains(message), "\(result.standardError)")
    }

    /// `dropout` and `features` sweep axes, in both orders: every variant's model has the level's rate and
    /// features (runs.json's models say so), and the labels name them.
    @Test(arguments: [["dropout", "features"], ["features", "dropout"]])
    func dropoutAndFeaturesAreSweepAxes(order: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let levels = ["dropout": "[0, 0.3]", "features": #"[none, [x1, x2, "x1^2", "x2^2"], [x1, x2, "sin(x1)", "sin(x2)"]]"#]
        try directory.write("e.yaml", """
            title: Axes
            sections: [comparison]
            comparison:
              base: {data: {name: circle, samples: 60}, model: {input: 2, loss: mse, layers: [{type: dense, units: 4, activation: tanh}, {type: dropout, rate: 0.5}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: adam, learning_rate: 0.02}, epochs: 15, batch_size: 10, metrics: [sign_accuracy]}
              axes:
                \(order[0]): \(levels[order[0]]!)
                \(order[1]): \(levels[order[1]]!)
              seeds: 1
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let runs = try TextFile.readJSON(directory.path + "/out/runs.json").anyObject().required("runs", "").array()
        #expect(runs.count == 6)
        var seen: Set<String> = []
        for run in runs {
            let object = try run.anyObject()
            let variant = try object.required("variant", "").string()
            let model = try ModelFile.network(from: object.required("model", ""), seed: 0)
            let rate = (model.layers.first { $0 is Dropout } as? Dropout)?.rate
            #expect(rate == (variant.contains("dropout 0.3") ? 0.3 : 0), "\(variant)")
            let features = (model.layers.first as? Features)?.features.map(\.name)
            if variant.contains("no features") { #expect(features == nil, "\(variant)") }
            else if variant.contains("x1^2") { #expect(features == ["x1", "x2", "x1^2", "x2^2"], "\(variant)") }
            else { #expect(features == ["x1", "x2", "sin(x1)", "sin(x2)"], "\(variant)") }
            seen.insert(variant)
        }
        #expect(seen.count == 6)
    }

    @Test func sweepAxesNeedTheirLayers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", """
            title: Axes
            sections: [comparison]
            comparison:
              base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 2}
              axes:
                dropout: [0.1, 0.2]
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains("e.yaml:6: comparison.axes.dropout[0]: expected a model with a dropout layer for a dropout axis"), "\(result.standardError)")
        try directory.write("f.yaml", """
            title: Axes
            sections: [comparison]
            comparison:
              base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 2}
              axes:
                features: [none, [x1, "cos(x2)"]]
            """)
        let features = try CommandRunner.run(["report", "f.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(features.status == 1 && features.standardError.contains(#"comparison.axes.features[1][1]: expected a feature such as x1"#), "\(features.standardError)")
    }
}
