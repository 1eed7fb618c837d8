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
    /// The final value of the target's metric (train), and of its validation twin when recorded.
    let finalMetric: [Double]
    let finalValidationMetric: [Double]?
    let diverged: Int

    init(variant: Comparison.Variant, results: [RunResult], comparison: Comparison) {
        label = variant.label
        runs = results.count
        epochsToTarget = results.map { ComparisonSection.epochsToTarget($0.history, metric: comparison.targetMetric, target: comparison.targetValue) }
        finalLoss = results.map { $0.failure == nil ? ($0.history["loss"]?.last ?? .nan) : .nan }
        let validation = results.map { $0.history["val_loss"]?.last }
        finalValidationLoss = validation.allSatisfy { $0 != nil } && !validation.isEmpty ? validation.map { $0 ?? .nan } : nil
        let metric = comparison.targetMetric.hasPrefix("val_") ? String(comparison.targetMetric.dropFirst(4)) : comparison.targetMetric
        finalMetric = results.map { $0.history[metric]?.last ?? .nan }
        let validationMetric = results.map { $0.history["val_" + metric]?.last }
        finalValidationMetric = validationMetric.allSatisfy { $0 != nil } && !validationMetric.isEmpty ? validationMetric.map { $0 ?? .nan } : nil
        diverged = results.filter { $0.history.divergence != nil }.count
    }

    var successes: Int { epochsToTarget.compactMap { $0 }.count }
}
