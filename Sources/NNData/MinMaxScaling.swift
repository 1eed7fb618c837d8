import NNCore

/// Min–max scaling fitted on a training set: `x' = lower + (x − minⱼ) · (upper − lower) / (maxⱼ − minⱼ)`.
///
/// minⱼ and maxⱼ are the extremes of column j of the matrix it was fitted on; new data may fall
/// outside [lower, upper] (it is not clipped). A constant column has maxⱼ = minⱼ; its range is
/// then taken as 1, so the feature maps to `lower + (x − minⱼ)(upper − lower)` (`lower` on the
/// training set) instead of dividing by zero. Plain `Codable` data, so a run can report and re-apply it.
public struct MinMaxScaling: Sendable, Hashable, Codable {
    /// minⱼ per feature.
    public var minimums: [Double]
    /// maxⱼ per feature.
    public var maximums: [Double]
    /// The target interval.
    public var lower: Double
    public var upper: Double

    public init(minimums: [Double], maximums: [Double], lower: Double = 0, upper: Double = 1) {
        precondition(minimums.count == maximums.count, "MinMaxScaling needs as many maximums as minimums")
        precondition(lower < upper, "MinMaxScaling needs lower < upper, received [\(lower), \(upper)]")
        self.minimums = minimums
        self.maximums = maximums
        self.lower = lower
        self.upper = upper
    }

    /// Fits the per-column extremes of `training` (pass only the training split).
    public init(fittedOn training: Matrix, lower: Double = 0, upper: Double = 1) {
        let width = training.columns
        var minimums = [Double](repeating: 0, count: width)
        var maximums = [Double](repeating: 0, count: width)
        if training.rows > 0 {
            minimums = Array(training.elements[0..<width])
            maximums = minimums
            for i in 1..<training.rows {
                for j in 0..<width {
                    let x = training.elements[i * width + j]
                    minimums[j] = min(minimums[j], x)
                    maximums[j] = max(maximums[j], x)
                }
            }
        }
        self.init(minimums: minimums, maximums: maximums, lower: lower, upper: upper)
    }

    /// The range of feature j: maxⱼ − minⱼ, or 1 for a constant feature.
    public func range(_ j: Int) -> Double {
        maximums[j] > minimums[j] ? maximums[j] - minimums[j] : 1
    }

    /// `x` scaled with the fitted extremes.
    public func apply(_ x: Matrix) -> Matrix {
        precondition(x.columns == minimums.count, "MinMaxScaling was fitted on \(minimums.count) features, received \(x.columns)")
        var result = x
        let width = x.columns
        let factors = (0..<width).map { (upper - lower) / range($0) }
        for i in 0..<x.rows {
            for j in 0..<width {
                result.elements[i * width + j] = lower + (x.elements[i * width + j] - minimums[j]) * factors[j]
            }
        }
        return result
    }
}
