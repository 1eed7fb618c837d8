/// A five-number summary plus mean of one quantity over seeds, ignoring non-finite values.
///
/// Quartiles and median use ``quantile(_:_:)`` (linear interpolation, NumPy's default);
/// `mean = (1/n)·Σ xᵢ` over the `n` finite values. NaN and ±∞ (diverged runs) are not averaged
/// into anything: they are counted in ``ignored`` so the report can say "2 runs diverged".
public struct Summary: Sendable, Equatable, Hashable {
    /// Number of finite values summarised.
    public let count: Int
    /// Number of values left out because they were NaN or ±∞.
    public let ignored: Int
    public let minimum: Double
    /// Lower quartile `Q(0.25)`.
    public let q1: Double
    public let median: Double
    /// Upper quartile `Q(0.75)`.
    public let q3: Double
    public let maximum: Double
    public let mean: Double

    /// Summarises the finite values of `values`; `nil` when none is finite (then every value was
    /// ignored, and `values.count` says how many).
    public init?(_ values: [Double]) {
        let finite = values.filter(\.isFinite).sorted()
        guard let first = finite.first, let last = finite.last else { return nil }
        count = finite.count
        ignored = values.count - finite.count
        minimum = first
        maximum = last
        q1 = quantile(finite, 0.25)
        median = quantile(finite, 0.5)
        q3 = quantile(finite, 0.75)
        // Sum in sorted order: the result does not depend on the order of the seeds.
        mean = finite.reduce(0, +) / Double(finite.count)
    }

    /// `q3 − q1`.
    public var interquartileRange: Double { q3 - q1 }
}
