import NNCore
import NNFigures
import NNRecording
import Plot
import NNLanguage

/// The comparison section: a sweep's variants over the same seeds, with statistics and figures.
enum ComparisonSection {
    static func build(_ comparison: Comparison, results: [[RunResult]]) -> ReportSection {
        let stats = zip(comparison.variants, results).map { VariantStatistics(variant: $0, results: $1, comparison: comparison) }
        var blocks: [ReportBlock] = [.paragraph(introduction(comparison, results: results))]
        blocks += SweepTables.statistics(comparison, stats).map(ReportBlock.table)
        blocks.append(.table(SweepTables.ranking(comparison, stats)))
        if let sharing = SweepTables.sharedInitialWeights(comparison) { blocks.append(sharing) }
        blocks += SweepTables.pairedComparisons(comparison, stats)
        blocks += SweepFigures.all(comparison, results: results, statistics: stats)
        return ReportSection(id: "comparison", title: comparison.name, blocks: blocks)
    }

    static func introduction(_ comparison: Comparison, results: [[RunResult]] = []) -> String {
        let design: String
        if comparison.axes.isEmpty {
            design = tr("\(comparison.variants.count) named variants (\(comparison.variants.map(\.label).joined(separator: "; ")))")
        } else {
            design = tr("every combination of ") + comparison.axes.map { "\($0.title) (\($0.levels.joined(separator: ", ")))" }.joined(separator: " × ")
                + tr(" — \(comparison.variants.count) variants")
        }
        // Derived from the runs: whether every variant trained (and validated) on the same data.
        let first = comparison.variants.first?.runs.first
        let sameData = comparison.variants.allSatisfy { $0.runs.allSatisfy { $0.data == first?.data && $0.validation == first?.validation } }
        let data = sameData ? tr("on the same data (\(comparison.dataName))") : tr("on the data each variant names (they differ between variants)")
        let seeds = comparison.seeds.count == 1 ? tr("the same seed (\(comparison.seeds[0]))")
            : tr("the same \(comparison.seeds.count) seeds (\(comparison.seeds.map(String.init).joined(separator: ", ")))")
        let split = comparison.imageSplit ? tr(" As in the image problem, 20% of the images are held out as test data (stratified by class; the val_ columns are these test values) and the inputs are standardized with the training part's statistics only.") : ""
        return tr("\(comparison.name): \(design), each trained from \(seeds) \(data).\(split)\(shared(comparison, results: results)) A run succeeds when \(translated(comparison.targetMetric)) reaches \(readable(comparison.targetValue)); runs that never do count as failures, not as missing.")
    }

    /// The training settings every variant shares, read from the runs (so a level that inherits the
    /// base's learning rate says so): " Every variant uses sgd(learning_rate=0.3, …), 300 epochs, batch size 4."
    static func shared(_ comparison: Comparison, results: [[RunResult]] = []) -> String {
        let runs = comparison.variants.flatMap(\.runs)
        guard let first = runs.first else { return "" }
        var parts: [String] = []
        let optimizer = ExperimentSection.describe(first)
        if runs.allSatisfy({ ExperimentSection.describe($0) == optimizer }) {
            parts.append(optimizer)
        } else if runs.allSatisfy({ $0.options.learningRateSchedule == nil && $0.optimizer.learningRate == first.optimizer.learningRate }) {
            parts.append(tr("learning rate \(readable(first.optimizer.learningRate))"))
        }
        if runs.allSatisfy({ $0.options.epochs == first.options.epochs }) { parts.append(Format.count(first.options.epochs, "epoch")) }
        if runs.allSatisfy({ $0.options.batchSize == first.options.batchSize }) { parts.append(tr("batch size \(first.options.batchSize)")) }
        if runs.allSatisfy({ $0.network.constants == .exact }) { parts.append(tr("exact constants (none rounded to float32 as Keras does)")) }
        let model = comparison.variants.first?.modelSource
        let source = comparison.variants.allSatisfy({ $0.modelSource == model }) ? ExperimentSection.sourceSentence(model) : ""
        return (parts.isEmpty ? "" : tr(" Every variant uses ") + parts.joined(separator: ", ") + ".") + source + sharedStart(comparison, results: results)
    }

    /// Said when, in every variant, every seed starts from the same weights (the model gives them and
    /// no axis redraws them): whether the seeds then repeat one run (measured on their histories), or
    /// differ only in what they still draw.
    static func sharedStart(_ comparison: Comparison, results: [[RunResult]]) -> String {
        let groups = comparison.variants.map(\.runs)
        guard !groups.isEmpty, groups.allSatisfy(ExperimentSection.shareTheirStart) else { return "" }
        if results.count == groups.count, results.allSatisfy(ExperimentSection.identicalHistories) {
            return tr(" In every variant, every seed starts from the same weights, the model's own, and the seeds trained identically: each variant's intervals and tests count one run as many times as it has seeds.")
        }
        return tr(" In every variant, every seed starts from the same weights, the model's own: the seeds differ only in what they still draw (the batch order, the dropout masks).")
    }

    /// The first epoch (1-based) at which `metric` reaches `target`, if it does.
    static func epochsToTarget(_ history: History, metric: String, target: Double) -> Int? {
        guard let series = history[metric] else { return nil }
        let minimize = EarlyStopping.minimizes(metric)
        return series.firstIndex { minimize ? $0 <= target : $0 >= target }.map { $0 + 1 }
    }
}
