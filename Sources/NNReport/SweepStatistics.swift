import Foundation
import NNStatistics
import NNLanguage

/// The comparison tables' statistics, as text and ranks, on top of NNStatistics.
enum SweepStatistics {
    /// The Wilson score 95% interval for k successes in n trials (nil for n = 0).
    static func wilson(successes k: Int, trials n: Int) -> (lower: Double, upper: Double)? {
        SuccessRate(successes: k, trials: n).map { ($0.lower, $0.upper) }
    }

    /// The median of the finite values (NaN when there are none).
    static func median(_ values: [Double]) -> Double {
        Summary(values)?.median ?? .nan
    }

    /// "0.0123 [0.0101, 0.0188]" over the finite values; the quartiles are joined by a no-break space, so
    /// a narrow column wraps the cell between the median and its interval, never inside the interval.
    static func medianIQR(_ values: [Double]) -> String {
        guard let s = Summary(values) else { return "—" }
        return "\(Format.significant(s.median, 3)) [\(Format.significant(s.q1, 3)),\u{00A0}\(Format.significant(s.q3, 3))]"
    }

    /// A loss outcome: `+∞` (a diverged seed) reads "diverged"; NaN is "—".
    static func outcome(_ x: Double) -> String {
        x.isNaN ? "—" : x == .infinity ? tr("diverged") : x == -.infinity ? tr("diverged") : Format.significant(x, 4)
    }

    /// "0.0123 [0.0101, diverged]": median and quartiles with every seed counted, diverged ones as +∞.
    static func outcomeIQR(_ values: [Double]) -> String {
        guard let s = OutcomeSummary(values) else { return "—" }
        return "\(outcome(s.median)) [\(outcome(s.q1)),\u{00A0}\(outcome(s.q3))]"
    }

    /// The median with every seed counted ("diverged" when at least half diverged).
    static func outcomeMedian(_ values: [Double]) -> String {
        OutcomeSummary(values).map { outcome($0.median) } ?? "—"
    }

    /// A metric over the seeds that did not diverge: "0.75 [0.5, 1]", with "(n of N seeds)" when some diverged.
    static func metricIQR(_ values: [Double]) -> String {
        let kept = values.filter { !$0.isNaN }
        guard !kept.isEmpty else { return tr("— (every seed diverged)") }
        return medianIQR(kept) + (kept.count < values.count ? tr(" (\(kept.count) of \(values.count) seeds)") : "")
    }

    /// Epochs to the target with never-reached runs as +∞: "120 [95, never]".
    static func censoredDescription(_ epochs: [Int?]) -> String {
        guard let s = CensoredSummary(epochs: epochs) else { return "—" }
        return "\(text(s.median)) [\(text(s.q1)),\u{00A0}\(text(s.q3))]"
    }

    static func censoredMedianText(_ epochs: [Int?]) -> String {
        CensoredSummary(epochs: epochs).map { text($0.median) } ?? "—"
    }

    static func text(_ epochs: Double) -> String {
        epochs.isFinite ? Format.significant(epochs, 4) : tr("never")
    }

    /// Variant indices in ranking order (the rule `Ranking` states; remaining ties by name).
    static func rank(_ stats: [VariantStatistics], by ranking: Comparison.Ranking) -> [Int] {
        // The values each criterion orders by: final loss (diverged +∞) for success and the loss rankings,
        // the ranked accuracy (diverged −∞) for the accuracy rankings.
        let variants = stats.map { s in
            VariantResults(name: s.label, finalLoss: ranking == .success ? s.finalLoss : s.rankValues,
                           validationAccuracy: s.rankValues, epochsToTarget: s.epochsToTarget.map { $0.map(Double.init) ?? .infinity })
        }
        let criterion: Ranking.Criterion = switch ranking {
        case .success: .successThenEpochs
        case .finalLoss, .validationLoss: .medianFinalLoss
        case .accuracy, .validationAccuracy: .medianValidationAccuracy
        }
        let ranked = Ranking.rank(variants, by: criterion)
        var used = Set<Int>()
        return ranked.compactMap { r in
            let index = stats.indices.first { stats[$0].label == r.name && !used.contains($0) }
            if let index { used.insert(index) }
            return index
        }
    }

    /// A paired comparison of final losses x against y, seed by seed (lower is better).
    static func pairedTest(_ x: [Double], _ y: [Double]) -> PairedComparison {
        PairedComparison(x, y)
    }
}
