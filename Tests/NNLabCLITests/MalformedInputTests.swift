import Foundation
import Testing

/// Malformed model, data and run files: one error line naming the file and the field, exit 1.
@Suite("Malformed input")
struct MalformedInputTests {
    static let model = #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 2, "activation": "tanh"}, {"type": "dense", "units": 1, "activation": "tanh"}]}"#
    static let data = #"{"x": [[-1, -1], [-1, 1], [1, -1], [1, 1]], "y": [[1], [-1], [-1], [1]]}"#
    static let run = #"{"model": "model.json", "data": "data.json", "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 3, "batch_size": 4}"#

    /// A case: files that differ from the valid trio, the file and field the error must name.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var expected: [String]
        var arguments = ["train", "run.json"]
        var testDescription: String { name }
    }

    static func model(_ layers: String, input: String = "2", loss: String = "\"mse\"") -> String {
        #"{"input": \#(input), "loss": \#(loss), "layers": \#(layers)}"#
    }

    static func replacingRun(_ old: String, _ new: String) -> String { run.replacingOccurrences(of: old, with: new) }

    static let cases: [Case] = [
        Case(name: "model is not JSON", files: ["model.json": #"{"input": 2, "loss": "mse","#], expected: ["model.json:1:", "not valid JSON"]),
        Case(name: "model file is empty", files: ["model.json": ""], expected: ["model.json", "empty file"]),
        Case(name: "model path is a directory", files: ["model.json/": ""], expected: ["model.json", "directory"]),
        Case(name: "model file is missing", files: ["run.json": replacingRun("model.json", "nowhere.json")], expected: ["nowhere.json", "does not exist"]),
        Case(name: "missing input", files: ["model.json": #"{"loss": "mse", "layers": [{"type": "dense", "units": 1}]}"#], expected: ["model.json", "input: missing"]),
        Case(name: "zero input width", files: ["model.json": model(#"[{"type": "dense", "units": 1}]"#, input: "0")], expected: ["model.json", "input: expected an integer", "received 0"]),
        Case(name: "fractional input width", files: ["model.json": model(#"[{"type": "dense", "units": 1}]"#, input: "2.5")], expected: ["model.json", "input:", "received 2.5"]),
        Case(name: "unknown loss", files: ["model.json": model(#"[{"type": "dense", "units": 1}]"#, loss: "\"hinge\"")], expected: ["model.json", "loss: expected one of", "\"hinge\""]),
        Case(name: "no layers", files: ["model.json": model("[]")], expected: ["model.json", "layers: expected at least one layer"]),
        Case(name: "unknown layer type", files: ["model.json": model(#"[{"type": "conv2d", "units": 1}]"#)], expected: ["model.json", "layers[0].type", "\"conv2d\""]),
        Case(name: "unknown activation", files: ["model.json": model(#"[{"type": "dense", "units": 1, "activation": "mish"}]"#)], expected: ["model.json", "layers[0].activation", "\"mish\""]),
        Case(name: "zero units", files: ["model.json": model(#"[{"type": "dense", "units": 0}]"#)], expected: ["model.json", "layers[0].units", "received 0"]),
        Case(name: "negative units", files: ["model.json": model(#"[{"type": "dense", "units": -3}]"#)], expected: ["model.json", "layers[0].units", "received -3"]),
        Case(name: "huge units", files: ["model.json": model(#"[{"type": "dense", "units": 1e12}]"#)], expected: ["model.json", "layers[0].units", "received 1e12"]),
        Case(name: "weights with the wrong number of rows", files: ["model.json": model(#"[{"type": "dense", "units": 1, "weights": [[1], [2], [3]], "bias": [0]}]"#)], expected: ["model.json", "layers[0].weights: expected 2 rows", "received 3"]),
        Case(name: "ragged weights", files: ["model.json": model(#"[{"type": "dense", "units": 2, "weights": [[1, 2], [3]], "bias": [0, 0]}, {"type": "dense", "units": 1}]"#)], expected: ["model.json", "layers[0].weights[1]: expected 2 numbers", "received 1"]),
        Case(name: "NaN weight", files: ["model.json": model(#"[{"type": "dense", "units": 2, "weights": [[1, NaN], [3, 4]], "bias": [0, 0]}, {"type": "dense", "units": 1}]"#)], expected: ["model.json", "layers[0].weights[0][1]: expected a finite number, received NaN"]),
        Case(name: "overflowing weight", files: ["model.json": model(#"[{"type": "dense", "units": 2, "weights": [[1, 1e400], [3, 4]], "bias": [0, 0]}, {"type": "dense", "units": 1}]"#)], expected: ["model.json", "layers[0].weights[0][1]", "received 1e400"]),
        Case(name: "bias of the wrong length", files: ["model.json": model(#"[{"type": "dense", "units": 2, "weights": [[1, 2], [3, 4]], "bias": [0]}, {"type": "dense", "units": 1}]"#)], expected: ["model.json", "layers[0].bias: expected 2 numbers", "received 1"]),
        Case(name: "negative regularizer", files: ["model.json": model(#"[{"type": "dense", "units": 1, "regularizer": {"l2": -0.1}}]"#)], expected: ["model.json", "layers[0].regularizer.l2: expected a number ≥ 0", "-0.1"]),
        Case(name: "misspelt field", files: ["model.json": model(#"[{"type": "dense", "unit": 1}]"#)], expected: ["model.json", "layers[0].unit: unknown field"]),
        Case(name: "alpha without leaky_relu", files: ["model.json": model(#"[{"type": "dense", "units": 1, "activation": "tanh", "alpha": 0.1}]"#)], expected: ["model.json", "layers[0].alpha"]),
        Case(name: "only concat_input", files: ["model.json": model(#"[{"type": "concat_input"}]"#)], expected: ["model.json", "layers: expected at least one dense layer"]),
        Case(name: "ragged data", files: ["data.json": #"{"x": [[-1, -1], [-1], [1, -1], [1, 1]], "y": [[1], [-1], [-1], [1]]}"#], expected: ["data.json", "x[1]: expected 2 numbers", "received 1"]),
        Case(name: "data wider than the model's input", files: ["data.json": #"{"x": [[-1, -1, 0]], "y": [[1]]}"#], expected: ["run.json:1: data: expected data with 2 inputs (the model's input), received 3 from data.json"]),
        Case(name: "targets wider than the model's output", files: ["data.json": #"{"x": [[-1, -1]], "y": [[1, 0]]}"#], expected: ["run.json:1: data: expected data with 1 target column (the model's outputs), received 2 from data.json"]),
        Case(name: "fewer targets than inputs", files: ["data.json": #"{"x": [[-1, -1], [1, 1]], "y": [[1]]}"#], expected: ["data.json", "y: expected 2 rows", "received 1"]),
        Case(name: "empty data", files: ["data.json": #"{"x": [], "y": []}"#], expected: ["data.json", "x: expected at least one row"]),
        Case(name: "missing targets", files: ["data.json": #"{"x": [[1, 1]]}"#], expected: ["data.json", "y: missing"]),
        Case(name: "text in data", files: ["data.json": #"{"x": [["a", 1]], "y": [[1]]}"#], expected: ["data.json", "x[0][0]: expected a number, received \"a\""]),
        Case(name: "zero epochs", files: ["run.json": replacingRun(#""epochs": 3"#, #""epochs": 0"#)], expected: ["run.json", "epochs: expected an integer in 1...", "received 0"]),
        Case(name: "negative epochs", files: ["run.json": replacingRun(#""epochs": 3"#, #""epochs": -5"#)], expected: ["run.json", "epochs:", "received -5"]),
        Case(name: "missing epochs", files: ["run.json": replacingRun(#", "epochs": 3"#, "")], expected: ["run.json", "epochs: missing"]),
        Case(name: "zero batch size", files: ["run.json": replacingRun(#""batch_size": 4"#, #""batch_size": 0"#)], expected: ["run.json", "batch_size:", "received 0"]),
        Case(name: "negative learning rate", files: ["run.json": replacingRun("0.1}", "-0.1}")], expected: ["run.json", "optimizer.learning_rate: expected a number > 0", "received -0.1"]),
        Case(name: "NaN learning rate", files: ["run.json": replacingRun("0.1}", "NaN}")], expected: ["run.json", "optimizer.learning_rate: expected a finite number, received NaN"]),
        Case(name: "unknown optimizer", files: ["run.json": replacingRun(#""sgd""#, #""lion""#)], expected: ["run.json", "optimizer.type: expected one of", "\"lion\""]),
        Case(name: "momentum out of range", files: ["run.json": replacingRun("0.1}", #"0.1, "momentum": 1.5}"#)], expected: ["run.json", "optimizer.momentum: expected a number in [0, 1)", "received 1.5"]),
        Case(name: "argument of another optimizer", files: ["run.json": replacingRun("0.1}", #"0.1, "beta_1": 0.9}"#)], expected: ["run.json", "optimizer.beta_1: unknown field"]),
        Case(name: "old argument name", files: ["run.json": replacingRun(#""learning_rate""#, #""lr""#)], expected: ["run.json", "optimizer.lr: unknown field"]),
        Case(name: "unknown metric", files: ["run.json": replacingRun(#""batch_size": 4"#, #""batch_size": 4, "metrics": ["f1"]"#)], expected: ["run.json", "metrics[0]: expected one of", "\"f1\""]),
        Case(name: "negative seed", files: ["run.json": replacingRun(#""batch_size": 4"#, #""batch_size": 4, "seed": -1"#)], expected: ["run.json", "seed:", "received -1"]),
        Case(name: "non-boolean shuffle", files: ["run.json": replacingRun(#""batch_size": 4"#, #""batch_size": 4, "shuffle": "yes""#)], expected: ["run.json", "shuffle: expected true or false", "\"yes\""]),
        Case(name: "early stopping on an unrecorded value", files: ["run.json": replacingRun(#""batch_size": 4"#, #""batch_size": 4, "early_stopping": {"monitor": "val_loss", "patience": 3}"#)], expected: ["run.json", "early_stopping.monitor: expected one of loss", "\"val_loss\""]),
        Case(name: "duplicate key", files: ["run.json": replacingRun(#""epochs": 3"#, #""epochs": 3, "epochs": 4"#)], expected: ["run.json:1:", "\"epochs\" appears twice"]),
        Case(name: "run file is an array", files: ["run.json": "[1, 2]"], expected: ["run.json", "expected an object, received an array of 2"]),
        Case(name: "save onto a directory", files: ["out/": ""], expected: ["out", "expected a regular file to write, received a directory"],
             arguments: ["train", "run.json", "--quiet", "--save", "out"]),
        Case(name: "save into a missing folder", files: [:], expected: ["missing/model.json", "expected an existing folder to write into"],
             arguments: ["train", "run.json", "--quiet", "--save", "missing/model.json"]),
        Case(name: "grad with data of the wrong width", files: ["data.json": #"{"x": [[1]], "y": [[1]]}"#], expected: ["data.json", "x[0]: expected 2 numbers"], arguments: ["grad", "model.json", "data.json"]),
    ]

    @Test(arguments: cases)
    func oneErrorLineNamingFileAndField(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var files = ["model.json": Self.model, "data.json": Self.data, "run.json": Self.run]
        for (name, text) in testCase.files { files[name] = text }
        for (name, text) in files {
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: directory.path + "/" + name, withIntermediateDirectories: true)
            } else if files[name + "/"] == nil {
                try directory.write(name, text)
            }
        }
        let result = try CommandRunner.run(testCase.arguments, in: directory.path)
        #expect(result.status == 1, "\(testCase.name): exit status \(result.status)")
        #expect(result.standardOutput.isEmpty, "\(testCase.name): printed \(result.standardOutput)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(testCase.name): expected one error line, received \(lines.count): \(result.standardError)")
        #expect(result.standardError.hasPrefix("nnlab: error: "))
        for fragment in testCase.expected {
            #expect(result.standardError.contains(fragment), "\(testCase.name): '\(fragment)' not in: \(result.standardError)")
        }
    }

    @Test func validFilesTrain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("model.json", Self.model)
        try directory.write("data.json", Self.data)
        try directory.write("run.json", Self.run)
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("final (epoch 3/3): loss "))
    }
}
