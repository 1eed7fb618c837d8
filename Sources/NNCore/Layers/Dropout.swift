/// Inverted dropout, as Keras's `Dropout`: in training each value is kept with probability 1 − rate
/// and scaled by 1/(1 − rate), otherwise zeroed; in inference the layer is the identity.
///
///     training:  A = X ⊙ M,  M_ij = 1/(1 − rate) if u_ij ≥ rate else 0,  u_ij ~ U[0, 1)
///     backward:  ∂L/∂X = ∂L/∂A ⊙ M  (training),  ∂L/∂A (inference)
///
/// The kept values are X·(1/(1 − rate)), the scale computed first as TensorFlow's dropout does.
/// The u_ij come from the run's dropout stream (`RandomStream.dropout`), one per value, row by row,
/// so a run with dropout is reproducible from its seed; rate 0 draws nothing.
public struct Dropout: Layer {
    /// The fraction of values dropped in training, in [0, 1).
    public var rate: Double

    public init(rate: Double) {
        precondition(rate >= 0 && rate < 1, "Dropout rate must be in [0, 1), received \(rate)")
        self.rate = rate
    }

    public var typeName: String { "dropout" }
    public var description: String { "dropout \(rate)" }

    public func outputWidth(for input: LayerInput) throws(NetworkError) -> Int { input.width }

    /// The mask M of the last training pass.
    public func scratchWidth(inputWidth: Int) -> Int { inputWidth }

    public func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, random: inout RandomGenerator) {
        let count = pass.rows * memory.inputWidth
        guard pass.phase == .training, rate > 0 else {
            memory.output.update(from: input, count: count)
            return
        }
        let scale = 1 / (1 - rate)
        for i in 0..<count {
            let keep = random.nextUnit() >= rate
            memory.scratch[i] = keep ? scale : 0
            memory.output[i] = keep ? input[i] * scale : 0
        }
    }

    public func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {
        guard let previous = memory.inputGradient else { return }
        let count = pass.rows * memory.inputWidth
        guard pass.phase == .training, rate > 0 else {
            previous.update(from: memory.outputGradient, count: count)
            return
        }
        for i in 0..<count {
            let m = memory.scratch[i]
            previous[i] = m == 0 ? 0 : memory.outputGradient[i] * m
        }
    }
}
