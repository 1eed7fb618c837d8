/// Preallocated buffers for forward and backward passes of one network at up to `capacity` rows.
///
/// The training loop allocates nothing: every intermediate lives here, the parameters and
/// their gradients are flat vectors (each dense layer's W row-major, then its b), and the
/// optimizer updates the flat vector in one loop. A workspace is used by one thread at a time.
final class Workspace {
    struct Step {
        enum Kind { case dense, concat }
        let kind: Kind
        let inputWidth: Int
        let outputWidth: Int
        let activation: Activation
        let regularizer: Regularizer?
        /// Offsets of W and b in the parameter vector (dense only).
        let weightOffset: Int
        let biasOffset: Int
        /// Z (dense) and the layer's output A; for concat, only `output` is used.
        let preactivation: UnsafeMutablePointer<Double>
        let output: UnsafeMutablePointer<Double>
        /// dL/d(output), overwritten in place by dL/dZ for a dense layer.
        let outputGradient: UnsafeMutablePointer<Double>
    }

    let capacity: Int
    let inputWidth: Int
    let outputWidth: Int
    let loss: Loss
    let constants: Constants
    let steps: [Step]
    let parameterCount: Int
    /// Whether the loss is computed from the last layer's logits (bce after sigmoid, cce after softmax).
    let lossFromLogits: Bool
    let parameters: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    private var allocations: [UnsafeMutablePointer<Double>] = []

    init(network: Network, capacity: Int) {
        precondition(capacity > 0, "Workspace capacity must be positive, received \(capacity)")
        self.capacity = capacity
        self.inputWidth = network.inputWidth
        self.outputWidth = network.outputWidth
        self.loss = network.loss
        self.constants = network.constants
        var allocations: [UnsafeMutablePointer<Double>] = []
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            allocations.append(p)
            return p
        }
        let parameterCount = network.parameterCount
        let parameters = buffer(parameterCount)
        var steps: [Step] = []
        var width = network.inputWidth
        var offset = 0
        for layer in network.layers {
            switch layer {
            case .dense(let dense):
                let units = dense.units
                dense.weights.elements.withUnsafeBufferPointer { (parameters + offset).update(from: $0.baseAddress!, count: $0.count) }
                dense.bias.withUnsafeBufferPointer { (parameters + offset + dense.inputs * units).update(from: $0.baseAddress!, count: units) }
                let z = buffer(capacity * units)
                steps.append(Step(kind: .dense, inputWidth: width, outputWidth: units, activation: dense.activation,
                                  regularizer: dense.regularizer.flatMap { $0.isZero ? nil : $0 },
                                  weightOffset: offset, biasOffset: offset + dense.inputs * units,
                                  preactivation: z, output: dense.activation == .linear ? z : buffer(capacity * units),
                                  outputGradient: buffer(capacity * units)))
                offset += dense.parameterCount
                width = units
            case .concatInput:
                let out = network.inputWidth + width
                let o = buffer(capacity * out)
                steps.append(Step(kind: .concat, inputWidth: width, outputWidth: out, activation: .linear, regularizer: nil,
                                  weightOffset: offset, biasOffset: offset, preactivation: o, output: o,
                                  outputGradient: buffer(capacity * out)))
                width = out
            }
        }
        self.steps = steps
        if let last = steps.last, last.kind == .dense {
            lossFromLogits = network.loss.usesLogits(after: last.activation)
        } else {
            lossFromLogits = false
        }
        self.parameterCount = parameterCount
        self.parameters = parameters
        self.gradients = buffer(parameterCount)
        self.allocations = allocations
    }

    deinit {
        for p in allocations { p.deallocate() }
    }

    /// The last layer's output after `forward`.
    var output: UnsafePointer<Double> {
        UnsafePointer(steps.last?.output ?? parameters)
    }

    /// Runs every layer on `rows` input rows (`rows ≤ capacity`).
    func forward(_ input: UnsafePointer<Double>, rows: Int) {
        var current = input
        for step in steps {
            switch step.kind {
            case .dense:
                let w = UnsafePointer(parameters + step.weightOffset)
                let b = UnsafePointer(parameters + step.biasOffset)
                let units = step.outputWidth
                GEMM.multiply(m: rows, n: units, k: step.inputWidth, a: current, lda: step.inputWidth, transposeA: false,
                              b: w, ldb: units, transposeB: false, c: step.preactivation, ldc: units, accumulate: false)
                let z = step.preactivation
                for r in 0..<rows {
                    let row = z + r * units
                    for j in 0..<units { row[j] += b[j] }
                }
                step.activation.apply(UnsafePointer(z), into: step.output, rows: rows, columns: units, constants: constants)
            case .concat:
                let out = step.output
                let d0 = inputWidth
                let s = step.inputWidth
                for r in 0..<rows {
                    (out + r * step.outputWidth).update(from: input + r * d0, count: d0)
                    (out + r * step.outputWidth + d0).update(from: current + r * s, count: s)
                }
            }
            current = UnsafePointer(step.output)
        }
    }

    /// The data loss of the last `forward` against `targets`, from the logits where Keras uses them.
    func dataLoss(targets: UnsafePointer<Double>, rows: Int) -> Double {
        guard let last = steps.last else { return 0 }
        if lossFromLogits {
            return loss.value(logits: last.preactivation, targets: targets, rows: rows, columns: outputWidth)
        }
        return loss.value(predictions: last.output, targets: targets, rows: rows, columns: outputWidth)
    }

    /// The sum of the regularization penalties at the current parameters.
    func penalty() -> Double {
        var total = 0.0
        for step in steps {
            if let regularizer = step.regularizer {
                total += regularizer.penalty(parameters + step.weightOffset, count: step.inputWidth * step.outputWidth, constants: constants)
            }
        }
        return total
    }

    /// Backpropagates from `targets` after `forward(input, rows)`, filling `gradients`
    /// (data-loss gradient plus the regularizers' gradients).
    func backward(input: UnsafePointer<Double>, targets: UnsafePointer<Double>, rows: Int) {
        guard let last = steps.last else { return }
        if lossFromLogits {
            loss.logitGradient(activations: last.output, targets: targets, into: last.outputGradient, rows: rows, columns: outputWidth)
        } else {
            loss.gradient(predictions: last.output, targets: targets, into: last.outputGradient, rows: rows, columns: outputWidth)
        }
        var index = steps.count - 1
        while index >= 0 {
            let step = steps[index]
            let layerInput = index == 0 ? input : UnsafePointer(steps[index - 1].output)
            let previousGradient: UnsafeMutablePointer<Double>? = index == 0 ? nil : steps[index - 1].outputGradient
            switch step.kind {
            case .dense:
                let units = step.outputWidth
                let inputs = step.inputWidth
                let dz = step.outputGradient
                if !(lossFromLogits && index == steps.count - 1) {
                    step.activation.backward(z: step.preactivation, a: step.output, gradientA: dz, into: dz, rows: rows, columns: units, constants: constants)
                }
                let dw = gradients + step.weightOffset
                GEMM.multiply(m: inputs, n: units, k: rows, a: layerInput, lda: inputs, transposeA: true,
                              b: dz, ldb: units, transposeB: false, c: dw, ldc: units, accumulate: false)
                let db = gradients + step.biasOffset
                for j in 0..<units { db[j] = 0 }
                for r in 0..<rows {
                    let row = dz + r * units
                    for j in 0..<units { db[j] += row[j] }
                }
                if let regularizer = step.regularizer {
                    regularizer.addGradient(parameters + step.weightOffset, into: dw, count: inputs * units, constants: constants)
                }
                if let previousGradient {
                    GEMM.multiply(m: rows, n: inputs, k: units, a: dz, lda: units, transposeA: false,
                                  b: parameters + step.weightOffset, ldb: units, transposeB: true,
                                  c: previousGradient, ldc: inputs, accumulate: false)
                }
            case .concat:
                if let previousGradient {
                    let d0 = inputWidth
                    let s = step.inputWidth
                    for r in 0..<rows {
                        (previousGradient + r * s).update(from: step.outputGradient + r * step.outputWidth + d0, count: s)
                    }
                }
            }
            index -= 1
        }
    }

    /// Writes the flat parameters back into `network`'s dense layers.
    func store(into network: inout Network) {
        var stepIndex = 0
        for (i, layer) in network.layers.enumerated() {
            defer { stepIndex += 1 }
            guard case .dense(var dense) = layer else { continue }
            let step = steps[stepIndex]
            let wCount = step.inputWidth * step.outputWidth
            dense.weights.elements = Array(UnsafeBufferPointer(start: parameters + step.weightOffset, count: wCount))
            dense.bias = Array(UnsafeBufferPointer(start: parameters + step.biasOffset, count: step.outputWidth))
            network.setDense(dense, at: i)
        }
    }

    /// The gradient of one dense layer (by layer index) as (dW, db).
    func gradient(ofLayer index: Int) -> (weights: Matrix, bias: [Double]) {
        let step = steps[index]
        precondition(step.kind == .dense, "layers[\(index)] has no parameters")
        let wCount = step.inputWidth * step.outputWidth
        return (Matrix(rows: step.inputWidth, columns: step.outputWidth,
                       elements: Array(UnsafeBufferPointer(start: gradients + step.weightOffset, count: wCount))),
                Array(UnsafeBufferPointer(start: gradients + step.biasOffset, count: step.outputWidth)))
    }
}
