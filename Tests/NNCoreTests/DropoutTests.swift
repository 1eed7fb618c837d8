import NNCore
import NNFiles
import NNRuns
import TestSupport
import Testing

/// Dropout against Keras (inference exactly, training's scaling bit for bit), its gradients, and
/// that runs with dropout are reproducible from their seed.
@Suite("Dropout")
struct DropoutTests {
    /// Inference: Keras's loss, outputs and gradients with training=False (the script checks they
    /// equal the network's without its dropout layers, exactly).
    @Test func inferenceMatchesKeras() throws {
        let cases = try KerasFixtureTests.cases("dropout")
        #expect(cases.count == 3)
        for item in cases {
            let object = try item.object(allowing: ["name", "model", "data", "loss", "outputs", "gradients"])
            let name = try object.required("name", "").string()
            let network = try ModelFile.network(from: object.required("model", ""), seed: 0)
            #expect(network.layers.contains { $0 is Dropout }, "\(name)")
            let data = try DataFile.dataset(from: object.required("data", ""), for: network)
            let gradients = try network.gradients(data.x, data.y)
            KerasFixtureTests().expectKeras([gradients.loss], [try object.required("loss", "").number()], "\(name): loss")
            KerasFixtureTests().expectKeras(network.predict(data.x).elements, try object.required("outputs", "").matrix().elements, "\(name): outputs")
            for (i, (layer, keras)) in zip(gradients.layers, try object.required("gradients", "").array()).enumerated() {
                let k = try keras.object(allowing: ["weights", "bias"])
                KerasFixtureTests().expectKeras(layer.weights.elements, try k.required("weights", "").matrix().elements, "\(name): dW\(i)")
                KerasFixtureTests().expectKeras(layer.bias, try k.required("bias", "").vector(), "\(name): db\(i)")
            }
        }
    }

    /// Training: every value is 0 or x·(1/(1 − rate)), bit for bit the value Keras keeps; about `rate` of them are dropped.
    @Test func trainingScalesKeptValuesAsKeras() throws {
        let scaling = try KerasFixtureTests.fixture("dropout").required("scaling", "").array()
        #expect(scaling.count == 4)
        for item in scaling {
            let object = try item.object(allowing: ["rate", "x", "training_output"])
            let rate = try object.required("rate", "").number()
            let x = try object.required("x", "").matrix()
            let keras = try object.required("training_output", "").matrix()
            let network = try Network(inputWidth: x.columns, layers: [Dropout(rate: rate)])
            let ours = network.predict(x, phase: .training, seed: 3)
            var dropped = 0
            for i in x.elements.indices {
                let kept = x.elements[i] * (1 / (1 - rate))
                if keras.elements[i] != 0 { #expect(keras.elements[i] == kept, "rate \(rate): Keras keeps \(keras.elements[i]) for \(x.elements[i])") }
                if ours.elements[i] == 0 { dropped += 1 } else { #expect(ours.elements[i] == kept, "rate \(rate): NNLab keeps \(ours.elements[i])") }
            }
            // Binomial(n, rate): within 4.5 standard deviations.
            let n = Double(x.elements.count), sd = (n * rate * (1 - rate)).squareRoot()
            #expect(abs(Double(dropped) - n * rate) <= 4.5 * sd, "rate \(rate): \(dropped) of \(Int(n)) dropped")
            #expect(network.predict(x) == x, "inference is the identity")
        }
    }

    static func network(rate: Double = 0.4) throws -> Network {
        var generator = RandomGenerator(seed: 5)
        var network = Network(inputWidth: 3, loss: .binaryCrossentropy)
        network.addDense(units: 6, activation: .tanh, using: &generator)
        try network.add(Dropout(rate: rate))
        network.addDense(units: 1, activation: .sigmoid, using: &generator)
        return network
    }

    static let x = Matrix([[0.5, -1, 0.25], [1, 0.3, -0.7], [-0.2, 0.9, 0.4], [0.8, -0.6, -0.1]])
    static let y = Matrix([[1], [0], [1], [0]])

    /// Backpropagation through the same masks as the loss, against central differences of the
    /// training-mode loss (every evaluation draws the same masks from the seed).
    @Test func trainingGradientsMatchCentralDifferences() throws {
        let network = try Self.network()
        let gradients = try network.gradients(Self.x, Self.y, phase: .training, seed: 11)
        let numeric = network.centralDifferenceGradient(Self.x, Self.y, phase: .training, seed: 11)
        expectClose(gradients.flattened, numeric, tolerance: 1e-8, "training-mode gradient")
        let inference = try network.gradients(Self.x, Self.y)
        #expect(gradients.flattened != inference.flattened, "training drops values, so its gradient differs")
        // Inference: exactly the network without its dropout layer.
        let plain = try Network(inputWidth: 3, loss: .binaryCrossentropy, layers: network.layers.filter { !($0 is Dropout) })
        #expect(inference == (try plain.gradients(Self.x, Self.y)))
    }

    /// Same seed: the same history and weights; another seed: other masks, another run.
    @Test func runsWithDropoutAreReproducible() throws {
        func train(seed: UInt64) throws -> (History, Network) {
            var network = try Self.network(rate: 0.5)
            var optimizer = SGD(learningRate: 0.1)
            let history = try network.fit(Dataset(x: Self.x, y: Self.y), optimizer: &optimizer,
                                          options: TrainingOptions(epochs: 20, batchSize: 2, seed: seed))
            return (history, network)
        }
        let (h1, n1) = try train(seed: 1), (h2, n2) = try train(seed: 1), (h3, n3) = try train(seed: 2)
        #expect(h1 == h2 && n1 == n2)
        #expect(h1 != h3 && n1 != n3)
        // Without dropout (rate 0) the seed only shuffles: nothing is drawn from the dropout stream.
        var a = try Self.network(rate: 0), b = try Network(inputWidth: 3, loss: .binaryCrossentropy, layers: a.layers.filter { !($0 is Dropout) })
        var sgdA = SGD(learningRate: 0.1), sgdB = SGD(learningRate: 0.1)
        let options = TrainingOptions(epochs: 5, batchSize: 2, seed: 4)
        #expect(try a.fit(Dataset(x: Self.x, y: Self.y), optimizer: &sgdA, options: options)
                == (try b.fit(Dataset(x: Self.x, y: Self.y), optimizer: &sgdB, options: options)))
    }
}
