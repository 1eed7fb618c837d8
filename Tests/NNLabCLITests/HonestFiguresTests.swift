import Foundation
import Testing
import NNFiles
@testable import NNReport

/// Captions and figures that must say what they draw (found by a new-user pass), through the binary.
@Suite("Honest figures")
struct HonestFiguresTests {
    /// A network too wide for per-weight trajectories draws each layer's norm, and the caption says so.
    @Test func theWeightsCaptionSaysNormsWhenItDrawsNorms() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", """
            title: Wide
            sections: [experiments]
            experiments:
              - {name: wide, data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 512, activation: relu}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd, learning_rate: 0.01}, epochs: 5, batch_size: 4}
              - {name: small, data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 5, batch_size: 4}
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out", "--figures", "png,svg"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("Left: each layer&#39;s weight norm ‖W‖₂ (the network has too many weights to follow one by one)")
                || html.contains("Left: each layer's weight norm ‖W‖₂ (the network has too many weights to follow one by one)"))
        let wide = try String(contentsOfFile: directory.path + "/out/figures/experiment-1-weights.svg", encoding: .utf8)
        #expect(wide.contains(">Weight norms per layer<") && wide.contains(">‖W1‖<"))
        #expect(html.contains("Left: every weight (solid) and bias (dashed)"), "the small network's caption")
    }

    /// A first seed whose weights diverged to non-finite values: no boundary, unit maps or diagram drawn from
    /// them, and a note says why; the other seeds' boundaries and the curves are still there.
    @Test func aDivergedFirstSeedDrawsNoFiguresOfItsWeights() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", """
            title: Diverged
            sections: [experiments]
            experiments:
              - {name: blow-up, data: {x: [[1000, 1000], [-1000, 1000], [1000, -1000]], y: [[1000000], [-1000000], [5]]}, model: {input: 2, loss: mse, layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd, learning_rate: 1e308}, epochs: 50, batch_size: 4, seeds: 2}
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let runs = try String(contentsOfFile: directory.path + "/out/runs.json", encoding: .utf8)
        #expect(runs.contains(#""quantity": "weights""#), "the weights themselves diverged")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("weights are not finite after its divergence, so the figures of its trained network"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/figures")
        for name in ["experiment-1-boundary.png", "experiment-1-units.png", "experiment-1-network.png", "experiment-1-filmstrip.png"] {
            #expect(!figures.contains(name), "\(name) would draw non-finite weights")
        }
        #expect(figures.contains("experiment-1-curves.png") && figures.contains("experiment-1-weights.png"))
    }

    /// The image problem's curves call the held-out images "test", as its table does, and draw a schedule.
    @Test func theImageCurvesSayTestAndDrawTheSchedule() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", """
            title: Digits
            sections: [image]
            image:
              data: digits
              test_fraction: 0.2
              model: {input: 64, loss: cce, layers: [{type: dense, units: 16, activation: relu}, {type: dropout, rate: 0.2}, {type: dense, units: 10, activation: softmax}]}
              optimizer: {type: adam, learning_rate: {schedule: exponential_decay, initial_learning_rate: 0.01, decay_steps: 20, decay_rate: 0.5}}
              epochs: 4
              batch_size: 32
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out", "--figures", "png,svg"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try String(contentsOfFile: directory.path + "/out/figures/image-curves.svg", encoding: .utf8)
        #expect(svg.contains(">test<") && !svg.contains(">validation<"))
        #expect(svg.contains(">learning rate<"), "the schedule's panel")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("The learning rate is the schedule"))
    }

    /// Many history series and few seeds: the per-seed table has a row per series and a column per seed
    /// (eleven columns ran off the page), and its values are the runs' last epochs.
    @Test func manySeriesFewSeedsTransposeThePerSeedTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", """
            title: Many
            sections: [experiments]
            experiments:
              - {data: xor, validation: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh, regularizer: {l2: 0.01}}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd, learning_rate: {schedule: exponential_decay, initial_learning_rate: 0.2, decay_steps: 10, decay_rate: 0.5}}, epochs: 12, batch_size: 2, metrics: [xor_accuracy, sign_accuracy], seeds: [3, 4]}
            """)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try String(contentsOfFile: directory.path + "/out/tables/table-1.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv.first == ",seed 3,seed 4", "\(csv.first ?? "")")
        #expect(csv.count == 1 + 1 + 10 + 1, "epochs, ten series, status: \(csv)")
        let runs = try TextFile.readJSON(directory.path + "/out/runs.json").anyObject().required("runs", "").array()
        let last = try runs.map { try $0.anyObject().required("history", "").anyObject().required("learning_rate", "").vector().last ?? .nan }
        let row = try #require(csv.first { $0.hasPrefix("learning rate,") || $0.hasPrefix("learning_rate,") })
        #expect(row.split(separator: ",").dropFirst().map { Double($0) } == last.map { Double(Format.significant($0, 4)) }, "\(row) vs \(last)")
    }
}
