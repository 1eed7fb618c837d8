import Foundation
import NNCore
@testable import NNFigures
@testable import NNReport
import Plot
import PlotCairo
import Testing

/// The report's network diagrams: what they summarize is what their captions say, and the course's
/// small networks keep every node, weight and skip edge.
@Suite("Network diagram captions")
struct NetworkDiagramCaptionTests {
    static func network(_ widths: [Int], input: Int, activation: Activation = .relu, output: Activation = .tanh) -> Network {
        var generator = RandomGenerator(seed: 7)
        var network = Network(inputWidth: input, loss: .mse)
        for (k, units) in widths.enumerated() {
            network.addDense(units: units, activation: k == widths.count - 1 ? output : activation, using: &generator)
        }
        return network
    }

    static func layout(_ figure: Figure) throws -> NetworkDiagramLayout {
        try #require(figure.networkLayout(renderer: try CairoRenderer.forMeasurement()))
    }

    /// A 2-16-16-1 experiment's diagram hides 12 of each hidden layer's 16 units and its caption says so.
    @Test func aSummarizedDiagramsCaptionSaysWhatIsHidden() throws {
        let yaml = """
        title: T
        sections: [experiments]
        experiments:
          - data: {name: circle, samples: 60}
            model: {input: 2, loss: mse, layers: [{type: dense, units: 16, activation: relu}, {type: dense, units: 16, activation: relu}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: adam, learning_rate: 0.01}
            epochs: 3
            batch_size: 20
        """
        let built = LabReport(experiment: try ExperimentFile.experiment(from: yaml, file: "wide.yaml"), command: "test").build()
        let section = try #require(built.document.sections.first)
        let figure = try #require(PlaygroundFigureTests.figures(section)["experiment-1-network"])
        let layout = try Self.layout(figure.figure)
        #expect(layout.columns.map(\.hidden) == [0, 12, 12, 0])
        #expect(figure.caption.contains("12 of 16 units hidden per layer (dense 1 relu, dense 2 relu)"), "\(figure.caption)")
        #expect(figure.caption.contains("edges to hidden units not drawn"))
        #expect(figure.caption.contains("width its magnitude relative to the largest weight into the same layer"))
        // Each group of weights not written is named; the written ones are not.
        for (g, written) in layout.weightsWritten.enumerated() {
            guard case .network(let diagram) = figure.figure.panels[0] else { continue }
            let pair = "\(diagram.layers[diagram.edges[g].from].name) and \(diagram.layers[diagram.edges[g].to].name)"
            #expect(figure.caption.contains(pair) == !written, "\(pair): written \(written); \(figure.caption)")
        }
        #expect(figure.alt.hasSuffix("with weight labels") == !layout.weightLabels.isEmpty)
    }

    /// The digits MLP (64-128-10): 60 of 64 inputs and 124 of 128 hidden units are left out, the 10 outputs all drawn.
    @Test func theDigitsNetworkNamesEachSummarizedLayer() throws {
        let network = Self.network([128, 10], input: 64, output: .softmax)
        let figure = Figure(width: 760, height: 400, panel: .network(NetworkFigures.diagram(network, labels: [.weights])))
        let layout = try Self.layout(figure)
        #expect(layout.columns.map(\.hidden) == [60, 124, 0])
        #expect(layout.columns.map(\.nodes.count) == [4, 4, 10])
        let summary = NetworkFigures.summary(of: figure, renderer: try CairoRenderer.forMeasurement())
        #expect(summary.caption.contains("60 of 64 inputs hidden in input x, 124 of 128 units hidden in dense 1 relu"), "\(summary.caption)")
        #expect(summary.caption.contains("With \(layout.edges.count) edges drawn, the weaker ones are fainter"))
        #expect(layout.edges.count == 4 * 4 + 4 * 10)
    }

    /// The backprop lab's 2-3-2-3 network: every node with its activation, every weight written, nothing to say.
    @Test func theBackpropDiagramWritesEveryWeightAndActivation() throws {
        let figure = try #require(BackpropSection.build().blocks.compactMap { block -> ReportFigure? in
            if case .figure(let f) = block, f.name == "backprop-network" { f } else { nil }
        }.first)
        let layout = try Self.layout(figure.figure)
        #expect(layout.columns.map(\.nodes.count) == [2, 3, 2, 3] && layout.columns.allSatisfy { $0.ellipsis == nil })
        #expect(layout.weightsWritten == [true, true, true] && layout.weightLabels.count == 6 + 6 + 6)
        #expect(layout.columns.allSatisfy { !$0.nodeLabelsLeftOut } && layout.columns.map(\.nodeLabels.count) == [2, 3, 2, 3])
        let trace = BackpropLab.network.trace(BackpropLab.x)
        #expect(layout.columns[3].nodeLabels.map(\.text) == trace[2].output.row(0).map { Ticks.label($0, significant: 2) })
        #expect(NetworkFigures.summary(of: figure.figure, renderer: try CairoRenderer.forMeasurement()).caption.isEmpty)
    }

    /// The course's skip architecture (dense 1 → concat_input → dense 1): the inputs reach the output as skip edges.
    @Test func theConcatInputSkipIsDrawnWithItsWeights() throws {
        var generator = RandomGenerator(seed: 1)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 1, activation: .tanh, using: &generator)
        network.addConcatInput()
        network.addDense(units: 1, activation: .tanh, using: &generator)
        let figure = Figure(width: 760, height: 400, panel: .network(NetworkFigures.diagram(network, labels: [.weights])))
        guard case .network(let diagram) = figure.panels[0] else { Issue.record("not a network"); return }
        #expect(diagram.edges.map { "\($0.from)→\($0.to)" } == ["0→1", "0→2", "1→2"])
        let layout = try Self.layout(figure)
        let skips = layout.edges.filter { $0.group == 1 }
        #expect(skips.count == 2)
        #expect(skips.allSatisfy { $0.path.elements.contains { if case .curve = $0 { true } else { false } } })
        let output = try #require(network.denseLayers.last?.layer)
        #expect(skips.map(\.weight).sorted() == [output.weights[0, 0], output.weights[1, 0]].sorted())
        #expect(layout.weightsWritten == [true, true, true] && layout.weightLabels.count == 5)
        #expect(NetworkFigures.summary(of: figure, renderer: try CairoRenderer.forMeasurement()).caption.isEmpty)
    }
}
