import Foundation

/// A success rate `k/n` with its Wilson score 95% confidence interval.
///
/// With `p̂ = k/n` and `z = 1.959963984540054` (the 0.975 quantile of the standard normal),
/// the Wilson (1927) score interval without continuity correction is
///
///                 p̂ + z²/(2n)  ±  z·√( p̂(1 − p̂)/n + z²/(4n²) )
///     [L, U]  =  ──────────────────────────────────────────────
///                               1 + z²/n
///
/// Unlike the Wald interval `p̂ ± z·√(p̂(1−p̂)/n)` it never leaves `[0, 1]` and is not empty at
/// `k = 0` or `k = n`: 0/10 gives `[0, 0.2775]`, 10/10 gives `[0.7225, 1]`. At `k = 0` the
/// lower bound is exactly 0 and at `k = n` the upper bound is exactly 1 (set exactly rather
/// than left to rounding). Newcombe (1998), method 3: 81/263 → `[0.2553, 0.3662]`.
public struct SuccessRate: Sendable, Equatable, Hashable {
    /// The two-sided 95% standard normal quantile, `Φ⁻¹(0.975)`.
    public static let z95 = 1.959963984540054

    /// Number of successes `k`.
    public let successes: Int
    /// Number of trials `n`, at least 1.
    public let trials: Int
    /// `k/n`.
    public let rate: Double
    /// Lower end `L` of the Wilson interval.
    public let lower: Double
    /// Upper end `U` of the Wilson interval.
    public let upper: Double

    /// `nil` when `trials == 0`: no runs carry no information about the rate, and an interval of
    /// `[0, 1]` would look like a measurement.
    /// - Parameter z: the normal quantile for the confidence level; 95% by default.
    public init?(successes: Int, trials: Int, z: Double = SuccessRate.z95) {
        precondition(trials >= 0 && successes >= 0 && successes <= trials,
                     "SuccessRate needs 0 ≤ successes ≤ trials, received \(successes) of \(trials)")
        precondition(z > 0 && z.isFinite, "SuccessRate needs a positive finite z, received \(z)")
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.successes = successes
        self.trials = trials
        rate = p
        lower = successes == 0 ? 0 : max(0, center - half)
        upper = successes == trials ? 1 : min(1, center + half)
    }

    /// "7/10 (70%, 95% CI 40–89%)".
    public var description: String {
        func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }
        return "\(successes)/\(trials) (\(percent(rate))%, 95% CI \(percent(lower))–\(percent(upper))%)"
    }
}
