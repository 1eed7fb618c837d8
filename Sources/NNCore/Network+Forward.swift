/// What one layer computed in a forward pass (for the lab's tables).
public struct LayerTrace: Sendable, Hashable {
    /// What came into the layer.
    public var input: Matrix
    /// Z = X·W + b for a dense layer; nil for other layers.
    public var preactivation: Matrix?
    /// The layer's output.
    public var output: Matrix
}

extension Network {
    /// Every layer's input, pre-activation and output for inputs `x` (allocates; for the lab): one
    /// inference pass through the workspace, every layer's buffers read back, so a trace computes what
    /// `predict` computes, bit for bit, whatever the layer.
    public func trace(_ x: Matrix) -> [LayerTrace] {
        precondition(x.columns == inputWidth, "Network expects \(inputWidth) input columns, received \(x.columns)")
        let rows = x.rows
        let workspace = rows > 0 ? Workspace(network: self, capacity: rows) : nil
        if let workspace { x.elements.withUnsafeBufferPointer { workspace.forward($0.baseAddress!, rows: rows) } }
        var input = x
        return layers.indices.map { i in
            let width = outputWidth(ofLayer: i)
            func matrix(_ values: UnsafePointer<Double>?) -> Matrix {
                Matrix(rows: rows, columns: width, elements: values.map { Array(UnsafeBufferPointer(start: $0, count: rows * width)) } ?? [])
            }
            let memory = workspace?.memory[i]
            let output = matrix(memory.map { UnsafePointer($0.output) })
            // Z for a dense layer: where it keeps the input of its activation.
            let z = layers[i] is Dense ? matrix(memory.flatMap { layers[i].finalActivation($0)?.logits }) : nil
            defer { input = output }
            return LayerTrace(input: input, preactivation: z, output: output)
        }
    }

    /// The output of layer `index` (0-based) for inputs `x`: the course's `forward_upto(j)`.
    public func forward(_ x: Matrix, upTo index: Int) -> Matrix {
        precondition(index >= -1 && index < layers.count, "forward(upTo:) needs a layer index in -1..<\(layers.count), received \(index)")
        guard index >= 0 else { return x }
        return Network(truncating: self, to: index + 1).predict(x)
    }

    /// The network's output for inputs `x`.
    ///
    /// Rows go through in chunks whose intermediate values take at most `predictionWorkspaceBytes`,
    /// so a decision boundary of 40,000 points through a wide layer needs megabytes, not the
    /// points × width × 8 bytes of one pass. Each row's output does not depend on the chunking.
    public func predict(_ x: Matrix) -> Matrix {
        predict(x, phase: .inference)
    }

    /// The network's output for inputs `x` in `phase`: in training, dropout drops values with masks
    /// drawn from `seed`'s dropout stream, row by row (the masks of a run's first batch with that seed).
    public func predict(_ x: Matrix, phase: Phase, seed: UInt64 = 0) -> Matrix {
        precondition(x.columns == inputWidth, "Network expects \(inputWidth) input columns, received \(x.columns)")
        guard x.rows > 0 else { return Matrix(rows: 0, columns: outputWidth) }
        let widths = inputWidth + layers.indices.reduce(0) { $0 + outputWidth(ofLayer: $1) }
        let chunk = max(1, min(x.rows, Self.predictionWorkspaceBytes / (8 * 3 * max(1, widths))))
        let workspace = Workspace(network: self, capacity: chunk, seed: seed)
        var output = [Double](repeating: 0, count: x.rows * outputWidth)
        x.elements.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { result in
                guard let source = input.baseAddress, let target = result.baseAddress else { return }
                var start = 0
                while start < x.rows {
                    let rows = min(chunk, x.rows - start)
                    workspace.forward(source + start * inputWidth, rows: rows, phase: phase)
                    (target + start * outputWidth).update(from: workspace.output, count: rows * outputWidth)
                    start += rows
                }
            }
        }
        return Matrix(rows: x.rows, columns: outputWidth, elements: output)
    }

    /// The most memory one `predict` call gives its intermediate values (64 MiB).
    public static let predictionWorkspaceBytes = 64 << 20

    /// The network's output for inputs `x`.
    public func callAsFunction(_ x: Matrix) -> Matrix { predict(x) }

    /// The total loss (data loss + penalties) on `x`, `y`, computed as in training (from the
    /// logits for bce after sigmoid and cce after softmax, as Keras does), in `phase` (in training,
    /// dropout's masks come from `seed`, as in `gradients(_:_:phase:seed:)`).
    public func evaluate(_ x: Matrix, _ y: Matrix, phase: Phase = .inference, seed: UInt64 = 0) -> Double {
        precondition(x.columns == inputWidth && y.columns == outputWidth && x.rows == y.rows && x.rows > 0,
                     "evaluate needs non-empty x and y that fit the network")
        let workspace = Workspace(network: self, capacity: x.rows, seed: seed)
        return x.elements.withUnsafeBufferPointer { xb in
            y.elements.withUnsafeBufferPointer { yb in
                workspace.forward(xb.baseAddress!, rows: x.rows, phase: phase)
                return workspace.dataLoss(targets: yb.baseAddress!, rows: x.rows) + workspace.penalty()
            }
        }
    }

    private init(truncating network: Network, to count: Int) {
        self.init(inputWidth: network.inputWidth, loss: network.loss)
        constants = network.constants
        for layer in network.layers.prefix(count) {
            do { try add(layer) } catch { preconditionFailure("a prefix of a built network is built: \(error)") }
        }
    }
}
