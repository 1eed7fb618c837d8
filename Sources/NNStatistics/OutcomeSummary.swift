/// Median and quartiles of per-seed outcomes in which ±∞ are real results, not missing values:
/// a diverged run's final loss is `+∞` (the worst loss), so a variant whose seeds mostly diverge
/// has median `+∞` instead of the median of its few survivors. NaN (no value at all, e.g. a run
/// that failed to start) is left out and counted in `missing`.
///
///     median = Q(0.5),  q1 = Q(0.25),  q3 = Q(0.75)   over the non-NaN values, ±∞ included
///
/// with ``quantile(_:_:)`` (method 7), which keeps infinities (a quantile between a finite value
/// and `+∞` is `+∞`).
public struct OutcomeSummary: Sendable, Equatable, Hashable {
    /// Values summarised (NaN left out).
    public let count: Int
    /// NaN values left out.
    public let missing: Int
    /// Values that are ±∞.
    public let infinite: Int
    public let q1: Double
    public let median: Double
    public let q3: Double

    /// `nil` when no value is left once NaN are removed.
    public init?(_ values: [Double]) {
        let kept = values.filter { !$0.isNaN }.sorted()
        guard !kept.isEmpty else { return nil }
        count = kept.count
        missing = values.count - kept.count
        infinite = kept.count { $0.isInfinite }
        q1 = quantile(kept, 0.25)
        median = quantile(kept, 0.5)
        q3 = quantile(kept, 0.75)
    }
}
