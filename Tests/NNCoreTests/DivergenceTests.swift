import NNCore
import Testing

/// Training that blows up stops cleanly and says where.
@Suite("Divergence")
struct DivergenceTests {
    @Test func hugeLearningRateStopsWithARecord() throws {
        var generator = RandomGenerator(seed: 1)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 8, activation: .relu, using: &generator)
        network.addDense(units: 1, activation: .linear, using: &generator)
        var optimizer = SGD(learningRate: 1e3)
        let history = try network.fit(.xor, optimizer: &optimizer, options: TrainingOptions(epochs: 1000, batchSize: 1, shuffle: false))
        let divergence = try #require(history.divergence)
        #expect(history.epochCount == divergence.epoch)
        #expect(history.epochCount < 1000)
        #expect(divergence.batch >= 1 && divergence.batch <= 4)
        #expect(divergence.learningRate == 1e3)
        if let last = divergence.lastFiniteLoss { #expect(last.isFinite) }
        let earlierFinite = history["loss"]?.dropLast().allSatisfy { $0.isFinite }
        #expect(earlierFinite == true)
        #expect(divergence.description.contains("diverged at epoch \(divergence.epoch), batch \(divergence.batch)"))
    }

    @Test func nonFiniteInputLossIsCaughtAtTheFirstBatch() throws {
        var generator = RandomGenerator(seed: 1)
        var network = Network(inputWidth: 1, loss: .mse)
        network.addDense(units: 1, using: &generator)
        var optimizer = SGD(learningRate: 0.1)
        let data = Dataset(x: Matrix([[1e200]]), y: Matrix([[-1e200]]))
        let history = try network.fit(data, optimizer: &optimizer, options: TrainingOptions(epochs: 10, batchSize: 1))
        let divergence = try #require(history.divergence)
        #expect(divergence.epoch == 1 && divergence.batch == 1)
        #expect(divergence.lastFiniteLoss == nil)
        let finite = network.parameterVector.allSatisfy { $0.isFinite }
        #expect(finite, "a non-finite loss is not stepped on")
    }
}

@Suite("Metrics")
struct MetricTests {
    @Test func binaryAccuracyIsKerasBinaryAccuracy() {
        // keras.metrics.BinaryAccuracy()([[1], [0], [1], [0]], [[0.7], [0.2], [0.5], [0.51]]) → 0.5
        #expect(Metric.accuracy(Matrix([[0.7], [0.2], [0.5], [0.51]]), Matrix([[1], [0], [1], [0]])) == 0.5)
        // A −1 target never equals a thresholded prediction: keras.metrics.BinaryAccuracy() on
        // ([[-1], [1]], [[-0.9], [0.9]]) → 0.5 (Keras 3.15, checked).
        #expect(Metric.accuracy(Matrix([[-0.9], [0.9]]), Matrix([[-1], [1]])) == 0.5)
    }

    @Test func categoricalAccuracyTakesTheFirstMaximum() {
        #expect(Metric.accuracy(Matrix([[0.2, 0.5, 0.3], [0.4, 0.4, 0.2]]), Matrix([[0, 1, 0], [1, 0, 0]])) == 1)
    }

    @Test func xorAccuracyFollowsTheCourse() {
        // scores > 0.5 → 1, < −0.5 → −1, the rest stay: [0.8 → 1 ✓, −0.2 stays ✗, −0.6 → −1 ✓, 0.5 stays ✗]
        #expect(Metric.xorAccuracy(Matrix([[0.8], [-0.2], [-0.6], [0.5]]), Matrix([[1], [-1], [-1], [1]])) == 0.5)
    }
}
