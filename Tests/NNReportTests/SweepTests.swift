import Foundation
import NNCore
@testable import NNReport
import NNStatistics
import NNRecording
import NNFigures
import Testing
import Plot
import NNFiles

/// Sweeps: statistics with known answers, controlled A/B, serial = parallel, resume.
@Suite("Sweeps", .serialized)
struct SweepTests {
    static func sweep(_ comparison: String) throws -> Experiment {
        let yaml = """
        title: Sweep
        sections: [comparison]
        comparison:
          base:
            data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.1}
            epochs: 300
            batch_size: 4
            shuffle: false
            metrics: [xor_accuracy]
        \(comparison)
        """
        return try ExperimentFile.experiment(from: yaml, file: "sweep.yaml")
    }

    @Test func wilsonIntervalsMatchPublishedValues() throws {
        // Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 → 0.2553–0.3662; 0/10 → 0–0.2775; 10/10 → 0.7225–1.
        let a = try #require(SweepStatistics.wilson(successes: 81, trials: 263))
        #expect(abs(a.lower - 0.2553) < 5e-5 && abs(a.upper - 0.3662) < 5e-5)
        let b = try #require(SweepStatistics.wilson(successes: 0, trials: 10))
        #expect(b.lower == 0 && abs(b.upper - 0.2775) < 5e-5)
        let c = try #require(SweepStatistics.wilson(successes: 10, trials: 10))
        #expect(abs(c.lower - 0.7225) < 5e-5 && abs(c.upper - 1) < 1e-12)
        #expect(SweepStatistics.wilson(successes: 0, trials: 0) == nil)
    }

    @Test func pairedTestsMatchSciPy() throws {
        // scipy.stats.wilcoxon([0.5, 1.2, -0.3, 2.0, 0.8, 1.5, -0.1, 0.9, 1.1, 0.4]) → statistic 3, p 0.009765625 (exact)
        let w1 = WilcoxonSignedRank(differences: [0.5, 1.2, -0.3, 2.0, 0.8, 1.5, -0.1, 0.9, 1.1, 0.4])
        #expect(abs(w1.pValue - 0.009765625) < 1e-15 && w1.statistic == 3)
        // scipy.stats.wilcoxon([1, 1, 2, -1, 3, 3, -2, 4, 5, 1]) (ties) → statistic 8, p 0.052734375
        let w2 = WilcoxonSignedRank(differences: [1, 1, 2, -1, 3, 3, -2, 4, 5, 1])
        #expect(abs(w2.pValue - 0.052734375) < 1e-15 && w2.statistic == 8)
        // scipy.stats.wilcoxon(x) with x = numpy.linspace(-1, 3, 60) → statistic 240, p 6.727061036745202e-07 (normal approximation)
        let x = (0..<60).map { -1 + 4 * Double($0) / 59 }
        let w3 = WilcoxonSignedRank(differences: x)
        #expect(abs(w3.pValue - 6.727061036745202e-07) / 6.727061036745202e-07 < 1e-6 && w3.statistic == 240)
        // scipy.stats.binomtest(2, 10).pvalue → 0.109375; binomtest(0, 7) → 0.015625
        #expect(SignTest(differences: [1, 1, 1, 1, 1, 1, 1, 1, -1, -1]).pValue == 0.109375)
        #expect(SignTest(differences: [-1, -2, -3, -4, -5, -6, -7]).pValue == 0.015625)
        // All positive differences: rank-biserial r = 1; all zero: p = 1 by definition.
        #expect(WilcoxonSignedRank(differences: [1, 2, 3]).rankBiserial == 1)
        #expect(WilcoxonSignedRank(differences: [0, 0, 0]).pValue == 1)
    }

    @Test func censoredMediansCountNeverAsInfinity() {
        #expect(SweepStatistics.censoredDescription([10, 20, nil, nil, nil]) == "never [20,\u{00A0}never]")
        #expect(SweepStatistics.censoredDescription([10, 20, 30, nil]) == "25 [17.5,\u{00A0}never]")
        #expect(SweepStatistics.censoredMedianText([10, 20, 30]) == "20")
    }

    @Test func variantsThatChangeNothingGiveIdenticalStatistics() throws {
        let experiment = try Self.sweep("""
          variants:
            - {name: a}
            - {name: b}
          seeds: 4
        """)
        let comparison = try #require(experiment.comparison)
        let results = comparison.variants.map { RunPool.train($0.runs) }
        let a = VariantStatistics(variant: comparison.variants[0], results: results[0], comparison: comparison)
        let b = VariantStatistics(variant: comparison.variants[1], results: results[1], comparison: comparison)
        #expect(a.finalLoss.map(\.bitPattern) == b.finalLoss.map(\.bitPattern))
        #expect(a.epochsToTarget == b.epochsToTarget && a.successes == b.successes)
        let test = SweepStatistics.pairedTest(a.finalLoss, b.finalLoss)
        #expect(test.wilcoxon.pValue == 1 && test.medianDifference == 0 && test.equal == 4)
    }

    @Test func aControlledABSharesInitialWeights() throws {
        let activations = try #require(try Self.sweep("""
          axes:
            activation: [tanh, sigmoid, relu]
            learning_rate: [0.01, 0.1]
          seeds: [3, 4]
        """).comparison)
        #expect(activations.variants.count == 6)
        for seed in 0..<2 {
            let initial = activations.variants[0].runs[seed].network.parameterVector
            #expect(activations.variants.allSatisfy { $0.runs[seed].network.parameterVector == initial })
            #expect(activations.variants.allSatisfy { $0.runs[seed].data == activations.variants[0].runs[seed].data })
        }
        #expect(activations.variants[0].runs[0].network.parameterVector != activations.variants[0].runs[1].network.parameterVector)
        let block = try #require(SweepTables.sharedInitialWeights(activations))
        guard case .note(let text, _) = block else { Issue.record("expected a note"); return }
        #expect(text.hasPrefix("All 6 variants start from the same initial weights"))
        let units = try #require(try Self.sweep("""
          axes:
            hidden_units: [2, 4]
          seeds: 1
        """).comparison)
        #expect(units.variants[0].runs[0].network.parameterVector != units.variants[1].runs[0].network.parameterVector)
    }

    @Test func serialAndParallelSweepsAreIdentical() throws {
        let comparison = try #require(try Self.sweep("""
          axes:
            optimizer: [sgd, adam]
            batch_size: [1, 4]
          seeds: 3
        """).comparison)
        let runs = comparison.variants.flatMap(\.runs)
        let parallel = RunPool.train(runs)
        let serial = runs.map { try? $0.train() }
        for (p, s) in zip(parallel, serial) {
            #expect(p.history == s?.history)
            #expect(p.network == s?.network)
        }
    }

    @Test func resumeRerunsNothingThatMatchesAndEverythingThatDoesNot() throws {
        let first = try Self.sweep("""
          axes:
            learning_rate: [0.05, 0.1]
          seeds: 3
        """)
        let built = LabReport(experiment: first, command: "c").build()
        #expect(built.trained == 6 && built.resumed == 0)
        let folder = NSTemporaryDirectory() + "nnlab-resume-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try built.runsJSON.write(toFile: folder + "/runs.json", atomically: true, encoding: .utf8)
        let store = try ResumeStore.load(folder + "/runs.json")
        var again = LabReport(experiment: first, command: "c")
        again.resume = store
        let rebuilt = again.build()
        #expect(rebuilt.trained == 0 && rebuilt.resumed == 6)
        #expect(rebuilt.runsJSON == built.runsJSON)
        // A new level and a changed epoch count: only what changed is trained.
        let changed = try Self.sweep("""
          axes:
            learning_rate: [0.05, 0.1, 0.2]
          seeds: 3
        """)
        var third = LabReport(experiment: changed, command: "c")
        third.resume = store
        let partial = third.build()
        #expect(partial.resumed == 6 && partial.trained == 3)
        // A runs.json whose weight norms have fewer values than epochs is refused, not drawn out of range.
        let damaged = built.runsJSON.replacingOccurrences(of: #""values": ["#, with: #""values": [1e300, "#)
        #expect(damaged != built.runsJSON)
        try damaged.write(toFile: folder + "/runs.json", atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ResumeStore.load(folder + "/runs.json") }
        let huge = built.runsJSON.replacingOccurrences(of: #""epochs": ["#, with: #""epochs": [1e300, "#)
        try huge.write(toFile: folder + "/runs.json", atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ResumeStore.load(folder + "/runs.json") }
    }

    @Test func everySeedsWeightNormsShareTheSampledEpochs() throws {
        let comparison = try #require(try Self.sweep("""
          axes:
            regularizer: [none, {l1: 0.01}]
          seeds: 4
        """).comparison)
        let recording = RunPool.Recording(options: LabReport.comparisonRecorderOptions, keepRecord: false)
        for variant in comparison.variants {
            let results = RunPool.train(variant.runs, recording: { _ in recording })
            let epochs = results.compactMap { $0.weightNorms?.epochs }
            #expect(epochs.count == 4)
            #expect(Set(epochs.map { $0.map(String.init).joined(separator: ",") }).count == 1, "\(variant.label)")
            #expect(results.allSatisfy { $0.record == nil })
        }
    }

    @Test func axesApplyInAFixedOrderWhateverTheirOrderInTheFile() throws {
        let activation = "    activation: [relu, sigmoid]\n"
        let architecture = "    architecture: [{name: wide, layers: [{type: dense, units: 4}, {type: dense, units: 1, activation: tanh}]}, {name: deep, layers: [{type: dense, units: 2}, {type: dense, units: 2}, {type: dense, units: 1, activation: tanh}]}]\n"
        var hidden: [[String: [String]]] = []
        for axes in [activation + architecture, architecture + activation] {
            let experiment = try Self.sweep("  axes:\n" + axes + "  seeds: 1\n")
            let comparison = try #require(experiment.comparison)
            var byLabel: [String: [String]] = [:]
            for variant in comparison.variants {
                let network = variant.runs[0].network
                let activations = network.denseLayers.dropLast().map { $0.layer.activation.name }
                // The label's activation is the hidden layers' activation of the label's architecture.
                let key = Set(variant.label.components(separatedBy: ", "))
                #expect(activations.allSatisfy { key.contains($0) }, "\(variant.label): \(activations)")
                #expect(activations.count == (key.contains("deep") ? 2 : 1), "\(variant.label)")
                byLabel[key.sorted().joined(separator: "+")] = activations
            }
            hidden.append(byLabel)
        }
        #expect(hidden[0] == hidden[1])
    }

    @Test func l1AndL2AxesCombineAndConflictingAxesAreRefused() throws {
        let experiment = try Self.sweep("  axes:\n    l1: [0, 0.01]\n    l2: [0.001, 0.1]\n  seeds: 1\n")
        let regularizers = try #require(experiment.comparison).variants.map { $0.runs[0].network.denseLayers[0].layer.regularizer }
        #expect(regularizers.map { $0?.l1 } == [0, 0, 0.01, 0.01].map { Optional($0) })
        #expect(regularizers.map { $0?.l2 } == [0.001, 0.1, 0.001, 0.1].map { Optional($0) })
        #expect(throws: InputError.self) { try Self.sweep("  axes:\n    regularizer: [none, {l2: 0.1}]\n    l1: [0.01]\n") }
        #expect(throws: InputError.self) { try Self.sweep("  axes:\n    optimizer: [{type: adam, learning_rate: 0.01}]\n    learning_rate: [0.1]\n") }
    }

    @Test func anOptimizerAxisMayHoldSeveralSettingsOfOneType() throws {
        let experiment = try Self.sweep("  axes:\n    optimizer: [sgd, {type: sgd, momentum: 0.9}, {type: sgd, momentum: 0.9, nesterov: true}]\n  seeds: 1\n")
        let labels = try #require(experiment.comparison).variants.map(\.label)
        #expect(labels == ["sgd", "sgd (momentum 0.9)", "sgd (momentum 0.9, nesterov true)"])
    }

    @Test func levelsAreLabelledByWhatTheySetAndAxesThatWouldChangeNothingAreRefused() throws {
        // Data levels that differ only in a setting are told apart by it.
        let data = try #require(try Self.sweep("  axes:\n    data: [{name: spiral, samples: 100}, {name: spiral, samples: 200, seed: 3}, xor]\n  seeds: 1\n").comparison)
        #expect(data.variants.map(\.label) == ["spiral (samples 100)", "spiral (samples 200, seed 3)", "xor"])
        #expect(data.variants.map { $0.runs[0].data.count } == [100, 200, 4])
        // An optimizer level that sets no learning rate keeps the base's (0.1), as a level given by name does.
        let optimizers = try #require(try Self.sweep("  axes:\n    optimizer: [adam, {type: sgd, momentum: 0.9}, {type: sgd, learning_rate: 0.5}]\n  seeds: 1\n").comparison)
        #expect(optimizers.variants.map { $0.runs[0].optimizer.learningRate } == [0.1, 0.1, 0.5])
        // The report says what every variant shares, read from the runs.
        #expect(ComparisonSection.introduction(optimizers).contains("each trained from the same seed (0) on the same data (xor). Every variant uses 300 epochs, batch size 4."))
        #expect(ComparisonSection.introduction(data).contains("Every variant uses sgd(learning_rate=0.1, momentum=0, nesterov=false), 300 epochs, batch size 4."))
        // A hidden-units axis draws every layer's weights, given weights included (they no longer fit).
        let given = "model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh, weights: [[1, 2], [3, 4]], bias: [0, 0]}, {type: dense, units: 1, weights: [[1], [1]]}]}"
        let base = "  base: {data: xor, \(given), optimizer: {type: sgd}, epochs: 2, metrics: [sign_accuracy]}\n"
        let units = try #require(try ExperimentFile.experiment(from: "comparison:\n" + base + "  axes:\n    hidden_units: [3, 1]\n  seeds: 1\n", file: "s.yaml").comparison)
        #expect(units.variants.map { $0.runs[0].network.denseLayers[1].layer.weights.rows } == [3, 1])
        #expect(units.variants.map(\.label) == ["3 units", "1 unit"])
        // Noise on a set without noise, and hidden-layer axes on a model without hidden layers, would give identical variants.
        func refused(_ yaml: String, _ fragment: String) {
            do {
                _ = try ExperimentFile.experiment(from: yaml, file: "s.yaml")
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect(error.description.contains(fragment), "\(error.description)")
            }
        }
        refused("comparison:\n  base: {data: xor, \(given), optimizer: {type: sgd}, epochs: 2}\n  axes:\n    noise: [0, 0.1]\n",
                "s.yaml:4: comparison.axes.noise[0]: expected a generated data set to add noise to")
        let single = "model: {input: 2, loss: mse, layers: [{type: dense, units: 1, activation: tanh}]}"
        for axis in ["activation: [relu, tanh]", "hidden_units: [2, 3]"] {
            refused("comparison:\n  base: {data: xor, \(single), optimizer: {type: sgd}, epochs: 2}\n  axes:\n    \(axis)\n",
                    "s.yaml:4: comparison.axes.\(axis.prefix { $0 != ":" })[0]: expected a model with hidden layers")
        }
        refused("experiments:\n  - {data: {name: xor, noise: 0.5}, \(single), optimizer: {type: sgd}, epochs: 2}\n",
                "experiments[0].data.noise: expected no noise for xor, which takes none (only labels), received 0.5")
    }

    static func statistics(_ experiment: Experiment) throws -> (Comparison, [VariantStatistics], [[RunResult]]) {
        let comparison = try #require(experiment.comparison)
        let results = comparison.variants.map { RunPool.train($0.runs) }
        return (comparison, zip(comparison.variants, results).map { VariantStatistics(variant: $0, results: $1, comparison: comparison) }, results)
    }

    /// Issue 11's cases: each says only what the runs support.
    @Test func tablesAndSentencesSayWhatTheRunsSupport() throws {
        // Ties at 0 successes are broken by median final loss, as the caption says (not by name).
        let (tied, tiedStats, _) = try Self.statistics(try Self.sweep("  axes:\n    data: [{name: spiral, samples: 60}, {name: circle, samples: 60}, {name: gauss, samples: 60}]\n  seeds: 2\n  target: {metric: xor_accuracy, value: 2}\n"))
        let ranking = SweepTables.ranking(tied, tiedStats)
        let losses = ranking.rows.map { Double($0[4].text.replacingOccurrences(of: "−", with: "-")) ?? .nan }
        #expect(losses == losses.sorted(), "\(ranking.rows.map { $0.map(\.text) })")
        #expect(ranking.caption.contains("then median final loss"))
        // A data axis: the sentence about shared weights does not claim shared data.
        let sharing = try #require(SweepTables.sharedInitialWeights(tied))
        guard case .note(let text, _) = sharing else { Issue.record("not a note"); return }
        #expect(text.hasPrefix("The data differ between variants") && !text.contains("same data"), "\(text)")
        // Per pair: the variants that share both weights and data are named (none here: each data level is one variant).
        #expect(text.hasSuffix("within these groups: none — no two variants are a controlled comparison."), "\(text)")
        let (paired, _, _) = try Self.statistics(try Self.sweep("  axes:\n    activation: [tanh, relu]\n    data: [xor, {name: circle, samples: 40}]\n  seeds: 1\n"))
        guard case .note(let groups, _)? = SweepTables.sharedInitialWeights(paired) else { Issue.record("no note"); return }
        #expect(groups.contains("{tanh, xor; relu, xor}, {tanh, circle (samples 40); relu, circle (samples 40)}"), "\(groups)")
        // Divergence: every seed of lr 1e6 diverges; its final loss counts as +∞ ("diverged"), in the tables and the ranking.
        let linear = """
        comparison:
          base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 50, batch_size: 4, metrics: [xor_accuracy]}
          axes:
            learning_rate: [0.01, 1e6]
          seeds: 3
          baseline: lr 0.01
        """
        let (diverging, stats, _) = try Self.statistics(try ExperimentFile.experiment(from: linear, file: "d.yaml"))
        let wild = try #require(stats.first { $0.label != "lr 0.01" })
        #expect(wild.diverged == 3 && wild.finalLoss.allSatisfy { $0 == .infinity })
        let tables = SweepTables.statistics(diverging, stats)
        let table = tables[1]
        // No validation data: no validation column, even for the variant whose seeds all diverged.
        #expect(!table.header.contains { $0.contains("validation") }, "\(table.header)")
        let wildRow = try #require(table.rows.first { $0[0].text == wild.label })
        #expect(wildRow[1].text == "diverged [diverged,\u{00A0}diverged]")
        #expect(tables[0].rows.first { $0[0].text == wild.label }?.last?.text == "3")
        #expect(wildRow.contains { $0.text == "— (every seed diverged)" })
        #expect(SweepTables.ranking(diverging, stats).rows.last?[1].text == wild.label)
        // The paired sentence shows the table's signed r and p, and the best is tested against the baseline.
        let blocks = SweepTables.pairedComparisons(diverging, stats)
        guard case .table(let paired) = blocks[0], case .paragraph(let sentence) = blocks[1] else { Issue.record("no paired table"); return }
        let row = paired.rows[0]
        #expect(row[0].text == "lr 0.01" && row[1].text == wild.label)
        #expect(sentence.contains("r = \(row[6].text)") && sentence.contains("p = \(row[4].text)"), "\(row.map(\.text)) vs \(sentence)")
        #expect(row[6].text == "−1.00" && row[3].text == "−∞ (B diverged)")
        // The figures: the loss legend says how many seeds diverged, the learning-rate chart marks the rate that diverged.
        let results = diverging.variants.map { RunPool.train($0.runs) }
        func chart(_ block: ReportBlock?) -> Chart? {
            guard case .figure(let figure)? = block, case .chart(let chart)? = figure.figure.panels.first else { return nil }
            return chart
        }
        let bands = try #require(chart(SweepFigures.lossBands(diverging, results: results)))
        let names = bands.marks.compactMap { ($0 as? LineSeries)?.name }
        // Bands are drawn below every line.
        let kinds = bands.marks.map { $0 is Band ? 0 : 1 }
        #expect(kinds == kinds.sorted())
        #expect(names.contains("\(wild.label) (3 of 3 diverged)"), "\(names)")
        let rates = try #require(chart(SweepFigures.learningRateSensitivity(diverging, results: results)))
        let marks = rates.marks.compactMap { ($0 as? ScatterSeries) }
        #expect(marks.map(\.name) == ["median diverged"] && marks.first?.x == [1e6])
        // A variant whose seeds all diverged draws no boundary from its 1e150 weights: only its data, said in the title.
        let boundaries = SweepFigures.boundaries(diverging, results: results)
        guard case .figure(let grid)? = boundaries.first else { Issue.record("no boundaries"); return }
        let panelTitles = grid.figure.panels.compactMap { if case .chart(let c) = $0 { c.title } else { nil } }
        #expect(panelTitles.contains("\(wild.label) (every seed diverged)"), "\(panelTitles)")
        // A linear net on XOR ends at output 0 everywhere: no boundary (rounding noise drew a maze of contours).
        guard case .chart(let flat) = grid.figure.panels[0] else { Issue.record("no chart"); return }
        let contours = flat.marks.filter { $0 is Contour }
        #expect(flat.title?.hasSuffix("(constant output 0)") == true ? contours.isEmpty : !contours.isEmpty, "\(flat.title ?? "")")
        let line = rates.marks.compactMap { ($0 as? LineSeries) }.first
        #expect(line?.x == [0.01], "the line holds only the rate whose median is finite")
    }

    @Test func theDefaultPairIsTheBestAgainstTheRunnerUpAndRankByShowsItsValue() throws {
        let yaml = "  axes:\n    learning_rate: [0.01, 0.1, 0.5]\n  seeds: 3\n  rank_by: final_loss\n"
        let (comparison, stats, _) = try Self.statistics(try Self.sweep(yaml))
        let order = SweepStatistics.rank(stats, by: comparison.ranking)
        guard case .table(let paired) = SweepTables.pairedComparisons(comparison, stats)[0] else { Issue.record("no table"); return }
        #expect(paired.rows[0][0].text == stats[order[0]].label && paired.rows[0][1].text == stats[order[1]].label)
        // rank_by val_loss: the ranking table shows the validation loss it ranks by.
        let yamlValidated = """
        comparison:
          base: {data: xor, validation: {name: xor}, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd}, epochs: 20, batch_size: 4, metrics: [xor_accuracy]}
          axes:
            learning_rate: [0.01, 0.1]
          seeds: 2
          rank_by: val_loss
        """
        let (validated, validatedStats, _) = try Self.statistics(try ExperimentFile.experiment(from: yamlValidated, file: "v.yaml"))
        let ranking = SweepTables.ranking(validated, validatedStats)
        #expect(ranking.header.last == "ranked by: median final validation loss")
        // The paired test is on what the ranking orders by (the validation loss), not the training loss.
        guard case .paragraph(let sentence)? = SweepTables.pairedComparisons(validated, validatedStats).dropFirst().first else { Issue.record("no sentence"); return }
        #expect(sentence.contains("final validation loss"), "\(sentence)")
        let shown = ranking.rows.map { Double(($0.last?.text ?? "").replacingOccurrences(of: "−", with: "-")) ?? .nan }
        #expect(shown == shown.sorted() && shown.allSatisfy(\.isFinite), "\(ranking.rows.map { $0.map(\.text) })")
    }

    /// sign_accuracy counts outputs by sign (Playground's reading): 0.45 on a +1 target is right, though
    /// xor_accuracy's ±0.5 dead zone leaves it wrong; the default target is the first accuracy recorded.
    @Test func signAccuracyAndTheDefaultTarget() throws {
        let p = Matrix(rows: 4, columns: 1, elements: [0.45, -0.45, 0.7, -0.2])
        let y = Matrix(rows: 4, columns: 1, elements: [1, -1, -1, -1])
        #expect(Metric.signAccuracy(p, y) == 0.75)
        #expect(Metric.xorAccuracy(p, y) == 0)
        let base = "base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd}, epochs: 2"
        let signed = try #require(try ExperimentFile.experiment(from: "comparison:\n  \(base), metrics: [sign_accuracy]}\n  axes: {learning_rate: [0.1, 0.2]}\n", file: "s.yaml").comparison)
        #expect(signed.targetMetric == "sign_accuracy" && signed.targetValue == 1)
        #expect(throws: InputError.self) { try ExperimentFile.experiment(from: "comparison:\n  \(base)}\n  axes: {learning_rate: [0.1, 0.2]}\n", file: "s.yaml") }
    }

    /// The course's XOR settings (L2 0.1 on layer 1, L1 0.2 on layer 2, SGD 0.05, 200 epochs): seeds 0 and 1
    /// separate all four points by sign with outputs inside xor_accuracy's dead zone; the report says so
    /// and draws every seed's boundary.
    @Test func theCoursesXORSettingsAreExplained() throws {
        let yaml = """
        sections: [experiments]
        experiments:
          - data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh, regularizer: {l2: 0.1}}, {type: dense, units: 1, activation: tanh, regularizer: {l1: 0.2}}]}
            optimizer: {type: sgd, learning_rate: 0.05}
            epochs: 200
            batch_size: 4
            shuffle: false
            seeds: 4
            metrics: [xor_accuracy]
        """
        let experiment = try ExperimentFile.experiment(from: yaml, file: "course.yaml")
        let entry = experiment.experiments[0]
        let results = RunPool.train(entry.runs)
        #expect(results.allSatisfy { $0.history["xor_accuracy"]?.last == 0 })
        guard case .note(let text, _)? = ExperimentSection.deadZoneNote(entry, results) else { Issue.record("no note"); return }
        #expect(text.hasPrefix("In 2 of 4 seeds (0, 1) every training point is on the right side of 0"), "\(text)")
        let section = ExperimentSection.build(experiment.experiments, results: [results])
        #expect(section.blocks.contains { if case .figure(let f) = $0 { f.name == "experiment-1-seed-boundaries" } else { false } })
    }

    /// Regularizers are compared on the data loss (the total loss would make "none" look better by its
    /// missing penalty); every regularized history records data_loss and penalty beside Keras's loss.
    @Test func regularizersAreComparedOnTheDataLoss() throws {
        let (comparison, stats, results) = try Self.statistics(try Self.sweep("  axes:\n    regularizer: [none, {l2: 0.5}]\n  seeds: 2\n"))
        #expect(comparison.lossKey == "data_loss")
        let strong = try #require(results[1].first?.history)
        let (loss, data, penalty) = (try #require(strong["loss"]?.last), try #require(strong["data_loss"]?.last), try #require(strong["penalty"]?.last))
        #expect(abs(loss - (data + penalty)) <= 1e-12 && penalty > 0)
        #expect(stats[1].finalLoss[0] == data, "the statistic is the data loss, not the total")
        #expect(stats[0].finalLoss[0] == results[0].first?.history["loss"]?.last, "without a regularizer the loss is the data loss")
        #expect(SweepTables.statistics(comparison, stats)[1].header[1] == "final data loss")
        let plain = try #require(try Self.sweep("  axes:\n    learning_rate: [0.1, 0.2]\n  seeds: 1\n").comparison)
        #expect(plain.lossKey == "loss")
    }

    /// The weight figures show every level of the other axes (a panel each) and sparsity, not only the first level.
    @Test func weightFiguresCoverEveryLevelAndShowSparsity() throws {
        let experiment = try Self.sweep("  axes:\n    activation: [tanh, relu]\n    l1: [0, 0.05]\n  seeds: 2\n")
        let comparison = try #require(experiment.comparison)
        let recording = RunPool.Recording(options: LabReport.comparisonRecorderOptions, keepRecord: false)
        let results = comparison.variants.map { RunPool.train($0.runs, recording: { _ in recording }) }
        #expect(results.allSatisfy { $0.allSatisfy { $0.smallWeightShare?.count == $0.weightNorms?.epochs.count } })
        let blocks = SweepFigures.weightNorms(comparison, results: results)
        let figures = blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
        #expect(figures.map(\.name) == ["comparison-weight-norms", "comparison-sparsity", "comparison-weight-histogram"])
        #expect(figures[0].figure.panels.count == 2, "one panel per activation level")
        let titles = figures[0].figure.panels.compactMap { if case .chart(let c) = $0 { c.title } else { nil } }
        #expect(titles == ["tanh", "relu"])
    }

    /// Image data in a comparison are split and scaled as the image problem does, said so, and ranked by test accuracy.
    @Test func imageDataInAComparisonAreSplitScaledAndJudgedOnTestData() throws {
        let yaml = """
        comparison:
          base: {data: digits, model: {input: 64, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}, optimizer: {type: adam}, epochs: 2, metrics: [accuracy]}
          axes:
            learning_rate: [0.001, 0.01]
          seeds: 1
        """
        let comparison = try #require(try ExperimentFile.experiment(from: yaml, file: "d.yaml").comparison)
        #expect(comparison.imageSplit && comparison.ranking == .validationAccuracy)
        let run = try #require(comparison.variants.first?.runs.first)
        let held = Double(run.validation?.count ?? 0)
        #expect(run.data.count + Int(held) == 1797 && abs(held / 1797 - 0.2) < 0.01, "\(held) held out")
        let means = (0..<64).map { c in (0..<run.data.count).map { run.data.x[$0, c] }.reduce(0, +) / Double(run.data.count) }
        #expect(means.allSatisfy { abs($0) < 1e-9 }, "standardized on the training part")
        #expect(ComparisonSection.introduction(comparison).contains("20% of the images are held out as test data"))
        // Said otherwise in the file: left as written.
        let raw = try #require(try ExperimentFile.experiment(from: yaml.replacingOccurrences(of: "metrics: [accuracy]}", with: "metrics: [accuracy], scaling: none}"), file: "d.yaml").comparison)
        #expect(!raw.imageSplit && raw.variants[0].runs[0].validation == nil)
    }

    /// A 2-16-16-1 network's 337 weight lines become per-layer bands and the 5 largest; a chattering L1
    /// weight is marked at its first zero crossing only.
    @Test func largeNetworksDrawWeightSummaries() throws {
        let yaml = """
        experiments:
          - data: {name: spiral, samples: 100}
            model: {input: 2, loss: mse, layers: [{type: dense, units: 16, activation: tanh, regularizer: {l1: 0.01}}, {type: dense, units: 16, activation: tanh, regularizer: {l1: 0.01}}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.05}
            epochs: 60
            batch_size: 16
        """
        let run = try #require(try ExperimentFile.experiment(from: yaml, file: "big.yaml").experiments.first?.runs.first)
        let (_, record) = try Recorder.record(run: run, options: RecorderOptions())
        let chart = RecordFigures.trajectories(record)
        let lines = chart.marks.compactMap { ($0 as? LineSeries) }
        #expect(lines.count == 3 + 5, "\(lines.count) lines")
        let crossings = chart.marks.compactMap { ($0 as? ScatterSeries) }.first
        let distinct = Set(record.events.signCrossings.map(\.parameter.index)).count
        #expect(crossings?.x.count == distinct && record.events.signCrossings.count > distinct)
    }

    /// A dead ReLU unit (zero weights, negative bias: 0 everywhere) is named so, not drawn with a ±1e-9 colour bar.
    @Test func aDeadUnitIsNamed() throws {
        let yaml = """
        experiments:
          - data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: relu, weights: [[1, 0], [1, 0]], bias: [0, -5]}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.01}
            epochs: 5
            batch_size: 4
        """
        let run = try #require(try ExperimentFile.experiment(from: yaml, file: "dead.yaml").experiments.first?.runs.first)
        let (network, record) = try Recorder.record(run: run, options: RecorderOptions())
        let activations = Dictionary(uniqueKeysWithValues: network.denseLayers.map { ($0.index, $0.layer.activation) })
        let figure = try #require(RecordFigures.unitMaps(record, activations: activations))
        let titles = figure.panels.compactMap { if case .chart(let c) = $0 { c.title } else { nil } }
        #expect(titles == ["layer 1, unit 1", "layer 1, unit 2: dead (constant 0)"], "\(titles)")
    }

    @Test func historyCSVNamesEachRunsVariant() throws {
        let experiment = try Self.sweep("  axes:\n    learning_rate: [0.05, 0.1]\n  seeds: 2\n")
        let csv = LabReport(experiment: experiment, command: "c").build().historyCSV
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("run,variant,seed,epoch,loss") == true, "\(lines.first ?? "")")
        #expect(lines.contains { $0.hasPrefix("0,lr 0.05,0,1,") })
        #expect(lines.contains { $0.hasPrefix("3,lr 0.1,1,300,") })
    }

    @Test func dataThatDifferOnlyInTheirLabelsGetDifferentFingerprints() throws {
        // Playground's circle noise flips labels and keeps the points: ±1 targets must hash apart,
        // or --resume would reuse the run of another noise level.
        let experiment = try Self.sweep("  axes:\n    data: [{name: circle, noise: 0}, {name: circle, noise: 0.5}, {name: circle, noise: 0.1}]\n  seeds: 1\n")
        let json = LabReport(experiment: experiment, command: "c").build().runsJSON
        let fingerprints = json.split(separator: "\n").filter { $0.contains("\"fingerprint\"") }
        #expect(fingerprints.count == 3)
        #expect(Set(fingerprints).count == 3, "\(fingerprints)")
    }

    @Test func theSharedDataSentenceIsDerivedFromTheRuns() throws {
        func introduction(_ axes: String) throws -> String {
            let built = LabReport(experiment: try Self.sweep(axes), command: "c").build()
            let texts = built.document.sections.flatMap(\.blocks).compactMap { block -> String? in
                if case .paragraph(let text) = block { return text }
                return nil
            }
            return texts.first { $0.contains("each trained from the same") } ?? ""
        }
        #expect(try introduction("  axes:\n    learning_rate: [0.05, 0.1]\n  seeds: 1\n").contains("on the same data (xor)"))
        let differing = try introduction("  axes:\n    data: [{name: circle, noise: 0}, {name: circle, noise: 0.5}]\n  seeds: 1\n")
        #expect(differing.contains("on the data each variant names (they differ between variants)"), "\(differing)")
    }

    @Test func aTargetOrRankingOnSomethingNotRecordedIsRefused() throws {
        // The base records xor_accuracy and has no validation data.
        for (extra, fragment) in [("  target: {metric: accuracy, value: 1}\n", "comparison.target.metric: expected a metric the runs record"),
                                  ("  rank_by: val_loss\n", "comparison.rank_by: expected a ranking by something the runs record, received val_loss, which needs validation data"),
                                  ("  rank_by: accuracy\n", "received accuracy, which needs accuracy in metrics")] {
            do {
                _ = try Self.sweep("  axes:\n    learning_rate: [0.05, 0.1]\n  seeds: 1\n" + extra)
                Issue.record("expected an error for \(extra)")
            } catch {
                #expect(String(describing: error).contains(fragment), "\(error)")
            }
        }
        _ = try Self.sweep("  axes:\n    learning_rate: [0.05, 0.1]\n  seeds: 1\n  rank_by: final_loss\n")
    }
}
