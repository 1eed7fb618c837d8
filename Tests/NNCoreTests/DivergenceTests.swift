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
