import Foundation

/// An activation applied elementwise (or row-wise, for softmax) after a dense layer.
///
/// | name | a = f(z) | ∂a/∂z |
/// |---|---|---|
/// | linear | z | 1 |
/// | sigmoid | 1 / (1 + e⁻ᶻ) | a(1 − a) |
/// | tanh | tanh z | 1 − a² |
/// | relu | max(0, z) | 1 if z > 0 else 0 |
/// | leaky_relu(α) | z if z > 0 else α z | 1 if z > 0 else α |
/// | softmax | eᶻⁱ / Σⱼ eᶻʲ (row-wise) | ∂aⱼ/∂zᵢ = aⱼ(δᵢⱼ − aᵢ) |
public enum Activation: Sendable, Hashable {
    case linear
    case sigmoid
    case tanh
    case relu
    /// Leaky ReLU with slope `alpha` for negative inputs (Keras's `LeakyReLU` layer default is 0.3);
    /// the slope enters the arithmetic rounded to float32, as in Keras (`kerasConstant`).
    case leakyReLU(alpha: Double)
    case softmax

    /// Keras's default slope for the `LeakyReLU` layer.
    public static let defaultLeakyAlpha = 0.3

    /// The name used in model files: `linear`, `sigmoid`, `tanh`, `relu`, `leaky_relu`, `softmax`.
    public var name: String {
        switch self {
        case .linear: "linear"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyReLU: "leaky_relu"
        case .softmax: "softmax"
        }
    }

    /// Every name a model file accepts.
    public static let names = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]

    /// a = f(z) for a `rows × columns` block; `z` and `a` may be the same buffer.
    public func apply(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let count = rows * columns
        switch self {
        case .linear:
            if UnsafePointer(a) != z { a.update(from: z, count: count) }
        case .sigmoid:
            for i in 0..<count { a[i] = sigmoidValue(z[i]) }
        case .tanh:
            for i in 0..<count { a[i] = Foundation.tanh(z[i]) }
        case .relu:
            for i in 0..<count { a[i] = z[i] > 0 ? z[i] : 0 }
        case .leakyReLU(let slope):
            let alpha = kerasConstant(slope)
            for i in 0..<count { a[i] = z[i] > 0 ? z[i] : alpha * z[i] }
        case .softmax:
            for r in 0..<rows { softmaxRow(z + r * columns, into: a + r * columns, count: columns) }
        }
    }

    /// dL/dz from dL/da: `g_z = J(z)·g_a`, row by row; elementwise rules except softmax,
    /// whose vector–Jacobian product is `g_zᵢ = aᵢ (g_aᵢ − Σⱼ g_aⱼ aⱼ)`.
    /// `gradientZ` may alias `gradientA`.
    public func backward(z: UnsafePointer<Double>, a: UnsafePointer<Double>, gradientA: UnsafePointer<Double>,
                         into gradientZ: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let count = rows * columns
        switch self {
        case .linear:
            if UnsafePointer(gradientZ) != gradientA { gradientZ.update(from: gradientA, count: count) }
        case .sigmoid:
            for i in 0..<count { gradientZ[i] = gradientA[i] * (a[i] * (1 - a[i])) }
        case .tanh:
            for i in 0..<count { gradientZ[i] = gradientA[i] * (1 - a[i] * a[i]) }
        case .relu:
            for i in 0..<count { gradientZ[i] = z[i] > 0 ? gradientA[i] : 0 }
        case .leakyReLU(let slope):
            let alpha = kerasConstant(slope)
            for i in 0..<count { gradientZ[i] = z[i] > 0 ? gradientA[i] : alpha * gradientA[i] }
        case .softmax:
            for r in 0..<rows {
                let offset = r * columns
                var dot = 0.0
                for j in 0..<columns { dot += gradientA[offset + j] * a[offset + j] }
                for j in 0..<columns { gradientZ[offset + j] = a[offset + j] * (gradientA[offset + j] - dot) }
            }
        }
    }

    /// f applied to a matrix (allocates; for the lab and tests).
    public func callAsFunction(_ z: Matrix) -> Matrix {
        var a = z
        z.elements.withUnsafeBufferPointer { zb in
            a.elements.withUnsafeMutableBufferPointer { ab in
                guard let zBase = zb.baseAddress, let aBase = ab.baseAddress else { return }
                apply(zBase, into: aBase, rows: z.rows, columns: z.columns)
            }
        }
        return a
    }
}

/// σ(z) = 1 / (1 + e⁻ᶻ), evaluated without overflow for large |z|.
@inline(__always)
func sigmoidValue(_ z: Double) -> Double {
    if z >= 0 {
        return 1 / (1 + exp(-z))
    }
    let e = exp(z)
    return e / (1 + e)
}

/// Stable softmax of one row: aⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z).
@inline(__always)
func softmaxRow(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, count: Int) {
    var maximum = -Double.infinity
    for j in 0..<count where z[j] > maximum { maximum = z[j] }
    if !maximum.isFinite { maximum = 0 }
    var sum = 0.0
    for j in 0..<count {
        let e = exp(z[j] - maximum)
        a[j] = e
        sum += e
    }
    for j in 0..<count { a[j] /= sum }
}
