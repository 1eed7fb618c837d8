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
}
