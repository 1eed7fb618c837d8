import Foundation
import NNCore
import Testing
import NNRuns
import NNFiles

/// The formats the commands print.
@Suite("Command output")
struct CommandOutputTests {
    @Test func gradPrintsShortestRoundTripGradients() throws {
        let root = CommandRunner.repositoryRoot
        let result = try CommandRunner.run(["grad", root + "examples/lab-model.json", root + "examples/lab-data.json"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["loss"] as? Double == BackpropLab.Published.mse)
        let gradients = try BackpropLab.network.gradients(BackpropLab.x, BackpropLab.y)
        // Every number printed is the float64 computed, in shortest round-trip form.
        for value in gradients.flattened { #expect(result.standardOutput.contains(value.description)) }
        #expect((json["gradients"] as? [Any])?.count == 3)
    }

    @Test func trainJSONHasTheHistoryAndAModelThatLoads() throws {
        let root = CommandRunner.repositoryRoot
        let result = try CommandRunner.run(["train", root + "examples/xor-run.json", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONParser.parse(Array(result.standardOutput.utf8), file: "stdout")
        let top = try JSONField(object, file: "stdout").object(allowing: ["history", "model", "divergence", "early_stop"])
        let history = try top.required("history", "").object(allowing: ["loss", "xor_accuracy", "data_loss", "penalty"])
        let loss = try history.required("loss", "").vector()
        #expect(loss.count == 2000)
        // The run's layers are regularized: loss (Keras's total) is the data loss plus the penalty.
        let data = try history.required("data_loss", "").vector(), penalty = try history.required("penalty", "").vector()
        #expect(zip(loss, zip(data, penalty)).allSatisfy { abs($0 - ($1.0 + $1.1)) <= 1e-12 * max(1, abs($0)) })
        #expect(penalty.allSatisfy { $0 > 0 })
        #expect(try history.required("xor_accuracy", "").vector().last == 1)
        let model = try ModelFile.network(from: top.required("model", ""), seed: 0)
        #expect(model.parameterCount == 9)
    }

    @Test func compareWritesTheReportAndPrintsTheTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("sweep.yaml", """
        title: Small sweep
        comparison:
          base:
            data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.1}
            epochs: 200
            batch_size: 4
            metrics: [xor_accuracy]
          axes:
            optimizer: [sgd, adam]
          seeds: 3
        """)
        let result = try CommandRunner.run(["compare", "sweep.yaml", "--quiet"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("wrote output/sweep/index.html in ") == true)
        #expect(lines.count == 5)
        // In ranking order, with the rank first.
        #expect(lines[1].hasPrefix("rank  variant"))
        #expect(lines[3].hasPrefix("1 ") && lines[4].hasPrefix("2 "))
        #expect(Set([lines[3], lines[4]].map { $0.contains("sgd") ? "sgd" : $0.contains("adam") ? "adam" : "" }) == ["sgd", "adam"])
        #expect(FileManager.default.fileExists(atPath: directory.path + "/output/sweep/runs.json"))
        let resumed = try CommandRunner.run(["compare", "sweep.yaml", "--quiet", "--resume"], in: directory.path)
        #expect(resumed.standardOutput.contains("(6 runs resumed, 0 trained)"))
    }
}
