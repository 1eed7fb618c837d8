import Foundation
import NNCore
@testable import NNReport
import NNRecording
import NNFigures
import Testing
import Plot

/// The figures TensorFlow Playground and TensorBoard users expect, checked against the runs they draw.
@Suite("Playground and TensorBoard figures")
struct PlaygroundFigureTests {
    static let blobs: String = {
        // Three classes in the plane, written inline: x and one-hot y.
        var x: [String] = [], y: [String] = []
        for (k, centre) in [(-2.0, 0.0), (2.0, 0.0), (0.0, 2.5)].enumerated() {
            for i in 0..<12 {
                let angle = Double(i) * 0.52, r = 0.4 + 0.05 * Double(i)
                x.append("[\(centre.0 + r * cos(angle)), \(centre.1 + r * sin(angle))]")
                y.append("[" + (0..<3).map { $0 == k ? "1" : "0" }.joined(separator: ", ") + "]")
            }
        }
        return "{x: [\(x.joined(separator: ", "))], y: [\(y.joined(separator: ", "))]}"
    }()

    static func figures(_ section: ReportSection) -> [String: ReportFigure] {
        var out: [String: ReportFigure] = [:]
        for case .figure(let f) in section.blocks { out[f.name] = f }
        return out
    }

    /// A two-input classifier with several outputs draws the class it picks (the argmax) at each point,
    /// and its validation points hollow beside the filled training points.
    @Test func multiClassRegionsAndValidationPoints() throws {
        let yaml = """
        title: T
        sections: [experiments]
        experiments:
          - data: \(Self.blobs)
            validation_split: 0.25
            model: {input: 2, loss: cce, layers: [{type: dense, units: 6, activation: tanh}, {type: dense, units: 3, activation: softmax}]}
            optimizer: {type: adam, learning_rate: 0.05}
            epochs: 40
            batch_size: 9
            metrics: [accuracy]
        """
        let experiment = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
        let built = LabReport(experiment: experiment, command: "test").build()
        let section = try #require(built.document.sections.first)
        let figures = Self.figures(section)
        let boundary = try #require(figures["experiment-1-boundary"])
        guard case .chart(let chart) = boundary.figure.panels[0] else { Issue.record("no chart"); return }
        let regions = try #require(chart.marks.first as? ClassRegions)
        let run = try #require(experiment.experiments.first?.runs.first)
        let validation = try #require(run.validation)
        // The regions are the trained network's argmax at every cell centre.
        let trained = try #require(experiment.experiments.first.map { _ in RunPool.train([run]).first?.network } ?? nil)
        let probe = Matrix(rows: 1, columns: 2, elements: [
            regions.x.lowerBound + (regions.x.upperBound - regions.x.lowerBound) * 10.5 / Double(regions.columns),
            regions.y.lowerBound + (regions.y.upperBound - regions.y.lowerBound) * 20.5 / Double(regions.rows),
        ])
        let scores = trained.predict(probe).row(0)
        #expect(regions.classes[20 * regions.columns + 10] == scores.indices.max { scores[$0] < scores[$1] })
        #expect(Set(regions.classesShown).isSubset(of: [0, 1, 2]) && regions.classesShown.count >= 2)
        let points = chart.marks.compactMap { $0 as? ScatterSeries }
        #expect(points.map(\.name) == ["data", "validation"])
        #expect(points[0].marker.hollow == false && points[1].marker.hollow == true)
        #expect(points[1].x.count == validation.count && points[0].x.count == run.data.count)
        #expect(points[1].classes == BoundaryFigures.classes(of: validation.y, threshold: 0.5))
        #expect(boundary.caption.contains("the largest of its 3 outputs") && boundary.caption.contains("validation points (hollow)"))
        // The filmstrip draws the picked class too, not output 0 alone.
        let film = try #require(figures["experiment-1-filmstrip"])
        guard case .chart(let frame) = film.figure.panels[0] else { Issue.record("no chart"); return }
        #expect(frame.marks.first is ClassRegions)
        // TensorBoard's distributions: one panel per dense layer, quantile bands around the median.
        let distributions = try #require(figures["experiment-1-weight-distributions"])
        #expect(distributions.figure.panels.count == 2)
        guard case .chart(let layer) = distributions.figure.panels[0] else { Issue.record("no chart"); return }
        let bands = layer.marks.compactMap { $0 as? Band }
        #expect(bands.map(\.name) == ["min–max", "5–95%", "25–75%"])
        let record = try #require(built.document.sections.isEmpty ? nil : RunPool.train([run], recording: { _ in RunPool.Recording(options: LabReport.recorderOptions, keepRecord: true) }).first?.record)
        #expect(bands[1].lower == record.samples.layers[0].weightQuantiles[1] && bands[1].upper == record.samples.layers[0].weightQuantiles[5])
    }

    /// One output: the boundary beside the same output discretized at the threshold (two values only).
    @Test func discretizedOutputHasTwoValues() throws {
        var generator = RandomGenerator(seed: 3)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 3, activation: .tanh, using: &generator)
        network.addDense(units: 1, activation: .tanh, using: &generator)
        let data = Dataset.xor
        let chart = BoundaryFigures.chart(network, data: data, threshold: 0, range: -1...1, resolution: 30, discretized: true)
        let image = try #require(chart.marks.first as? Heatmap)
        #expect(Set(image.field.values) == [-0.6, 0.6] || Set(image.field.values).count == 1)
        #expect(image.colorbar == nil)
        let continuous = BoundaryFigures.chart(network, data: data, threshold: 0, range: -1...1, resolution: 30)
        let field = try #require(continuous.marks.first as? Heatmap).field
        #expect(zip(field.values, image.field.values).allSatisfy { ($0 > 0) == ($1 > 0) })
    }

    /// Three axes or more: every variant's levels and its median final validation metric, recomputed here from the runs.
    @Test func parallelCoordinatesShowEveryVariantsMedian() throws {
        let yaml = """
        title: T
        sections: [comparison]
        comparison:
          base: {data: xor, validation: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 30, batch_size: 4, metrics: [sign_accuracy]}
          axes:
            activation: [tanh, relu]
            learning_rate: [0.1, 1000000]
            batch_size: [2, 4]
          seeds: 3
        """
        let experiment = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
        let comparison = try #require(experiment.comparison)
        let results = comparison.variants.map { RunPool.train($0.runs) }
        let statistics = zip(comparison.variants, results).map { VariantStatistics(variant: $0, results: $1, comparison: comparison) }
        guard case .figure(let figure)? = SweepFigures.parallelCoordinates(comparison, statistics),
              case .chart(let chart) = figure.figure.panels[0], let view = chart.marks.first as? ParallelCoordinates else {
            Issue.record("no parallel coordinates"); return
        }
        #expect(view.dimensions.map(\.name) == ["activation", "learning rate", "batch size"], "axes named in words")
        #expect(view.outcomeName == "median final val_sign_accuracy" && view.higherIsBetter)
        for (v, variant) in comparison.variants.enumerated() {
            #expect(view.lines[v].levels == variant.levels)
            let finals = results[v].filter { $0.history.divergence == nil }.compactMap { $0.history["val_sign_accuracy"]?.last }.sorted()
            let median = finals.isEmpty ? Double.nan : (finals.count % 2 == 1 ? finals[finals.count / 2] : (finals[finals.count / 2 - 1] + finals[finals.count / 2]) / 2)
            #expect(view.lines[v].outcome == median || (view.lines[v].outcome.isNaN && median.isNaN), "\(variant.label)")
        }
        #expect(results.flatMap { $0 }.contains { $0.history.divergence != nil }, "the sweep has diverged seeds, drawn grey")
        // Two axes get no such figure.
        let two = try ExperimentFile.experiment(from: yaml.replacingOccurrences(of: "    batch_size: [2, 4]\n", with: ""), file: "t.yaml")
        let c2 = try #require(two.comparison)
        #expect(SweepFigures.parallelCoordinates(c2, []) == nil)
    }
}
