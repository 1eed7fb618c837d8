/// Quantiles by linear interpolation between order statistics: Hyndman & Fan's method 7,
/// the default of NumPy (`numpy.quantile(..., method="linear")`), R and Excel's `PERCENTILE.INC`.
///
/// For sorted values `x₀ ≤ … ≤ xₙ₋₁` and `q ∈ [0, 1]`:
///
///     h = (n − 1)·q,  j = ⌊h⌋,  g = h − j
///     Q(q) = x_j + g·(x_{j+1} − x_j)          (Q(q) = x_j when g = 0)
///
/// Infinite values are allowed (censored runs are `+∞`): when `g = 0` or `x_j = x_{j+1}` the order
/// statistic itself is returned, so `Q` is `+∞` exactly when it interpolates towards `+∞`.
/// (NumPy returns NaN for `∞ − ∞`; here two equal infinities give that infinity, which is the
/// only sensible reading for "epochs to target".)
///
/// - Parameters:
///   - sorted: values in non-decreasing order, not empty, no NaN.
///   - q: the probability, in `[0, 1]`.
public func quantile<Values: RandomAccessCollection<Double>>(_ sorted: Values, _ q: Double) -> Double {
    precondition(!sorted.isEmpty, "quantile of an empty array is undefined")
    precondition(q >= 0 && q <= 1, "quantile level must lie in [0, 1], received \(q)")
    precondition(!sorted.contains(where: \.isNaN), "quantile takes no NaN; filter non-finite values first")
    precondition(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 }, "quantile takes values sorted in non-decreasing order")
    let h = Double(sorted.count - 1) * q
    let j = Int(h.rounded(.down))
    let g = h - Double(j)
    let lower = sorted[sorted.index(sorted.startIndex, offsetBy: j)]
    if g == 0 || j + 1 >= sorted.count { return lower }
    let upper = sorted[sorted.index(sorted.startIndex, offsetBy: j + 1)]
    if lower == upper { return lower }
    if upper == .infinity { return .infinity }
    if lower == -.infinity { return -.infinity }
    // NumPy's `_lerp` interpolates from the nearer end, which keeps Q monotone in q and
    // reproduces NumPy to the last bit.
    let difference = upper - lower
    return g >= 0.5 ? upper - difference * (1 - g) : lower + difference * g
}

/// The median: `Q(0.5)`, the mean of the two middle values for an even count.
/// - Parameter sorted: values in non-decreasing order, not empty, no NaN.
public func median(_ sorted: [Double]) -> Double {
    quantile(sorted, 0.5)
}

/// The interquartile range `IQR = Q(0.75) − Q(0.25)` with method-7 quartiles.
///
/// `+∞` when the upper quartile is `+∞` and the lower is finite; `nil` when both quartiles are
/// the same infinity (the spread of "never, never" is undefined, not zero).
/// - Parameter sorted: values in non-decreasing order, not empty, no NaN.
public func interquartileRange(_ sorted: [Double]) -> Double? {
    let q1 = quantile(sorted, 0.25)
    let q3 = quantile(sorted, 0.75)
    if q1.isInfinite && q1 == q3 { return nil }
    return q3 - q1
}
