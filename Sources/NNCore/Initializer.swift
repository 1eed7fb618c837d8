/// How a dense layer's weights start (biases always start at zero, as in Keras).
///
/// With fan_in = inputs and fan_out = units:
/// - `glorotUniform`: U(−l, l), l = √(6 / (fan_in + fan_out))
/// - `glorotNormal`: truncated N(0, σ²) at 2σ, σ = √(2 / (fan_in + fan_out)) / 0.87962566103423978
/// - `heUniform`: U(−l, l), l = √(6 / fan_in)
/// - `heNormal`: truncated N(0, σ²) at 2σ, σ = √(2 / fan_in) / 0.87962566103423978
/// - `zeros`
///
/// The constant 0.8796… is the standard deviation of a unit normal truncated at ±2, which
/// Keras divides out so the truncated draw has the intended variance.
public enum Initializer: String, Sendable, Hashable, CaseIterable {
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case zeros

    public var name: String { rawValue }

    private static let truncatedNormalStandardDeviation = 0.87962566103423978

    /// Draws a `fanIn × fanOut` weight matrix from `generator`.
    public func weights(fanIn: Int, fanOut: Int, using generator: inout RandomGenerator) -> Matrix {
        var w = Matrix(rows: fanIn, columns: fanOut)
        let count = fanIn * fanOut
        switch self {
        case .zeros:
            break
        case .glorotUniform, .heUniform:
            let limit = (6 / Double(self == .glorotUniform ? fanIn + fanOut : fanIn)).squareRoot()
            for i in 0..<count { w.elements[i] = generator.nextUniform(-limit, limit) }
        case .glorotNormal, .heNormal:
            let variance = 2 / Double(self == .glorotNormal ? fanIn + fanOut : fanIn)
            let sigma = variance.squareRoot() / Initializer.truncatedNormalStandardDeviation
            for i in 0..<count { w.elements[i] = generator.nextTruncatedNormal(standardDeviation: sigma) }
        }
        return w
    }
}
