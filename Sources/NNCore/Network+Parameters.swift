extension Network {
    /// All trainable parameters as one vector, layer by layer in each layer's layout (a dense
    /// layer's W row-major, then its b) — the layout of the workspace's parameter vector.
    public var parameterVector: [Double] {
        get {
            var values = [Double](repeating: 0, count: parameterCount)
            values.withUnsafeMutableBufferPointer { buffer in
                var offset = 0
                for layer in layers where layer.parameterCount > 0 {
                    layer.copyParameters(into: buffer.baseAddress! + offset)
                    offset += layer.parameterCount
                }
            }
            return values
        }
        set {
            precondition(newValue.count == parameterCount, "parameterVector needs \(parameterCount) values, received \(newValue.count)")
            newValue.withUnsafeBufferPointer { buffer in
                var offset = 0
                for index in layers.indices where layers[index].parameterCount > 0 {
                    var layer = layers[index]
                    layer.loadParameters(from: buffer.baseAddress! + offset)
                    offset += layer.parameterCount
                    replaceLayer(at: index, with: layer)
                }
            }
        }
    }
}

extension Gradients {
    /// The gradient in the layout of `Network.parameterVector`.
    public var flattened: [Double] { layers.flatMap { $0.weights.elements + $0.bias } }
}
