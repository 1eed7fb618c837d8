import Foundation
import NNCore
import TestSupport
import Testing

/// TensorFlow Playground's input features as a first layer.
@Suite("Features")
struct FeaturesTests {
    static let x = Matrix([[0.5, -1], [1.2, 0.3], [-0.4, 0.9], [-1.5, -0.6], [0.1, 0.2]])

    @Test func valuesAreTheNamedFunctions() throws {
        let network = try Network(inputWidth: 2, layers: [Features.playground])
        let out = network.predict(Self.x)
        #expect(out.columns == 7)
        for r in 0..<Self.x.rows {
            let (a, b) = (Self.x[r, 0], Self.x[r, 1])
            #expect(out.row(r) == [a, b, a * a, b * b, a * b, sin(a), sin(b)])
        }
        #expect(Features.playground.features.map(\.name) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"])
        for feature in Features.playground.features { #expect(Features.Feature(name: feature.name) == feature) }
        #expect(Features.Feature(name: "X2 * x1") == .product(0, 1))
        #expect(Features.Feature(name: "x1*x1") == .square(0))
        #expect(Features.Feature(name: "cos(x1)") == nil && Features.Feature(name: "x0") == nil && Features.Feature(name: "y1") == nil)
    }

    /// The gradient of a network after the features, by backpropagation and by central differences.
    @Test func gradientsMatchCentralDifferences() throws {
        var generator = RandomGenerator(seed: 9)
        var network = try Network(inputWidth: 2, loss: .binaryCrossentropy, layers: [Features.playground])
        network.addDense(units: 4, activation: .tanh, using: &generator)
        network.addDense(units: 1, activation: .sigmoid, using: &generator)
        let y = Matrix([[1], [0], [1], [0], [1]])
        let gradients = try network.gradients(Self.x, y)
        expectClose(gradients.flattened, network.centralDifferenceGradient(Self.x, y), tolerance: 1e-8, "features → dense → dense")
        #expect(network.denseLayers[0].layer.inputs == 7)
    }

    @Test func onlyFirstAndOnlyInputsTheNetworkHas() {
        #expect(throws: NetworkError.misplacedLayer(layer: 1, "features: expected as the first layer (its names x1, x2, … are the network's inputs)")) {
            try Network(inputWidth: 2, layers: [Dropout(rate: 0.1), Features.playground])
        }
        #expect(throws: NetworkError.misplacedLayer(layer: 0, "features: x3^2 names an input the network does not have (it has 2)")) {
            try Network(inputWidth: 2, layers: [Features([.input(0), .square(2)])])
        }
    }
}
