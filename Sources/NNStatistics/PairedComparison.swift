import Foundation

/// Two variants compared seed by seed: values `xᵢ` (first) and `yᵢ` (second) paired by seed,
/// differences `dᵢ = xᵢ − yᵢ`.
///
/// Pairs in which either value is not finite (a diverged run) are dropped and counted in
/// ``droppedPairs``: a rank test cannot order NaN, and silently replacing it would invent data.
/// Everything else follows ``WilcoxonSignedRank`` (zeros dropped, average ranks, exact for
/// `n ≤ 50`) and ``SignTest``; the effect sizes are the rank-biserial correlation
/// `r = (W⁺ − W⁻)/(W⁺ + W⁻)` (Kerby 2014) and the median of the differences.
public struct PairedComparison: Sendable, Equatable, Hashable {
    /// Number of pairs used (both values finite).
    public let pairs: Int
    /// Number of pairs dropped because a value was NaN or ±∞.
    public let droppedPairs: Int
    /// Seeds where the first variant's value is lower (`dᵢ < 0`).
    public let firstLower: Int
    /// Seeds where the first variant's value is higher (`dᵢ > 0`).
    public let firstHigher: Int
    /// Seeds where the two values are equal (`dᵢ = 0`).
    public let equal: Int
    /// Median of all used differences `dᵢ = xᵢ − yᵢ`, zeros included (method-7 quantile);
    /// `nil` when no pair was usable.
    public let medianDifference: Double?
    public let wilcoxon: WilcoxonSignedRank
    public let signTest: SignTest

    /// The rank-biserial correlation `r = (W⁺ − W⁻)/(W⁺ + W⁻)`: positive when the first variant
    /// tends to be higher, `1` when it is higher on every seed that differs.
    public var rankBiserial: Double { wilcoxon.rankBiserial }

    /// - Parameters:
    ///   - first: the first variant's values, one per seed.
    ///   - second: the second variant's values for the same seeds in the same order.
    ///   - continuityCorrection: passed to the Wilcoxon normal approximation (`n > 50` only).
    public init(_ first: [Double], _ second: [Double], continuityCorrection: Bool = false) {
        precondition(first.count == second.count,
                     "a paired comparison needs one value per seed for both variants, received \(first.count) and \(second.count)")
        let differences = zip(first, second).compactMap { x, y in x.isFinite && y.isFinite ? x - y : nil }
        pairs = differences.count
        droppedPairs = first.count - differences.count
        firstLower = differences.count { $0 < 0 }
        firstHigher = differences.count { $0 > 0 }
        equal = differences.count { $0 == 0 }
        medianDifference = differences.isEmpty ? nil : median(differences.sorted())
        wilcoxon = WilcoxonSignedRank(differences: differences, continuityCorrection: continuityCorrection)
        signTest = SignTest(differences: differences)
    }

    /// A one-line English verdict, e.g.
    /// "L2 0.01 has lower final loss than none in 9 of 10 seeds (Wilcoxon signed-rank, p = 0.004, r = 0.89)".
    ///
    /// The direction is the one most seeds agree on; `r` is the rank-biserial correlation signed
    /// for that direction (so it is positive when the ranks agree with the seed count).
    /// "p = …" uses three decimals, "p < 0.001" below that; `p = 1` is printed as "p = 1".
    /// - Parameters:
    ///   - first: name of the first variant.
    ///   - second: name of the second variant.
    ///   - quantity: what was measured, e.g. "final loss" or "validation accuracy".
    public func verdict(first: String, second: String, quantity: String) -> String {
        let seeds = pairs + droppedPairs
        let dropped = droppedPairs > 0 ? ", \(droppedPairs) diverged seed\(droppedPairs == 1 ? "" : "s") left out" : ""
        if pairs == 0 {
            return "\(first) and \(second) cannot be compared on \(quantity): no seed has finite values for both\(dropped.isEmpty ? "" : " (\(seeds) seeds)")"
        }
        if equal == pairs {
            return "\(first) and \(second) have identical \(quantity) in all \(pairs) seeds (p = 1\(dropped))"
        }
        let test = "Wilcoxon signed-rank, \(Self.formatP(wilcoxon.pValue))"
        if firstLower == firstHigher {
            return "\(first) and \(second) do not differ consistently in \(quantity): lower in \(firstLower), higher in \(firstHigher)"
                + "\(equal > 0 ? ", equal in \(equal)" : "") of \(pairs) seeds (\(test), r = \(Self.formatR(rankBiserial))\(dropped))"
        }
        let lower = firstLower > firstHigher
        let count = lower ? firstLower : firstHigher
        let r = lower ? -rankBiserial : rankBiserial
        return "\(first) has \(lower ? "lower" : "higher") \(quantity) than \(second) in \(count) of \(pairs) seeds"
            + " (\(test), r = \(Self.formatR(r))\(dropped))"
    }

    /// "p = 0.004", "p < 0.001", and "p = 1" for anything that rounds to 1.000.
    public static func formatP(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        let rounded = String(format: "%.3f", p)
        // 0.9996 would print as "1.000", which reads as more than it is; say "p = 1" for both.
        return rounded == "1.000" ? "p = 1" : "p = " + rounded
    }

    static func formatR(_ r: Double) -> String {
        String(format: "%.2f", r)
    }
}
