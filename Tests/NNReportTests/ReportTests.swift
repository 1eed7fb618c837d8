import Foundation
import FoundationXML
import NNCore
@testable import NNReport
import TestSupport
import Testing
import NNFiles

/// The default lab report and the report machinery.
@Suite("Lab report", .serialized)
struct ReportTests {
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "nnlab-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func defaultExperiment() throws -> Experiment {
        try ExperimentFile.experiment(from: DefaultExperiment.yaml, file: "default experiment")
    }

    @Test func defaultReportBuildsWithEveryFigureAndWellFormedHTML() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/lab-report"
        let written = try LabReport(experiment: Self.defaultExperiment(), command: "nnlab report").write(to: try OwnedFolder.check(destination), selfContained: false).files
        #expect(written.contains("index.html") && written.contains("runs.json") && written.contains("history.csv"))
        let html = try String(contentsOfFile: destination + "/index.html", encoding: .utf8)
        // Well-formed: the page parses as XML (XHTML syntax).
        let document = try XMLDocument(data: Data(html.utf8), options: [])
        let images = try document.nodes(forXPath: "//img")
        #expect(images.count >= 10)
        for case let image as XMLElement in images {
            let source = try #require(image.attribute(forName: "src")?.stringValue)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: destination + "/" + source)))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(source) is not a PNG")
            // IHDR width and height are positive.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width > 0 && height > 0, "\(source) has size \(width)×\(height)")
            let alt = image.attribute(forName: "alt")?.stringValue ?? ""
            #expect(!alt.isEmpty, "\(source) has no alt text")
            #expect(FileManager.default.fileExists(atPath: destination + "/" + source.replacingOccurrences(of: ".png", with: ".svg")))
        }
        #expect(try document.nodes(forXPath: "//figcaption").count == images.count)
        #expect(try document.nodes(forXPath: "//nav//a").count == 5)
        // Offline: no external resources.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("@media print"))
    }

    @Test func backpropNumbersInTheReportEqualTheGoldenValues() throws {
        let section = BackpropSection.build()
        var cells: [[String]] = []
        for block in section.blocks {
            if case .table(let table) = block { cells += table.rows.map { $0.map(\.text) } }
        }
        #expect(!cells.isEmpty)
        #expect(!cells.joined().contains("FAIL"))
        let loss = try #require(cells.first { $0.first == "MSE(P_est, P_true)" })
        #expect(loss[2] == "0.2139194440951749" && loss[5] == "bit-exact")
        // Every gradient shown is the one NNCore computes, at full precision.
        let gradients = try BackpropLab.network.gradients(BackpropLab.x, BackpropLab.y)
        let shown = Set(cells.compactMap { $0.count > 2 ? $0[2] : nil })
        for value in gradients.flattened { #expect(shown.contains(value.description), "gradient \(value) not in the report") }
        for (value, published) in zip(BackpropLab.network.trace(BackpropLab.x)[2].output.elements, BackpropLab.Published.pEst) {
            #expect(shown.contains(value.description))
            #expect(abs(value - published) <= 5e-9)
        }
    }

    @Test func userTextIsEscaped() throws {
        let yaml = """
        title: "<script>alert('x')</script> & co"
        author: "<b>Ana</b>"
        sections: [experiments]
        experiments:
          - name: "<img src=x onerror=alert(1)>"
            data: xor
            model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: sgd, learning_rate: 0.05}
            epochs: 5
            batch_size: 4
        """
        let experiment = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
        let built = LabReport(experiment: experiment, command: "nnlab report t.yaml").build()
        let html = try HTMLPage().render(built.document, figureSources: [:], figureLinks: [:], date: "2026-01-01")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<b>Ana</b>") && html.contains("&lt;b&gt;Ana&lt;/b&gt;"))
        #expect(!html.contains("<img src=x"))
        _ = try XMLDocument(data: Data(html.utf8), options: [])
    }

    @Test func sameSeedGivesByteIdenticalRunsJSON() throws {
        let experiment = try Self.defaultExperiment()
        let a = LabReport(experiment: experiment, command: "nnlab report").build()
        let b = LabReport(experiment: experiment, command: "nnlab report").build()
        #expect(a.runsJSON == b.runsJSON)
        #expect(a.historyCSV == b.historyCSV)
        #expect(a.runsJSON.contains("\"seed\": 4"))
    }

    @Test func parallelRunsEqualSerialRuns() throws {
        let experiment = try Self.defaultExperiment()
        let runs = try #require(experiment.comparison).variants.flatMap(\.runs)
        let parallel = RunPool.train(runs)
        for (run, result) in zip(runs, parallel) {
            let (network, history) = try run.train()
            #expect(history == result.history)
            #expect(network == result.network)
        }
    }

    @Test func anInterruptedWriteLeavesThePreviousReportIntact() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/report"
        let yaml = """
        title: First
        sections: [backprop]
        """
        let first = try ExperimentFile.experiment(from: yaml, file: "a.yaml")
        try LabReport(experiment: first, command: "nnlab report a.yaml").write(to: try OwnedFolder.check(destination), selfContained: false)
        let before = try Data(contentsOf: URL(fileURLWithPath: destination + "/index.html"))
        struct Interrupted: Error {}
        var writer = ReportWriter(destination: try OwnedFolder.check(destination), selfContained: false)
        writer.afterWritingFile = { name in if name == "index.html" { throw Interrupted() } }
        let second = try ExperimentFile.experiment(from: "title: Second\nsections: [backprop]\n", file: "b.yaml")
        let built = LabReport(experiment: second, command: "nnlab report b.yaml").build()
        #expect(throws: Interrupted.self) {
            try writer.write(built.document, page: try HTMLPage(), extraFiles: [], date: "2026-01-01")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination + "/index.html")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["report"], "temporary folders left behind: \(leftovers)")
    }

    @Test func selfContainedEmbedsEveryFigure() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let experiment = try ExperimentFile.experiment(from: "title: Alone\nsections: [backprop]\n", file: "c.yaml")
        try LabReport(experiment: experiment, command: "nnlab report c.yaml --self-contained").write(to: try OwnedFolder.check(folder + "/r"), selfContained: true)
        let html = try String(contentsOfFile: folder + "/r/index.html", encoding: .utf8)
        #expect(html.contains("src=\"data:image/png;base64,"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r/figures"))
    }

    @Test func aDivergingRunStillAppearsWithItsNote() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = parts.joined(separator: "/") + "/examples/xor-experiment.yaml"
        let built = LabReport(experiment: try ExperimentFile.load(path), command: "nnlab report").build()
        let notes = built.document.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .note(let text, "warning") = block { return text }
            return nil
        }
        #expect(notes.contains { $0.contains("diverged at epoch") }, "\(notes)")
        #expect(built.document.sections.map(\.id) == ["experiments", "comparison", "reproducibility"])
        #expect(built.runsJSON.contains("\"divergence\": {\"epoch\": "))
    }

    @Test func templatesCanBeReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<html><body><h1>{{title}}</h1>{{#sections}}{{> section}}{{/sections}}</body></html>".write(toFile: folder + "/report.mustache", atomically: true, encoding: .utf8)
        try "<h2>{{title}}</h2>".write(toFile: folder + "/section.mustache", atomically: true, encoding: .utf8)
        try "body {}".write(toFile: folder + "/style.css", atomically: true, encoding: .utf8)
        let page = try HTMLPage(directory: folder)
        let document = ReportDocument(title: "T & U", author: nil, command: "c", sections: [ReportSection(id: "a", title: "Alpha")])
        #expect(page.render(document, figureSources: [:], figureLinks: [:], date: "d") == "<html><body><h1>T &amp; U</h1><h2>Alpha</h2></body></html>")
        try FileManager.default.removeItem(atPath: folder + "/style.css")
        #expect(throws: InputError.self) { try HTMLPage(directory: folder) }
    }

    @Test(arguments: [
        ("{{#sections}}{{> section}}{{/sections}}", "<h2>{{title}}</h2>{{> section}}", "section.mustache: expected partials that end, received one that includes itself (section → section)"),
        ("{{> section}}", "{{> report}}", "expected partials that end, received one that includes itself"),
        ("{{=<% %>=}}<%> section%>", "", "report.mustache:1: expected the standard {{ }} delimiters"),
        ("{{<report}}{{/report}}", "", "expected partials that end, received one that includes itself (report → report)"),
        (String(repeating: "{{#a}}", count: 600), "", "report.mustache:1: expected sections nested at most 100 deep"),
    ])
    func recursiveTemplatesAreRefused(report: String, section: String, expected: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try report.write(toFile: folder + "/report.mustache", atomically: true, encoding: .utf8)
        try section.write(toFile: folder + "/section.mustache", atomically: true, encoding: .utf8)
        try "body {}".write(toFile: folder + "/style.css", atomically: true, encoding: .utf8)
        do {
            _ = try HTMLPage(directory: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func headingsThatSlugAlikeGetDistinctIDs() throws {
        let document = ReportDocument(title: "T", author: nil, command: "c", sections: [
            ReportSection(id: "experiments", title: "Experiments", blocks: [.heading("A!"), .heading("A?"), .heading("a")]),
        ])
        let html = try HTMLPage().render(document, figureSources: [:], figureLinks: [:], date: "d")
        for id in ["experiments-a", "experiments-a-2", "experiments-a-3"] { #expect(html.contains("id=\"\(id)\""), "\(id)") }
    }

    @Test func sweepsTooLargeToCountAreRefusedWithoutOverflow() {
        // 600^7 ≈ 2.8e19 variants: the product overflows an Int before any run limit could apply.
        let decimals = (1...600).map { String(Double($0) / 1000) }.joined(separator: ", ")
        let integers = (1...600).map(String.init).joined(separator: ", ")
        var yaml = "comparison:\n  base: {data: {name: circle, samples: 20}, model: {input: 2, loss: mse, layers: [{type: dense, units: 2}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 2}\n  axes:\n"
        for axis in ["learning_rate", "l1", "l2", "noise"] { yaml += "    \(axis): [\(decimals)]\n" }
        for axis in ["epochs", "batch_size", "hidden_units"] { yaml += "    \(axis): [\(integers)]\n" }
        do {
            _ = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:2: comparison: expected at most 100000 runs, received 600 × 600"), "\(error.description)")
        }
    }

    @Test func namesFromUserTextStayInsideTheOutputFolder() {
        #expect(HTMLPage.slug("../../etc/passwd") == "etc-passwd")
        #expect(HTMLPage.slug("/") == "item")
        #expect(HTMLPage.slug("Activations × regularizers") == "activations-regularizers")
    }

    @Test(arguments: [
        ("title: [unclosed", "t.yaml:2: not valid YAML: did not find expected ',' or ']'"),
        ("sections: [backprop, appendix]", "t.yaml:1: sections[1]: expected one of backprop, experiments, comparison, image, reproducibility, received \"appendix\""),
        ("experiments:\n  - data: xor\n    model: {input: 2, loss: mse, layers: [{type: dense, units: 1}]}\n    optimizer: {type: sgd}\n    epochs: -1\n",
         "t.yaml:5: experiments[0].epochs: expected an integer in 1...100000000, received -1"),
        ("experiments:\n  - data: nowhere.json\n    model: {input: 2, loss: mse, layers: [{type: dense, units: 1}]}\n    optimizer: {type: sgd}\n    epochs: 3\n",
         "t.yaml:2: experiments[0].data: expected a file, received \"nowhere.json\", which does not exist"),
        ("comparison:\n  base: {data: xor}\n  activations: [mish]\n  regularizers: [none]\n",
         "t.yaml:3: comparison.activations[0]: expected one of linear, sigmoid, tanh, relu, leaky_relu, softmax, elu, selu, gelu, softplus, swish, silu, hard_sigmoid, received \"mish\""),
        ("titel: typo", "t.yaml:1: titel: unknown field"),
        // Anchors and aliases are refused before anything is expanded ("billion laughs").
        ("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
         "t.yaml:1: expected plain YAML, received an anchor (&a); write the values out"),
        ("title: *x\n", "t.yaml:1: expected plain YAML, received an alias (*x); write the values out"),
        ("title: a\nauthor: b\ntitle: c\n", "t.yaml:3: title: appears twice in one mapping; keep one"),
        ("title: a\n---\ntitle: b\n", "t.yaml:2: expected one YAML document, received a second one (---)"),
        ("title: \"\\e[31m\"\nsections: \"\\e[31m\"\n", "t.yaml:2: sections: expected an array, received \"\\u{1B}[31m\""),
    ])
    func badExperimentFilesNameFileLineAndField(yaml: String, expected: String) {
        do {
            _ = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let experiment = try ExperimentFile.experiment(from: "\u{FEFF}title: BOM\nsections: [backprop]\n", file: "t.yaml")
        #expect(experiment.title == "BOM")
    }
}

/// The image problem of the default report (issue: digits MLP ≥ 95% test accuracy).
@Suite("Image problem")
struct ImageProblemTests {
    @Test func digitsMLPReachesNinetyFivePercentOnTheTestSplit() throws {
        let experiment = try ExperimentFile.experiment(from: DefaultExperiment.yaml, file: "default experiment")
        let problem = try #require(experiment.image)
        #expect(problem.split.train.count + problem.split.test.count == 1797)
        let (network, history) = try problem.run.train()
        let predicted = network.predict(problem.split.test.features)
        var correct = 0
        for r in 0..<predicted.rows {
            let row = predicted.row(r)
            if row.indices.max(by: { row[$0] < row[$1] }) == problem.split.test.labels[r] { correct += 1 }
        }
        let accuracy = Double(correct) / Double(predicted.rows)
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
        #expect(abs((history["val_accuracy"]?.last ?? 0) - accuracy) < 1e-12)
    }

    @Test func imageEntriesNameTheirErrors() {
        let yaml = "sections: [image]\nimage:\n  data: plane\n  model: {input: 2, loss: cce, layers: [{type: dense, units: 2, activation: softmax}]}\n  optimizer: {type: adam}\n  epochs: 1\n"
        do {
            _ = try ExperimentFile.experiment(from: yaml, file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:3: image.data: expected class data for the image problem"), "\(error.description)")
        }
        let missing = "sections: [image]\nimage:\n  images: nowhere-idx3-ubyte.gz\n  labels: nowhere-idx1-ubyte.gz\n"
        do {
            _ = try ExperimentFile.experiment(from: missing, file: "dir/t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("dir/t.yaml:3: image.images: expected a file, received \"nowhere-idx3-ubyte.gz\" (dir/nowhere-idx3-ubyte.gz), which does not exist"), "\(error.description)")
        }
    }
}

/// IDX files given to the image problem go through the same section.
@Suite("Image problem from IDX files")
struct ImageFilesTests {
    /// A big-endian IDX file: magic, dimensions, then unsigned bytes.
    static func idx(magic: UInt32, dimensions: [UInt32], bytes: [UInt8]) -> Data {
        var data = Data()
        for word in [magic] + dimensions { withUnsafeBytes(of: word.bigEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: bytes)
        return data
    }

    @Test func idxImagesTrainAndReport() throws {
        let folder = NSTemporaryDirectory() + "nnlab-idx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 60 images of 4×4: class 0 bright on the left half, class 1 on the right half.
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        for i in 0..<60 {
            let label = UInt8(i % 2)
            labels.append(label)
            for _ in 0..<4 { for c in 0..<4 { pixels.append((c < 2) == (label == 0) ? UInt8(200 + i % 50) : UInt8(i % 30)) } }
        }
        try Self.idx(magic: 0x0000_0803, dimensions: [60, 4, 4], bytes: pixels).write(to: URL(fileURLWithPath: folder + "/images-idx3-ubyte"))
        try Self.idx(magic: 0x0000_0801, dimensions: [60], bytes: labels).write(to: URL(fileURLWithPath: folder + "/labels-idx1-ubyte"))
        let yaml = """
        title: IDX
        sections: [image]
        image:
          images: images-idx3-ubyte
          labels: labels-idx1-ubyte
          test_fraction: 0.25
          scaling: minmax
          model: {input: 16, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}
          optimizer: {type: adam, learning_rate: 0.05}
          epochs: 40
          batch_size: 8
        """
        let experiment = try ExperimentFile.experiment(from: yaml, file: folder + "/exp.yaml")
        let problem = try #require(experiment.image)
        #expect(problem.shape == .init(width: 4, height: 4))
        #expect(problem.split.test.count == 16)
        let built = LabReport(experiment: experiment, command: "nnlab report exp.yaml").build()
        let figures = built.document.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .figure(let f) = block { return f.name }
            return nil
        }
        #expect(figures.contains("image-confusion") && figures.contains("image-weights") && figures.contains("image-curves"))
        #expect(built.runsJSON.contains("\"scaling\": {\"kind\": \"minmax\""))
        #expect(built.runsJSON.contains("\"split\": {\"test_fraction\": 0.25, \"train\": 44, \"test\": 16}"))
    }
}

@Suite("Image problem shape errors")
struct ImageShapeErrorTests {
    @Test func imagesThatDoNotFitTheModelNameTheirFile() throws {
        let folder = NSTemporaryDirectory() + "nnlab-idx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ImageFilesTests.idx(magic: 0x0000_0803, dimensions: [4, 2, 2], bytes: Array(repeating: 1, count: 16))
            .write(to: URL(fileURLWithPath: folder + "/im-idx3-ubyte"))
        try ImageFilesTests.idx(magic: 0x0000_0801, dimensions: [4], bytes: [0, 1, 0, 1]).write(to: URL(fileURLWithPath: folder + "/lb-idx1-ubyte"))
        let yaml = "sections: [image]\nimage:\n  images: im-idx3-ubyte\n  labels: lb-idx1-ubyte\n  model: {input: 64, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}\n  optimizer: {type: adam}\n  epochs: 1\n"
        do {
            _ = try ExperimentFile.experiment(from: yaml, file: folder + "/e.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(folder)/im-idx3-ubyte: expected 64 features per image (the model's input), received 4")
        }
    }
}
