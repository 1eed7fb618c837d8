import Foundation
import Testing

@Suite("nnlab report")
struct ReportCommandTests {
    @Test func badExperimentFileGivesOneLineAndKeepsThePreviousReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("good.yaml", "title: Good\nsections: [backprop]\n")
        let first = try CommandRunner.run(["report", "good.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("wrote out/index.html"))
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/index.html"))
        try directory.write("bad.yaml", "title: Bad\nsections: [backprop]\nexperiments:\n  - data: xor\n    epochs: 0\n")
        let second = try CommandRunner.run(["report", "bad.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(second.status == 1)
        #expect(second.standardOutput.isEmpty)
        let lines = second.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(second.standardError)")
        #expect(second.standardError.hasPrefix("nnlab: error: bad.yaml:4: experiments[0].model: missing"), "\(second.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/index.html")) == before)
    }

    @Test func printDefaultIsAValidExperiment() throws {
        let result = try CommandRunner.run(["report", "--print-default"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("sections: [backprop, experiments, comparison, image, reproducibility]"))
    }

    /// --figures png,svg,pdf writes every figure in each format (PDFs reproducible to the byte); png is required.
    @Test func figuresInEveryFormatAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("b.yaml", "title: B\nsections: [backprop]\n")
        for out in ["one", "two"] {
            let result = try CommandRunner.run(["report", "b.yaml", "--quiet", "--figures", "png,svg,pdf", "--output", out], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/one/figures").sorted()
        let stems = Set(files.map { ($0 as NSString).deletingPathExtension })
        #expect(!stems.isEmpty && files.count == 3 * stems.count, "\(files)")
        for stem in stems {
            let pdf = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/one/figures/\(stem).pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(pdf == (try Data(contentsOf: URL(fileURLWithPath: directory.path + "/two/figures/\(stem).pdf"))), "\(stem).pdf differs between runs")
        }
        let html = try String(contentsOfFile: directory.path + "/one/index.html", encoding: .utf8)
        #expect(html.contains("nnlab report b.yaml --figures png,svg,pdf"), "the regenerating command says it")
        let refused = try CommandRunner.run(["report", "b.yaml", "--quiet", "--figures", "svg,pdf", "--output", "three"], in: directory.path)
        #expect(refused.status != 0 && refused.standardError.contains("expected png in the list"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/three"))
    }

    /// Playground's and TensorBoard's figures through the binary: validation points hollow, the discretized output,
    /// multi-class regions, weight distributions, and parallel coordinates for a three-axis sweep.
    @Test func playgroundAndTensorBoardFigures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var rows = "x1,x2,label\n"
        for (k, centre) in [(-2.0, 0.0), (2.0, 0.0), (0.0, 2.5)].enumerated() {
            for i in 0..<15 { rows += "\(centre.0 + 0.1 * Double(i % 5)),\(centre.1 + 0.1 * Double(i / 5)),\(k)\n" }
        }
        try directory.write("blobs.csv", rows)
        try directory.write("p.yaml", """
        title: P
        sections: [experiments, comparison]
        experiments:
          - data: {name: circle, samples: 60}
            validation_split: 0.25
            model: {input: 2, loss: mse, layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: adam, learning_rate: 0.05}
            epochs: 20
          - data: {csv: blobs.csv, label: label}
            model: {input: 2, loss: cce, layers: [{type: dense, units: 4, activation: tanh}, {type: dense, units: 3, activation: softmax}]}
            optimizer: {type: adam, learning_rate: 0.05}
            epochs: 20
            metrics: [accuracy]
        comparison:
          base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: sgd}, epochs: 10, batch_size: 4, metrics: [xor_accuracy]}
          axes: {activation: [tanh, relu], learning_rate: [0.1, 0.5], batch_size: [2, 4]}
          seeds: 2

        """)
        let result = try CommandRunner.run(["report", "p.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        let figures = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out/figures")
        for name in ["experiment-1-boundary", "experiment-1-weight-distributions", "experiment-2-boundary", "experiment-2-weight-distributions",
                     "comparison-parallel-coordinates"] {
            #expect(figures.contains(name + ".png") && figures.contains(name + ".svg"), "\(name)")
        }
        #expect(html.contains("training data (filled) and the 16 validation points (hollow)"), "circle 60 with a 0.25 split holds out 16 (stratified)")
        #expect(html.contains("discretize output"))
        #expect(html.contains("the largest of its 3 outputs"))
        #expect(html.contains("as TensorBoard&#39;s HParams parallel-coordinates view") || html.contains("as TensorBoard's HParams parallel-coordinates view"))
    }

    /// A sweep over optimizers needs no optimizer in its base: each variant's comes from the axis (runs.json says which).
    @Test func anOptimizerAxisNeedsNoBaseOptimizer() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("o.yaml", """
        sections: [comparison]
        comparison:
          base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1}]}, epochs: 5, batch_size: 4, metrics: [xor_accuracy]}
          axes: {optimizer: [adam, {type: sgd, learning_rate: 0.2}, adamw]}
          seeds: 1

        """)
        let result = try CommandRunner.run(["compare", "o.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let runs = try String(contentsOfFile: directory.path + "/out/runs.json", encoding: .utf8)
        for type in ["adam", "sgd", "adamw"] { #expect(runs.contains(#""type": "\#(type)""#), "\(type) in runs.json") }
        #expect(runs.contains(#""learning_rate": 0.2"#))
    }
}
