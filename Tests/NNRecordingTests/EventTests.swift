import NNCore
import NNRecording
import Testing
import NNRuns

/// Divergence, early stop and L1 zero crossings end up in the record's events.
@Suite("Events")
struct EventTests {
    /// One linear unit on an all-zero input: only the L1 penalty moves W, by lr·λ·sign(w) = 0.125 per step.
    /// w₀ = 0.5 reaches exactly 0 at epoch 4 and stays; w₁ = −0.3 crosses at epoch 3 and then
    /// oscillates (−0.05, +0.075), crossing every epoch.
    static func l1Run(epochs: Int) throws -> Run {
        let dense = Dense(weights: Matrix([[0.5], [-0.3]]), bias: [0], regularizer: .l1(1))
        let network = try Network(inputWidth: 2, loss: .mse, layers: [dense])
        let data = Dataset(x: Matrix([[0, 0]]), y: Matrix([[1]]))
        return Run(network: network, data: data, optimizer: SGD(learningRate: 0.125),
                   options: TrainingOptions(epochs: epochs, batchSize: 1, shuffle: false))
    }

    @Test func l1CrossingsAreRecordedThenCounted() throws {
        let options = RecorderOptions(gridColumns: 4, gridRows: 4, maxSampledEpochs: 2, maxSignCrossings: 3)
        let (_, record) = try Recorder.record(run: Self.l1Run(epochs: 10), options: options)
        let crossings = record.events.signCrossings
        #expect(crossings.map(\.epoch) == [3, 4, 4])
        #expect(crossings.map(\.parameter.index) == [1, 0, 1])
        #expect(crossings.map(\.parameter.row) == [1, 0, 1])
        #expect(crossings.map(\.parameter.column) == [0, 0, 0])
        #expect(crossings.map(\.signBefore) == [-1, 1, 1])
        #expect(crossings.map(\.signAfter) == [1, 0, -1])
        #expect(crossings[1].value == 0)
        #expect(record.events.omittedSignCrossings == 6, "w₁ crosses at epochs 5…10")
        #expect(Set([3, 4]).isSubset(of: record.samples.epochs), "crossing epochs are kept")
        #expect(record.events.epochs == [3, 4])
        // Without trajectories the addresses come from the parameter layout instead, and agree.
        var large = options
        large.trajectoryParameterLimit = 0
        let (_, withoutTrajectories) = try Recorder.record(run: Self.l1Run(epochs: 10), options: large)
        #expect(withoutTrajectories.samples.trajectories.isEmpty)
        #expect(withoutTrajectories.events == record.events)
    }

    @Test func divergenceIsRecorded() throws {
        var generator = RandomGenerator(seed: 1)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 8, activation: .relu, using: &generator)
        network.addDense(units: 1, activation: .linear, using: &generator)
        let run = Run(network: network, data: .xor, optimizer: SGD(learningRate: 1e3),
                      options: TrainingOptions(epochs: 1000, batchSize: 1, shuffle: false))
        let (_, record) = try Recorder.record(run: run, options: RecorderOptions(gridColumns: 4, gridRows: 4))
        let divergence = try #require(record.events.divergence)
        #expect(divergence.learningRate == 1e3)
        #expect(record.epochsRun == divergence.epoch && record.epochsRun < 1000)
        #expect(record.samples.epochs.last == divergence.epoch)
        #expect(record.snapshots.last?.epoch == divergence.epoch)
        if let last = divergence.lastFiniteLoss { #expect(last.isFinite) }
        let json = try RunRecord.decode(record.jsonData())
        #expect(json.events == record.events)
    }

    @Test func earlyStopIsRecorded() throws {
        var run = try xorRun(epochs: 2000)
        run.earlyStopping = EarlyStoppingSettings(monitor: "xor_accuracy", target: 1)
        let (_, record) = try Recorder.record(run: run, options: RecorderOptions(gridColumns: 4, gridRows: 4))
        let stop = try #require(record.events.earlyStop)
        #expect(record.epochsRun == stop.epoch && stop.epoch < 2000)
        #expect(stop.reason.contains("xor_accuracy"))
        #expect(record.samples.epochs.last == stop.epoch)
        #expect(record.snapshots.last?.epoch == stop.epoch)
        #expect(record.events.divergence == nil)
    }
}
