/// A fully connected layer: A = f(Z), Z = X·W + b.
///
/// `weights` is `inputs × units`, `bias` has `units` entries; the optional regularizer applies
/// to the weights only. In the parameter vector the layer is W (row-major), then b.
///
/// Backward, with δ = ∂L/∂Z = f′(Z) ⊙ ∂L/∂A (or the loss's logit gradient):
///
///     ∂L/∂W = Xᵀ·δ + ∂penalty/∂W,   ∂L/∂b = Σ_rows δ,   ∂L/∂X = δ·Wᵀ
public struct Dense: Layer {
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

    /// The penalty this layer adds to the loss, with `constants` as Keras rounds λ₁, λ₂ or as written.
    public func penalty(constants: Constants = .keras) -> Double {
        weights.elements.withUnsafeBufferPointer { penalty($0.baseAddress!, constants: constants) }
    }

    // MARK: Layer

    public var typeName: String { "dense" }

    public var description: String { "dense \(units) \(activation.name)" }

    public func outputWidth(for input: LayerInput) throws(NetworkError) -> Int {
        guard inputs == input.width else {
            throw .inputWidthMismatch(layer: input.index, expected: input.width, received: inputs)
        }
        return units
    }

    /// Z is kept apart from A unless the activation is linear (then A = Z in the output buffer).
    public func scratchWidth(inputWidth: Int) -> Int { activation == .linear ? 0 : units }

    public var isRegularized: Bool { regularizer != nil }

    public func copyParameters(into destination: UnsafeMutablePointer<Double>) {
        weights.elements.withUnsafeBufferPointer { destination.update(from: $0.baseAddress!, count: $0.count) }
        bias.withUnsafeBufferPointer { (destination + inputs * units).update(from: $0.baseAddress!, count: units) }
    }

    public mutating func loadParameters(from source: UnsafePointer<Double>) {
        weights.elements = Array(UnsafeBufferPointer(start: source, count: inputs * units))
        bias = Array(UnsafeBufferPointer(start: source + inputs * units, count: units))
    }

    public func penalty(_ parameters: UnsafePointer<Double>, constants: Constants) -> Double {
        guard let regularizer, !regularizer.isZero else { return 0 }
        return regularizer.penalty(parameters, count: inputs * units, constants: constants)
    }

    /// Where Z is after `forward`.
    private func preactivation(_ memory: LayerMemory) -> UnsafeMutablePointer<Double> {
        activation == .linear ? memory.output : memory.scratch
    }

    public func finalActivation(_ memory: LayerMemory) -> (activation: Activation, logits: UnsafePointer<Double>)? {
        (activation, UnsafePointer(preactivation(memory)))
    }

    public func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, random: inout RandomGenerator) {
        let rows = pass.rows
        let z = preactivation(memory)
        let b = memory.parameters + inputs * units
        GEMM.multiply(m: rows, n: units, k: inputs, a: input, lda: inputs, transposeA: false,
                      b: memory.parameters, ldb: units, transposeB: false, c: z, ldc: units, accumulate: false)
        for r in 0..<rows {
            let row = z + r * units
            for j in 0..<units { row[j] += b[j] }
        }
        activation.apply(UnsafePointer(z), into: memory.output, rows: rows, columns: units, constants: pass.constants)
    }

    public func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {
        let rows = pass.rows
        let dz = memory.outputGradient
        if !pass.gradientIsLogit {
            activation.backward(z: preactivation(memory), a: memory.output, gradientA: dz, into: dz, rows: rows, columns: units,
                                constants: pass.constants)
        }
        let dw = memory.gradients
        GEMM.multiply(m: inputs, n: units, k: rows, a: input, lda: inputs, transposeA: true,
                      b: dz, ldb: units, transposeB: false, c: dw, ldc: units, accumulate: false)
        let db = memory.gradients + inputs * units
        for j in 0..<units { db[j] = 0 }
        for r in 0..<rows {
            let row = dz + r * units
            for j in 0..<units { db[j] += row[j] }
        }
        if let regularizer, !regularizer.isZero {
            regularizer.addGradient(memory.parameters, into: dw, count: inputs * units, constants: pass.constants)
        }
        if let previous = memory.inputGradient {
            GEMM.multiply(m: rows, n: inputs, k: units, a: dz, lda: units, transposeA: false,
                          b: memory.parameters, ldb: units, transposeB: true, c: previous, ldc: inputs, accumulate: false)
        }
    }
}
