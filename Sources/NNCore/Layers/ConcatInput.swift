/// The course's `ConcatInput`: A = [X₀, S], the network's input columns first, then what comes in
/// (the previous layer's output S), so the next dense layer sees the raw inputs beside the hidden
/// units (a skip connection).
///
/// Backward passes on only the part that belongs to S: ∂L/∂S = (∂L/∂A)[:, d₀…].
public struct ConcatInput: Layer {
    public init() {}

    public var typeName: String { "concat_input" }
    public var description: String { "concat_input" }

    public func outputWidth(for input: LayerInput) throws(NetworkError) -> Int {
        input.networkWidth + input.width
    }

    public func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, random: inout RandomGenerator) {
        let d0 = pass.networkInputWidth, s = memory.inputWidth, width = memory.outputWidth
        for r in 0..<pass.rows {
            (memory.output + r * width).update(from: pass.networkInput + r * d0, count: d0)
            (memory.output + r * width + d0).update(from: input + r * s, count: s)
        }
    }

    public func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {
        guard let previous = memory.inputGradient else { return }
        let d0 = pass.networkInputWidth, s = memory.inputWidth, width = memory.outputWidth
        for r in 0..<pass.rows {
            (previous + r * s).update(from: memory.outputGradient + r * width + d0, count: s)
        }
    }
}
