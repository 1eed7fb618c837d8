import Foundation
import NNFiles
import Testing

/// A student's own run beside NNLab's (`external:` in an experiment entry), through the binary.
@Suite("External runs")
struct ExternalRunTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    static let entry = """
        model: xor-model.json
        data: xor-data.json
        optimizer: {type: sgd, learning_rate: 0.1}
        epochs: 30
        batch_size: 4
        shuffle: false
        metrics: [mse]
    """

    /// NNLab's own history, as Keras's CSVLogger writes it (epoch from 0), with `change` applied to the loss.
    func csv(_ directory: TemporaryDirectory, validation: Bool, change: (Int, Double) -> Double = { $1 }) throws -> String {
        let run = #"{"model": "xor-model.json", "data": "xor-data.json", \#(validation ? #""validation": "xor-data.json", "# : "")"optimizer": {"type": "sgd", "learning_rate": 0.1}, "epochs": 30, "batch_size": 4, "shuffle": false, "metrics": ["mse"]}"#
        try directory.write("run.json", run)
        let result = try CommandRunner.run(["train", "run.json", "--json"], in: directory.path)
        let history = try JSONField(JSONParser.parse(Array(result.standardOutput.utf8), file: "out"), file: "out")
            .anyObject().required("history", "").anyObject()
        let keys = ["loss", "mse"] + (validation ? ["val_loss", "val_mse"] : [])
        let series = try keys.map { try history.required($0, "").vector() }
        var lines = ["epoch," + keys.joined(separator: ",")]
        for epoch in 0..<series[0].count {
            lines.append("\(epoch)," + series.enumerated().map { k, values in
                JSONWriter.number(k == 0 ? change(epoch, values[epoch]) : values[epoch])
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func setUp(_ directory: TemporaryDirectory) throws {
        for name in ["xor-model.json", "xor-data.json"] {
            try FileManager.default.copyItem(atPath: Self.examples + "/" + name, toPath: directory.path + "/" + name)
        }
    }

    @Test(arguments: [false, true])
    func whereTheHistoriesAgreeAndFirstDiffer(validation: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try setUp(directory)
        try directory.write("same.csv", try csv(directory, validation: validation))
        try directory.write("drift.csv", try csv(directory, validation: validation) { epoch, loss in epoch >= 12 ? loss * (1 + 1e-5) : loss })
        try directory.write("e.yaml", """
            title: External
            sections: [experiments]
            experiments:
              - \(Self.entry.trimmingCharacters(in: .whitespaces))
            \(validation ? "    validation: xor-data.json\n" : "")    external:
                  - {name: mine, history: same.csv, initial_model: xor-model.json}
                  - {name: drifting, history: drift.csv, initial_model: xor-model.json}
                  - {name: unknown start, history: same.csv}
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("mine agrees with NNLab within 1e-06 in every series at every one of the 30 epochs compared (largest relative difference 0)"))
        #expect(html.contains("drifting agrees with NNLab within 1e-06 in every series through epoch 12 and first differs at epoch 13 (loss: relative difference 1e−05)"), "\(html.count)")
        #expect(html.contains("unknown start:") && html.contains("Give the weights it started from as initial_model"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/figures")
        #expect(figures.contains("experiment-1-external-1.png") && figures.contains("experiment-1-external-3.png"))
        // Equal at every epoch: no empty difference panel; the drifting run has one.
        #expect(html.contains("mine (from") && !html.contains("same.csv) beside NNLab&#39;s run of the same configuration (seed 0), and their relative difference"))
        #expect(html.contains("drift.csv) beside NNLab&#39;s run of the same configuration (seed 0), and their relative difference per epoch"))
        let table = try String(contentsOfFile: directory.path + "/out/tables/table-3.csv", encoding: .utf8)
        #expect(table.contains("loss,30,12,epoch 13 (1e−05),1e−05"), "\(table)")
        #expect(table.contains(validation ? "val_loss,30,30,none,0" : "mse,30,30,none,0"), "\(table)")
    }

    /// A JSON history (Keras's history.history) whose model started elsewhere: drawn, not compared, and said so.
    @Test func aJSONHistoryFromOtherWeightsIsDrawnNotCompared() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try setUp(directory)
        try directory.write("h.json", #"{"loss": [1.2, 0.9, 0.7], "mse": [1.2, 0.9, 0.7]}"#)
        try directory.write("other.json", #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "sigmoid"}, {"type": "concat_input"}, {"type": "dense", "units": 1, "activation": "leaky_relu", "alpha": 0.1}]}"#)
        try directory.write("e.yaml", "title: E\nsections: [experiments]\nexperiments:\n  - \(Self.entry.trimmingCharacters(in: .whitespaces))\n    external: [{name: keras, history: h.json, initial_model: other.json}]\n")
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("Its initial_model is not the weights NNLab&#39;s run started from") || html.contains("Its initial_model is not the weights NNLab's run started from"))
        #expect(html.contains("NNLab ran 30 epochs, keras 3."))
    }

    @Test(arguments: [
        ("bad.csv", "epoch,accuracy\n0,0.5\n", "bad.csv:1: expected a header with a loss column (Keras's CSVLogger: epoch,loss,…), received epoch,accuracy"),
        ("bad.csv", "epoch,loss\n0,0.5\n1\n", "bad.csv:3: expected 2 values (epoch,loss), received 1"),
        ("bad.csv", "epoch,loss\n0,0.5\n1,abc\n", "bad.csv:3: loss: expected a number, received \"abc\""),
        ("bad.csv", "epoch,loss\n0,0.5\n5,0.4\n", "bad.csv:3: epoch: expected epochs in order from 0 (Keras) or 1, received 5 in row 2"),
        ("bad.json", #"{"loss": [1, 2], "mse": [1]}"#, "bad.json:1: mse: expected 2 values (one per epoch, as loss has), received 1"),
        ("bad.json", #"{"acc": [1, 2]}"#, "bad.json:1: expected a history object with a \"loss\" list"),
    ])
    func badHistoriesAreOneLine(name: String, text: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try setUp(directory)
        try directory.write(name, text)
        try directory.write("e.yaml", "title: E\nsections: [experiments]\nexperiments:\n  - \(Self.entry.trimmingCharacters(in: .whitespaces))\n    external: [{name: mine, history: \(name)}]\n")
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    /// The sentence is about every series: a run whose loss agrees but whose val_loss differs from epoch 4
    /// is said to differ there; Keras's CSVLogger NA columns (no validation) are no series; a NaN is NaN.
    @Test func everySeriesCountsAndKerasFilesWithoutValidationWork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try setUp(directory)
        var lines = try csv(directory, validation: true).split(separator: "\n").map(String.init)
        for i in 1..<lines.count where i >= 4 {
            var cells = lines[i].split(separator: ",").map(String.init)
            cells[3] = JSONWriter.number((Double(cells[3]) ?? 0) * (1 + 1e-3))
            lines[i] = cells.joined(separator: ",")
        }
        try directory.write("val.csv", lines.joined(separator: "\n") + "\n")
        // As Keras 3.15's CSVLogger writes a run without validation: val_ columns of NA, and a NaN loss at the end.
        let plain = try csv(directory, validation: false).split(separator: "\n").map(String.init)
        var keras = ["epoch,loss,mse,val_loss,val_mse"] + plain.dropFirst().map { $0 + ",NA,NA" }
        keras[keras.count - 1] = keras[keras.count - 1].split(separator: ",").enumerated().map { $0.offset == 1 ? "nan" : String($0.element) }.joined(separator: ",")
        try directory.write("keras.csv", keras.joined(separator: "\n") + "\n")
        try directory.write("e.yaml", """
            title: External
            sections: [experiments]
            experiments:
              - \(Self.entry.trimmingCharacters(in: .whitespaces))
                validation: xor-data.json
                external: [{name: val, history: val.csv, initial_model: xor-model.json}]
              - \(Self.entry.trimmingCharacters(in: .whitespaces))
                external: [{name: keras, history: keras.csv, initial_model: xor-model.json}]
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("val agrees with NNLab within 1e-06 in every series through epoch 3 and first differs at epoch 4 (val_loss: relative difference"), "the val_loss difference counts")
        #expect(html.contains("keras agrees with NNLab within 1e-06 in every series through epoch 29 and first differs at epoch 30 (loss: relative difference NaN)"))
        let tables = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/tables").sorted()
        let kerasTable = try tables.map { try String(contentsOfFile: directory.path + "/out/tables/" + $0, encoding: .utf8) }.first { $0.contains("keras against NNLab") || $0.contains("loss,30,29,epoch 30 (NaN),NaN") }
        #expect(kerasTable?.contains("loss,30,29,epoch 30 (NaN),NaN") == true, "\(kerasTable ?? "")")
        #expect(kerasTable?.contains("val_loss") == false, "NA columns are no series")
    }
}
