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
/// | elu(α) | z if z > 0 else α(eᶻ − 1) | 1 if z > 0 else α eᶻ |
/// | selu | λ·elu(z; α), λ = 1.0507009873554805, α = 1.6732632423543772 | λ if z > 0 else λ α eᶻ |
/// | gelu | ½ z (1 + erf(z/√2)) = ½ z erfc(−z/√2) | Φ(z) + z φ(z) |
/// | gelu (approximate) | ½ z (1 + tanh(√(2/π)(z + 0.044715 z³))) | ½(1 + t) + ½ z (1 − t²) √(2/π)(1 + 3·0.044715 z²) |
/// | softplus | log(1 + eᶻ) | σ(z) |
/// | swish (silu) | z σ(z) | σ(z)(1 + z(1 − σ(z))) |
/// | hard_sigmoid | relu6(z + 3)/6 = clip(z/6 + ½, 0, 1) (Keras 3) | 1/6 if −3 < z < 3 else 0 |
public enum Activation: Sendable, Hashable {
    case linear
    case sigmoid
    case tanh
    case relu
    /// Leaky ReLU with slope `alpha` for negative inputs (Keras's `LeakyReLU` layer default is 0.3);
    /// the slope enters the arithmetic rounded to float32, as in Keras, unless `constants` is `.exact` (`Constants`).
    case leakyReLU(alpha: Double)
    case softmax
    /// Keras's `elu` with its `alpha` (default 1).
    case elu(alpha: Double)
    case selu
    /// Keras's `gelu`, exact (erf) or with the tanh approximation (`approximate=True`).
    case gelu(approximate: Bool)
    case softplus
    /// Keras's `swish` (also called `silu`).
    case swish
    /// Keras 3's `hard_sigmoid`: relu6(z + 3)/6 (Keras 2's was 0.2 z + 0.5).
    case hardSigmoid

    /// SELU's constants (Klambauer et al. 2017), as TensorFlow's `selu` kernel uses them.
    public static let seluScale = 1.0507009873554804934193349852946
    public static let seluAlpha = 1.6732632423543772848170429916717
    /// λα, as TensorFlow's kernel writes it (not the product of the rounded two).
    public static let seluScaleAlpha = 1.7580993408473768599402175208123

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
        case .elu: "elu"
        case .selu: "selu"
        case .gelu: "gelu"
        case .softplus: "softplus"
        case .swish: "swish"
        case .hardSigmoid: "hard_sigmoid"
        }
    }

    /// Every name a model file accepts (`silu` is `swish`).
    public static let names = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax", "elu", "selu", "gelu", "softplus",
                               "swish", "silu", "hard_sigmoid"]

    /// The activation a model file names, with its default parameters (elu's α = 1, gelu exact, leaky_relu's slope 0.3).
    public static func named(_ name: String) -> Activation? {
        switch name {
        case "linear": .linear
        case "sigmoid": .sigmoid
        case "tanh": .tanh
        case "relu": .relu
        case "leaky_relu": .leakyReLU(alpha: defaultLeakyAlpha)
        case "softmax": .softmax
        case "elu": .elu(alpha: 1)
        case "selu": .selu
        case "gelu": .gelu(approximate: false)
        case "softplus": .softplus
        case "swish", "silu": .swish
        case "hard_sigmoid": .hardSigmoid
        default: nil
        }
    }

    /// a = f(z) for a `rows × columns` block; `z` and `a` may be the same buffer.
    public func apply(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, rows: Int, columns: Int,
                      constants: Constants = .keras) {
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
            let alpha = constants(slope)
            for i in 0..<count { a[i] = z[i] > 0 ? z[i] : alpha * z[i] }
        case .softmax:
            for r in 0..<rows { softmaxRow(z + r * columns, into: a + r * columns, count: columns) }
        case .elu(let alpha):
            // TensorFlow's elu kernel: eᶻ − 1 (not expm1), then α times it for z ≤ 0.
            for i in 0..<count { a[i] = z[i] > 0 ? z[i] : alpha * (z[i] < 0 ? exp(z[i]) - 1 : 0) }
        case .selu:
            let scale = Self.seluScale, scaleAlpha = Self.seluScaleAlpha
            for i in 0..<count { a[i] = z[i] < 0 ? scaleAlpha * (exp(z[i]) - 1) : scale * z[i] }
        case .gelu(let approximate):
            if approximate {
                for i in 0..<count { let x = z[i]; a[i] = 0.5 * x * (1 + Foundation.tanh(geluTanhScale * (x + 0.044715 * x * x * x))) }
            } else {
                for i in 0..<count { let x = z[i]; a[i] = 0.5 * x * erfc(-x * 0.7071067811865476) }
            }
        case .softplus:
            for i in 0..<count { a[i] = softplusValue(z[i]) }
        case .swish:
            for i in 0..<count { a[i] = z[i] * sigmoidValue(z[i]) }
        case .hardSigmoid:
            for i in 0..<count { a[i] = min(max(z[i] + 3, 0), 6) / 6 }
        }
    }

    /// dL/dz from dL/da: `g_z = J(z)·g_a`, row by row; elementwise rules except softmax,
    /// whose vector–Jacobian product is `g_zᵢ = aᵢ (g_aᵢ − Σⱼ g_aⱼ aⱼ)`.
    /// `gradientZ` may alias `gradientA`.
    public func backward(z: UnsafePointer<Double>, a: UnsafePointer<Double>, gradientA: UnsafePointer<Double>,
                         into gradientZ: UnsafeMutablePointer<Double>, rows: Int, columns: Int, constants: Constants = .keras) {
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
            let alpha = constants(slope)
            for i in 0..<count { gradientZ[i] = z[i] > 0 ? gradientA[i] : alpha * gradientA[i] }
        case .softmax:
            for r in 0..<rows {
                let offset = r * columns
                var dot = 0.0
                for j in 0..<columns { dot += gradientA[offset + j] * a[offset + j] }
                for j in 0..<columns { gradientZ[offset + j] = a[offset + j] * (gradientA[offset + j] - dot) }
            }
        case .elu(let alpha):
            // TensorFlow's EluGrad: (a + 1) for z < 0, then α times it for z ≤ 0 (so α at z = 0).
            for i in 0..<count { gradientZ[i] = z[i] > 0 ? gradientA[i] : gradientA[i] * alpha * (z[i] < 0 ? exp(z[i]) : 1) }
        case .selu:
            // TensorFlow's SeluGrad: λα eᶻ for z < 0, λ at and above 0.
            let scale = Self.seluScale, scaleAlpha = Self.seluScaleAlpha
            for i in 0..<count { gradientZ[i] = z[i] < 0 ? gradientA[i] * (a[i] + scaleAlpha) : gradientA[i] * scale }
        case .gelu(let approximate):
            if approximate {
                for i in 0..<count {
                    let x = z[i], t = Foundation.tanh(geluTanhScale * (x + 0.044715 * x * x * x))
                    gradientZ[i] = gradientA[i] * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * geluTanhScale * (1 + 3 * 0.044715 * x * x))
                }
            } else {
                for i in 0..<count {
                    let x = z[i]
                    gradientZ[i] = gradientA[i] * (0.5 * erfc(-x * 0.7071067811865476) + x * exp(-0.5 * x * x) * 0.3989422804014327)
                }
            }
        case .softplus:
            for i in 0..<count { gradientZ[i] = gradientA[i] * sigmoidValue(z[i]) }
        case .swish:
            for i in 0..<count { let s = sigmoidValue(z[i]); gradientZ[i] = gradientA[i] * s * (1 + z[i] * (1 - s)) }
        case .hardSigmoid:
            for i in 0..<count { gradientZ[i] = z[i] > -3 && z[i] < 3 ? gradientA[i] / 6 : 0 }
        }
    }

    /// f applied to a matrix (allocates; for the lab and tests).
    public func callAsFunction(_ z: Matrix, constants: Constants = .keras) -> Matrix {
        var a = z
        z.elements.withUnsafeBufferPointer { zb in
            a.elements.withUnsafeMutableBufferPointer { ab in
                guard let zBase = zb.baseAddress, let aBase = ab.baseAddress else { return }
                apply(zBase, into: aBase, rows: z.rows, columns: z.columns, constants: constants)
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

/// √(2/π), the tanh approximation of GELU's scale.
let geluTanhScale = 0.7978845608028654

/// softplus(z) = log(1 + eᶻ) as TensorFlow evaluates it: z past the threshold log(ε) + 2 (ε the float64
/// epsilon) is returned as z, below its negative as eᶻ, else log1p(eᶻ).
@inline(__always)
func softplusValue(_ z: Double) -> Double {
    let threshold = log(Double.ulpOfOne) + 2
    if z > -threshold { return z }
    if z < threshold { return exp(z) }
    return log1p(exp(z))
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
