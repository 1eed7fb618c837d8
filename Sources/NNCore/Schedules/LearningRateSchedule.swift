import Foundation

/// A learning rate that changes with the optimizer's step, as Keras 3's `LearningRateSchedule`s.
///
/// `fit` asks the schedule for η before every batch's update, with the number of updates already
/// taken (Keras's `schedule(optimizer.iterations)`: the first update uses step 0), so a schedule
/// steps per batch, not per epoch. Keras evaluates every schedule in float32, even with
/// `floatx = "float64"` (`ExponentialDecay(0.1, 10, 0.5)(3)` is 0.08122523874044418, not
/// 0.08122523963562356), and fit's train step (a `tf.function`) computes it as TensorFlow's graph
/// optimizer rewrites it: x / constant becomes x · (1/constant) and the constants of a product are
/// multiplied first. With `Constants.keras` NNLab does the same arithmetic, operation by operation
/// (`TensorFlowFloat32`, in its graph or eager form), and gets Keras's bits; with `.exact` it evaluates
/// the same formula in float64.
public protocol LearningRateSchedule: Sendable {
    /// The schedule's name in run files (Keras's class name in snake case: `exponential_decay`).
    static var typeName: String { get }
    /// η at step 0.
    var initialLearningRate: Double { get }
    /// The arguments under Keras's names, in a stable order (for files, fingerprints and reports).
    var hyperparameters: [(name: String, value: HyperparameterValue)] { get }
    /// η after `step` updates, in the arithmetic `R` (the formula, written once for both precisions).
    func learningRate<R: ScheduleArithmetic>(atStep step: Int, in arithmetic: R.Type) -> R
}

extension LearningRateSchedule {
    /// η for the update that follows `step` updates: with `.keras` in float32 as fit's train step
    /// computes it (`TensorFlowFloat32.Graph`), with `.exact` in float64.
    public func callAsFunction(_ step: Int, constants: Constants = .keras) -> Double {
        switch constants {
        case .keras: Double(learningRate(atStep: step, in: TensorFlowFloat32.Graph.self).float)
        case .exact: learningRate(atStep: step, in: Double.self)
        }
    }

    /// η after `step` updates as Keras reports it: `float(optimizer.learning_rate)` outside the train
    /// step, evaluated eagerly (no graph rewrites), which is what Keras's callbacks log at the end of an
    /// epoch; the float64 formula with `.exact`.
    public func reportedLearningRate(_ step: Int, constants: Constants = .keras) -> Double {
        switch constants {
        case .keras: Double(learningRate(atStep: step, in: TensorFlowFloat32.self).float)
        case .exact: learningRate(atStep: step, in: Double.self)
        }
    }

    /// "exponential_decay(initial_learning_rate=0.1, decay_steps=100, decay_rate=0.5, staircase=false)".
    public var settings: String {
        Self.typeName + "(" + hyperparameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Whether two schedules are the same (type and arguments).
    public func isSame(as other: any LearningRateSchedule) -> Bool {
        type(of: self).typeName == type(of: other).typeName
            && hyperparameters.map(\.name) == other.hyperparameters.map(\.name)
            && hyperparameters.map(\.value) == other.hyperparameters.map(\.value)
    }
}

/// The operations a schedule's formula uses, in the precision it is evaluated in: `Double` (exact)
/// or `TensorFlowFloat32` (Keras's float32).
public protocol ScheduleArithmetic: Comparable, Sendable {
    /// A Python number as a tensor of this type (Keras's `ops.cast(x, dtype)`).
    init(_ x: Double)
    init(_ n: Int)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func power(_ base: Self, _ exponent: Self) -> Self
    static func cosine(_ x: Self) -> Self
    /// x / c for a constant c (TensorFlow's graph: x · (1/c)).
    func dividedByConstant(_ c: Self) -> Self
    /// a · (x / c) for constants a and c (TensorFlow's graph: x · (a · (1/c))).
    static func product(_ a: Self, _ x: Self, dividedByConstant c: Self) -> Self
    /// The value as a float32 (the result Keras casts to float64).
    var float: Float { get }
    func rounded(_ rule: FloatingPointRoundingRule) -> Self
}

extension Double: ScheduleArithmetic {
    public static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
    public static func cosine(_ x: Double) -> Double { cos(x) }
    public func dividedByConstant(_ c: Double) -> Double { self / c }
    public static func product(_ a: Double, _ x: Double, dividedByConstant c: Double) -> Double { a * (x / c) }
    public var float: Float { Float(self) }
}
