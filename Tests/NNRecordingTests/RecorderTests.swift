import Foundation
import NNCore
import NNRecording
import TestSupport
import Testing
import NNRuns

/// The recorder's record of real training runs.
@Suite("Recorder")
struct RecorderTests {
    @Test func longXORRunStaysSmallAndKeepsTheRightEpochs() throws {
        let run = try xorRun(epochs: 100_000)
        let recorder = Recorder(options: RecorderOptions(gridColumns: 20, gridRows: 20), data: run.data, name: run.name)
        let probe = ParameterProbe()
        let (network, history) = try run.train(callbacks: [recorder, probe])
        let record = try #require(recorder.record)
        let samples = record.samples
        #expect(record.epochsRun == 100_000 && history.epochCount == 100_000)
        #expect(record.history == HistoryRecord(history))
        // First, last and every snapshot epoch are kept; the rest is bounded by maxSampledEpochs.
        #expect(samples.epochs.first == 1 && samples.epochs.last == 100_000)
        let snapshotEpochs = record.snapshots.map(\.epoch)
        #expect(snapshotEpochs == RecorderOptions.defaultSnapshotEpochs(epochs: 100_000, count: 8))
        #expect(Set(snapshotEpochs).isSubset(of: samples.epochs))
        #expect(samples.epochs.count <= 1000 + snapshotEpochs.count + 2)
        #expect(samples.epochs.count >= 500)
        #expect(samples.epochs == samples.epochs.sorted() && Set(samples.epochs).count == samples.epochs.count)
        // Trajectories are exactly the weights seen at those epochs.
        #expect(samples.trajectories.count == 9)
        for trajectory in samples.trajectories {
            let seen = samples.epochs.map { probe.parameters[$0 - 1][trajectory.parameter.index] }
            #expect(trajectory.values == seen, "parameter \(trajectory.parameter.index)")
        }
        #expect(samples.trajectories.map { $0.values.last ?? .nan } == network.parameterVector)
        // Layer statistics at the last sample match the final weights.
        let output = try #require(network.denseLayers.last?.layer)
        let last = try #require(samples.layers.last)
        expectRelativelyClose(last.weightNorm.last ?? .nan, output.weights.elements.map { $0 * $0 }.reduce(0, +).squareRoot(), relative: 1e-15)
        #expect(last.weightQuantiles.first?.last == output.weights.elements.min())
        #expect(last.weightQuantiles.last?.last == output.weights.elements.max())
        #expect(last.gradientNorm.allSatisfy { $0.isFinite && $0 >= 0 })
        // The final snapshot is the trained network's decision grid.
        let final = try #require(record.snapshots.last)
        #expect(final.outputs == [decisionGrid(network: network, xRange: recorder.plane.x, yRange: recorder.plane.y,
                                               columns: 20, rows: 20)])
        // A middle snapshot is the decision grid of the weights seen at its epoch.
        let middle = try #require(record.snapshots.first { $0.epoch == 1000 })
        var atMiddle = run.network
        atMiddle.parameterVector = probe.parameters[999]
        #expect(middle.outputs == [decisionGrid(network: atMiddle, xRange: recorder.plane.x, yRange: recorder.plane.y,
                                                columns: 20, rows: 20)])
        #expect(record.unitMaps == hiddenUnitGrids(network: network, xRange: recorder.plane.x, yRange: recorder.plane.y,
                                                   columns: 20, rows: 20))
        #expect(record.unitMaps.count == 2)
        let timing = try #require(record.timing)
        #expect(timing.totalSeconds > 0)
    }

    @Test func gradientNormIsTheMeanOfBatchNorms() throws {
        var run = try xorRun(epochs: 3)
        run.options.batchSize = 1
        final class GradientProbe: TrainingCallback {
            var norms: [[Double]] = [[], [], []]
            func batchDidEnd(_ batch: Int, loss: Double, state: TrainingState) {
                for (slot, entry) in state.parameterLayout.enumerated() {
                    let g = state.gradients
                    let squares = (entry.weights.lowerBound..<entry.bias.upperBound).map { g[$0] * g[$0] }.reduce(0, +)
                    norms[state.epoch - 1].append(contentsOf: slot == 0 ? [squares.squareRoot()] : [])
                }
            }
        }
        let recorder = Recorder()
        let probe = GradientProbe()
        _ = try run.train(callbacks: [recorder, probe])
        let first = try #require(recorder.record?.samples.layers.first)
        #expect(probe.norms.allSatisfy { $0.count == 4 })
        expectClose(first.gradientNorm, probe.norms.map { $0.reduce(0, +) / 4 }, tolerance: 1e-15, "layer 0 gradient norm")
    }

    @Test func sameSeedGivesTheSameRecordAndJSON() throws {
        var generator = RandomGenerator(seed: 11)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 4, activation: .relu, regularizer: .l1(0.01), using: &generator)
        network.addDense(units: 1, activation: .tanh, using: &generator)
        let run = Run(name: "shuffled", network: network, data: .xor, validation: .xor, optimizer: Adam(learningRate: 0.05),
                      options: TrainingOptions(epochs: 300, batchSize: 2, shuffle: true, seed: 5, metrics: [.xorAccuracy]))
        let options = RecorderOptions(gridColumns: 16, gridRows: 12, maxSampledEpochs: 40)
        let (_, a) = try Recorder.record(run: run, options: options)
        let (_, b) = try Recorder.record(run: run, options: options)
        #expect(a.withoutTiming == b.withoutTiming)
        #expect(try a.jsonData(includingTiming: false) == b.jsonData(includingTiming: false))
        // A regularized network also records its data loss and penalty (loss is Keras's total).
        #expect(a.history.keys == ["loss", "xor_accuracy", "data_loss", "penalty", "val_loss", "val_xor_accuracy", "val_data_loss"])
        let json = try #require(String(data: a.jsonData(includingTiming: false), encoding: .utf8))
        #expect(!json.contains("\"timing\""))
        #expect(try String(data: a.jsonData(), encoding: .utf8)?.contains("\"timing\"") == true)
    }

    @Test func jsonRoundTrip() throws {
        let (_, record) = try Recorder.record(run: xorRun(epochs: 50), options: RecorderOptions(gridColumns: 8, gridRows: 8))
        let decoded = try RunRecord.decode(record.jsonData())
        #expect(decoded == record)
        #expect(try decoded.jsonData() == record.jsonData())
    }

    @Test func largeNetworksGetStatisticsWithoutTrajectories() throws {
        var generator = RandomGenerator(seed: 2)
        var network = Network(inputWidth: 3, loss: .mse)
        network.addDense(units: 30, activation: .tanh, using: &generator)
        network.addDense(units: 1, using: &generator)
        #expect(network.parameterCount == 151)
        let data = Dataset(x: Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), y: Matrix([[1], [0], [-1]]))
        let run = Run(network: network, data: data, optimizer: SGD(learningRate: 0.01), options: TrainingOptions(epochs: 20))
        let (_, record) = try Recorder.record(run: run, options: RecorderOptions(trajectoryParameterLimit: 100))
        #expect(record.samples.trajectories.isEmpty)
        #expect(record.samples.layers.map(\.layer) == [0, 1])
        #expect(record.samples.layers[0].weightQuantiles.count == 7)
        #expect(record.samples.layers[0].weightQuantiles.allSatisfy { $0.count == 20 })
        #expect(record.snapshots.isEmpty && record.unitMaps.isEmpty, "grids need two inputs")
    }

    @Test func floatPrecisionRoundsGridsOnly() throws {
        let run = try xorRun(epochs: 30)
        let (_, exact) = try Recorder.record(run: run, options: RecorderOptions(gridColumns: 12, gridRows: 9))
        let (_, rounded) = try Recorder.record(run: run, options: RecorderOptions(gridColumns: 12, gridRows: 9, gridPrecision: .float))
        #expect(exact.samples == rounded.samples && exact.history == rounded.history)
        #expect(exact.snapshots.map(\.epoch) == rounded.snapshots.map(\.epoch))
        for (e, r) in zip(exact.snapshots, rounded.snapshots) {
            #expect(r.outputs[0].values.map(Float.init) == e.outputs[0].values.map(Float.init), "same float32 values")
            #expect(r.outputs[0].values.allSatisfy { $0.description.count <= 16 }, "short decimals")
        }
        #expect(rounded.unitMaps.map { $0.grid.values.map(Float.init) } == exact.unitMaps.map { $0.grid.values.map(Float.init) })
        #expect(try rounded.jsonData().count < exact.jsonData().count)
    }
}
