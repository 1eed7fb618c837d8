import Foundation
import Testing

/// What NNLab overwrites and what it refuses, through the real binary, in temporary folders only.
@Suite("Output safety")
struct OutputSafetyTests {
    static let quickExperiment = "title: Quick\nsections: [backprop]\n"

    static func runFile(_ directory: TemporaryDirectory) throws -> String {
        for name in ["xor-model.json", "xor-data.json", "xor-run.json"] {
            try directory.write(name, String(contentsOfFile: CommandRunner.repositoryRoot + "examples/" + name, encoding: .utf8))
        }
        return "xor-run.json"
    }

    static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    // MARK: --save

    @Test func saveReplacesAnExistingFileAndFollowsASymbolicLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runFile(directory)
        try directory.write("m.json", "x\n")
        let first = try CommandRunner.run(["train", run, "--quiet", "--save", "m.json"], in: directory.path)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(Self.contents(directory.path + "/m.json")?.hasPrefix("{\"input\": 2") == true)
        // Twice to one path: the second replaces the first.
        let second = try CommandRunner.run(["train", run, "--quiet", "--save", "m.json"], in: directory.path)
        #expect(second.status == 0, "\(second.standardError)")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link.json", withDestinationPath: "m.json")
        try directory.write("m.json", "old\n")
        let linked = try CommandRunner.run(["train", run, "--quiet", "--save", "link.json"], in: directory.path)
        #expect(linked.status == 0, "\(linked.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/link.json") == "m.json")
        #expect(Self.contents(directory.path + "/m.json")?.hasPrefix("{\"input\": 2") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func saveRefusesFoldersFIFOsDevicesAndDanglingLinksBeforeTraining() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runFile(directory)
        #expect(mkfifo(directory.path + "/fifo", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: directory.path + "/folder", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/dangling", withDestinationPath: "nowhere/m.json")
        var cases: [(String, String)] = [
            ("fifo", "received a FIFO (named pipe)"), ("folder", "received a directory"),
            ("dangling", "a symbolic link to a path that does not exist"), ("", "received an empty path"),
        ]
        // A device node made here (as root), never a real one under /dev.
        if mknod(directory.path + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 { cases.append(("null", "received a character device")) }
        for (path, fragment) in cases {
            // Without --quiet, training would print progress first: one line means it never started.
            let result = try CommandRunner.run(["train", run, "--save", path], in: directory.path)
            #expect(result.status == 1, "\(path)")
            #expect(result.standardOutput.isEmpty, "\(path): \(result.standardOutput)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(path): \(result.standardError)")
            #expect(result.standardError.contains(fragment), "\(path): \(result.standardError)")
        }
        #expect(PathKind.of(directory.path + "/fifo") == S_IFIFO)
        #expect(PathKind.of(directory.path + "/folder") == S_IFDIR)
    }

    @Test func aFIFOOrFolderGivenAsAnInputIsRefusedInsteadOfBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.runFile(directory)
        #expect(mkfifo(directory.path + "/fifo", 0o644) == 0)
        for arguments in [["grad", "xor-model.json", "fifo"], ["grad", "fifo", "xor-data.json"], ["train", "fifo"], ["report", "fifo"],
                          ["grad", "xor-model.json", "."]] {
            let result = try CommandRunner.run(arguments, in: directory.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains("expected a regular file, received"), "\(arguments): \(result.standardError)")
        }
    }

    // MARK: --output

    @Test func outputRefusesFoldersNNLabDidNotWrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("quick.yaml", Self.quickExperiment)
        try FileManager.default.createDirectory(atPath: directory.path + "/thesis", withIntermediateDirectories: false)
        try directory.write("thesis/main.tex", "my thesis\n")
        let home = directory.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: directory.path + "/work", withIntermediateDirectories: false)
        let cases: [(String, String)] = [
            ("thesis", "an existing folder that NNLab did not write"), (".", "'.'"), ("..", "'..'"), ("", "an empty path"),
            ("/", "the root folder"), (home, "the home folder"), ("work/..", "'..'"), ("quick.yaml", "received a file"),
        ]
        for (output, fragment) in cases {
            for command in ["report", "compare"] {
                let result = try CommandRunner.run([command, "quick.yaml", "--output", output], in: directory.path, environment: ["HOME": home])
                #expect(result.status == 1, "\(command) --output \(output)")
                #expect(result.standardError.split(separator: "\n").count == 1, "\(output): \(result.standardError)")
                if command == "report" { #expect(result.standardError.contains(fragment), "\(output): \(result.standardError)") }
            }
        }
        #expect(Self.contents(directory.path + "/thesis/main.tex") == "my thesis\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/thesis") == ["main.tex"])
        #expect(Self.contents(directory.path + "/quick.yaml") == Self.quickExperiment)
        let gallery = try CommandRunner.run(["gallery", "--output", "thesis"], in: directory.path)
        #expect(gallery.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/thesis") == ["main.tex"])
    }

    @Test func outputReplacesItsOwnReportAndResolvesASymbolicLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("quick.yaml", Self.quickExperiment)
        for _ in 0..<2 {
            let result = try CommandRunner.run(["report", "quick.yaml", "--quiet", "--output", "out"], in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(Self.contents(directory.path + "/out/.nnlab-report")?.hasPrefix("nnlab ") == true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: "out")
        try directory.write("out/index.html", "stale")
        let linked = try CommandRunner.run(["report", "quick.yaml", "--quiet", "--output", "link"], in: directory.path)
        #expect(linked.status == 0, "\(linked.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/link") == "out")
        #expect(Self.contents(directory.path + "/out/index.html")?.contains("<html") == true)
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == ["link", "out", "quick.yaml"])
    }

    @Test func aReportFolderThatHoldsItsOwnInputsOrAFakeMarkerIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("quick.yaml", Self.quickExperiment)
        let first = try CommandRunner.run(["report", "quick.yaml", "--quiet", "--output", "rep"], in: directory.path)
        #expect(first.status == 0, "\(first.standardError)")
        // The experiment and its data moved into the report folder: replacing it would delete them.
        try directory.write("rep/exp.yaml", "title: Inside\nsections: [experiments]\nexperiments:\n  - data: mine.json\n    model: {input: 2, loss: mse, layers: [{type: dense, units: 1}]}\n    optimizer: {type: sgd}\n    epochs: 2\n")
        try directory.write("rep/mine.json", #"{"x": [[0, 0], [1, 1]], "y": [[0], [1]]}"#)
        let inside = try CommandRunner.run(["report", "rep/exp.yaml", "--quiet", "--output", "rep"], in: directory.path)
        #expect(inside.status == 1)
        #expect(inside.standardError.contains("which this report reads"), "\(inside.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/rep/mine.json"))
        // Any file named .nnlab-report is not enough: its text must be NNLab's.
        try FileManager.default.createDirectory(atPath: directory.path + "/fake", withIntermediateDirectories: false)
        try directory.write("fake/.nnlab-report", "")
        try directory.write("fake/a.txt", "mine\n")
        let fake = try CommandRunner.run(["gallery", "--output", "fake"], in: directory.path)
        #expect(fake.status == 1)
        #expect(Self.contents(directory.path + "/fake/a.txt") == "mine\n")
    }

    @Test func namesTooLongForTheBuildingFolderAndFolderPathsForSaveAreRefusedBeforeTraining() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runFile(directory)
        let long = String(repeating: "N", count: 245)
        let report = try CommandRunner.run(["report", "--output", long], in: directory.path)
        #expect(report.status == 1)
        #expect(report.standardError.split(separator: "\n").count == 1, "\(report.standardError)")
        #expect(report.standardError.contains("at most 215 bytes"), "\(report.standardError)")
        for path in [String(repeating: "M", count: 245), "newfolder/"] {
            let save = try CommandRunner.run(["train", run, "--save", path], in: directory.path)
            #expect(save.status == 1)
            #expect(save.standardError.split(separator: "\n").count == 1, "\(path): \(save.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["xor-data.json", "xor-model.json", "xor-run.json"])
    }

    @Test func dotDotAfterASymbolicLinkMeansWhatTheShellMeans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/far/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.path + "/far/userout", withIntermediateDirectories: true)
        try directory.write("far/userout/keep.txt", "keep\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/slnk", withDestinationPath: "far/sub")
        // slnk/.. is far/, so slnk/../userout is far/userout: a folder NNLab did not write.
        let result = try CommandRunner.run(["gallery", "--output", "slnk/../userout"], in: directory.path)
        #expect(result.status == 1, "\(result.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/userout"))
        #expect(Self.contents(directory.path + "/far/userout/keep.txt") == "keep\n")
    }

    @Test func aTemporaryFileLeftByAKilledSaveIsRemovedByTheNextSave() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runFile(directory)
        try directory.write(".m.json.tmp-2147483000", "half a model")
        let result = try CommandRunner.run(["train", run, "--quiet", "--save", "m.json"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func variantNamesReachTheTerminalEscaped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let yaml = "comparison:\n  base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh}, {type: dense, units: 1, activation: tanh}]}, optimizer: {type: adam}, epochs: 5, metrics: [xor_accuracy]}\n  variants:\n    - {name: \"\\e[31mRED\\e]0;pwned\\a\", optimizer: {type: sgd}}\n    - {name: \"normal\\r\\nfake line\", optimizer: {type: adam}}\n  seeds: 1\n"
        try directory.write("c.yaml", yaml)
        let result = try CommandRunner.run(["compare", "c.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D })
        #expect(result.standardOutput.contains("\\u{1B}[31mRED"))
    }

    @Test func staleBuildingFoldersOfDeadProcessesAreRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("quick.yaml", Self.quickExperiment)
        // Process ids above the kernel's limit (pid_max ≤ 2^22) never run.
        for name in [".out.building-2147483000", ".out.previous-2147483001", ".out.building-2147483002.removing"] {
            try FileManager.default.createDirectory(atPath: directory.path + "/" + name, withIntermediateDirectories: false)
            try directory.write(name + "/.nnlab-report", "nnlab 0.3.0 report\n")
        }
        // Without the marker it is not NNLab's: left alone.
        try FileManager.default.createDirectory(atPath: directory.path + "/.out.building-2147483003", withIntermediateDirectories: false)
        let result = try CommandRunner.run(["report", "quick.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == [".out.building-2147483003", "out", "quick.yaml"])
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedReportLeavesNothingBehind(signal: Int32) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["report", "--quiet", "--output", "out"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the building folder exists (figures are being written), then interrupt.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            if entries.contains(where: { $0.hasPrefix(".out.building-") }) { break }
            usleep(2_000)
        }
        #expect(process.isRunning, "the report finished before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(entries.isEmpty, "left behind: \(entries)")
    }

    @Test func twoReportsOnOneFolderAtOnceBothSucceed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("quick.yaml", Self.quickExperiment)
        for _ in 0..<4 {
            let results = ResultSlots()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                results.set(i, try? CommandRunner.run(["report", "quick.yaml", "--quiet", "--output", "out"], in: directory.path))
            }
            for result in results.all { #expect(result?.status == 0, "\(result?.standardError ?? "did not run")") }
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == ["out", "quick.yaml"])
        #expect(Self.contents(directory.path + "/out/index.html")?.contains("Quick") == true)
    }
}

/// The file type bits of a path (lstat).
enum PathKind {
    static func of(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }
}

private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [CommandResult?] = [nil, nil]
    func set(_ i: Int, _ value: CommandResult?) { lock.lock(); slots[i] = value; lock.unlock() }
    var all: [CommandResult?] { lock.lock(); defer { lock.unlock() }; return slots }
}
