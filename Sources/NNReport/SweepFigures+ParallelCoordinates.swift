import NNStatistics
import Plot
import NNLanguage

extension SweepFigures {
    /// For sweeps of three or more axes, every variant as a line through its levels to its outcome
    /// (TensorBoard's HParams parallel-coordinates view): the median final validation metric when the
    /// runs validate and record one, else the median final validation loss, else the median final
    /// training metric, else the loss. Medians are over the seeds that did not diverge for a metric, and
    /// over every seed (a diverged one as +∞) for a loss.
    static func parallelCoordinates(_ comparison: Comparison, _ statistics: [VariantStatistics]) -> ReportBlock? {
        guard comparison.axes.count >= 3, !statistics.isEmpty else { return nil }
        let metric = comparison.targetMetric.hasPrefix("val_") ? String(comparison.targetMetric.dropFirst(4)) : comparison.targetMetric
        let metricIsLoss = metric == "loss" || metric.hasSuffix("_loss")
        typealias Outcome = (name: String, values: (VariantStatistics) -> [Double]?, higherIsBetter: Bool)
        let candidates: [Outcome] = [
            ("val_" + metric, { $0.finalValidationMetric }, !metricIsLoss),
            ("val_" + comparison.lossKey, { $0.finalValidationLoss }, false),
            (metric, { $0.finalMetric }, !metricIsLoss),
            (comparison.lossKey, { $0.finalLoss }, false),
        ]
        // The first outcome every variant has, with a finite median somewhere.
        guard let outcome = candidates.first(where: { c in
            statistics.allSatisfy { c.values($0) != nil } && statistics.contains { medianOutcome(c.values($0) ?? []).isFinite }
        }) else { return nil }
        let lines = zip(comparison.variants, statistics).map { variant, s in
            (levels: variant.levels, outcome: medianOutcome(outcome.values(s) ?? []))
        }
        let settings = comparison.axes.map { ParallelCoordinates.Setting($0.title, levels: $0.levels) }
        let name = tr("median final \(translated(outcome.name))")
        let view = ParallelCoordinates(dimensions: settings, outcomeName: name, lines: lines, higherIsBetter: outcome.higherIsBetter)
        let undefined = lines.filter { !$0.outcome.isFinite }.count
        let figure = Figure(width: Double(settings.count + 1) * 190 + 150, height: 460,
                            panel: .chart(view.chart(title: tr("Every variant's settings and its \(name)"))))
        return .figure(ReportFigure(name: "comparison-parallel-coordinates", figure: figure.sharingColorbar(),
                                    caption: tr("Each of the \(lines.count) variants as a line through its level on every axis (\(comparison.axes.map(\.title).joined(separator: ", "))) to its \(name) over \(Format.count(comparison.seeds.count, "seed")), coloured by that value, \(outcome.higherIsBetter ? tr("best (highest)") : tr("best (lowest)")) drawn on top, as TensorBoard's HParams parallel-coordinates view\(undefined > 0 ? tr("; \(Format.count(undefined, "variant")) without a finite value (every seed diverged) grey and dashed") : "")."),
                                    alt: tr("Parallel coordinates of the sweep's settings against the outcome")))
    }

    /// The median of the non-NaN values (+∞ counts: a diverged seed's loss); NaN when there are none.
    static func medianOutcome(_ values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        return sorted.isEmpty ? .nan : median(sorted)
    }
}
