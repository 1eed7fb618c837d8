import NNCore

/// One variant's outcomes across seeds, in seed order (so two variants pair up by seed).
///
/// Every seed counts: a diverged run's final loss is `+∞` (the worst loss), so medians and paired
/// tests include it instead of describing the survivors only; a run that failed (no history) has
/// NaN, left out and said. Final metrics come from the seeds that did not diverge (a diverged
/// network's accuracy means nothing), with their number shown beside them.
struct VariantStatistics {
    let label: String
    let runs: Int
    /// The epoch each seed first reached the target, nil where it never did.
    let epochsToTarget: [Int?]
    /// Final loss (the data loss with regularizers, `Comparison.lossKey`) per seed: `+∞` where the run diverged, NaN where it failed.
    let finalLoss: [Double]
    let finalValidationLoss: [Double]?
    /// The final value of the target's metric (train) and of its validation twin, NaN for diverged seeds.
    let finalMetric: [Double]
    let finalValidationMetric: [Double]?
    /// The final value of what the ranking orders by (loss, val_loss, accuracy, val_accuracy) per seed:
    /// the worst possible (±∞) for diverged seeds; empty for the success ranking.
    let rankValues: [Double]
    let diverged: Int

    init(variant: Comparison.Variant, results: [RunResult], comparison: Comparison) {
        label = variant.label
        runs = results.count
        // A run that diverged does not succeed, even if its metric touched the target on the way (xor_accuracy 1
        // at a loss of 10²³): its final network is what the comparison compares.
        epochsToTarget = results.map { r in
            r.history.divergence != nil ? nil : ComparisonSection.epochsToTarget(r.history, metric: comparison.targetMetric, target: comparison.targetValue)
        }
        /// The last value of `key` per seed; diverged seeds get `divergedValue`, failed ones NaN.
        func finals(_ key: String, diverged divergedValue: Double) -> [Double]? {
            let values = results.map { r -> Double? in
                if r.failure != nil { return .nan }
                // A key the run does not record (validation without validation data) is no value, diverged or not.
                guard let series = r.history.comparable(key) else { return nil }
                return r.history.divergence != nil ? divergedValue : (series.last ?? .nan)
            }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
            return values.map { $0 ?? .nan }
        }
        // The data loss when the comparison has regularizers (Comparison.lossKey).
        finalLoss = finals(comparison.lossKey, diverged: .infinity) ?? results.map { _ in .nan }
        finalValidationLoss = finals("val_" + comparison.lossKey, diverged: .infinity)
        let metric = comparison.targetMetric.hasPrefix("val_") ? String(comparison.targetMetric.dropFirst(4)) : comparison.targetMetric
        finalMetric = finals(metric, diverged: .nan) ?? results.map { _ in .nan }
        finalValidationMetric = finals("val_" + metric, diverged: .nan)
        let rankKey = comparison.rankKey
        let lowerIsBetter = rankKey?.hasSuffix("loss") ?? true
        rankValues = rankKey.flatMap { finals($0, diverged: lowerIsBetter ? .infinity : -.infinity) } ?? []
        diverged = results.filter { $0.history.divergence != nil }.count
    }

    var successes: Int { epochsToTarget.compactMap { $0 }.count }
}
