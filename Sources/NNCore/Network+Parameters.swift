extension Network {
    /// All trainable parameters as one vector: each dense layer's W (row-major), then its b.
    public var parameterVector: [Double] {
        get { denseLayers.flatMap { $0.layer.weights.elements + $0.layer.bias } }
        set {
            precondition(newValue.count == parameterCount, "parameterVector needs \(parameterCount) values, received \(newValue.count)")
            var offset = 0
            for (index, layer) in denseLayers {
                var dense = layer
                let w = dense.weights.elements.count
                dense.weights.elements = Array(newValue[offset..<(offset + w)])
                dense.bias = Array(newValue[(offset + w)..<(offset + w + dense.units)])
                offset += w + dense.units
                setDense(dense, at: index)
            }
        }
    }
}

extension Gradients {
    /// The gradient in the layout of `Network.parameterVector`.
    public var flattened: [Double] { layers.flatMap { $0.weights.elements + $0.bias } }
}
