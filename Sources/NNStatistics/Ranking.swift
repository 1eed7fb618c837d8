/// The results of one variant over its seeds, as the ranking reads them.
public struct VariantResults: Sendable, Equatable, Hashable {
    public var name: String
    /// Final loss per seed (the loss ranked by), `+∞` for a diverged run (the worst loss; it stays
    /// in the median, see ``OutcomeSummary``), NaN for no value (left out).
    public var finalLoss: [Double]
    /// Final accuracy per seed (the accuracy ranked by), `−∞` for a diverged run, NaN for no value.
    public var validationAccuracy: [Double]
    /// Epochs to reach the target per seed, `+∞` for runs that never reached it.
    public var epochsToTarget: [Double]

    public init(name: String, finalLoss: [Double] = [], validationAccuracy: [Double] = [], epochsToTarget: [Double] = []) {
        self.name = name
        self.finalLoss = finalLoss
        self.validationAccuracy = validationAccuracy
        self.epochsToTarget = epochsToTarget
    }
}

/// Orders variants, best first, by one criterion with deterministic tie-breaking.
///
/// Criteria:
/// - ``Criterion/successThenEpochs``: higher success rate `reached/total` first, then lower
///   median epochs to target (`+∞`, "never", last; censored median as in ``CensoredSummary``),
///   then lower median final loss (``OutcomeSummary``: diverged seeds count as `+∞`);
/// - ``Criterion/medianFinalLoss``: lower median final loss (``OutcomeSummary``) first;
/// - ``Criterion/medianValidationAccuracy``: higher median accuracy (``OutcomeSummary``) first.
///
/// Variants with no usable value for the criterion (no runs, or every value NaN) come last.
/// Remaining ties are broken by name (`String` `<`, Unicode order) and then by input position,
/// so the order never depends on the sort algorithm.
public enum Ranking {
    public enum Criterion: String, Sendable, Hashable, CaseIterable {
        case successThenEpochs = "success rate, then median epochs to target"
        case medianFinalLoss = "median final loss"
        case medianValidationAccuracy = "median validation accuracy"
    }

    /// The variants sorted best first by `criterion`.
    public static func rank(_ variants: [VariantResults], by criterion: Criterion) -> [VariantResults] {
        // Keys are "smaller is better" tuples; nil (nothing to rank by) sorts after any value.
        let keyed = variants.enumerated().map { index, variant in
            (key: key(variant, criterion), name: variant.name, index: index, variant: variant)
        }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (ka?, kb?):
                if ka.0 != kb.0 { return ka.0 < kb.0 }
                if ka.1 != kb.1 { return ka.1 < kb.1 }
                if ka.2 != kb.2 { return ka.2 < kb.2 }
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): break
            }
            if a.name != b.name { return a.name < b.name }
            return a.index < b.index
        }.map(\.variant)
    }

    /// `(primary, secondary, tertiary)`, all smaller-is-better, or `nil` when the variant has no value.
    static func key(_ variant: VariantResults, _ criterion: Criterion) -> (Double, Double, Double)? {
        switch criterion {
        case .successThenEpochs:
            guard let censored = CensoredSummary(values: variant.epochsToTarget) else { return nil }
            // +∞ compares greater than every finite median, so "never" sorts last among equal rates.
            return (-censored.successRate, censored.median, OutcomeSummary(variant.finalLoss)?.median ?? .infinity)
        case .medianFinalLoss:
            guard let summary = OutcomeSummary(variant.finalLoss) else { return nil }
            return (summary.median, 0, 0)
        case .medianValidationAccuracy:
            guard let summary = OutcomeSummary(variant.validationAccuracy) else { return nil }
            return (-summary.median, 0, 0)
        }
    }
}
