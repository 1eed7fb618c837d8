import Foundation

/// A float32 number with TensorFlow's CPU arithmetic: IEEE single precision, round to nearest, no
/// fused multiply–adds, and subnormal results flushed to zero (TensorFlow runs its kernels with
/// flush-to-zero, so `ExponentialDecay(0.001, 3, 0.1)(118)` is 0 in Keras, not 1.0e-42).
///
/// `pow` and `cos` are the C library's `powf` and `cosf`, which TensorFlow's scalar kernels (Eigen's
/// `std::pow`, `std::cos` on one element) call too. Keras's schedules compute in it even in float64
/// mode; `Constants.keras` evaluates the schedules' formulas in it (`LearningRateSchedule`). This type
/// computes as an eager call does; `Graph` as fit's train step does.
public struct TensorFlowFloat32: ScheduleArithmetic, Hashable {
    public let value: Float
    public var float: Float { value }

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
    public func dividedByConstant(_ c: Self) -> Self { self / c }
    public static func product(_ a: Self, _ x: Self, dividedByConstant c: Self) -> Self { a * (x / c) }

    /// The same arithmetic inside a `tf.function` (Keras's train step), where TensorFlow's graph optimizer
    /// (Grappler) rewrites x / c for a constant c as x · (1/c) and gathers the constants of a product:
    /// π · (s / d) becomes s · (π · (1/d)). Measured: `9 / 5` is 1.7999999523 eagerly, 1.8000000715 in a
    /// `tf.function`, and the schedules' fixtures match this replay at every step. (CosineDecay's warmup
    /// computes inside an `ops.cond`, whose branches keep the eager form: its formula says so.)
    public struct Graph: ScheduleArithmetic {
        let eager: TensorFlowFloat32
        init(_ eager: TensorFlowFloat32) { self.eager = eager }
        public init(_ x: Double) { eager = TensorFlowFloat32(x) }
        public init(_ n: Int) { eager = TensorFlowFloat32(n) }
        public var float: Float { eager.value }
        public static func + (a: Self, b: Self) -> Self { Self(a.eager + b.eager) }
        public static func - (a: Self, b: Self) -> Self { Self(a.eager - b.eager) }
        public static func * (a: Self, b: Self) -> Self { Self(a.eager * b.eager) }
        public static func / (a: Self, b: Self) -> Self { Self(a.eager / b.eager) }
        public static func < (a: Self, b: Self) -> Bool { a.eager < b.eager }
        public static func power(_ base: Self, _ exponent: Self) -> Self { Self(.power(base.eager, exponent.eager)) }
        public static func cosine(_ x: Self) -> Self { Self(.cosine(x.eager)) }
        public func rounded(_ rule: FloatingPointRoundingRule) -> Self { Self(eager.rounded(rule)) }
        public func dividedByConstant(_ c: Self) -> Self { Self(eager * (TensorFlowFloat32(1) / c.eager)) }
        public static func product(_ a: Self, _ x: Self, dividedByConstant c: Self) -> Self {
            Self(x.eager * (a.eager * (TensorFlowFloat32(1) / c.eager)))
        }
    }
}
