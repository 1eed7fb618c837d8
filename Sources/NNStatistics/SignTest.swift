import Foundation

/// The exact two-sided sign test on paired differences: does the median difference differ from 0?
///
/// Zero differences are dropped (as in the Wilcoxon "wilcox" convention). With `k` positive
/// differences among the `n` non-zero ones, `X ~ Binomial(n, ½)` under H₀ and
///
///     p = min(1, 2·P(X ≤ min(k, n − k))),   P(X ≤ m) = 2⁻ⁿ·Σ_{i=0}^{m} C(n, i)
///
/// which equals `scipy.stats.binomtest(k, n, 0.5).pvalue` (for `p = ½` the distribution is
/// symmetric, so SciPy's "as likely or less likely" rule is the doubled smaller tail).
/// Counts are exact integers for `n ≤ 60`; above that the tail is summed in log space.
/// With `n = 0` (all differences zero) `p` is defined as 1.
public struct SignTest: Sendable, Equatable, Hashable {
    /// Number of positive differences `k`.
    public let positive: Int
    /// Number of negative differences `n − k`.
    public let negative: Int
    /// Number of zero differences dropped.
    public let zeros: Int
    /// Two-sided exact p-value.
    public let pValue: Double

    /// Number of non-zero differences `n`.
    public var n: Int { positive + negative }

    /// Tests paired samples, `dᵢ = first[i] − second[i]`.
    public init(_ first: [Double], _ second: [Double]) {
        precondition(first.count == second.count,
                     "sign test needs paired samples of equal length, received \(first.count) and \(second.count)")
        self.init(differences: zip(first, second).map { $0 - $1 })
    }

    /// Tests differences `dᵢ` (NaN is a programmer mistake: drop non-finite pairs first).
    public init(differences: [Double]) {
        precondition(!differences.contains(where: \.isNaN), "sign test takes no NaN differences; drop non-finite pairs first")
        self.init(positive: differences.count { $0 > 0 }, negative: differences.count { $0 < 0 },
                  zeros: differences.count { $0 == 0 })
    }

    /// Tests `positive` successes among `positive + negative` non-zero differences.
    public init(positive: Int, negative: Int, zeros: Int = 0) {
        precondition(positive >= 0 && negative >= 0 && zeros >= 0, "sign test counts must be non-negative")
        self.positive = positive
        self.negative = negative
        self.zeros = zeros
        let n = positive + negative
        let m = min(positive, negative)
        pValue = n == 0 ? 1 : min(1, 2 * Self.binomialLowerTail(m, n))
    }

    /// `P(X ≤ m)` for `X ~ Binomial(n, ½)`.
    static func binomialLowerTail(_ m: Int, _ n: Int) -> Double {
        if n <= 60 {
            // C(n, i+1) = C(n, i)·(n − i)/(i + 1) is exact; the product stays below 2⁶⁴ for
            // n ≤ 60 (C(60, 30)·30 ≈ 3.5·10¹⁸), and the tail sum below 2ⁿ.
            var coefficient: UInt64 = 1
            var sum: UInt64 = 0
            for i in 0...m {
                sum += coefficient
                coefficient = coefficient * UInt64(n - i) / UInt64(i + 1)
            }
            return Double(sum) / Double(sign: .plus, exponent: n, significand: 1)
        }
        // log C(n, i) − n·log 2, summed with the largest term factored out.
        let logAll = lgamma(Double(n + 1)) - Double(n) * M_LN2
        let logTerms: [Double] = (0...m).map { (i: Int) -> Double in
            let logDenominator: Double = lgamma(Double(i + 1)) + lgamma(Double(n - i + 1))
            return logAll - logDenominator
        }
        let largest = logTerms.max() ?? 0
        return exp(largest) * logTerms.reduce(0) { $0 + exp($1 - largest) }
    }
}
