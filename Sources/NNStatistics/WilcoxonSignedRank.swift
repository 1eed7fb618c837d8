import Foundation

/// The Wilcoxon signed-rank test, two-sided, on paired differences `dᵢ = xᵢ − yᵢ`, with the
/// conventions of `scipy.stats.wilcoxon` (defaults `zero_method="wilcox"`, `correction=False`).
///
/// - **Zeros** ("wilcox" convention): pairs with `dᵢ = 0` are dropped before ranking; `n` is the
///   number of non-zero differences. If every difference is zero (`n = 0`) the two variants are
///   indistinguishable on these seeds: `W⁺ = W⁻ = 0` and we *define* `p = 1` (SciPy returns NaN).
/// - **Ties**: `|dᵢ|` are ranked 1…n with tied values sharing their average rank.
/// - **Statistic**: `W⁺ = Σ_{dᵢ>0} rank(|dᵢ|)`, `W⁻ = Σ_{dᵢ<0} rank(|dᵢ|)`, `W⁺ + W⁻ = n(n+1)/2`;
///   SciPy reports `min(W⁺, W⁻)` for the two-sided test.
/// - **Exact p-value** for `n ≤ exactLimit` (50): under H₀ each sign is ± with probability ½
///   independently, so `2W⁺` is a sum of a random subset of the *doubled* ranks `2·rankᵢ`, which
///   are integers even for average ranks. Dynamic programming counts the `2ⁿ` subsets by their
///   sum exactly in `UInt64` (`2⁵⁰` fits, and every count is an integer below `2⁵³`, so the
///   division by `2ⁿ` is exact in `Double`):
///
///       p = min(1, 2·min(P(W⁺ ≤ w⁺), P(W⁺ ≥ w⁺)))
///
///   With ties this is the exact *conditional* (permutation) distribution given the tie pattern.
///   SciPy's `method="auto"` gets the same number from a complete permutation test when
///   `n ≤ 13`, but falls back to the normal approximation for tied or zero data with `n > 13`;
///   here the exact distribution is used up to `n = 50` regardless. (Our `n` counts the non-zero
///   differences; SciPy's switch at 50 counts all pairs, zeros included. Without zeros or ties
///   the two agree exactly.)
/// - **Normal approximation** for `n > exactLimit`, with tie correction
///
///       z = (W⁺ − n(n+1)/4) / σ,   σ² = [n(n+1)(2n+1) − ½·Σ(tⱼ³ − tⱼ)] / 24,   p = 2·Φ(−|z|)
///
///   where `tⱼ` are the sizes of the tie groups. No continuity correction by default, matching
///   SciPy's `correction=False`; with `continuityCorrection: true`, `z ← z − sign(z)·½/σ`.
public struct WilcoxonSignedRank: Sendable, Equatable, Hashable {
    /// How the p-value was obtained.
    public enum Method: String, Sendable, Hashable {
        /// Exact null distribution of `W⁺` (conditional on ties), by dynamic programming.
        case exact
        /// Normal approximation with tie correction (and continuity correction if asked for).
        case normalApproximation = "normal approximation"
    }

    /// Largest `n` (non-zero differences) for which the exact distribution is enumerated.
    public static let defaultExactLimit = 50

    /// Sum of the ranks of the positive differences.
    public let wPlus: Double
    /// Sum of the ranks of the negative differences.
    public let wMinus: Double
    /// Number of non-zero differences used.
    public let n: Int
    /// Number of zero differences dropped.
    public let zeros: Int
    /// Whether some non-zero `|dᵢ|` were tied (average ranks were used).
    public let hasTies: Bool
    /// Two-sided p-value.
    public let pValue: Double
    public let method: Method
    /// The standardised statistic of the normal approximation (after any continuity
    /// correction); `nil` for the exact method.
    public let z: Double?

    /// The statistic SciPy reports for the two-sided test, `min(W⁺, W⁻)`.
    public var statistic: Double { min(wPlus, wMinus) }

    /// The matched-pairs rank-biserial correlation (Kerby 2014), `r = (W⁺ − W⁻)/(W⁺ + W⁻)`,
    /// in `[−1, 1]`: `1` when every non-zero difference is positive, `−1` when every one is
    /// negative; defined as `0` when `n = 0`.
    public var rankBiserial: Double {
        let total = wPlus + wMinus
        return total > 0 ? (wPlus - wMinus) / total : 0
    }

    /// Tests paired samples, `dᵢ = first[i] − second[i]`.
    public init(_ first: [Double], _ second: [Double], exactLimit: Int = defaultExactLimit,
                continuityCorrection: Bool = false) {
        precondition(first.count == second.count,
                     "Wilcoxon signed-rank needs paired samples of equal length, received \(first.count) and \(second.count)")
        self.init(differences: zip(first, second).map { $0 - $1 }, exactLimit: exactLimit,
                  continuityCorrection: continuityCorrection)
    }

    /// Tests differences `dᵢ` against a symmetric distribution about zero.
    /// - Parameters:
    ///   - differences: finite paired differences (drop diverged pairs first).
    ///   - exactLimit: the largest `n` for the exact distribution, at most 60 (counts in `UInt64`).
    ///   - continuityCorrection: applies `½` continuity correction to the normal approximation.
    public init(differences: [Double], exactLimit: Int = defaultExactLimit, continuityCorrection: Bool = false) {
        precondition(differences.allSatisfy(\.isFinite), "Wilcoxon signed-rank takes finite differences; drop non-finite pairs first")
        precondition(exactLimit >= 0 && exactLimit <= 60, "exactLimit must be in 0...60 so that 2ⁿ fits in UInt64, received \(exactLimit)")
        let nonZero = differences.filter { $0 != 0 }
        let n = nonZero.count
        self.n = n
        zeros = differences.count - n

        // Doubled average ranks: a tie group occupying sorted positions i…j (1-based) has
        // average rank (i + j)/2, so its doubled rank i + j is an integer.
        let order = nonZero.indices.sorted { abs(nonZero[$0]) < abs(nonZero[$1]) }
        var doubledRank = [Int](repeating: 0, count: n)
        var tieSizes: [Int] = []
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && abs(nonZero[order[end + 1]]) == abs(nonZero[order[start]]) { end += 1 }
            for position in start...end { doubledRank[order[position]] = (start + 1) + (end + 1) }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        hasTies = tieSizes.contains { $0 > 1 }

        var doubledPlus = 0
        for i in 0..<n where nonZero[i] > 0 { doubledPlus += doubledRank[i] }
        let doubledTotal = n * (n + 1)
        wPlus = Double(doubledPlus) / 2
        wMinus = Double(doubledTotal - doubledPlus) / 2

        if n == 0 {
            // All differences zero: W⁺ = 0 with probability 1 under H₀ (by definition here).
            pValue = 1
            method = .exact
            z = nil
        } else if n <= exactLimit {
            pValue = Self.exactPValue(doubledRanks: doubledRank, observed: doubledPlus)
            method = .exact
            z = nil
        } else {
            let nn = Double(n)
            let mean = nn * (nn + 1) / 4
            let tieTerm = tieSizes.reduce(0.0) { sum, t in
                let tt = Double(t)
                return sum + (tt * tt * tt - tt)
            }
            let sigma = ((nn * (nn + 1) * (2 * nn + 1) - tieTerm / 2) / 24).squareRoot()
            var zValue = (wPlus - mean) / sigma
            if continuityCorrection {
                let sign: Double = zValue > 0 ? 1 : (zValue < 0 ? -1 : 0)
                zValue -= sign * 0.5 / sigma
            }
            z = zValue
            // 2·Φ(−|z|) = erfc(|z|/√2), accurate in the far tail where 1 − Φ would cancel.
            pValue = min(1, erfc(abs(zValue) / 2.0.squareRoot()))
            method = .normalApproximation
        }
    }

    /// `min(1, 2·min(P(S ≤ s), P(S ≥ s)))` for `S` the sum of a uniformly random subset of
    /// `doubledRanks`, counted exactly.
    static func exactPValue(doubledRanks: [Int], observed: Int) -> Double {
        let total = doubledRanks.reduce(0, +)
        // counts[s] = number of sign patterns whose positive doubled ranks sum to s.
        var counts = [UInt64](repeating: 0, count: total + 1)
        counts[0] = 1
        var reach = 0
        for rank in doubledRanks {
            reach += rank
            // Descending so each rank is used at most once (0/1 knapsack).
            for s in stride(from: reach, through: rank, by: -1) {
                counts[s] += counts[s - rank]
            }
        }
        var lowerTail: UInt64 = 0
        for s in 0...observed { lowerTail += counts[s] }
        var upperTail: UInt64 = 0
        for s in observed...total { upperTail += counts[s] }
        let patterns = Double(sign: .plus, exponent: doubledRanks.count, significand: 1)
        // Both tails are integers ≤ 2ⁿ; when n ≤ 53 the conversions are exact, and above that
        // the relative rounding (< 2⁻⁵³) is far below any meaningful digit of a p-value.
        return min(1, 2 * Double(min(lowerTail, upperTail)) / patterns)
    }
}
