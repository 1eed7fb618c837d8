import Foundation
import NNCore
import NNData
import NNFiles
import NNRuns
import Testing

/// Models in and out of NumPy's `.npz`, through the binary: `nnlab convert`, and `"npz"` wherever a model is read.
@Suite("Models as NumPy arrays")
struct ModelArrayTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    /// JSON → .npz → JSON gives the same model file, byte for byte; the arrays are the layers' weights.
    @Test func convertRoundTripsBitForBit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lab = Self.examples + "/lab-model.json"
        let out = try CommandRunner.run(["convert", lab, "w.npz"], in: directory.path)
        #expect(out.status == 0, "\(out.standardError)")
        #expect(out.standardOutput.contains("wrote w.npz (3 dense layers, 26 parameters)"), "\(out.standardOutput)")
        let back = try CommandRunner.run(["convert", "w.npz", "back.json", "--architecture", lab], in: directory.path)
        #expect(back.status == 0, "\(back.standardError)")
        let original = ModelFile.encode(try ModelFile.load(lab))
        #expect(try String(contentsOfFile: directory.path + "/back.json", encoding: .utf8) == original)
        // The same arrays NumPy wrote for this model (scripts/npz_fixtures.py), read the same way.
        let numpy = try CommandRunner.run(["convert", Self.fixture("lab-weights.npz"), "numpy.json", "--architecture", lab], in: directory.path)
        #expect(numpy.status == 0, "\(numpy.standardError)")
        #expect(try String(contentsOfFile: directory.path + "/numpy.json", encoding: .utf8) == original)
        // Written twice: the same bytes (no timestamps).
        _ = try CommandRunner.run(["convert", lab, "again.npz"], in: directory.path)
        #expect(FileManager.default.contents(atPath: directory.path + "/w.npz") == FileManager.default.contents(atPath: directory.path + "/again.npz"))
    }

    /// `"npz"` in a run file's model (W0, b0, … or numpy.savez's arr_0, arr_1, … compressed): the same
    /// training, to the byte, as the model file with the weights written in.
    @Test func runFilesReadWeightsFromNPZ() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lab = try String(contentsOfFile: Self.examples + "/lab-model.json", encoding: .utf8)
        let architecture = #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "sigmoid"}, {"type": "dense", "units": 2, "activation": "sigmoid"}, {"type": "dense", "units": 3, "activation": "softmax"}]"#
        let data = #""data": {"x": [[0.5, -1], [1, 0.3], [-0.2, 0.9]], "y": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}, "optimizer": {"type": "sgd", "learning_rate": 0.5}, "epochs": 20, "batch_size": 3"#
        try directory.write("json.json", "{\"model\": \(lab), \(data)}")
        try FileManager.default.copyItem(atPath: Self.fixture("lab-weights.npz"), toPath: directory.path + "/named.npz")
        try FileManager.default.copyItem(atPath: Self.fixture("lab-get-weights.npz"), toPath: directory.path + "/positional.npz")
        try directory.write("named.json", "{\"model\": \(architecture), \"npz\": \"named.npz\"}, \(data)}")
        try directory.write("positional.json", "{\"model\": \(architecture), \"npz\": \"positional.npz\"}, \(data)}")
        // Without "input": the first kernel's rows give it.
        try directory.write("noinput.json", "{\"model\": \(architecture.replacingOccurrences(of: #""input": 2, "#, with: "")), \"npz\": \"named.npz\"}, \(data)}")
        var outputs: [String] = []
        for name in ["json", "named", "positional", "noinput"] {
            let result = try CommandRunner.run(["train", "\(name).json", "--json"], in: directory.path)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            outputs.append(result.standardOutput)
        }
        #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2] && outputs[0] == outputs[3])
    }

    @Test(arguments: [
        (#""npz": "w.npz", "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"}, {"type": "dense", "units": 2}, {"type": "dense", "units": 3}]"#,
         "w.npz: W0: expected a kernel of shape (2, 4) for layers[0] (dense: 2 inputs × 4 units), received shape (2, 3)"),
        (#""npz": "w.npz", "layers": [{"type": "dense", "units": 3}, {"type": "dense", "units": 3}]"#,
         "model.npz: expected 4 arrays for the 2 dense layers (W0, b0, W1, b1), received also \"W2\", \"b2\""),
        (#""npz": "missing.npz", "layers": [{"type": "dense", "units": 3}]"#, "model.npz: expected a file"),
        (#""npz": "w.npz", "layers": [{"type": "dense", "units": 3}, {"type": "dense", "units": 3}, {"type": "dense", "units": 3}]"#,
         "w.npz: W1: expected a kernel of shape (3, 3) for layers[1] (dense: 3 inputs × 3 units), received shape (3, 2)"),
        (#""npz": "w.npz", "layers": [{"type": "dense", "units": 3, "weights": [[1, 2, 3], [4, 5, 6]]}, {"type": "dense", "units": 2}, {"type": "dense", "units": 3}]"#,
         "expected weights either in the layer or in the .npz file, received both"),
    ])
    func badArchivesAreRefusedWithTheirPlace(model: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try CommandRunner.run(["convert", Self.examples + "/lab-model.json", "w.npz"], in: directory.path)
        try directory.write("run.json", #"{"model": {"input": 2, "loss": "mse", \#(model)}, "data": {"x": [[0, 1]], "y": [[1, 0, 0]]}, "optimizer": {"type": "sgd"}, "epochs": 1}"#)
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    /// An archive that names an array twice (NumPy reads the last, a ZIP reader may take the first) is refused,
    /// for a model and for grad --check.
    @Test func repeatedArraysAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let w = NPYArray(shape: [2, 1], values: [1, 2]), b = NPYArray(shape: [1], values: [0])
        try Data(NPZWriter.npz([(name: "W0", array: w), (name: "b0", array: b), (name: "W0", array: w)])).write(to: URL(fileURLWithPath: directory.path + "/dup.npz"))
        try directory.write("run.json", #"{"model": {"input": 2, "loss": "mse", "npz": "dup.npz", "layers": [{"type": "dense", "units": 1}]}, "data": "xor", "optimizer": {"type": "sgd"}, "epochs": 1}"#)
        let train = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(train.status == 1 && train.standardError.contains(#"dup.npz: expected each array once, received "W0" twice"#), "\(train.standardError)")
        try directory.write("m.json", #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 1, "weights": [[1], [2]], "bias": [0]}]}"#)
        try directory.write("d.json", #"{"x": [[1, 2]], "y": [[1]]}"#)
        let grad = try CommandRunner.run(["grad", "m.json", "d.json", "--check", "dup.npz"], in: directory.path)
        #expect(grad.status == 1 && grad.standardError.contains(#"expected each array once, received "W0" twice"#), "\(grad.standardError)")
    }

    /// `nnlab train --save trained.npz` writes the trained arrays: the same as converting the JSON it saves.
    @Test func trainSavesNPZByExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["xor-model.json", "xor-data.json", "xor-run.json"] {
            try FileManager.default.copyItem(atPath: Self.examples + "/" + name, toPath: directory.path + "/" + name)
        }
        for save in ["trained.json", "trained.npz"] {
            let result = try CommandRunner.run(["train", "xor-run.json", "--quiet", "--save", save], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let converted = try CommandRunner.run(["convert", "trained.json", "converted.npz"], in: directory.path)
        #expect(converted.status == 0)
        let saved = FileManager.default.contents(atPath: directory.path + "/trained.npz")
        #expect(saved != nil && saved == FileManager.default.contents(atPath: directory.path + "/converted.npz"))
    }

    @Test func convertNeedsAnArchitectureAndKnownFormats() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let noArchitecture = try CommandRunner.run(["convert", Self.fixture("lab-weights.npz"), "m.json"], in: directory.path)
        #expect(noArchitecture.status == 1 && noArchitecture.standardError.contains("expected --architecture MODEL.json with the layers"), "\(noArchitecture.standardError)")
        let unknown = try CommandRunner.run(["convert", Self.examples + "/lab-model.json", "m.h6"], in: directory.path)
        #expect(unknown.status == 1 && unknown.standardError.contains("expected a .json, .npz, .keras, .h5 or .hdf5 OUT"), "\(unknown.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/m.json") && !FileManager.default.fileExists(atPath: directory.path + "/m.h6"))
        try directory.write("untrained.json", #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 2}]}"#)
        let untrained = try CommandRunner.run(["convert", "untrained.json", "u.npz"], in: directory.path)
        #expect(untrained.status == 1 && untrained.standardError.contains("untrained.json:1: layers[0]: expected the layer's weights to convert, received none"), "\(untrained.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/u.npz"))
    }
}
