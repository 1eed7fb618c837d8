import Foundation
import NNCore
import NNRuns
import NNFiles
import Testing

/// Learning-rate schedules and `constants: exact` from run files and experiments, through the binary.
@Suite("Schedules and constants from files")
struct ScheduleAndConstantsTests {
    static let model = #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "leaky_relu", "alpha": 0.1, "regularizer": {"l2": 0.01}}, {"type": "dense", "units": 1, "activation": "tanh"}]}"#

    static func run(_ learningRate: String, extra: String = "") -> String {
        """
        {"data": "xor", "model": \(model), "optimizer": {"type": "sgd", "momentum": 0.9, "learning_rate": \(learningRate)},
         "epochs": 6, "batch_size": 2, "shuffle": false, "seed": 1\(extra)}
        """
    }

    static func history(_ json: String) throws -> JSONObject {
        let root = try JSONField(JSONParser.parse(Array(json.utf8), file: "out"), file: "out").object(allowing: ["history", "model", "divergence", "early_stop"])
        return try root.required("history", "").anyObject()
    }

    /// A schedule in a run file: `nnlab train --json` records `learning_rate` per epoch, the schedule's
    /// Keras value after each epoch's two updates; a plain rate records none (the history keeps its keys).
    @Test func runFileWithScheduleRecordsTheLearningRate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schedule = #"{"schedule": "exponential_decay", "initial_learning_rate": 0.1, "decay_steps": 3, "decay_rate": 0.5}"#
        try directory.write("scheduled.json", Self.run(schedule))
        try directory.write("plain.json", Self.run("0.1"))
        let scheduled = try CommandRunner.run(["train", "scheduled.json", "--json"], in: directory.path)
        #expect(scheduled.status == 0, "\(scheduled.standardError)")
        let rates = try Self.history(scheduled.standardOutput).required("learning_rate", "").vector()
        let expected = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.5)
        #expect(rates == (1...6).map { expected.reportedLearningRate(2 * $0) })
        #expect(rates.first == Double(Float(0.1) * powf(0.5, Float(2) / Float(3))), "Keras's float32 value, not 0.1·0.5^(2/3) in float64")
        let plain = try CommandRunner.run(["train", "plain.json", "--json"], in: directory.path)
        #expect(plain.status == 0)
        #expect(!(try Self.history(plain.standardOutput).has("learning_rate")))
    }

    /// `constants: exact` changes the numbers (momentum 0.9, λ₂ 0.01 and the slope 0.1 as written), and
    /// the saved model equals the library's exact training of the same run.
    @Test func exactConstantsThroughTheBinary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("keras.json", Self.run("0.1"))
        try directory.write("exact.json", Self.run("0.1", extra: #", "constants": "exact""#))
        for name in ["keras", "exact"] {
            let result = try CommandRunner.run(["train", "\(name).json", "--quiet", "--save", "\(name)-model.json"], in: directory.path)
            #expect(result.status == 0, "\(name): \(result.standardError)")
        }
        let keras = try ModelFile.load(directory.path + "/keras-model.json").parameterVector
        let exact = try ModelFile.load(directory.path + "/exact-model.json").parameterVector
        let run = try RunFile.load(directory.path + "/exact.json")
        #expect(run.network.constants == .exact)
        let library = try run.train().network.parameterVector
        #expect(exact == library, "the binary's exact run is the library's")
        #expect(keras != exact, "exact constants gave Keras's numbers")
    }

    /// A model saved from an exact run says so, and `grad` computes with its constants unless told
    /// otherwise (`--constants`): λ₂ and the leaky slope as written move the gradient.
    @Test func savedModelsKeepTheirConstantsForGrad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("exact.json", Self.run("0.1", extra: #", "constants": "exact""#))
        try directory.write("keras.json", Self.run("0.1"))
        for name in ["exact", "keras"] {
            let result = try CommandRunner.run(["train", "\(name).json", "--quiet", "--save", "\(name)-model.json"], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let saved = try String(contentsOfFile: directory.path + "/exact-model.json", encoding: .utf8)
        #expect(saved.hasPrefix(#"{"input": 2, "loss": "mse", "constants": "exact","#), "\(saved.prefix(80))")
        #expect(!(try String(contentsOfFile: directory.path + "/keras-model.json", encoding: .utf8)).contains("constants"))
        #expect(try ModelFile.load(directory.path + "/exact-model.json").constants == .exact)
        try directory.write("data.json", #"{"x": [[-1, -1], [-1, 1], [1, -1], [1, 1]], "y": [[1], [-1], [-1], [1]]}"#)
        func grad(_ arguments: [String]) throws -> String {
            let result = try CommandRunner.run(["grad"] + arguments, in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
            return result.standardOutput
        }
        let own = try grad(["exact-model.json", "data.json"])
        #expect(own == (try grad(["exact-model.json", "data.json", "--constants", "exact"])))
        #expect(own != (try grad(["exact-model.json", "data.json", "--constants", "keras"])))
        let bad = try CommandRunner.run(["grad", "exact-model.json", "data.json", "--constants", "float32"], in: directory.path)
        #expect(bad.status != 0 && bad.standardError.contains("--constants"), "\(bad.standardError)")
    }

    /// An experiment with a schedule and exact constants: the report names the schedule and the constants,
    /// draws the learning rate, and runs.json records both (and reads back with --resume).
    @Test func experimentAndSweepOverSchedules() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let model = "{input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}"
        try directory.write("e.yaml", """
            title: Schedules
            sections: [experiments, comparison, reproducibility]
            experiments:
              - name: cosine
                data: xor
                model: \(model)
                optimizer: {type: sgd, learning_rate: {schedule: cosine_decay, initial_learning_rate: 0.2, decay_steps: 40, warmup_target: 0.5, warmup_steps: 10}}
                epochs: 30
                batch_size: 2
                constants: exact
            comparison:
              name: Schedules
              base: {data: xor, model: \(model), optimizer: {type: sgd}, epochs: 20, batch_size: 4, metrics: [xor_accuracy]}
              axes:
                learning_rate: [0.1, {schedule: piecewise_constant_decay, boundaries: [5, 10], values: [0.5, 0.2, 0.05]}, {schedule: polynomial_decay, initial_learning_rate: 0.3, decay_steps: 15}]
                constants: [keras, exact]
              seeds: 2
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("sgd(learning_rate=cosine_decay(initial_learning_rate=0.2, decay_steps=40, alpha=0, warmup_target=0.5, warmup_steps=10)"))
        #expect(html.contains("Constants: exact"))
        #expect(html.contains("piecewise_constant_decay (boundaries [5, 10], values [0.5, 0.2, 0.05])"), "the schedule level's label")
        #expect(html.contains("exact constants") && html.contains("keras constants"), "the constants levels")
        #expect(html.contains("The learning rate is the schedule"), "the learning-rate panel's caption")
        #expect(html.contains("The learning rate of every variant per epoch"), "the comparison draws the schedules")
        let schedules = try String(contentsOfFile: directory.path + "/out/figures/comparison-learning-rate-schedules.svg", encoding: .utf8)
        #expect(schedules.contains(">Learning rate per epoch<") && schedules.contains("piecewise_constant_decay"), "one line per variant, named")
        let runsText = try String(contentsOfFile: directory.path + "/out/runs.json", encoding: .utf8)
        let runs = try TextFile.readJSON(directory.path + "/out/runs.json").anyObject().required("runs", "").array()
        #expect(runs.count == 1 + 3 * 2 * 2)
        let first = try runs[0].anyObject()
        #expect(try first.required("constants", "").string() == "exact")
        #expect(try first.required("history", "").anyObject().required("learning_rate", "").vector().count == 30)
        #expect(runsText.contains(#""learning_rate": {"schedule": "cosine_decay""#))
        // Resuming reuses every comparison run: schedules and constants are part of the fingerprint, read back alike.
        let resumed = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out", "--resume"], in: directory.path)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("(12 runs resumed, 1 trained)"), "\(resumed.standardOutput)")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var learningRate: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "unknown schedule", learningRate: #"{"schedule": "step_decay", "initial_learning_rate": 0.1}"#,
            expected: ["optimizer.learning_rate.schedule", "expected one of exponential_decay", "\"step_decay\""]),
        Bad(name: "missing decay_steps", learningRate: #"{"schedule": "exponential_decay", "initial_learning_rate": 0.1, "decay_rate": 0.5}"#,
            expected: ["optimizer.learning_rate", "decay_steps: missing"]),
        Bad(name: "negative decay_steps", learningRate: #"{"schedule": "cosine_decay", "initial_learning_rate": 0.1, "decay_steps": -5}"#,
            expected: ["optimizer.learning_rate.decay_steps", "received -5"]),
        Bad(name: "boundaries and values", learningRate: #"{"schedule": "piecewise_constant_decay", "boundaries": [10, 20], "values": [0.1, 0.01]}"#,
            expected: ["optimizer.learning_rate.values", "expected 3 values (one more than the 2 boundaries), received 2"]),
        Bad(name: "non-increasing boundaries", learningRate: #"{"schedule": "piecewise_constant_decay", "boundaries": [10, 10], "values": [0.1, 0.01, 0.001]}"#,
            expected: ["optimizer.learning_rate.boundaries[1]", "expected increasing boundaries, received 10 after 10"]),
        Bad(name: "warmup without target", learningRate: #"{"schedule": "cosine_decay", "initial_learning_rate": 0.1, "decay_steps": 5, "warmup_steps": 3}"#,
            expected: ["optimizer.learning_rate.warmup_steps", "expected warmup_target"]),
        Bad(name: "unknown schedule argument", learningRate: #"{"schedule": "polynomial_decay", "initial_learning_rate": 0.1, "decay_steps": 5, "gamma": 2}"#,
            expected: ["optimizer.learning_rate.gamma", "unknown field"]),
    ]

    @Test(arguments: bad)
    func badSchedulesGiveOneLocatedLine(_ bad: Bad) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run(bad.learningRate))
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1, "\(bad.name): exit \(result.status)")
        #expect(result.standardError.split(separator: "\n").count == 1 && result.standardError.hasPrefix("nnlab: error: run.json:"), "\(result.standardError)")
        for fragment in bad.expected { #expect(result.standardError.contains(fragment), "\(bad.name): '\(fragment)' not in \(result.standardError)") }
    }

    @Test func unknownConstantsIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("run.json", Self.run("0.1", extra: #", "constants": "float32""#))
        let result = try CommandRunner.run(["train", "run.json", "--quiet"], in: directory.path)
        #expect(result.status == 1 && result.standardError.contains("run.json:") && result.standardError.contains("constants: expected one of keras, exact"),
                "\(result.standardError)")
    }
}
