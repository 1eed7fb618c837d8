import Foundation
import NNCore
@testable import NNReport
import NNLanguage
import NNFiles
import Testing

/// `language: es`: every generated word of the report comes from the Spanish catalogue.
@Suite("Report language")
struct LanguageTests {
    /// Experiments that between them reach every section, figure, table, note and sentence: the default
    /// report, validation and regularizers, multi-class data, a three-axis sweep with divergences and
    /// early stopping, named variants ranked by validation loss, the optimizer landscape, CIFAR-size images.
    static let experiments: [String] = [
        DefaultExperiment.yaml,
        """
        title: T
        sections: [experiments, comparison]
        experiments:
          - data: {name: circle, samples: 60}
            validation_split: 0.25
            model: {input: 2, loss: mse, layers: [{type: dense, units: 4, activation: tanh, regularizer: {l1: 0.01}}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: adam, learning_rate: 0.05}
            epochs: 30
            seeds: 2
            metrics: [sign_accuracy, xor_accuracy]
          - data: {name: spiral, samples: 60}
            model: {input: 2, loss: cce, layers: [{type: dense, units: 4, activation: relu}, {type: dense, units: 2, activation: softmax}]}
            optimizer: {type: sgd, learning_rate: 1000000}
            epochs: 20
            metrics: [accuracy]
          - data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.5}
            epochs: 500
            batch_size: 4
            metrics: [xor_accuracy]
            early_stopping: {monitor: xor_accuracy, target: 1}
        comparison:
          base: {data: xor, validation: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 20, batch_size: 4, metrics: [xor_accuracy]}
          axes:
            learning_rate: [0.1, 1000000]
            regularizer: [none, {l2: 0.01}]
            batch_size: [2, 4]
          seeds: 2
          rank_by: val_loss
        """,
        """
        title: T
        sections: [comparison]
        comparison:
          base: {data: {name: circle, samples: 40}, model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, epochs: 15, batch_size: 8, metrics: [sign_accuracy]}
          variants:
            - {name: adam, optimizer: {type: adam, learning_rate: 0.05}}
            - {name: sgd, optimizer: {type: sgd, learning_rate: 0.1}}
            - {name: momentum, optimizer: {type: sgd, learning_rate: 0.1, momentum: 0.9}}
          seeds: 3
          baseline: sgd
        """,
        """
        title: T
        sections: [experiments, comparison]
        experiments:
          - data: {name: gauss, samples: 40}
            scaling: minmax
            model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: gelu}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: adam}
            epochs: 5
        comparison:
          base: {data: {name: spiral, samples: 60}, validation_split: 0.25, scaling: standardize, model: {input: 2, loss: cce, layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: 2, activation: softmax}]}, optimizer: {type: sgd}, epochs: 10, batch_size: 8, metrics: [accuracy]}
          axes:
            activation: [tanh, relu, gelu]
            learning_rate: [0.1, 1000000]
            hidden_units: [2, 4]
          seeds: 2
        """,
        """
        title: T
        sections: [comparison]
        comparison:
          base: {data: {name: spiral, samples: 40}, model: {input: 2, loss: cce, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 2, activation: softmax}]}, optimizer: {type: adam}, epochs: 10, metrics: [accuracy]}
          axes: {activation: [tanh, relu], optimizer: [adam, sgd]}
          seeds: 2
        """,
        """
        title: T
        sections: [experiments, comparison, reproducibility]
        experiments:
          - data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: {schedule: exponential_decay, initial_learning_rate: 0.1, decay_steps: 4, decay_rate: 0.5}}
            epochs: 5
            constants: exact
        comparison:
          base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd}, epochs: 5, constants: exact, metrics: [xor_accuracy]}
          axes: {learning_rate: [0.1, {schedule: cosine_decay, initial_learning_rate: 0.1, decay_steps: 10}]}
          seeds: 1
        """,
    ]

    @Test func everyGeneratedWordIsInTheSpanishCatalogue() throws {
        let misses = MissedPhrases()
        let directory = NSTemporaryDirectory() + "nnlab-language-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (i, yaml) in Self.experiments.enumerated() {
            var experiment = try ExperimentFile.experiment(from: yaml, file: "e\(i).yaml")
            experiment.language = .es
            let destination = try OwnedFolder.check(directory + "/r\(i)", inputs: [])
            try Language.$misses.withValue(misses) {
                _ = try LabReport(experiment: experiment, command: "nnlab report").write(to: destination, selfContained: false, exports: [.latex, .markdown])
            }
        }
        #expect(misses.all.isEmpty, "untranslated: \(misses.all.map { "\"\($0)\"" }.joined(separator: "\n"))")
    }

    /// A student's runs beside an experiment (`external:`), compared and not: every word in Spanish.
    @Test func externalRunsAreInSpanish() throws {
        let misses = MissedPhrases()
        let directory = NSTemporaryDirectory() + "nnlab-language-external-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 2, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6]], "bias": [0.1, -0.1]}, {"type": "dense", "units": 1, "weights": [[0.7], [-0.5]], "bias": [0.2]}]}"#
        try model.write(toFile: directory + "/m.json", atomically: true, encoding: .utf8)
        try "epoch,loss\n0,5\n1,4\n2,3\n".write(toFile: directory + "/h.csv", atomically: true, encoding: .utf8)
        let yaml = """
            title: T
            sections: [experiments]
            experiments:
              - {data: xor, model: m.json, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 3, batch_size: 4, shuffle: false,
                 external: [{name: mine, history: h.csv, initial_model: m.json}, {name: other, history: h.csv}]}
            """
        var experiment = try ExperimentFile.experiment(from: yaml, file: directory + "/e.yaml")
        experiment.language = .es
        let destination = try OwnedFolder.check(directory + "/r", inputs: [])
        try Language.$misses.withValue(misses) {
            _ = try LabReport(experiment: experiment, command: "nnlab report").write(to: destination, selfContained: false, exports: [.latex, .markdown])
        }
        #expect(misses.all.isEmpty, "untranslated: \(misses.all.map { "\"\($0)\"" }.joined(separator: "\n"))")
    }
}
