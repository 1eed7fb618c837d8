import NNCore

/// One variant's outcomes across seeds, in seed order (so two variants pair up by seed).
struct VariantStatistics {
    let label: String
    let runs: Int
    /// The epoch each seed first reached the target, nil where it never did.
    let epochsToTarget: [Int?]
    /// Final values per seed (NaN for a failed run).
    let finalLoss: [Double]
    let finalValidationLoss: [Double]?
    let finalMetric: [Double]
    let diverged: Int

    init(variant: Comparison.Variant, results: [RunResult], comparison: Comparison) {
        label = variant.label
        runs = results.count
        epochsToTarget = results.map { ComparisonSection.epochsToTarget($0.history, metric: comparison.targetMetric, target: comparison.targetValue) }
        finalLoss = results.map { $0.failure == nil ? ($0.history["loss"]?.last ?? .nan) : .nan }
        let validation = results.map { $0.history["val_loss"]?.last }
        finalValidationLoss = validation.allSatisfy { $0 != nil } && !validation.isEmpty ? validation.map { $0 ?? .nan } : nil
        let metric = comparison.targetMetric.hasPrefix("val_") || comparison.targetMetric == "loss" ? comparison.targetMetric : comparison.targetMetric
        finalMetric = results.map { $0.history[metric]?.last ?? .nan }
        diverged = results.filter { $0.history.divergence != nil }.count
    }

    var successes: Int { epochsToTarget.compactMap { $0 }.count }
}
