import Foundation

/// Paired two-sided tests on differences dᵢ = xᵢ − yᵢ (zeros dropped, Wilcox's convention).
enum PairedTests {
    /// Wilcoxon signed-rank test: W⁺ = Σ ranks of positive dᵢ (average ranks for ties); exact
    /// null distribution by dynamic programming over doubled ranks for n ≤ 50, else the normal
    /// approximation with tie correction. Returns the p-value and the matched-pairs rank-biserial
    /// correlation r = (W⁺ − W⁻)/(W⁺ + W⁻). nil when every difference is zero.
    static func wilcoxon(_ differences: [Double]) -> (p: Double, rankBiserial: Double)? {
        let d = differences.filter { $0 != 0 && $0.isFinite }
        let n = d.count
        guard n > 0 else { return nil }
        let order = d.indices.sorted { abs(d[$0]) < abs(d[$1]) }
        var ranks = [Double](repeating: 0, count: n)
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && abs(d[order[j + 1]]) == abs(d[order[i]]) { j += 1 }
            let average = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        let wPlus = d.indices.filter { d[$0] > 0 }.reduce(0) { $0 + ranks[$1] }
        let total = Double(n * (n + 1)) / 2
        let wMinus = total - wPlus
        let r = (wPlus - wMinus) / total
        let p: Double
        if n <= 50 {
            // Doubled ranks are integers; count sign assignments with 2W⁺ ≤ observed.
            let doubled = ranks.map { Int(($0 * 2).rounded()) }
            let maximum = doubled.reduce(0, +)
            var counts = [Double](repeating: 0, count: maximum + 1)
            counts[0] = 1
            for rank in doubled {
                for s in stride(from: maximum, through: rank, by: -1) { counts[s] += counts[s - rank] }
            }
            let all = pow(2.0, Double(n))
            let observed = Int((min(wPlus, wMinus) * 2).rounded())
            let tail = counts[0...observed].reduce(0, +) / all
            p = min(1, 2 * tail)
        } else {
            let ties = Dictionary(grouping: ranks, by: { $0 }).values.map { Double($0.count) }
            let variance = Double(n * (n + 1) * (2 * n + 1)) / 24 - ties.reduce(0) { $0 + ($1 * $1 * $1 - $1) } / 48
            let z = (min(wPlus, wMinus) - total / 2) / variance.squareRoot()
            p = min(1, erfc(-z / 2.0.squareRoot()))  // two-sided: 2Φ(z) for z ≤ 0
        }
        return (p, r)
    }

    /// The exact two-sided sign test: 2·P(X ≤ min(k, n − k)), X ~ Binomial(n, ½), zeros dropped.
    static func signTest(_ differences: [Double]) -> Double? {
        let d = differences.filter { $0 != 0 && $0.isFinite }
        let n = d.count
        guard n > 0 else { return nil }
        let k = min(d.filter { $0 > 0 }.count, d.filter { $0 < 0 }.count)
        var coefficient = 1.0
        var sum = 0.0
        for i in 0...k {
            if i > 0 { coefficient = coefficient * Double(n - i + 1) / Double(i) }
            sum += coefficient
        }
        return min(1, 2 * sum / pow(2.0, Double(n)))
    }
}
