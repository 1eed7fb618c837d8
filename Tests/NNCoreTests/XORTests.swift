import NNCore
import TestSupport
import Testing
import NNRuns

/// The course's XOR experiments (seed 004) from the bundled run files.
@Suite("XOR")
struct XORTests {
    static let examples = exampleDirectory()

    @Test(arguments: ["xor-run.json", "xor-skip-run.json"])
    func reachesFullXORAccuracy(file: String) throws {
        let run = try RunFile.load(Self.examples + file)
        let (_, history) = try run.train()
        let accuracy = try #require(history["xor_accuracy"])
        #expect(accuracy.last == 1, "\(file): final XOR accuracy \(accuracy.last ?? .nan)")
        #expect(history.divergence == nil)
    }

    @Test func concatArchitectureShapes() throws {
        let run = try RunFile.load(Self.examples + "xor-skip-run.json")
        #expect(run.network.layers.map(\.typeName) == ["dense", "concat_input", "dense"])
        #expect(run.network.denseLayers[1].layer.inputs == 3)
        #expect(run.network.parameterCount == 3 + 4)
    }

    @Test func earlyStoppingAtFullAccuracy() throws {
        var run = try RunFile.load(Self.examples + "xor-run.json")
        run.earlyStopping = EarlyStoppingSettings(monitor: "xor_accuracy", target: 1)
        let (_, history) = try run.train()
        let stop = try #require(history.earlyStop)
        #expect(history.epochCount == stop.epoch)
        #expect(history.epochCount < run.options.epochs)
        #expect(history["xor_accuracy"]?.last == 1)
        #expect(history["xor_accuracy"]?.dropLast().allSatisfy { $0 < 1 } == true)
    }
}

/// The repository's examples/ folder, found from this source file.
func exampleDirectory(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/NNCoreTests/XORTests.swift
    return parts.joined(separator: "/") + "/examples/"
}
