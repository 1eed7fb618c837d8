import Foundation
import NNCore
@testable import NNReport
import Testing
import NNFiles

/// runs.json has one schema: what the report writes, `RunsFile.read` (and so `--resume`) reads back.
@Suite("runs.json schema")
struct RunsFileTests {
    /// Experiments (scaled, validated), a comparison with a diverging level, and the image problem.
    static let yaml = """
    title: Everything in runs.json
    sections: [experiments, comparison, image]
    experiments:
      - name: circle, scaled
        data: {name: circle, samples: 60, noise: 0.1}
        validation_split: 0.25
        scaling: standardize
        model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
        optimizer: {type: adam, learning_rate: 0.01}
        epochs: 5
        seeds: 2
        metrics: [xor_accuracy]
    comparison:
      base:
        data: xor
        model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: linear}]}
        optimizer: {type: sgd}
        epochs: 40
        batch_size: 4
        scaling: minmax
        metrics: [xor_accuracy]
        early_stopping: {monitor: xor_accuracy, target: 1}
      axes:
        learning_rate: [0.1, 1e6]
      seeds: 2
    image:
      data: iris
      model: {input: 4, loss: cce, layers: [{type: dense, units: 4, activation: relu}, {type: dense, units: 3, activation: softmax}]}
      optimizer: {type: adam, learning_rate: 0.01}
      epochs: 3
    """

    @Test func whatIsWrittenReadsBackToTheSameBytes() throws {
        let experiment = try ExperimentFile.experiment(from: Self.yaml, file: "all.yaml")
        let built = LabReport(experiment: experiment, command: "c").build()
        let root = JSONField(try JSONParser.parse(Array(built.runsJSON.utf8), file: "runs.json"), file: "runs.json")
        let read = try RunsFile.read(root)
        #expect(read.version == NNLabInfo.version && read.title == "Everything in runs.json")
        #expect(read.entries.count == 2 + 4 + 1)
        #expect(RunsFile.json(read.entries, title: read.title) == built.runsJSON)
        #expect(RunsFile.csv(read.entries) == built.historyCSV)
        // What the file holds: scalers of experiment and comparison runs, the image split, a divergence.
        #expect(read.entries.filter { $0.section == "experiments" }.allSatisfy { if case .standardize? = $0.scaler { true } else { false } })
        #expect(read.entries.filter { $0.section == "comparison" }.allSatisfy { if case .minmax? = $0.scaler { true } else { false } })
        #expect(read.entries.contains { $0.history.divergence != nil }, "learning rate 1e6 diverges")
        // What each run trained with: the held-out split and the shuffle setting too.
        let scaled = try #require(read.entries.first)
        #expect(scaled.split?.testFraction == 0.25 && scaled.split?.train == 45 && scaled.split?.test == 15)
        #expect(scaled.shuffle == true && scaled.batchSize == 32 && scaled.data == "circle (samples 60, noise 0.1, seed 1)")
        #expect(read.entries.filter { $0.section == "comparison" }.allSatisfy { $0.shuffle == true && $0.batchSize == 4 })
        let image = try #require(read.entries.last)
        #expect(image.section == "image" && image.split?.train == 120 && image.split?.test == 30)
    }

    @Test func aDamagedOrForeignFileIsRefusedOrIgnored() throws {
        let experiment = try ExperimentFile.experiment(from: Self.yaml, file: "all.yaml")
        let text = LabReport(experiment: experiment, command: "c").build().runsJSON
        func read(_ text: String) throws -> Int {
            try RunsFile.read(JSONField(try JSONParser.parse(Array(text.utf8), file: "runs.json"), file: "runs.json")).entries.count
        }
        // A history series shorter than "epochs", an unknown field, a scaler with mismatched lengths.
        let short = text.replacingOccurrences(of: "\"epochs\": 5,", with: "\"epochs\": 6,")
        #expect(throws: InputError.self) { try read(short) }
        let unknown = text.replacingOccurrences(of: "\"seed\": 0,", with: "\"seed\": 0, \"sede\": 1,")
        #expect(throws: InputError.self) { try read(unknown) }
        let scaler = text.replacingOccurrences(of: "\"standard_deviations\": [", with: "\"standard_deviations\": [1, ")
        #expect(throws: InputError.self) { try read(scaler) }
        // A file of another version: nothing to reuse (every fingerprint names the version), not an error.
        let folder = NSTemporaryDirectory() + "nnlab-runsfile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.replacingOccurrences(of: "\"nnlab\": \"\(NNLabInfo.version)\"", with: "\"nnlab\": \"0.1.0\", \"extra\": 1")
            .write(toFile: folder + "/runs.json", atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ResumeStore.load(folder + "/runs.json") }
        try text.replacingOccurrences(of: "\"nnlab\": \"\(NNLabInfo.version)\"", with: "\"nnlab\": \"0.1.0\"")
            .write(toFile: folder + "/runs.json", atomically: true, encoding: .utf8)
        #expect(try ResumeStore.load(folder + "/runs.json").entries.isEmpty)
    }
}
