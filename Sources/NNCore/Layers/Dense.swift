/// A fully connected layer: A = f(Z), Z = X·W + b.
///
/// `weights` is `inputs × units`, `bias` has `units` entries; the optional regularizer applies
/// to the weights only.
public struct Dense: Sendable, Hashable {
    public var weights: Matrix
    public var bias: [Double]
    public var activation: Activation
    public var regularizer: Regularizer?
    /// How the weights were (or will be) initialized; recorded in model files.
    public var initializer: Initializer

    /// A layer with explicit weights and bias.
    public init(weights: Matrix, bias: [Double], activation: Activation = .linear,
                regularizer: Regularizer? = nil, initializer: Initializer = .glorotUniform) {
        precondition(bias.count == weights.columns, "Dense bias needs \(weights.columns) entries, received \(bias.count)")
        self.weights = weights
        self.bias = bias
        self.activation = activation
        self.regularizer = regularizer
        self.initializer = initializer
    }

    /// A layer initialized from `generator` (biases start at zero).
    public init(inputs: Int, units: Int, activation: Activation = .linear, regularizer: Regularizer? = nil,
                initializer: Initializer = .glorotUniform, using generator: inout RandomGenerator) {
        self.init(weights: initializer.weights(fanIn: inputs, fanOut: units, using: &generator),
                  bias: Array(repeating: 0, count: units), activation: activation,
                  regularizer: regularizer, initializer: initializer)
    }

    public var inputs: Int { weights.rows }
    public var units: Int { weights.columns }
    public var parameterCount: Int { weights.elements.count + bias.count }

    /// Z = X·W + b (before the activation).
    public func preactivation(_ x: Matrix) -> Matrix {
        precondition(x.columns == inputs, "Dense expects \(inputs) input columns, received \(x.columns)")
        var z = x.multiplied(by: weights)
        for r in 0..<z.rows {
            for j in 0..<units { z.elements[r * units + j] += bias[j] }
        }
        return z
    }

    /// A = f(X·W + b).
    public func callAsFunction(_ x: Matrix) -> Matrix {
        activation(preactivation(x))
    }

    /// The penalty this layer adds to the loss.
    public var penalty: Double {
        guard let regularizer, !regularizer.isZero else { return 0 }
        return weights.elements.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return regularizer.penalty(base, count: buffer.count)
        }
    }
}
