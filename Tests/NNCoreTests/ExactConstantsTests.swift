import NNCore
import Testing
import NNRuns
import NNFiles

/// `constants: exact` against a float64 NumPy replay of the same formulas with every coefficient as written
/// (scripts/exact_fixtures.py): what a student's own implementation computes.
@Suite("Exact constants")
struct ExactConstantsTests {
    @Test func trajectoriesMatchNumPyFloat64() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        let root = try TextFile.readJSON(parts.joined(separator: "/") + "/Fixtures/exact/exact.json").object(allowing: ["generator", "note", "cases"])
        let cases = try root.required("cases", "").array()
        #expect(cases.count >= 3)
        for item in cases {
            let object = try item.object(allowing: ["name", "run", "history", "final_model"])
            let name = try object.required("name", "").string()
            let run = try RunFile.run(from: object.required("run", ""), path: "exact.json")
            #expect(run.network.constants == .exact)
            let (trained, history) = try run.train()
            let reference = try ModelFile.network(from: object.required("final_model", ""), seed: 0).parameterVector
            guard case .object(let series) = try object.required("history", "").value.kind else { Issue.record("\(name): history"); continue }
            func close(_ a: [Double], _ b: [Double]) -> Bool {
                a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
            }
            for member in series {
                let expected = try JSONField(member.value, file: "exact.json").vector()
                let ours = try #require(history[member.key], "\(name): no \(member.key)")
                #expect(close(ours, expected), "\(name): \(member.key) differs from NumPy's by \(zip(ours, expected).map { abs($0 - $1) }.max() ?? .nan)")
            }
            #expect(close(trained.parameterVector, reference), "\(name): trained weights differ from NumPy's")
            // The same run with Keras's roundings is measurably elsewhere: the constants matter.
            var keras = run
            keras.network.constants = .keras
            let kerasTrained = try keras.train().network.parameterVector
            let gap = zip(kerasTrained, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(gap > 1e-9, "\(name): keras constants land within \(gap) of the exact reference")
        }
    }
}
