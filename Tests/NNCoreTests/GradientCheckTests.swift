import NNCore
import TestSupport
import Testing

/// Backpropagation against central differences for every activation × loss × regularizer.
@Suite("Gradient checks")
struct GradientCheckTests {
    static let activations: [Activation] = [.linear, .sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.1), .softmax, .elu(alpha: 1), .elu(alpha: 0.5), .selu,
                                            .gelu(approximate: false), .gelu(approximate: true), .softplus, .swish, .hardSigmoid]
    static let regularizers: [Regularizer?] = [nil, .l1(0.01), .l2(0.02), Regularizer(l1: 0.003, l2: 0.004)]

    /// The output activations each loss is used with.
    static func outputActivations(for loss: Loss) -> [Activation] {
        switch loss {
        case .mse: activations
        case .binaryCrossentropy: [.sigmoid]
        case .categoricalCrossentropy: [.softmax]
        }
    }

    /// Targets that suit the loss: any reals for mse, 0/1 for bce, one-hot rows for cce.
    static func targets(for loss: Loss, rows: Int, columns: Int, using generator: inout RandomGenerator) -> Matrix {
        var y = Matrix(rows: rows, columns: columns)
        for r in 0..<rows {
            switch loss {
            case .mse:
                for j in 0..<columns { y[r, j] = generator.nextUniform(-1, 1) }
            case .binaryCrossentropy:
                for j in 0..<columns { y[r, j] = generator.nextUnit() < 0.5 ? 0 : 1 }
            case .categoricalCrossentropy:
                y[r, generator.nextIndex(below: columns)] = 1
            }
        }
        return y
    }

    static func randomInputs(rows: Int, columns: Int, using generator: inout RandomGenerator) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in generator.nextUniform(-2, 2) })
    }

    /// Compares backprop with (L(θ + h) − L(θ − h)) / 2h on every parameter.
    func check(_ network: Network, _ x: Matrix, _ y: Matrix, _ label: String) throws {
        let analytic = try network.gradients(x, y)
        let numeric = network.centralDifferenceGradient(x, y, step: 1e-6)
        let flat = analytic.flattened
        #expect(flat.count == numeric.count)
        for i in flat.indices {
            let tolerance = 1e-7 * max(1, abs(numeric[i]))
            #expect(abs(flat[i] - numeric[i]) <= tolerance, "\(label): parameter \(i): backprop \(flat[i]) vs central \(numeric[i])")
        }
        #expect(abs(analytic.loss - network.evaluate(x, y)) <= 1e-12 * max(1, abs(analytic.loss)), "\(label): loss")
    }

    @Test(arguments: Loss.allCases)
    func everyActivationLossAndRegularizer(loss: Loss) throws {
        var generator = RandomGenerator(seed: 7)
        for hidden in Self.activations {
            for output in Self.outputActivations(for: loss) {
                for regularizer in Self.regularizers {
                    var network = Network(inputWidth: 3, loss: loss)
                    network.addDense(units: 4, activation: hidden, regularizer: regularizer, using: &generator)
                    network.addDense(units: 3, activation: output, regularizer: regularizer, using: &generator)
                    // Non-zero biases so that every parameter matters.
                    var theta = network.parameterVector
                    for i in theta.indices where theta[i] == 0 { theta[i] = generator.nextUniform(-0.5, 0.5) }
                    network.parameterVector = theta
                    let x = Self.randomInputs(rows: 5, columns: 3, using: &generator)
                    let y = Self.targets(for: loss, rows: 5, columns: 3, using: &generator)
                    try check(network, x, y, "\(hidden.name) → \(output.name), \(loss.name), \(String(describing: regularizer))")
                }
            }
        }
    }

    @Test func singleSigmoidOutputWithBinaryCrossentropy() throws {
        var generator = RandomGenerator(seed: 11)
        var network = Network(inputWidth: 2, loss: .binaryCrossentropy)
        network.addDense(units: 3, activation: .tanh, using: &generator)
        network.addDense(units: 1, activation: .sigmoid, regularizer: .l2(0.01), using: &generator)
        let x = Self.randomInputs(rows: 6, columns: 2, using: &generator)
        let y = Self.targets(for: .binaryCrossentropy, rows: 6, columns: 1, using: &generator)
        try check(network, x, y, "2-3-1 bce")
    }

    @Test func concatInputSkip() throws {
        var generator = RandomGenerator(seed: 3)
        for activation in Self.activations where activation != .softmax {
            var network = Network(inputWidth: 2, loss: .mse)
            network.addDense(units: 2, activation: activation, regularizer: .l2(0.01), using: &generator)
            network.addConcatInput()
            network.addDense(units: 3, activation: .tanh, regularizer: .l1(0.01), using: &generator)
            network.addConcatInput()
            network.addDense(units: 1, activation: activation, using: &generator)
            #expect(network.outputWidth(ofLayer: 1) == 4)
            #expect(network.outputWidth(ofLayer: 3) == 5)
            let x = Self.randomInputs(rows: 4, columns: 2, using: &generator)
            let y = Self.targets(for: .mse, rows: 4, columns: 1, using: &generator)
            try check(network, x, y, "concat_input with \(activation.name)")
        }
    }

    @Test func concatInputPassesOnlyItsOwnPart() throws {
        // dense 1 → concat_input → dense 1: the output layer sees [x₁, x₂, s]; the gradient that
        // reaches the first layer is the output layer's weight on s alone.
        var generator = RandomGenerator(seed: 5)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 1, activation: .linear, using: &generator)
        network.addConcatInput()
        try network.add(Dense(weights: Matrix([[10], [20], [0.5]]), bias: [0], activation: .linear))
        let x = Matrix([[1, 2]])
        let y = Matrix([[0]])
        let g = try network.gradients(x, y)
        let p = network.predict(x)[0, 0]
        // L = (p − y)², ∂L/∂p = 2p; ∂p/∂s = 0.5; ∂s/∂W₁ = x.
        expectClose(g.layers[0].weights.elements, [2 * p * 0.5 * 1, 2 * p * 0.5 * 2], tolerance: 1e-12, "dW1")
        expectClose(g.layers[0].bias, [2 * p * 0.5], tolerance: 1e-12, "db1")
    }

    @Test func jacobiansAgreeWithBackward() {
        // J[i][j] = ∂aⱼ/∂zᵢ against central differences of the activation itself.
        let z = Matrix(row: [0.3, -1.2, 2.0, 0.7])
        for activation in Self.activations {
            let jacobian = activation.jacobian(at: z)
            for i in 0..<4 {
                let column = centralDifferences(z.elements, step: 1e-6) { v in activation(Matrix(row: v)).elements[i] }
                for k in 0..<4 {
                    #expect(abs(jacobian[k, i] - column[k]) < 1e-8, "\(activation.name) J[\(k)][\(i)]")
                }
            }
        }
    }
}
