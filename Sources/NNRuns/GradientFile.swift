import NNCore
import NNData
import NNFiles

/// A student's gradients, for `nnlab grad --check`: JSON in `nnlab grad`'s own format
/// (`{"gradients": [{"weights": [[…]], "bias": […]}, …]}`, or just the list), or an `.npz` archive with
/// the arrays in the same order, named `dW1, db1, dW2, …`, `dW0, db0, …`, `W0, b0, …` or
/// `arr_0, arr_1, …` (`np.savez(f, *grads)`).
public enum GradientFile {
    /// The arrays in order (dW, db per dense layer), each with its shape, and the loss when the file gives it.
    public static func load(_ path: String, budget: MemoryBudget = MemoryBudget()) throws(InputError) -> (arrays: [(shape: [Int], values: [Double])], loss: Double?) {
        if path.lowercased().hasSuffix(".npz") { return (try npz(path), nil) }
        let root = try TextFile.readJSON(path, budget: budget)
        let list: JSONField
        var loss: Double?
        if case .object = root.value.kind {
            let object = try root.object(allowing: ["loss", "gradients"])
            loss = try object.optional("loss")?.number()
            list = try object.required("gradients", "a list of {\"weights\": [[…]], \"bias\": […]}, one per dense layer")
        } else {
            list = root
        }
        var arrays: [(shape: [Int], values: [Double])] = []
        for item in try list.array() {
            let layer = try item.object(allowing: ["weights", "bias"])
            let weights = try layer.required("weights", "the weights' gradient, a matrix (inputs × units)").matrix()
            let bias = try layer.required("bias", "the bias gradient, a list of numbers").vector()
            arrays.append(([weights.rows, weights.columns], weights.elements))
            arrays.append(([bias.count], bias))
        }
        return (arrays, loss)
    }

    static func npz(_ path: String) throws(InputError) -> [(shape: [Int], values: [Double])] {
        let bytes = try TextFile.read(path)
        let present = try NPZFile.arrayNames(bytes, file: path)
        // From 0 before from 1: an archive with dW0 also has dW1.
        let schemes: [(Int) -> String] = [
            { $0 % 2 == 0 ? "dW\($0 / 2)" : "db\($0 / 2)" }, { $0 % 2 == 0 ? "dW\($0 / 2 + 1)" : "db\($0 / 2 + 1)" },
            { $0 % 2 == 0 ? "W\($0 / 2)" : "b\($0 / 2)" }, { "arr_\($0)" },
        ]
        guard let scheme = schemes.first(where: { present.contains($0(0)) }) else {
            throw InputError(file: path, message: "expected arrays dW1, db1, dW2, … (or dW0, db0, …, W0, b0, …, arr_0, arr_1, …), received \(present.isEmpty ? "an empty archive" : present.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let names = (0..<present.count).map(scheme).prefix { present.contains($0) }
        guard names.count == present.count else {
            throw InputError(file: path, message: "expected only the arrays \(names.joined(separator: ", ")) in order, received also \(present.filter { !names.contains($0) }.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        return try NPZFile.parse(bytes, file: path, arrays: Array(names), maximumBytes: 8 * ModelFile.maximumParameters + 4096).map { ($0.shape, $0.values) }
    }
}
