import Foundation
import NNCore
import NNData
import NNFiles
import NNRuns
import Testing

/// `nnlab grad MODEL DATA --check THEIRS`: a student's gradients against NNLab's, through the binary,
/// with each typical mistake made on purpose and named.
@Suite("grad --check")
struct GradCheckTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    /// A 2-3-2 network (two outputs, so the output count k is 2) on the four XOR points (N = 4).
    static let model = #"{"input": 2, "loss": "mse", "layers": [{"type": "dense", "units": 3, "activation": "tanh", "weights": [[0.5, -0.4, 0.2], [0.3, 0.6, -0.7]], "bias": [0.1, -0.1, 0.05]}, {"type": "dense", "units": 2, "activation": "linear", "weights": [[0.7, -0.2], [-0.5, 0.4], [0.9, 0.1]], "bias": [0.2, -0.3]}]}"#
    static let data = #"{"x": [[-1, -1], [-1, 1], [1, -1], [1, 1]], "y": [[1, 0], [0, 1], [0, 1], [1, 0]]}"#

    func ours(_ directory: TemporaryDirectory) throws -> [(weights: Matrix, bias: [Double])] {
        let result = try CommandRunner.run(["grad", "model.json", "data.json"], in: directory.path)
        let root = try JSONField(JSONParser.parse(Array(result.standardOutput.utf8), file: "out"), file: "out").object(allowing: ["loss", "gradients"])
        return try root.required("gradients", "").array().map { item in
            let o = try item.object(allowing: ["weights", "bias"])
            return (try o.required("weights", "").matrix(), try o.required("bias", "").vector())
        }
    }

    func write(_ layers: [(weights: Matrix, bias: [Double])], to name: String, in directory: TemporaryDirectory) throws {
        let text = layers.map { "{\"weights\": \(JSONWriter.matrix($0.weights)), \"bias\": \(JSONWriter.vector($0.bias))}" }
        try directory.write(name, "{\"gradients\": [" + text.joined(separator: ", ") + "]}")
    }

    static func transposed(_ m: Matrix) -> Matrix {
        var t = Matrix(rows: m.columns, columns: m.rows)
        for r in 0..<m.rows { for c in 0..<m.columns { t[c, r] = m[r, c] } }
        return t
    }

    static func scaled(_ m: Matrix, _ c: Double) -> Matrix { Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { $0 * c }) }

    @Test func eachTypicalMistakeIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("model.json", Self.model)
        try directory.write("data.json", Self.data)
        let g = try ours(directory)
        var cases: [(name: String, layers: [(weights: Matrix, bias: [Double])], expected: [String])] = []
        cases.append(("right.json", g, ["all 4 arrays pass"]))
        cases.append(("double.json", [(Self.scaled(g[0].weights, 2), g[0].bias), g[1]],
                      ["your dW1 is 2 × NNLab's: a factor 2 too many, or the squared error summed over the 2 outputs instead of averaged"]))
        cases.append(("transposed.json", [(Self.transposed(g[0].weights), g[0].bias), g[1]],
                      ["dW1    2×3", "FAIL  your dW1 is NNLab's transposed (3×2 instead of 2×3)", "1 of 4 arrays fail"]))
        cases.append(("summed-bias.json", [g[0], (g[1].weights, g[1].bias.map { $0 * 4 })],
                      ["FAIL  your db2 is 4 × NNLab's: the bias gradient summed over the batch instead of averaged (N = 4)"]))
        cases.append(("summed.json", g.map { (Self.scaled($0.weights, 4), $0.bias.map { $0 * 4 }) },
                      ["FAIL  your dW1 is 4 × NNLab's: summed over the batch instead of averaged", "4 of 4 arrays fail"]))
        cases.append(("half.json", g.map { (Self.scaled($0.weights, 0.5), $0.bias.map { $0 * 0.5 }) },
                      ["your dW2 is NNLab's ÷ 2: the 2 of the squared error's derivative, 2(ŷ − y), missing, or divided by the 2 outputs once more"]))
        cases.append(("outputs.json", g.map { (Self.scaled($0.weights, 2 * 4), $0.bias.map { $0 * 8 }) },
                      ["your dW1 is 8 × NNLab's: summed over the batch and the outputs (N·k = 4·2) instead of averaged"]))
        cases.append(("sign.json", [(Self.scaled(g[0].weights, -1), g[0].bias), g[1]],
                      ["your dW1 is NNLab's with the sign flipped"]))
        cases.append(("short.json", [g[0]], ["dW2", "missing from your file"]))
        var noise = g
        noise[1].weights.elements[0] += 1e-3
        cases.append(("off.json", noise, ["dW2", "FAIL", "1 of 4 arrays fail"]))
        for item in cases {
            try write(item.layers, to: item.name, in: directory)
            let result = try CommandRunner.run(["grad", "model.json", "data.json", "--check", item.name], in: directory.path)
            let passes = item.expected == ["all 4 arrays pass"]
            #expect(result.status == (passes ? 0 : 1), "\(item.name): \(result.standardOutput)\(result.standardError)")
            for text in item.expected { #expect(result.standardOutput.contains(text), "\(item.name): expected \(text) in\n\(result.standardOutput)") }
        }
        // The loss, when the file gives it, is a row of its own.
        let gradient = try String(contentsOfFile: directory.path + "/right.json", encoding: .utf8)
        try directory.write("loss.json", gradient.replacingOccurrences(of: "{\"gradients\"", with: "{\"loss\": 123, \"gradients\""))
        let loss = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "loss.json"], in: directory.path)
        #expect(loss.status == 1 && loss.standardOutput.contains("loss   scalar") && loss.standardOutput.contains("your loss is 123.0, NNLab's"), "\(loss.standardOutput)")
        // Rounding noise where NNLab has an exact 0 is no error (the floor is 1e-10 of the array's largest value).
        #expect(GradientCheck.relativeError([1e-18, 0.5, 1], [0, 0.5, 1]) < 1e-7)
        #expect(GradientCheck.relativeError([1e-3, 0.5, 1], [0, 0.5, 1]) == 1)
        // An unexplained error is reported as a number, not a guess.
        let off = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "off.json"], in: directory.path)
        #expect(!off.standardOutput.contains("your dW2 is"), "\(off.standardOutput)")
    }

    /// The same check from NumPy's .npz (np.savez(f, *grads), or named dW1, db1, …), and bad files as one line.
    @Test func npzGradientsAndBadFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("model.json", Self.model)
        try directory.write("data.json", Self.data)
        let g = try ours(directory)
        let arrays = g.enumerated().flatMap { i, layer in
            [(name: "dW\(i + 1)", array: NPYArray(shape: [layer.weights.rows, layer.weights.columns], values: layer.weights.elements)),
             (name: "db\(i + 1)", array: NPYArray(shape: [layer.bias.count], values: layer.bias))]
        }
        try Data(NPZWriter.npz(arrays)).write(to: URL(fileURLWithPath: directory.path + "/named.npz"))
        try Data(NPZWriter.npz(arrays.enumerated().map { (name: "arr_\($0.offset)", array: $0.element.array) })).write(to: URL(fileURLWithPath: directory.path + "/positional.npz"))
        for name in ["named.npz", "positional.npz"] {
            let result = try CommandRunner.run(["grad", "model.json", "data.json", "--check", name], in: directory.path)
            #expect(result.status == 0 && result.standardOutput.contains("all 4 arrays pass"), "\(name): \(result.standardOutput)\(result.standardError)")
        }
        try Data(NPZWriter.npz([(name: "grad_w", array: arrays[0].array)])).write(to: URL(fileURLWithPath: directory.path + "/odd.npz"))
        let odd = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "odd.npz"], in: directory.path)
        #expect(odd.status == 1 && odd.standardError.contains("odd.npz: expected arrays dW1, db1, dW2, …"), "\(odd.standardError)")
        try directory.write("bad.json", #"{"gradients": [{"weights": [[1, 2]]}]}"#)
        let bad = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "bad.json"], in: directory.path)
        #expect(bad.status == 1 && bad.standardError.contains("gradients[0].bias: missing"), "\(bad.standardError)")
        let tolerance = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "named.npz", "--tolerance", "2"], in: directory.path)
        #expect(tolerance.status == 1 && tolerance.standardError.contains("--tolerance: expected a number in (0, 1), received 2.0"), "\(tolerance.standardError)")
    }

    /// For cross-entropy no squared-error story is told: a factor 2 is just a factor 2.
    @Test func crossEntropyGetsNoSquaredErrorDiagnosis() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("model.json", Self.model.replacingOccurrences(of: #""loss": "mse""#, with: #""loss": "cce""#)
            .replacingOccurrences(of: #""activation": "linear""#, with: #""activation": "softmax""#))
        try directory.write("data.json", Self.data)
        let g = try ours(directory)
        try write(g.map { (Self.scaled($0.weights, 0.5), $0.bias.map { $0 * 0.5 }) }, to: "half.json", in: directory)
        let result = try CommandRunner.run(["grad", "model.json", "data.json", "--check", "half.json"], in: directory.path)
        #expect(result.status == 1 && result.standardOutput.contains("your dW1 is NNLab's ÷ 2: a factor 2 missing"), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("squared"), "\(result.standardOutput)")
    }
}
