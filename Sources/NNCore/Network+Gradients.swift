/// The gradient of the total loss with respect to one dense layer's parameters.
public struct LayerGradient: Sendable, Hashable {
    /// ∂L/∂W, `inputs × units`.
    public var weights: Matrix
    /// ∂L/∂b, `units` entries.
    public var bias: [Double]
}

/// The total loss on a batch and its gradient, one entry per dense layer in order.
public struct Gradients: Sendable, Hashable {
    /// Data loss + penalties.
    public var loss: Double
    /// The data loss alone.
    public var dataLoss: Double
    /// The regularization penalties alone.
    public var penalty: Double
    /// One entry per dense layer, in order.
    public var layers: [LayerGradient]
}

extension Network {
    /// The total loss L = loss(f(x), y) + Σ penalties and ∂L/∂(W, b) for every dense layer,
    /// by backpropagation over the whole batch, in `phase` (inference by default: dropout is the
    /// identity; in training its masks are drawn from `seed`'s dropout stream, as in the first
    /// batch of a run with that seed).
    public func gradients(_ x: Matrix, _ y: Matrix, phase: Phase = .inference, seed: UInt64 = 0) throws(NetworkError) -> Gradients {
        try checkData(x, y, what: "data")
        let workspace = Workspace(network: self, capacity: x.rows, seed: seed)
        return x.elements.withUnsafeBufferPointer { xb in
            y.elements.withUnsafeBufferPointer { yb in
                let input = xb.baseAddress!
                let targets = yb.baseAddress!
                workspace.forward(input, rows: x.rows, phase: phase)
                let dataLoss = workspace.dataLoss(targets: targets, rows: x.rows)
                let penalty = workspace.penalty()
                workspace.backward(input: input, targets: targets, rows: x.rows, phase: phase)
                let layers = self.layers.indices.compactMap { i -> LayerGradient? in
                    guard self.layers[i] is Dense else { return nil }
                    let g = workspace.gradient(ofLayer: i)
                    return LayerGradient(weights: g.weights, bias: g.bias)
                }
                return Gradients(loss: dataLoss + penalty, dataLoss: dataLoss, penalty: penalty, layers: layers)
            }
        }
    }

    /// The gradient by central differences, (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h for every parameter,
    /// with L the total loss (`evaluate` in `phase`; in training every evaluation draws the same
    /// dropout masks from `seed`): an independent check of backpropagation.
    public func centralDifferenceGradient(_ x: Matrix, _ y: Matrix, step h: Double = 1e-6,
                                          phase: Phase = .inference, seed: UInt64 = 0) -> [Double] {
        let theta = parameterVector
        var probe = self
        return theta.indices.map { i in
            var t = theta
            t[i] = theta[i] + h
            probe.parameterVector = t
            let plus = probe.evaluate(x, y, phase: phase, seed: seed)
            t[i] = theta[i] - h
            probe.parameterVector = t
            let minus = probe.evaluate(x, y, phase: phase, seed: seed)
            return (plus - minus) / (2 * h)
        }
    }

    /// Checks that `x` and `y` are non-empty and fit the network's input and output widths.
    func checkData(_ x: Matrix, _ y: Matrix, what: String) throws(NetworkError) {
        guard x.rows > 0 else { throw .empty("\(what): expected at least one sample, received none") }
        guard x.columns == inputWidth else { throw .dataWidthMismatch(what: "\(what).x", expected: inputWidth, received: x.columns) }
        guard y.columns == outputWidth else { throw .dataWidthMismatch(what: "\(what).y", expected: outputWidth, received: y.columns) }
        guard x.rows == y.rows else { throw .rowCountMismatch(inputs: x.rows, targets: y.rows) }
    }
}
