import Foundation
import NNStatistics

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

    /// "0.0123 [0.0101, 0.0188]" over the finite values.
    static func medianIQR(_ values: [Double]) -> String {
        guard let s = Summary(values) else { return "—" }
        return "\(Format.significant(s.median, 3)) [\(Format.significant(s.q1, 3)), \(Format.significant(s.q3, 3))]"
    }

    /// Epochs to the target with never-reached runs as +∞: "120 [95, never]".
    static func censoredDescription(_ epochs: [Int?]) -> String {
        guard let s = CensoredSummary(epochs: epochs) else { return "—" }
        return "\(text(s.median)) [\(text(s.q1)), \(text(s.q3))]"
    }

    static func censoredMedianText(_ epochs: [Int?]) -> String {
        CensoredSummary(epochs: epochs).map { text($0.median) } ?? "—"
    }

    static func text(_ epochs: Double) -> String {
        epochs.isFinite ? Format.significant(epochs, 4) : "never"
    }

    /// Variant indices in ranking order (ties broken by name).
    static func rank(_ stats: [VariantStatistics], by ranking: Comparison.Ranking) -> [Int] {
        let variants = stats.map { s in
            VariantResults(name: s.label, finalLoss: ranking == .validationLoss ? (s.finalValidationLoss ?? []) : s.finalLoss,
                           validationAccuracy: s.finalMetric, epochsToTarget: s.epochsToTarget.map { $0.map(Double.init) ?? .infinity })
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
