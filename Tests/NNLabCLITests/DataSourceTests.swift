import Foundation
import Testing

/// Every data source kind in `data:` and `validation:`, through the real binary, with small files
/// the tests write.
@Suite("Data sources")
struct DataSourceTests {
    /// 40 points of two interleaved half-moons with string class labels.
    static let moonsCSV: String = {
        var text = "x1,x2,class\n"
        for i in 0..<40 {
            let t = Double(i % 20) / 19 * Double.pi
            let upper = i < 20
            let x = upper ? cos(t) : 1 - cos(t), y = upper ? sin(t) : 0.5 - sin(t)
            text += "\(x),\(y),\(upper ? "up" : "down")\n"
        }
        return text
    }()

    static func npy(_ values: [Double], shape: [Int]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }".utf8)
        while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
        header.append(0x0A)
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + header
        for value in values { bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        return bytes
    }

    static func idx(_ magic: UInt32, _ dimensions: [UInt32], _ data: [UInt8]) -> [UInt8] {
        ([magic] + dimensions).flatMap { withUnsafeBytes(of: $0.bigEndian, Array.init) } + data
    }

    static func folder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("moons.csv", moonsCSV)
        let rows = moonsCSV.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let x: [Double] = rows.flatMap { row -> [Double] in [Double(String(row[0])) ?? 0, Double(String(row[1])) ?? 0] }
        try Data(npy(x, shape: [rows.count, 2])).write(to: URL(fileURLWithPath: directory.path + "/x.npy"))
        try Data(npy(rows.map { row -> Double in row[2] == "up" ? 1 : 0 }, shape: [rows.count])).write(to: URL(fileURLWithPath: directory.path + "/y.npy"))
        try directory.write("house.csv", "rooms,area,price\n" + (1...12).map { "\($0),\(30 * $0 + 7),\(0.1 * Double($0))\n" }.joined())
        // NumPy's own archives (scripts/npz_fixtures.py): x 6 × 2, y 6 × 1 of 0/1.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        for name in ["compressed.npz", "mixed.npz"] {
            try FileManager.default.copyItem(atPath: parts.joined(separator: "/") + "/NNDataTests/Fixtures/npz/" + name, toPath: directory.path + "/" + name)
        }
        try directory.write("data.json", #"{"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [[0], [1], [1], [0]]}"#)
        // 20 images of 2 × 2 pixels in two classes, and a CIFAR-10 batch of 4 records.
        let pixels = (0..<20).flatMap { i in [UInt8](repeating: i % 2 == 0 ? 10 : 200, count: 4) }
        try Data(idx(0x0803, [20, 2, 2], pixels)).write(to: URL(fileURLWithPath: directory.path + "/images-idx3-ubyte"))
        try Data(idx(0x0801, [20], (0..<20).map { UInt8($0 % 2) })).write(to: URL(fileURLWithPath: directory.path + "/labels-idx1-ubyte"))
        var cifar: [UInt8] = []
        for label in [UInt8(0), 1, 0, 1] { cifar += [label] + [UInt8](repeating: label == 0 ? 20 : 220, count: 3072) }
        try Data(cifar).write(to: URL(fileURLWithPath: directory.path + "/batch.bin"))
        return directory
    }

    static func entry(_ name: String, data: String, inputs: Int, outputs: Int = 1, loss: String = "mse", extra: String = "") -> String {
        let activation = outputs > 1 ? "softmax" : (loss == "bce" ? "sigmoid" : "tanh")
        return """
          - name: \(name)
            data: \(data)
            model: {input: \(inputs), loss: \(loss), layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: \(outputs), activation: \(activation)}]}
            optimizer: {type: adam, learning_rate: 0.01}
            epochs: 5
        \(extra.isEmpty ? "" : "    " + extra + "\n")
        """
    }

    @Test func everySourceKindTrainsInAnExperiment() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        let entries = [
            Self.entry("builtin", data: "xor", inputs: 2),
            Self.entry("builtin 01", data: "{name: circle, samples: 50, noise: 0.1, labels: \"01\"}", inputs: 2, loss: "bce"),
            Self.entry("file", data: "data.json", inputs: 2),
            Self.entry("inline", data: "{x: [[0, 0], [1, 1]], y: [[0], [1]]}", inputs: 2),
            Self.entry("csv", data: "moons.csv", inputs: 2, extra: "validation_split: 0.25"),
            Self.entry("csv 01", data: "{csv: moons.csv, label: class, header: true, labels: \"01\"}", inputs: 2, loss: "bce"),
            Self.entry("csv one-hot", data: "{csv: moons.csv, label: 2}", inputs: 2, outputs: 2, loss: "cce"),
            Self.entry("csv regression", data: "{csv: house.csv, targets: [price]}", inputs: 2, extra: "scaling: standardize"),
            Self.entry("csv two targets", data: "{csv: house.csv, targets: [price, 0]}", inputs: 1, outputs: 2, extra: "scaling: minmax"),
            Self.entry("npy", data: "{npy: {x: x.npy, y: y.npy}}", inputs: 2, loss: "bce", extra: "scaling: standardize"),
            Self.entry("npz", data: "compressed.npz", inputs: 2, loss: "bce", extra: "validation: {npz: mixed.npz, x: x_train, y: y_train}"),
            Self.entry("idx", data: "{idx: {images: images-idx3-ubyte, labels: labels-idx1-ubyte}}", inputs: 4, outputs: 10, loss: "cce"),
            Self.entry("cifar", data: "{cifar: [batch.bin]}", inputs: 3072, outputs: 10, loss: "cce", extra: "scaling: minmax"),
            Self.entry("validation", data: "moons.csv", inputs: 2, extra: "validation: {csv: moons.csv}"),
        ]
        // Every kind as validation: too (here the same source as the data).
        let validated = [("builtin", "{name: circle, samples: 20}", 2, 1, "mse"), ("file", "data.json", 2, 1, "mse"),
                         ("inline", "{x: [[0, 0], [1, 1]], y: [[0], [1]]}", 2, 1, "mse"), ("csv", "{csv: moons.csv, label: class}", 2, 1, "mse"),
                         ("npy", "{npy: {x: x.npy, y: y.npy}}", 2, 1, "bce"), ("npz", "compressed.npz", 2, 1, "bce"),
                         ("idx", "{idx: {images: images-idx3-ubyte, labels: labels-idx1-ubyte}}", 4, 10, "cce"),
                         ("cifar", "{cifar: [batch.bin]}", 3072, 10, "cce")]
            .map { Self.entry("validated \($0.0)", data: $0.1, inputs: $0.2, outputs: $0.3, loss: $0.4, extra: "validation: \($0.1)") }
        // labels: "01" on every built-in two-class set, for sigmoid + bce.
        let coded = ["xor", "parity", "circle", "quadrants", "gauss", "spiral"].map { set in
            Self.entry("01 \(set)", data: set == "xor" ? "{name: xor, labels: \"01\"}" : set == "parity" ? "{name: parity, inputs: 2, labels: \"01\"}"
                       : "{name: \(set), samples: 40, labels: \"01\"}", inputs: 2, loss: "bce")
        }
        try directory.write("sources.yaml", "title: Sources\nsections: [experiments]\nexperiments:\n" + (entries + validated + coded).joined())
        let result = try CommandRunner.run(["report", "sources.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let runs = try String(contentsOfFile: directory.path + "/out/runs.json", encoding: .utf8)
        for name in ["builtin", "builtin 01", "file", "inline", "csv", "csv 01", "csv one-hot", "csv regression", "csv two targets", "npy", "npz", "idx", "cifar", "validation"] {
            #expect(runs.contains("\"experiment\": \"\(name)\""), "\(name)")
        }
        for name in ["builtin", "file", "inline", "csv", "npy", "npz", "idx", "cifar"] {
            #expect(runs.contains("\"experiment\": \"validated \(name)\""), "\(name)")
        }
        for set in ["xor", "parity", "circle", "quadrants", "gauss", "spiral"] { #expect(runs.contains("\"experiment\": \"01 \(set)\""), "\(set)") }
        let root = try #require(JSONSerialization.jsonObject(with: Data(runs.utf8)) as? [String: Any])
        for run in try #require(root["runs"] as? [[String: Any]]) where (run["experiment"] as? String)?.hasPrefix("validated") == true {
            #expect((run["history"] as? [String: Any])?["val_loss"] != nil, "\(run["experiment"] ?? "")")
        }
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("30 training and 10 validation samples"), "the 25% split of 40 moons")
        #expect(html.contains("40 training and 40 validation samples"), "a separate validation source")
    }

    @Test(arguments: [
        ("data: moons.csv", "loss: bce", "expected targets in [0, 1] for bce, received -1 in row 0 of moons.csv; code two classes as 0/1 with labels: \"01\""),
        ("data: {npy: {x: x.npy, y: y.npy}}", "loss: cce", "expected one-hot target rows for cce, received [0.0] in row 20 of y.npy"),
        ("data: moons.csv", "loss: mse", "expected data with 3 inputs (the model's input), received 2 from moons.csv"),
        ("data: x.npy", "loss: mse", "expected features and targets as {npy: {x: X.npy, y: Y.npy}}, received one .npy file"),
        ("data: {csv: missing.csv}", "loss: mse", "data.csv: expected a file, received \"missing.csv\", which does not exist"),
        ("data: {csv: moons.csv, label: nope}", "loss: mse", "experiments[0].data.label: expected a column named \"nope\""),
    ])
    func mismatchedDataNamesTheEntry(data: String, loss: String, expected: String) throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        let inputs = expected.contains("3 inputs") ? 3 : 2
        try directory.write("bad.yaml", """
        sections: [experiments]
        experiments:
          - \(data)
            model: {input: \(inputs), \(loss), layers: [{type: dense, units: 1, activation: \(loss == "loss: bce" ? "sigmoid" : "linear")}]}
            optimizer: {type: sgd}
            epochs: 2

        """)
        let result = try CommandRunner.run(["report", "bad.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("nnlab: error: bad.yaml:3: experiments[0].data"), "\(result.standardError)")
        #expect(result.standardError.contains(expected), "\(result.standardError)")
    }

    @Test func accuracyOnPlusMinusOneTargetsPointsToXORAccuracy() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        try directory.write("acc.yaml", "sections: [experiments]\nexperiments:\n  - data: xor\n    model: {input: 2, loss: mse, layers: [{type: dense, units: 1, activation: tanh}]}\n    optimizer: {type: sgd}\n    epochs: 2\n    metrics: [accuracy]\n")
        let result = try CommandRunner.run(["report", "acc.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("nnlab: error: acc.yaml:7: experiments[0].metrics[0]: expected 0/1 targets for accuracy"), "\(result.standardError)")
        #expect(result.standardError.contains("use xor_accuracy for ±1 targets"))
    }

    @Test func trainReadsAYAMLEntryAsItsJSONRunFile() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        try directory.write("run.yaml", """
        data: moons.csv
        validation_split: 0.25
        scaling: standardize
        model: {input: 2, loss: mse, layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
        optimizer: {type: sgd, learning_rate: 0.1}
        epochs: 20
        batch_size: 8
        seed: 3
        metrics: [xor_accuracy]

        """)
        try directory.write("run.json", """
        {"data": "moons.csv", "validation_split": 0.25, "scaling": "standardize",
         "model": {"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 4, "activation": "tanh"}, {"type": "dense", "units": 1, "activation": "tanh"}]},
         "optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 20, "batch_size": 8, "seed": 3, "metrics": ["xor_accuracy"]}
        """)
        let yaml = try CommandRunner.run(["train", "run.yaml", "--json"], in: directory.path)
        let json = try CommandRunner.run(["train", "run.json", "--json"], in: directory.path)
        #expect(yaml.status == 0 && json.status == 0, "\(yaml.standardError) \(json.standardError)")
        #expect(yaml.standardOutput == json.standardOutput)
        #expect(yaml.standardOutput.contains("\"val_loss\""))
    }

    /// Sweep axes edit the typed run, so they apply to a model written in a model file as to an
    /// inline one (editing the parsed tree, an activation axis on a model file changed nothing).
    @Test func axesEditAModelWrittenInAModelFile() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        try directory.write("model.json", #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "tanh"}, {"type": "dense", "units": 1, "activation": "tanh"}]}"#)
        try directory.write("sweep.yaml", """
        sections: [comparison]
        comparison:
          base: {data: xor, model: model.json, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 5, batch_size: 4}
          target: {metric: loss, value: 0.5}
          axes:
            hidden_units: [2, 5]
            activation: [relu, sigmoid]
          seeds: 1

        """)
        let result = try CommandRunner.run(["compare", "sweep.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/runs.json"))) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 4)
        for run in runs {
            let label = try #require(run["variant"] as? String)
            let layers = try #require((run["model"] as? [String: Any])?["layers"] as? [[String: Any]])
            #expect(layers[0]["activation"] as? String == (label.contains("relu") ? "relu" : "sigmoid"), "\(label)")
            #expect(layers[0]["units"] as? Int == (label.contains("5 units") ? 5 : 2), "\(label)")
            #expect(layers[1]["activation"] as? String == "tanh", "the output layer keeps its activation")
        }
        // A noise axis needs a built-in set to add noise to: named at the level, before any training.
        try directory.write("noise.yaml", """
        sections: [comparison]
        comparison:
          base: {data: data.json, model: model.json, optimizer: {type: sgd}, epochs: 5}
          axes:
            noise: [0, 0.1]

        """)
        let noise = try CommandRunner.run(["compare", "noise.yaml", "--quiet", "--output", "out2"], in: directory.path)
        #expect(noise.status == 1)
        #expect(noise.standardError.hasPrefix("nnlab: error: noise.yaml:5: comparison.axes.noise[0]: expected a generated data set to add noise to (circle, quadrants, gauss, spiral, plane, multi-gaussian), received "), "\(noise.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out2"))
    }

    /// On a terminal, each data file read gets a line (what, how big, how long) before training; off a
    /// terminal nothing is added, so an error stays the one line on stderr.
    @Test func loadingShowsProgressOnATerminal() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        try directory.write("load.yaml", "sections: [experiments]\nexperiments:\n" + Self.entry("csv", data: "moons.csv", inputs: 2))
        let binary = CommandRunner.executable.path
        // script(1) (util-linux, in every Debian) runs the binary on a pseudo-terminal.
        let result = try CommandRunner.run(["-qec", "\(binary) report load.yaml --output out", "/dev/null"], in: directory.path,
                                           executable: "/usr/bin/script")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("nnlab: read moons.csv: 40 samples × 2 features, 1 target column in "), "\(result.standardOutput)")
        let plain = try CommandRunner.run(["report", "load.yaml", "--output", "out2"], in: directory.path)
        #expect(!plain.standardError.contains("read moons.csv"))
    }

    /// The image problem's data: takes the data-source vocabulary too (one vocabulary, not two).
    @Test func theImageProblemReadsDataSources() throws {
        let directory = try Self.folder()
        defer { directory.remove() }
        let model = "model: {input: 4, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}"
        for (name, data) in [("idx", "data: {idx: {images: images-idx3-ubyte, labels: labels-idx1-ubyte}}"),
                             ("legacy", "images: images-idx3-ubyte\n  labels: labels-idx1-ubyte")] {
            try directory.write("\(name).yaml", "sections: [image]\nimage:\n  \(data)\n  \(model)\n  optimizer: {type: adam}\n  epochs: 2\n")
            let result = try CommandRunner.run(["report", "\(name).yaml", "--quiet", "--output", name], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let idx = try String(contentsOfFile: directory.path + "/idx/runs.json", encoding: .utf8)
        let legacy = try String(contentsOfFile: directory.path + "/legacy/runs.json", encoding: .utf8)
        #expect(idx == legacy, "the same files through either vocabulary train the same run")
        try directory.write("numeric.yaml", "sections: [image]\nimage:\n  data: {npy: {x: x.npy, y: y.npy}}\n  \(model)\n  optimizer: {type: adam}\n  epochs: 2\n")
        let numeric = try CommandRunner.run(["report", "numeric.yaml", "--quiet", "--output", "n"], in: directory.path)
        #expect(numeric.status == 1)
        #expect(numeric.standardError.hasPrefix("nnlab: error: numeric.yaml:3: image.data: expected class data for the image problem"), "\(numeric.standardError)")
    }
}
