import Foundation
import NNCore
import Testing

/// The README's Swift example (section "NNLab as a Swift library") runs here, line for line.
@Suite("Library example")
struct LibraryExampleTests {
    @Test func theREADMEExampleTrainsXOR() throws {
        // library-example
        // The course's XOR: ±1 inputs and targets.
        let x = Matrix([[-1, -1], [-1, 1], [1, -1], [1, 1]])
        let y = Matrix([[1], [-1], [-1], [1]])

        var generator = RandomGenerator(seed: 3)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 2, activation: .tanh, regularizer: Regularizer(l1: 0, l2: 0.001), using: &generator)
        try network.add(Dense(inputs: 2, units: 1, activation: .tanh, using: &generator))

        var optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        let history = try network.fit(Dataset(x: x, y: y), optimizer: &optimizer,
                                      options: TrainingOptions(epochs: 300, batchSize: 4, shuffle: false, metrics: [.xorAccuracy]))

        print("final loss", history["loss"]?.last ?? .nan, "xor_accuracy", history["xor_accuracy"]?.last ?? .nan)
        print("hidden layer:", network.layer(at: 0))                 // dense 2 tanh
        print("hidden units:", network.forward(x, upTo: 0).rows)     // forward_upto(0): 4 rows × 2 units
        print("predictions:", network.predict(x).elements)
        // /library-example

        #expect(history["xor_accuracy"]?.last == 1, "the example learns XOR")
        #expect((history["loss"]?.last ?? 1) < 0.05)
        #expect(network.layer(at: 0).description == "dense 2 tanh")
        #expect(network.forward(x, upTo: 0).columns == 2)
        #expect(zip(network.predict(x).elements, y.elements).allSatisfy { $0 * $1 > 0.5 })
    }

    /// The README shows exactly the code above (after its `import NNCore`).
    @Test func theREADMEShowsThisCode() throws {
        func lines(_ text: Substring) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "import NNCore" && !$0.hasPrefix("```") }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let shown = try #require(readme.range(of: "<!-- library-example -->").flatMap { start in
            readme.range(of: "<!-- /library-example -->", range: start.upperBound..<readme.endIndex).map { readme[start.upperBound..<$0.lowerBound] }
        })
        let tested = try #require(source.range(of: "        // library-example\n").flatMap { start in
            source.range(of: "// /library-example", range: start.upperBound..<source.endIndex).map { source[start.upperBound..<$0.lowerBound] }
        })
        #expect(lines(shown) == lines(tested))
        #expect(lines(shown).count > 10)
    }
}
