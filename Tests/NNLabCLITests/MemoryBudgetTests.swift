import Foundation
import Testing

/// Plans over the memory budget are refused before anything is trained, naming the field,
/// the estimate and the budget (through the real binary, in temporary folders).
@Suite("Memory budget")
struct MemoryBudgetTests {
    static let model = "{input: 2, loss: mse, layers: [{type: dense, units: UNITS, activation: tanh}, {type: dense, units: 1, activation: tanh}]}"

    static func experiment(units: Int = 2, epochs: Int = 10, seeds: String = "seed: 0") -> String {
        """
        title: t
        sections: [experiments]
        experiments:
          - data: xor
            model: \(model.replacingOccurrences(of: "UNITS", with: String(units)))
            optimizer: {type: sgd}
            epochs: \(epochs)
            \(seeds)

        """
    }

    static func expectRefused(_ yaml: String, _ fragments: [String], arguments: [String] = [], command: String = "report",
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("plan.yaml", yaml)
        let result = try CommandRunner.run([command, "plan.yaml", "--output", "out"] + arguments, in: directory.path)
        #expect(result.status == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.standardError.contains(fragment), "\(fragment) not in \(result.standardError)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"), sourceLocation: sourceLocation)
    }

    @Test func hostilePlansAreRefusedBeforeTraining() throws {
        let budget = "expected a plan within the memory budget of 4 GiB (change it with --memory-limit), received one that needs at least"
        // A million hidden units: 320 GB of unit maps in the recording.
        try Self.expectRefused(Self.experiment(units: 1_000_000), ["plan.yaml:4: experiments[0]: " + budget, "969 GiB", "4000001-parameter"])
        // Ten thousand recorded seeds.
        try Self.expectRefused(Self.experiment(seeds: "seeds: 10000"), ["plan.yaml:4: experiments[0]: " + budget])
        // A hundred million epochs of history in the report's files.
        try Self.expectRefused(Self.experiment(epochs: 100_000_000), ["plan.yaml:4: experiments[0]: " + budget, "100000000 epochs"])
        // A plan that fits 4 GiB but not the limit given.
        try Self.expectRefused(Self.experiment(epochs: 2000, seeds: "seeds: 5"), ["memory budget of 1 MiB"], arguments: ["--memory-limit", "1M"])
    }

    @Test func longVariantListsAreRefused() throws {
        var yaml = "comparison:\n  base: {data: xor, model: \(Self.model.replacingOccurrences(of: "UNITS", with: "2")), optimizer: {type: sgd}, epochs: 20000}\n  seeds: 1\n  variants:\n"
        for i in 0..<3000 { yaml += "    - {name: v\(i), epochs: \(20000 + i)}\n" }
        try Self.expectRefused(yaml, ["plan.yaml:", "memory budget of 4 GiB"], command: "compare")
        var many = "comparison:\n  base: {data: xor}\n  seeds: 5\n  variants:\n"
        for i in 0..<20_001 { many += "    - {name: v\(i)}\n" }
        try Self.expectRefused(many, ["plan.yaml:5: comparison.variants: expected at most 100000 runs, received 20001 variants × 5 seeds"], command: "compare")
    }

    @Test func figuresTooLargeToDrawBecomeNotesAndBigDataIsThinned() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var yaml = "comparison:\n  base: {data: {name: spiral, samples: 20000}, model: \(Self.model.replacingOccurrences(of: "UNITS", with: "2")), optimizer: {type: sgd}, epochs: 1, metrics: [sign_accuracy]}\n  seeds: 1\n  variants:\n"
        // 600 panels in rows of 4 make a figure taller than the 30,000-pixel side limit.
        for i in 0..<600 { yaml += "    - {name: v\(i), optimizer: {type: sgd, learning_rate: \(0.0001 * Double(i + 1))}}\n" }
        try directory.write("wide.yaml", yaml)
        let result = try CommandRunner.run(["compare", "wide.yaml", "--quiet", "--output", "out", "--memory-limit", "2G"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        #expect(html.contains("final decision boundaries are not drawn"))
        try directory.write("big.yaml", "sections: [experiments]\nexperiments:\n  - data: {name: spiral, samples: 100000}\n    model: \(Self.model.replacingOccurrences(of: "UNITS", with: "4"))\n    optimizer: {type: sgd}\n    epochs: 1\n")
        let big = try CommandRunner.run(["report", "big.yaml", "--quiet", "--output", "big", "--memory-limit", "256M"], in: directory.path)
        #expect(big.status == 0, "\(big.standardError)")
        let svg = try FileManager.default.attributesOfItem(atPath: directory.path + "/big/figures/experiment-1-boundary.svg")[.size] as? Int ?? 0
        #expect(svg < 5_000_000, "the boundary SVG draws every one of 100,000 points: \(svg) bytes")
        #expect(try String(contentsOfFile: directory.path + "/big/index.html", encoding: .utf8).contains("4000 of the 100000 points drawn"))
    }

    @Test func aGzipBombIsRefusedWithoutInflatingIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // An IDX header asking for 10⁷ images of 28 × 28, then zeros compressed about 1000:1.
        var header = [UInt8]()
        for word in [UInt32(0x0803), 10_000_000, 28, 28] { header += withUnsafeBytes(of: word.bigEndian, Array.init) }
        let zeros = [UInt8](repeating: 0, count: 64 << 20)
        let gzip = try GzipWriter.compress(header + zeros)
        try Data(gzip).write(to: URL(fileURLWithPath: directory.path + "/bomb-idx3-ubyte.gz"))
        var labels = [UInt8]()
        for word in [UInt32(0x0801), 10] { labels += withUnsafeBytes(of: word.bigEndian, Array.init) }
        try Data(labels + [UInt8](repeating: 0, count: 10)).write(to: URL(fileURLWithPath: directory.path + "/labels-idx1-ubyte"))
        try directory.write("plan.yaml", """
        sections: [image]
        image:
          images: bomb-idx3-ubyte.gz
          labels: labels-idx1-ubyte
          model: {input: 784, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}
          optimizer: {type: adam}
          epochs: 1

        """)
        let result = try CommandRunner.run(["report", "plan.yaml", "--output", "out", "--memory-limit", "64M"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("bomb-idx3-ubyte.gz: expected at most"), "\(result.standardError)")
        #expect(result.standardError.contains("--memory-limit"), "\(result.standardError)")
    }

    @Test func trainRefusesAHistoryOverTheLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["xor-model.json", "xor-data.json"] {
            try directory.write(name, String(contentsOfFile: CommandRunner.repositoryRoot + "examples/" + name, encoding: .utf8))
        }
        try directory.write("run.json", #"{"model": "xor-model.json", "data": "xor-data.json", "optimizer": {"type": "sgd"}, "epochs": 100000000}"#)
        let result = try CommandRunner.run(["train", "run.json", "--memory-limit", "512M"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("nnlab: error: run.json:1: epochs: expected a plan within the memory budget of 512 MiB"), "\(result.standardError)")
    }
}

/// gzip streams for test fixtures, through the system's gzip (present wherever the tests build).
enum GzipWriter {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-9"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
