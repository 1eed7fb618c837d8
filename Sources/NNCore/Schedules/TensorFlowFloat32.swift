import Foundation

/// A float32 number with TensorFlow's CPU arithmetic: IEEE single precision, round to nearest, no
/// fused multiply–adds, and subnormal results flushed to zero (TensorFlow runs its kernels with
/// flush-to-zero, so `ExponentialDecay(0.001, 3, 0.1)(118)` is 0 in Keras, not 1.0e-42).
///
/// `pow` and `cos` are the C library's `powf` and `cosf`, which TensorFlow's scalar kernels (Eigen's
/// `std::pow`, `std::cos` on one element) call too. Keras's schedules compute in it even in float64
/// mode; `Constants.keras` evaluates the schedules' formulas in it (`LearningRateSchedule`).
public struct TensorFlowFloat32: ScheduleArithmetic {
    public let value: Float

    /// `x` flushed to zero when subnormal.
    @inline(__always)
    public init(flushing x: Float) {
        value = x.isSubnormal ? Float(signOf: x, magnitudeOf: 0) : x
    }

    /// A Python float as Keras casts it: rounded to float32.
    public init(_ x: Double) { self.init(flushing: Float(x)) }
    /// A step count as `ops.cast(step, "float32")` makes it.
    public init(_ n: Int) { self.init(flushing: Float(n)) }

    public static func + (a: Self, b: Self) -> Self { Self(flushing: a.value + b.value) }
    public static func - (a: Self, b: Self) -> Self { Self(flushing: a.value - b.value) }
    public static func * (a: Self, b: Self) -> Self { Self(flushing: a.value * b.value) }
    public static func / (a: Self, b: Self) -> Self { Self(flushing: a.value / b.value) }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
    public static func power(_ base: Self, _ exponent: Self) -> Self { Self(flushing: pow(base.value, exponent.value)) }
    public static func cosine(_ x: Self) -> Self { Self(flushing: cos(x.value)) }
    public func rounded(_ rule: FloatingPointRoundingRule) -> Self { Self(flushing: value.rounded(rule)) }
}
