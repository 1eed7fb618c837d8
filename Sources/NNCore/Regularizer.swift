/// A weight penalty added to the data loss (never applied to biases), as Keras's `L1L2`:
///
/// penalty(W) = λ₁ Σ|w| + λ₂ Σw²,   ∂penalty/∂w = λ₁ sign(w) + 2λ₂ w,  with sign(0) = 0.
///
/// λ₁ and λ₂ enter the arithmetic rounded to float32, as in Keras, with `constants: .keras` (the default),
/// and as written with `.exact` (`Constants`).
public struct Regularizer: Sendable, Hashable {
    /// λ₁, the L1 strength.
    public var l1: Double
    /// λ₂, the L2 strength.
    public var l2: Double

    public init(l1: Double = 0, l2: Double = 0) {
        self.l1 = l1
        self.l2 = l2
    }

    public static func l1(_ strength: Double) -> Regularizer { Regularizer(l1: strength) }
    public static func l2(_ strength: Double) -> Regularizer { Regularizer(l2: strength) }

    /// Whether the penalty is identically zero.
    public var isZero: Bool { l1 == 0 && l2 == 0 }

    /// λ₁ Σ|w| + λ₂ Σw² over `count` weights.
    public func penalty(_ weights: UnsafePointer<Double>, count: Int, constants: Constants = .keras) -> Double {
        var absolute = 0.0
        var squares = 0.0
        for i in 0..<count {
            absolute += abs(weights[i])
            squares += weights[i] * weights[i]
        }
        return constants(l1) * absolute + constants(l2) * squares
    }

    /// Adds λ₁ sign(w) + 2λ₂ w to `gradient`.
    public func addGradient(_ weights: UnsafePointer<Double>, into gradient: UnsafeMutablePointer<Double>, count: Int,
                            constants: Constants = .keras) {
        let l1 = constants(self.l1)
        let twiceL2 = 2 * constants(l2)
        for i in 0..<count {
            let w = weights[i]
            let sign: Double = w > 0 ? 1 : (w < 0 ? -1 : 0)
            gradient[i] += l1 * sign + twiceL2 * w
        }
    }
}
