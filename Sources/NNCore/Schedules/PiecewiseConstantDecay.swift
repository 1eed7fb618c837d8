/// Keras 3's `PiecewiseConstantDecay`: `values[0]` up to and including step `boundaries[0]`,
/// `values[i]` for `boundaries[i − 1] < step ≤ boundaries[i]`, and the last value after the last
/// boundary (one more value than boundaries, boundaries increasing).
public struct PiecewiseConstantDecay: LearningRateSchedule {
    public static let typeName = "piecewise_constant_decay"
    public var boundaries: [Int]
    public var values: [Double]

    public init(boundaries: [Int], values: [Double]) {
        precondition(!boundaries.isEmpty && values.count == boundaries.count + 1,
                     "PiecewiseConstantDecay needs one more value than boundaries, received \(boundaries.count) boundaries and \(values.count) values")
        precondition(zip(boundaries, boundaries.dropFirst()).allSatisfy { $0 < $1 }, "PiecewiseConstantDecay needs increasing boundaries, received \(boundaries)")
        self.boundaries = boundaries
        self.values = values
    }

    public var initialLearningRate: Double { values[0] }

    public var hyperparameters: [(name: String, value: HyperparameterValue)] {
        [("boundaries", .numbers(boundaries.map(Double.init))), ("values", .numbers(values))]
    }

    /// The value of the step's interval, as a tensor of `R` (Keras sums the one selected value with zeros).
    public func learningRate<R: ScheduleArithmetic>(atStep step: Int, in arithmetic: R.Type) -> R {
        // Keras compares the integer step with the boundaries.
        let index = boundaries.firstIndex { step <= $0 } ?? boundaries.count
        return R(values[index])
    }
}
