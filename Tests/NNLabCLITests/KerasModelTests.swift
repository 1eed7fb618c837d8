import Foundation
import NNCore
import NNData
import NNFiles
import NNRuns
import Testing

/// Keras model files in and out, through the binary. The fixtures were written by Keras 3.15 and
/// tf-keras 2.21 (`scripts/keras_model_fixtures.py`), each with the layers, weights and predictions
/// Keras gives (`NAME.expected.json`); `export.*` are NNLab's own exports, as Keras loaded them.
@Suite("Keras model files")
struct KerasModelTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/keras/\(name)").path
    }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    /// A JSON fixture read with NNLab's parser, which rounds numbers correctly (Foundation's does not always).
    static func json(_ path: String) throws -> JSONObject {
        try TextFile.readJSON(path).anyObject()
    }

    static func rows(_ field: JSONField?) throws -> [[Double]] {
        try (field?.array() ?? []).map { try $0.vector() }
    }

    /// Every supported fixture, `.keras` and `.h5`, Keras 3 and Keras 2 (with variable- and
    /// fixed-length strings): the same layers, the same weights bit for bit, the compiled loss, and
    /// the predictions Keras made (to 1e-12 for float64 models, 1e-6 for float32 ones, which Keras
    /// computes in float32).
    @Test(arguments: ["sequential.keras", "sequential.h5", "skip.keras", "skip.h5", "lab.keras", "lab.h5", "keras2.h5", "keras2_fixedstr.h5"])
    func importsWhatKerasWrote(_ file: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner.run(["convert", Self.fixture(file), "model.json"], in: directory.path)
        #expect(result.status == 0, "\(file): \(result.standardError)")
        let network = try ModelFile.load(directory.path + "/model.json")
        let name = String(file.prefix { $0 != "." })
        let expected = try Self.json(Self.fixture("\(name).expected.json"))
        #expect(network.inputWidth == (try expected.optional("input")?.integer(in: 1...100)))
        #expect(network.loss == Loss(name: try expected.optional("loss")?.string() ?? ""), "\(file)")
        let layers = try (expected.optional("layers")?.array() ?? []).map { try $0.anyObject() }
        #expect(network.layers.count == layers.count, "\(file): \(network.layers.map(\.typeName))")
        for (layer, want) in zip(network.layers, layers) {
            #expect(layer.typeName == (try want.optional("type")?.string()), "\(file)")
            if let dense = layer as? Dense {
                #expect(dense.units == (try want.optional("units")?.integer(in: 1...1000)))
                #expect(dense.activation.name == (try want.optional("activation")?.string()), "\(file)")
                #expect(dense.weights.rowArrays == (try Self.rows(want.optional("weights"))), "\(file): weights differ")
                #expect(dense.bias == (try want.optional("bias")?.vector()), "\(file): bias differs")
                let regularizer = try want.optional("regularizer").flatMap { $0.value.kind == .null ? nil : try $0.anyObject() }
                #expect(dense.regularizer?.l1 ?? 0 == (try regularizer?.optional("l1")?.number() ?? 0), "\(file)")
                #expect(dense.regularizer?.l2 ?? 0 == (try regularizer?.optional("l2")?.number() ?? 0), "\(file)")
            }
            if let dropout = layer as? Dropout { #expect(dropout.rate == (try want.optional("rate")?.number())) }
        }
        let x = Matrix(try Self.rows(expected.optional("x")))
        let predictions = network.predict(x).rowArrays
        let keras = try Self.rows(expected.optional("predictions"))
        let tolerance = try expected.optional("dtype")?.string() == "float64" ? 1e-12 : 1e-6
        #expect(predictions.count == keras.count)
        for (p, k) in zip(predictions.joined(), keras.joined()) {
            #expect(abs(p - k) <= tolerance, "\(file): NNLab \(p), Keras \(k)")
        }
    }

    /// The course's lab network to `.keras` and `.h5` and back gives the lab's model file byte for
    /// byte; Keras's own float32 files of the same weights give it too; writing twice gives the
    /// same bytes.
    @Test func labRoundTripsBitForBit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lab = Self.examples + "/lab-model.json"
        let original = ModelFile.encode(try ModelFile.load(lab))
        for format in ["keras", "h5"] {
            let out = try CommandRunner.run(["convert", lab, "lab.\(format)"], in: directory.path)
            #expect(out.status == 0, "\(out.standardError)")
            #expect(out.standardOutput.contains("wrote lab.\(format) (3 dense layers, 26 parameters)"), "\(out.standardOutput)")
            let back = try CommandRunner.run(["convert", "lab.\(format)", "back-\(format).json"], in: directory.path)
            #expect(back.status == 0, "\(back.standardError)")
            #expect(try String(contentsOfFile: directory.path + "/back-\(format).json", encoding: .utf8) == original, "\(format)")
            _ = try CommandRunner.run(["convert", lab, "again.\(format)"], in: directory.path)
            #expect(FileManager.default.contents(atPath: directory.path + "/lab.\(format)") == FileManager.default.contents(atPath: directory.path + "/again.\(format)"))
            // The lab's numbers: its loss and every gradient, from the exported file as from the model file.
            let labData = Self.examples + "/lab-data.json"
            let fromJSON = try CommandRunner.run(["grad", lab, labData], in: directory.path)
            let fromFile = try CommandRunner.run(["grad", "lab.\(format)", labData], in: directory.path)
            #expect(fromJSON.status == 0 && fromFile.status == 0 && fromJSON.standardOutput == fromFile.standardOutput, "\(fromFile.standardError)")
            let keras = try CommandRunner.run(["convert", Self.fixture("lab.\(format)"), "keras-\(format).json"], in: directory.path)
            #expect(keras.status == 0, "\(keras.standardError)")
            #expect(try String(contentsOfFile: directory.path + "/keras-\(format).json", encoding: .utf8) == original, "Keras's lab.\(format)")
        }
    }

    /// NNLab's exports of a model with every layer kind Keras holds (a leaky ReLU of slope 0.3 as a
    /// LeakyReLU layer, dropout, the input's Concatenate, elu, L1/L2): the bytes Keras loaded
    /// (`scripts/keras_model_fixtures.py exported`), and NNLab predicts what Keras predicted from them,
    /// to 1e-12.
    @Test func exportsAreWhatKerasLoaded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let model = Self.fixture("export-model.json")
        let recorded = try Self.json(Self.fixture("export.predictions.json"))
        let x = Matrix(try Self.rows(recorded.optional("x")))
        // TensorFlow's LeakyRelu op keeps its slope as a float32 attribute: Keras computes with Float(0.3)
        // even in float64 (scripts/keras_fixtures.py); with that slope NNLab predicts Keras's values.
        var network = try ModelFile.load(model)
        for (index, dense) in network.denseLayers {
            guard case .leakyReLU(let alpha) = dense.activation else { continue }
            var asKeras = dense
            asKeras.activation = .leakyReLU(alpha: Double(Float(alpha)))
            network.replaceLayer(at: index, with: asKeras)
        }
        let ours = network.predict(x).rowArrays.joined()
        for format in ["keras", "h5"] {
            let out = try CommandRunner.run(["convert", model, "export.\(format)"], in: directory.path)
            #expect(out.status == 0, "\(out.standardError)")
            #expect(FileManager.default.contents(atPath: directory.path + "/export.\(format)") == FileManager.default.contents(atPath: Self.fixture("export.\(format)")),
                    "export.\(format) is no longer the file Keras loaded: rerun scripts/keras_model_fixtures.py exported")
            let keras = try #require(try recorded.optional(format)?.anyObject())
            #expect(try (keras.optional("layers")?.array() ?? []).map { try $0.string() } == ["InputLayer", "Dense", "LeakyReLU", "Dropout", "Concatenate", "Dense", "Dense"])
            #expect(try keras.optional("loss")?.string() == "mean_squared_error")
            for (p, k) in zip(ours, try Self.rows(keras.optional("predictions")).joined()) {
                #expect(abs(p - k) <= 1e-12, "\(format): NNLab \(p), Keras \(k)")
            }
        }
    }

    /// `"model": "net.keras"`, `{"keras": "net.h5"}` and the JSON model train to the same history and
    /// weights, byte for byte.
    @Test func runFilesReadKerasModels() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: Self.fixture("skip.keras"), toPath: directory.path + "/skip.keras")
        try FileManager.default.copyItem(atPath: Self.fixture("skip.h5"), toPath: directory.path + "/skip.h5")
        #expect(try CommandRunner.run(["convert", "skip.keras", "skip.json"], in: directory.path).status == 0)
        let rest = #""data": "xor", "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 30"#
        try directory.write("json.json", "{\"model\": \"skip.json\", \(rest)}")
        try directory.write("path.json", "{\"model\": \"skip.keras\", \(rest)}")
        try directory.write("object.json", "{\"model\": {\"keras\": \"skip.h5\"}, \(rest)}")
        var outputs: [String] = []
        for name in ["json", "path", "object"] {
            let result = try CommandRunner.run(["train", "\(name).json", "--json"], in: directory.path)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            outputs.append(result.standardOutput)
        }
        #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2])
        #expect(outputs[0].contains("\"penalty\""), "the regularizers came in")
        // Trained and saved as .keras, read back: the trained weights, bit for bit.
        #expect(try CommandRunner.run(["train", "path.json", "--quiet", "--save", "trained.keras"], in: directory.path).status == 0)
        #expect(try CommandRunner.run(["train", "path.json", "--quiet", "--save", "trained.json"], in: directory.path).status == 0)
        #expect(try CommandRunner.run(["convert", "trained.keras", "back.json"], in: directory.path).status == 0)
        #expect(FileManager.default.contents(atPath: directory.path + "/trained.json") == FileManager.default.contents(atPath: directory.path + "/back.json"))
    }

    /// An experiment on a Keras model: every seed starts from the file's weights, and the report says
    /// so, and what the seeds still change (true of the runs: unshuffled, they train identically).
    @Test func experimentsSayTheSeedsShareTheModelsWeights() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: Self.fixture("skip.h5"), toPath: directory.path + "/skip.h5")
        try directory.write("exp.yaml", """
            title: Keras
            sections: [experiments, comparison]
            experiments:
              - {name: unshuffled, data: xor, model: skip.h5, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 20, shuffle: false, seeds: [0, 1]}
              - {name: shuffled, data: xor, model: {keras: skip.h5}, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 20, batch_size: 2, seeds: [0, 1]}
            comparison:
              name: rates
              base: {data: xor, model: skip.h5, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 20, shuffle: false}
              axes: {learning_rate: [0.05, 0.1]}
              seeds: 3
              target: {metric: loss, value: 0.5}
            """)
        let result = try CommandRunner.run(["report", "exp.yaml", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("Every seed starts from the same weights, the model&#39;s own, and the seeds trained identically: the same history, bit for bit."))
        #expect(html.contains("Every seed starts from the same weights, the model&#39;s own: the seeds change only the batch order."))
        #expect(html.contains("The model comes from skip.h5."))
        #expect(html.contains("In every variant, every seed starts from the same weights, the model&#39;s own, and the seeds trained identically: each variant&#39;s intervals and tests count one run as many times as it has seeds."))
        let csv = try String(contentsOfFile: directory.path + "/out/history.csv", encoding: .utf8)
        // Columns run (counted over the report), variant, seed, epoch, …: the first experiment's runs are 0 and 1.
        let rows = csv.split(separator: "\n")
        let seed0 = rows.filter { $0.hasPrefix("0,,0,") }.map { $0.dropFirst(5) }
        let seed1 = rows.filter { $0.hasPrefix("1,,1,") }.map { $0.dropFirst(5) }
        #expect(!seed0.isEmpty && seed0 == seed1, "the unshuffled seeds train identically")
    }

    /// A model saved without compile(): refused without a loss, read with one given.
    @Test func uncompiledModelsNeedALoss() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in ["nocompile.keras", "nocompile.h5"] {
            let refused = try CommandRunner.run(["convert", Self.fixture(file), "out.json"], in: directory.path)
            #expect(refused.status == 1 && refused.standardError.contains("expected a compiled loss"), "\(refused.standardError)")
            #expect(refused.standardError.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.json"))
            let given = try CommandRunner.run(["convert", Self.fixture(file), "out.json", "--loss", "bce"], in: directory.path)
            #expect(given.status == 0, "\(given.standardError)")
            #expect(try ModelFile.load(directory.path + "/out.json").loss == .binaryCrossentropy)
            try FileManager.default.removeItem(atPath: directory.path + "/out.json")
        }
        try FileManager.default.copyItem(atPath: Self.fixture("nocompile.keras"), toPath: directory.path + "/n.keras")
        try directory.write("run.json", #"{"model": {"keras": "n.keras", "loss": "mse"}, "data": {"x": [[0, 1, 2], [1, 0, 0.5]], "y": [[1], [0]]}, "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 3}"#)
        let trained = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(trained.status == 0, "\(trained.standardError)")
    }

    /// What NNLab cannot hold is refused in one line naming the layer and its class, nothing written;
    /// what Keras cannot hold (a features layer) is refused before training.
    @Test func refusesWhatItCannotHold() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in ["unsupported.keras", "unsupported.h5"] {
            let result = try CommandRunner.run(["convert", Self.fixture(file), "out.json"], in: directory.path)
            #expect(result.status == 1, "\(file)")
            #expect(result.standardError.contains("received layer \"batch_normalization\" (BatchNormalization): NNLab has no such layer"), "\(result.standardError)")
            #expect(result.standardError.contains("config.layers[2]"), "\(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.json"))
        }
        try directory.write("features.json", #"{"model": {"input": 2, "loss": "mse", "layers": [{"type": "features", "include": ["x1", "x2", "x1*x2"]}, {"type": "dense", "units": 1, "activation": "tanh"}]}, "data": "xor", "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 5}"#)
        let refused = try CommandRunner.run(["train", "features.json", "--save", "f.keras"], in: directory.path)
        #expect(refused.status == 1 && refused.standardError.contains("f.keras: expected layers Keras can hold, received a features layer at layers[0]"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("epoch"), "refused before training: \(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/f.keras"))
    }

    /// What Keras computes and NNLab would not is refused, at the field that says it: a summed loss, a
    /// weighted loss, non-finite weights; a loss function (not a name or class) is read; a --to that
    /// contradicts OUT's extension is refused.
    @Test func refusesWhatWouldChangeTheNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = try #require(FileManager.default.contents(atPath: Self.fixture("skip.keras")))
        let archive = try ZipArchive([UInt8](original), file: "skip.keras", kind: ".keras")
        func member(_ name: String) throws -> [UInt8] {
            try archive.contents(try #require(archive.member(named: name)), limit: 1 << 20, limitReason: "a test")
        }
        let config = String(decoding: try member("config.json"), as: UTF8.self)
        let weights = try member("model.weights.h5")
        let compiled = #""loss": "mse""#
        #expect(config.contains(compiled))
        func write(_ name: String, _ replacement: String, replacing: String = #""loss": "mse""#) throws {
            #expect(config.contains(replacing))
            let edited = config.replacingOccurrences(of: replacing, with: replacement)
            try Data(ZipArchive.write([(name: "config.json", bytes: Array(edited.utf8)), (name: "model.weights.h5", bytes: weights)]))
                .write(to: URL(fileURLWithPath: directory.path + "/" + name))
        }
        try write("sum.keras", #""loss": {"module": "keras.losses", "class_name": "MeanSquaredError", "config": {"name": "mean_squared_error", "reduction": "sum"}, "registered_name": null}"#)
        try write("weighted.keras", #""loss_weights": [2.0]"#, replacing: #""loss_weights": null"#)
        try write("function.keras", #""loss": {"module": "keras.losses", "class_name": "function", "config": "binary_crossentropy", "registered_name": "binary_crossentropy"}"#)
        try write("huber.keras", #""loss": {"module": "keras.losses", "class_name": "Huber", "config": {"name": "huber_loss", "reduction": "sum_over_batch_size", "delta": 1.0}, "registered_name": null}"#)
        for (file, message) in ["sum.keras": "compile_config.loss.config.reduction: expected the reduction sum_over_batch_size (NNLab averages over the batch), received \"sum\"",
                                "weighted.keras": "compile_config.loss_weights: expected loss_weights null or 1 (NNLab's loss is not scaled), received [2.0]",
                                "huber.keras": "received the loss class Huber"] {
            let result = try CommandRunner.run(["convert", file, "out.json"], in: directory.path)
            #expect(result.status == 1 && result.standardError.contains(message), "\(file): \(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.json"))
        }
        let function = try CommandRunner.run(["convert", "function.keras", "function.json"], in: directory.path)
        #expect(function.status == 0, "\(function.standardError)")
        #expect(try ModelFile.load(directory.path + "/function.json").loss == .binaryCrossentropy)
        // A NaN in a kernel: refused where it is read.
        let lab = try String(contentsOfFile: Self.examples + "/lab-model.json", encoding: .utf8)
        try directory.write("nan.json", lab)
        _ = try CommandRunner.run(["convert", "nan.json", "nan.h5"], in: directory.path)
        var h5 = try #require(FileManager.default.contents(atPath: directory.path + "/nan.h5"))
        let first = withUnsafeBytes(of: (0.108209528028965).bitPattern.littleEndian) { Data($0) }
        let at = try #require(h5.range(of: first))
        h5.replaceSubrange(at, with: withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { Data($0) })
        try h5.write(to: URL(fileURLWithPath: directory.path + "/nan.h5"))
        let nan = try CommandRunner.run(["convert", "nan.h5", "out.json"], in: directory.path)
        #expect(nan.status == 1 && nan.standardError.contains("expected finite weights in layer \"dense\" (Dense), received nan in its kernel (value 0)"), "\(nan.standardError)")
        let mismatch = try CommandRunner.run(["convert", "nan.json", "out.keras", "--to", "h5"], in: directory.path)
        #expect(mismatch.status == 1 && mismatch.standardError.contains("--to: expected the format OUT's extension names (keras), received h5 for out.keras"), "\(mismatch.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.keras"))
    }

    /// Damaged files: one line naming the file, nothing written, no crash.
    @Test func damagedFilesAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let h5 = try #require(FileManager.default.contents(atPath: Self.fixture("skip.h5")))
        let keras = try #require(FileManager.default.contents(atPath: Self.fixture("skip.keras")))
        try h5.prefix(3000).write(to: URL(fileURLWithPath: directory.path + "/truncated.h5"))
        try keras.prefix(keras.count / 2).write(to: URL(fileURLWithPath: directory.path + "/truncated.keras"))
        try directory.write("text.h5", "not an HDF5 file")
        try Data(ZipArchive.write([(name: "config.json", bytes: Array("{}".utf8))])).write(to: URL(fileURLWithPath: directory.path + "/members.keras"))
        // Found by scripts/fuzz: libhdf5 1.10 reads through a null pointer in one, and loops in the other.
        try FileManager.default.copyItem(atPath: Self.fixture("damaged-crash.h5"), toPath: directory.path + "/crash.h5")
        try FileManager.default.copyItem(atPath: Self.fixture("damaged-loop.h5"), toPath: directory.path + "/loop.h5")
        let cases = ["truncated.h5": "truncated.h5", "truncated.keras": "expected a ZIP archive (.keras)", "text.h5": "expected a Keras model file (.keras, a ZIP archive, or .h5, an HDF5 file), received bytes 6e 6f 74 20",
                     "members.keras": "expected a Keras 3 archive with config.json and model.weights.h5, received \"config.json\"",
                     "crash.h5": "crash.h5: expected an HDF5 file libhdf5 reads, received one that makes it crash (signal 11: a damaged file)",
                     "loop.h5": "loop.h5: expected an HDF5 file libhdf5 reads, received one it was still reading after 5 s of CPU time (a damaged file)"]
        for (file, message) in cases {
            let result = try CommandRunner.run(["convert", file, "out.json"], in: directory.path)
            #expect(result.status == 1 && result.standardError.contains(message), "\(file): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(file): \(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.json"))
        }
    }
}
