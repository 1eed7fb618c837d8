/// Epochs to reach a target over seeds, where runs that never reach it are right-censored.
///
/// A run that never reached the target is "not reached", not missing: it is counted as `+∞`
/// and stays in the sample, so with 3 of 5 runs never reaching the target the median is `+∞`
/// ("never"). Quantiles use ``quantile(_:_:)`` (method 7) on the values with `+∞` included:
///
///     median = Q(0.5),  q1 = Q(0.25),  q3 = Q(0.75)   over  {e₁, …, eₙ} with eᵢ = +∞ if not reached
///
/// Dropping never-reached runs instead would make a variant that fails 9 times in 10 look
/// fast; that is the bias this type exists to avoid.
public struct CensoredSummary: Sendable, Equatable, Hashable {
    /// Number of runs.
    public let total: Int
    /// Number of runs that reached the target.
    public let reached: Int
    /// Median epochs to target; `+∞` when at least half the runs never reached it.
    public let median: Double
    public let q1: Double
    public let q3: Double

    /// - Parameter epochs: one entry per run: the epoch at which it reached the target, or `nil`
    ///   when it never did. `nil` when there are no runs at all.
    public init?(epochs: [Int?]) {
        self.init(values: epochs.map { $0.map(Double.init) ?? .infinity })
    }

    /// - Parameter values: one entry per run, `+∞` for a run that never reached the target.
    ///   NaN and `−∞` are programmer mistakes (an epoch is never undefined or negative infinity).
    ///   `nil` when there are no runs at all.
    public init?(values: [Double]) {
        precondition(!values.contains { $0.isNaN || $0 == -.infinity },
                     "CensoredSummary takes epochs or +∞ for never reached, not NaN or −∞")
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        total = values.count
        reached = values.count { $0.isFinite }
        median = quantile(sorted, 0.5)
        q1 = quantile(sorted, 0.25)
        q3 = quantile(sorted, 0.75)
    }

    /// Runs that never reached the target.
    public var notReached: Int { total - reached }

    /// Fraction of runs that reached the target, `reached / total`.
    public var successRate: Double { Double(reached) / Double(total) }

    /// `q3 − q1`: `+∞` when only the upper quartile is "never", `nil` when both are
    /// (the spread between "never" and "never" is undefined, not zero).
    public var interquartileRange: Double? {
        if q1.isInfinite { return nil }
        return q3 - q1
    }

    /// Renders an epoch count: `+∞` as "never", whole numbers without decimals, others with one.
    public static func format(_ epochs: Double) -> String {
        if epochs == .infinity { return "never" }
        if epochs.isNaN { return "—" }
        if epochs == epochs.rounded() && abs(epochs) < 1e15 { return String(Int(epochs)) }
        let tenths = (epochs * 10).rounded() / 10
        return String(tenths)
    }

    /// "median 15 (IQR 10–never), reached in 2 of 5 runs".
    public var description: String {
        "median \(Self.format(median)) (IQR \(Self.format(q1))–\(Self.format(q3))), reached in \(reached) of \(total) runs"
    }
}
