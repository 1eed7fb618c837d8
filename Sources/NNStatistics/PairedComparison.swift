import Foundation
import NNLanguage

/// Two variants compared seed by seed: values `xᵢ` (first) and `yᵢ` (second) paired by seed,
/// differences `dᵢ = xᵢ − yᵢ`.
///
/// `+∞` is a value (a diverged run's final loss, the worst there is): a diverged seed against a
/// finite one is the largest difference, ranked above every finite one; two diverged seeds are
/// equal (`dᵢ = 0`). Pairs with a NaN (no value) are dropped and counted in ``droppedPairs``: a
/// rank test cannot order NaN, and replacing it would invent data. Everything else follows ``WilcoxonSignedRank`` (zeros dropped, average ranks, exact for
/// `n ≤ 50`) and ``SignTest``; the effect sizes are the rank-biserial correlation
/// `r = (W⁺ − W⁻)/(W⁺ + W⁻)` (Kerby 2014) and the median of the differences.
public struct PairedComparison: Sendable, Equatable, Hashable {
    /// Number of pairs used (neither value NaN).
    public let pairs: Int
    /// Number of pairs dropped because a value was NaN.
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
        // Equal values (both +∞ included) differ by 0; one infinite value gives ±∞.
        let differences = zip(first, second).compactMap { x, y -> Double? in
            if x.isNaN || y.isNaN { return nil }
            return x == y ? 0 : x - y
        }
        pairs = differences.count
        droppedPairs = first.count - differences.count
        firstLower = differences.count { $0 < 0 }
        firstHigher = differences.count { $0 > 0 }
        equal = differences.count { $0 == 0 }
        medianDifference = differences.isEmpty ? nil : median(differences.sorted())
        // The tests use ranks only: an infinite difference becomes one larger than every finite one
        // (tied with the other infinite ones), which is the order the infinities have.
        let largest = differences.filter(\.isFinite).map(abs).max() ?? 0
        let beyond = largest * 2 + 1 < .infinity ? largest * 2 + 1 : Double.greatestFiniteMagnitude
        let ranked = differences.map { $0.isFinite ? $0 : ($0 > 0 ? beyond : -beyond) }
        wilcoxon = WilcoxonSignedRank(differences: ranked, continuityCorrection: continuityCorrection)
        signTest = SignTest(differences: ranked)
    }

    /// A one-line English verdict, e.g.
    /// "L2 0.01 has lower final loss than none in 9 of 10 seeds (Wilcoxon signed-rank, p = 0.004, r = 0.89)".
    ///
    /// The direction is the one most seeds agree on; `r` is the rank-biserial correlation of
    /// first − second, with the sign the table shows (negative when the first tends to be lower).
    /// "p = …" uses three decimals, "p < 0.001" below that; `p = 1` is printed as "p = 1".
    /// - Parameters:
    ///   - first: name of the first variant.
    ///   - second: name of the second variant.
    ///   - quantity: what was measured, e.g. "final loss" or "validation accuracy".
    public func verdict(first: String, second: String, quantity: String) -> String {
        let seeds = pairs + droppedPairs
        let dropped = droppedPairs > 0 ? tr(", \(counted(droppedPairs, "seed")) without a value left out") : ""
        if pairs == 0 {
            return tr("\(first) and \(second) cannot be compared on \(quantity): no seed has values for both\(dropped.isEmpty ? "" : tr(" (\(seeds) seeds)"))")
        }
        if equal == pairs {
            return tr("\(first) and \(second) have identical \(quantity) in all \(pairs) seeds (p = 1\(dropped))")
        }
        let test = tr("Wilcoxon signed-rank, \(Self.formatP(wilcoxon.pValue))")
        let r = Self.formatR(rankBiserial)
        if firstLower == firstHigher {
            let equalText = equal > 0 ? tr(", equal in \(equal)") : ""
            return tr("\(first) and \(second) do not differ consistently in \(quantity): \(first) is lower in \(firstLower), higher in \(firstHigher)\(equalText) of \(pairs) seeds (\(test), r = \(r)\(dropped))")
        }
        let count = max(firstLower, firstHigher)
        // r as the table shows it: (W⁺ − W⁻)/(W⁺ + W⁻) of first − second, negative when the first is lower.
        return firstLower > firstHigher
            ? tr("\(first) has lower \(quantity) than \(second) in \(count) of \(pairs) seeds (\(test), r = \(r)\(dropped))")
            : tr("\(first) has higher \(quantity) than \(second) in \(count) of \(pairs) seeds (\(test), r = \(r)\(dropped))")
    }

    /// "p = 0.004", "p < 0.001", and "p = 1" for anything that rounds to 1.000.
    public static func formatP(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        let rounded = String(format: "%.3f", p)
        // 0.9996 would print as "1.000", which reads as more than it is; say "p = 1" for both.
        return rounded == "1.000" ? "p = 1" : "p = " + rounded
    }

    /// "−0.67": two decimals, with a true minus sign, as in the table.
    public static func formatR(_ r: Double) -> String {
        let text = String(format: "%.2f", r)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// "0.004", "< 0.001", "1": the p-value as `formatP` prints it, without "p =", for tables.
    public static func formatPValue(_ p: Double) -> String {
        let text = formatP(p)
        return text.hasPrefix("p = ") ? String(text.dropFirst(4)) : String(text.dropFirst(2))
    }
}
