import NNCore
import NNData
import NNFiles

/// A model's weights as NumPy arrays, in the order of its dense layers: `W0, b0, W1, b1, …` (each W
/// inputs × units, as Keras's kernel), the layout `nnlab convert` writes to `.npz`. Reading also takes
/// `numpy.savez(f, *model.get_weights())`'s `arr_0, arr_1, …` (Keras's kernel, bias order).
public enum ModelArrays {
    /// The arrays of `network`'s dense layers.
    public static func arrays(of network: Network) -> [(name: String, array: NPYArray)] {
        network.denseLayers.enumerated().flatMap { i, entry in
            [("W\(i)", NPYArray(shape: [entry.layer.inputs, entry.layer.units], values: entry.layer.weights.elements)),
             ("b\(i)", NPYArray(shape: [entry.layer.units], values: entry.layer.bias))]
        }
    }

    /// The rows of the first kernel in the `.npz` archive `bytes` (read from `path`; `W0`, or `arr_0`): the
    /// input width of a model whose first layer is dense.
    public static func inputWidth(npz path: String, bytes: [UInt8], location: FieldLocation) throws(InputError) -> Int {
        let first = try layerArrays(NPZFile.arrayNames(bytes, file: path), layers: 1, location: location)[0]
        let kernel = try NPZFile.parse(bytes, file: path, arrays: [first], maximumBytes: 8 * ModelFile.maximumParameters + 4096)[0]
        guard kernel.shape.count == 2, (1...ModelFile.maximumInput).contains(kernel.shape[0]) else {
            throw InputError(file: path, field: first, message: "expected a kernel of shape (inputs, units), received shape (\(kernel.shape.map(String.init).joined(separator: ", ")))")
        }
        return kernel.shape[0]
    }

    /// The names of `count` dense layers' arrays in an archive holding `names`: `W0, b0, W1, b1, …`, or
    /// `numpy.savez(f, *model.get_weights())`'s `arr_0, arr_1, …`.
    private static func layerArrays(_ names: [String], layers count: Int, location: FieldLocation) throws(InputError) -> [String] {
        if names.contains("W0") || names.contains("b0") { return (0..<count).flatMap { ["W\($0)", "b\($0)"] } }
        if names.contains("arr_0") { return (0..<(2 * count)).map { "arr_\($0)" } }
        throw location.error("expected arrays W0, b0, W1, b1, … (or arr_0, arr_1, … from numpy.savez(f, *model.get_weights())), received \(names.isEmpty ? "an empty archive" : names.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    /// `spec` with every dense layer's weights and bias from the `.npz` archive `bytes` (read from `path`;
    /// errors at `location`, the field that names the file). The shapes are checked when the network is
    /// built, against what comes into each layer.
    public static func apply(npz path: String, bytes: [UInt8], to spec: ModelSpec, location: FieldLocation) throws(InputError) -> ModelSpec {
        let archive = try NPZFile.arrayNames(bytes, file: path)
        let dense = spec.denseIndices
        let widths = spec.cost.widths
        let names = try layerArrays(archive, layers: dense.count, location: location)
        let extra = archive.filter { !names.contains($0) }
        guard extra.isEmpty else {
            throw location.error("expected \(names.count) arrays for the \(dense.count) dense layers (\(names.joined(separator: ", "))), received also \(extra.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let arrays = try NPZFile.parse(bytes, file: path, arrays: names, maximumBytes: 8 * ModelFile.maximumParameters + 4096)
        var result = spec
        for (k, index) in dense.enumerated() {
            guard var layer = result.layers[index] as? DenseSpec else { continue }
            let (w, b) = (arrays[2 * k], arrays[2 * k + 1])
            guard layer.weights == nil, layer.bias == nil else {
                throw layer.location.error("expected weights either in the layer or in the .npz file, received both")
            }
            let incoming = widths[index]
            guard w.shape.count == 2, Double(w.shape[0]) == incoming, w.shape[1] == layer.units else {
                throw InputError(file: path, field: names[2 * k], message: "expected a kernel of shape (\(RunCost.count(incoming)), \(layer.units)) for layers[\(index)] (dense: \(RunCost.count(incoming)) inputs × \(layer.units) units), received shape (\(w.shape.map(String.init).joined(separator: ", ")))")
            }
            guard b.shape == [layer.units] else {
                throw InputError(file: path, field: names[2 * k + 1], message: "expected a bias of shape (\(layer.units),) for layers[\(index)], received shape (\(b.shape.map(String.init).joined(separator: ", ")))")
            }
            layer.weights = w.matrix
            layer.bias = b.values
            result.layers[index] = layer
        }
        return result
    }
}
