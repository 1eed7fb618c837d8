import Foundation

/// The statistics the comparison tables show, on plain arrays.
enum SweepStatistics {
    /// The Wilson score 95% interval for k successes in n trials (nil for n = 0):
    /// (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.959963984540054.
    static func wilson(successes k: Int, trials n: Int) -> (lower: Double, upper: Double)? {
        guard n > 0 else { return nil }
        let z = 1.959963984540054
        let p = Double(k) / Double(n), nn = Double(n)
        let center = p + z * z / (2 * nn)
        let spread = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()
        let denominator = 1 + z * z / nn
        return (max(0, (center - spread) / denominator), min(1, (center + spread) / denominator))
    }

    /// Linear-interpolation quantile of sorted values (NumPy's default); NaN when empty.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let i = Int(position)
        let fraction = position - Double(i)
        guard i + 1 < sorted.count else { return sorted[i] }
        if sorted[i + 1] == .infinity { return fraction == 0 ? sorted[i] : .infinity }
        return sorted[i] + fraction * (sorted[i + 1] - sorted[i])
    }

    static func median(_ values: [Double]) -> Double { quantile(values.sorted(), 0.5) }

    /// "0.0123 [0.0101, 0.0188]" over the finite values.
    static func medianIQR(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite).sorted()
        guard !finite.isEmpty else { return "—" }
        return "\(Format.significant(quantile(finite, 0.5), 3)) [\(Format.significant(quantile(finite, 0.25), 3)), \(Format.significant(quantile(finite, 0.75), 3))]"
    }

    /// Epochs to the target with never-reached runs as +∞: "120 [95, never]".
    static func censoredDescription(_ epochs: [Int?]) -> String {
        let values = epochs.map { $0.map(Double.init) ?? .infinity }.sorted()
        guard !values.isEmpty else { return "—" }
        func text(_ x: Double) -> String { x.isFinite ? Format.significant(x, 4) : "never" }
        return "\(text(quantile(values, 0.5))) [\(text(quantile(values, 0.25))), \(text(quantile(values, 0.75)))]"
    }

    static func censoredMedianText(_ epochs: [Int?]) -> String {
        let m = quantile(epochs.map { $0.map(Double.init) ?? .infinity }.sorted(), 0.5)
        return m.isFinite ? Format.significant(m, 4) : "never"
    }

    /// Variant indices in ranking order; ties broken by label.
    static func rank(_ stats: [VariantStatistics], by ranking: Comparison.Ranking) -> [Int] {
        func key(_ s: VariantStatistics) -> [Double] {
            let loss = median(s.finalLoss.filter(\.isFinite))
            switch ranking {
            case .success:
                let epochs = quantile(s.epochsToTarget.map { $0.map(Double.init) ?? .infinity }.sorted(), 0.5)
                return [-Double(s.successes) / Double(max(s.runs, 1)), epochs, loss.isNaN ? .infinity : loss]
            case .finalLoss: return [loss.isNaN ? .infinity : loss]
            case .validationLoss:
                let v = median((s.finalValidationLoss ?? []).filter(\.isFinite))
                return [v.isNaN ? .infinity : v]
            case .accuracy, .validationAccuracy:
                let a = median(s.finalMetric.filter(\.isFinite))
                return [a.isNaN ? .infinity : -a]
            }
        }
        return stats.indices.sorted { a, b in
            let ka = key(stats[a]), kb = key(stats[b])
            if ka != kb { return ka.lexicographicallyPrecedes(kb) }
            return stats[a].label < stats[b].label
        }
    }

    /// A paired test of x against y (by seed): lower is better.
    struct PairedResult {
        var pairs: Int
        var lower: Int
        var medianDifference: Double
        var wilcoxonP: Double?
        var signP: Double?
        var effect: Double?

        func verdict(_ a: String, _ b: String) -> String {
            let p = wilcoxonP.map { Format.significant($0, 2) } ?? "—"
            let r = effect.map { Format.significant($0, 2) } ?? "—"
            let direction = medianDifference < 0 ? "lower" : (medianDifference > 0 ? "higher" : "the same")
            let strength = (wilcoxonP ?? 1) < 0.05 ? "a difference unlikely to be chance" : "not enough evidence of a difference"
            return "\(a) ends with \(direction) final loss than \(b) in \(lower) of \(pairs) seeds (median difference \(Format.significant(medianDifference, 3)); Wilcoxon signed-rank p = \(p), r = \(r)): \(strength) at the 5% level."
        }
    }

    static func pairedTest(_ x: [Double], _ y: [Double]) -> PairedResult {
        let pairs = zip(x, y).filter { $0.isFinite && $1.isFinite }
        let differences = pairs.map { $0 - $1 }
        let lower = differences.filter { $0 < 0 }.count
        let test = PairedTests.wilcoxon(differences)
        return PairedResult(pairs: pairs.count, lower: lower, medianDifference: median(differences),
                            wilcoxonP: test?.p, signP: PairedTests.signTest(differences), effect: test.map { -$0.rankBiserial })
    }
}
