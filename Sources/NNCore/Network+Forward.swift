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
    /// Every layer's input, pre-activation and output for inputs `x` (allocates; for the lab).
    public func trace(_ x: Matrix) -> [LayerTrace] {
        precondition(x.columns == inputWidth, "Network expects \(inputWidth) input columns, received \(x.columns)")
        var traces: [LayerTrace] = []
        var current = x
        for (index, layer) in layers.enumerated() {
            if let dense = layer as? Dense {
                let z = dense.preactivation(current)
                let a = dense.activation(z, constants: constants)
                traces.append(LayerTrace(input: current, preactivation: z, output: a))
                current = a
            } else {
                let out = Self.run(layer, on: current, networkInput: x, outputWidth: outputWidth(ofLayer: index))
                traces.append(LayerTrace(input: current, preactivation: nil, output: out))
                current = out
            }
        }
        return traces
    }

    /// One layer's output for `input` in inference (allocates; for traces).
    private static func run(_ layer: any Layer, on input: Matrix, networkInput: Matrix, outputWidth: Int) -> Matrix {
        let rows = input.rows
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        let memory = LayerMemory(inputWidth: input.columns, outputWidth: outputWidth, output: buffer(rows * outputWidth),
                                 scratch: buffer(rows * layer.scratchWidth(inputWidth: input.columns)),
                                 parameters: buffer(layer.parameterCount), gradients: buffer(layer.parameterCount),
                                 outputGradient: buffer(rows * outputWidth), inputGradient: nil)
        defer {
            for p in [memory.output, memory.scratch, memory.parameters, memory.gradients, memory.outputGradient] { p.deallocate() }
        }
        layer.copyParameters(into: memory.parameters)
        var random = RandomGenerator(seed: 0, stream: RandomStream.dropout)
        input.elements.withUnsafeBufferPointer { x in
            networkInput.elements.withUnsafeBufferPointer { x0 in
                let pass = LayerPass(rows: rows, phase: .inference, constants: .keras, networkInput: x0.baseAddress!,
                                     networkInputWidth: networkInput.columns, gradientIsLogit: false)
                layer.forward(x.baseAddress!, memory, pass, random: &random)
            }
        }
        return Matrix(rows: rows, columns: outputWidth, elements: Array(UnsafeBufferPointer(start: memory.output, count: rows * outputWidth)))
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
