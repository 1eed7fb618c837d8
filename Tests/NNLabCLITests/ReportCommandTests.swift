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
}
