import NNCore

/// Z-score scaling fitted on a training set: `x' = (x − μⱼ) / σⱼ` per feature j.
///
/// μⱼ is the mean and σⱼ the population standard deviation (divide by n, as scikit-learn's
/// `StandardScaler`) of column j of the matrix it was fitted on. A constant column has σⱼ = 0;
/// its divisor is then 1 instead, so the feature becomes `x − μⱼ` (0 on the training set) rather
/// than ±∞ or NaN. The value is plain `Codable` data so a run can report it and re-apply it.
public struct Standardization: Sendable, Hashable, Codable {
    /// μⱼ per feature.
    public var means: [Double]
    /// σⱼ per feature (0 for a constant feature).
    public var standardDeviations: [Double]

    public init(means: [Double], standardDeviations: [Double]) {
        precondition(means.count == standardDeviations.count, "Standardization needs as many deviations as means")
        self.means = means
        self.standardDeviations = standardDeviations
    }

    /// Fits the per-column mean and standard deviation of `training` (pass only the training
    /// split: the test split must not influence the scaling).
    public init(fittedOn training: Matrix) {
        let n = training.rows, width = training.columns
        var sums = [Double](repeating: 0, count: width)
        for i in 0..<n { for j in 0..<width { sums[j] += training.elements[i * width + j] } }
        let means = sums.map { n > 0 ? $0 / Double(n) : 0 }
        // Two passes (sum of squared deviations from the mean) to avoid cancellation.
        var squares = [Double](repeating: 0, count: width)
        for i in 0..<n {
            for j in 0..<width {
                let d = training.elements[i * width + j] - means[j]
                squares[j] += d * d
            }
        }
        self.init(means: means, standardDeviations: squares.map { n > 0 ? ($0 / Double(n)).squareRoot() : 0 })
    }

    /// The divisor for feature j: σⱼ, or 1 for a constant feature.
    public func divisor(_ j: Int) -> Double {
        standardDeviations[j] > 0 ? standardDeviations[j] : 1
    }

    /// `x` scaled with the fitted statistics.
    public func apply(_ x: Matrix) -> Matrix {
        precondition(x.columns == means.count, "Standardization was fitted on \(means.count) features, received \(x.columns)")
        var result = x
        let width = x.columns
        let divisors = (0..<width).map(divisor)
        for i in 0..<x.rows {
            for j in 0..<width { result.elements[i * width + j] = (x.elements[i * width + j] - means[j]) / divisors[j] }
        }
        return result
    }
}
