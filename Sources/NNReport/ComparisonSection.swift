import NNCore
import NNFigures
import Plot

/// Section 3: a grid of variants (hidden activation × regularizer) over several seeds.
enum ComparisonSection {
    static func build(_ comparison: Comparison, results: [[RunResult]]) -> ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph("\(comparison.name): every combination of hidden activation (\(comparison.activations.joined(separator: ", "))) and regularizer (\(comparison.regularizers.joined(separator: ", "))), each trained from the same \(comparison.seeds.count) seeds (\(comparison.seeds.map(String.init).joined(separator: ", "))) on \(comparison.dataName). A run succeeds when \(comparison.targetMetric) reaches \(readable(comparison.targetValue))."),
        ]
        blocks.append(table(comparison, results))
        if let run = comparison.variants.first?.runs.first, run.network.inputWidth == 2 {
            var panels: [Panel] = []
            let threshold = ExperimentSection.threshold(for: run.data.y)
            let range: ClosedRange<Double> = threshold == 0 ? -1...1 : 0...1
            for (variant, variantResults) in zip(comparison.variants, results) {
                let title = "\(variant.activation), \(variant.regularizer)"
                if let first = variantResults.first, first.failure == nil {
                    var chart = BoundaryFigures.chart(first.network, data: run.data, threshold: threshold, range: range, title: title, resolution: 100)
                    if first.history.divergence != nil { chart.title = title + " (diverged)" }
                    panels.append(.chart(chart))
                }
            }
            if !panels.isEmpty {
                let columns = comparison.regularizers.count
                let rows = (panels.count + columns - 1) / columns
                blocks.append(.figure(ReportFigure(name: "comparison-boundaries",
                                                   figure: Figure(title: "Final decision boundaries (seed \(comparison.seeds.first ?? 0))", width: Double(columns) * 300 + 40,
                                                                  height: Double(rows) * 270 + 60, columns: columns, panels: panels),
                                                   caption: "Small multiples of the final decision boundaries: rows are hidden activations, columns regularizers; one representative seed (the first) per cell.",
                                                   alt: "A grid of decision boundaries, one per activation and regularizer")))
            }
        }
        var panels: [Panel] = []
        for (a, activation) in comparison.activations.enumerated() {
            var variants: [(name: String, runs: [[Double]])] = []
            for (r, regularizer) in comparison.regularizers.enumerated() {
                let index = a * comparison.regularizers.count + r
                variants.append((regularizer, results[index].map { $0.history["loss"] ?? [] }))
            }
            panels.append(.chart(HistoryFigures.seedBands(variants, key: "loss", title: "hidden \(activation)")))
        }
        blocks.append(.figure(ReportFigure(name: "comparison-loss", figure: Figure(title: "Loss across seeds", width: 1000, height: 380,
                                                                                   columns: panels.count, sharedAxes: .y, panels: panels),
                                           caption: "Training loss per epoch: the median across seeds (line) and the interquartile range (band), one colour per regularizer, one panel per hidden activation.",
                                           alt: "Loss curves with median lines and interquartile bands per regularizer")))
        return ReportSection(id: "comparison", title: comparison.name, blocks: blocks)
    }

    /// The first epoch (1-based) at which `metric` reaches `target`, if it does.
    static func epochsToTarget(_ history: History, metric: String, target: Double) -> Int? {
        guard let series = history[metric] else { return nil }
        let minimize = EarlyStopping.minimizes(metric)
        return series.firstIndex { minimize ? $0 <= target : $0 >= target }.map { $0 + 1 }
    }

    static func table(_ comparison: Comparison, _ results: [[RunResult]]) -> ReportBlock {
        var rows: [[ReportTable.Cell]] = []
        for (variant, variantResults) in zip(comparison.variants, results) {
            let reached = variantResults.map { epochsToTarget($0.history, metric: comparison.targetMetric, target: comparison.targetValue) }
            let successes = reached.compactMap { $0 }
            let finalLosses = variantResults.compactMap { $0.history["loss"]?.last }.filter(\.isFinite).sorted()
            let diverged = variantResults.filter { $0.history.divergence != nil }.count
            rows.append([
                ReportTable.Cell(variant.activation), ReportTable.Cell(variant.regularizer),
                .number("\(successes.count)/\(variantResults.count) (\(Format.percent(Double(successes.count) / Double(max(variantResults.count, 1)))))"),
                .number(successes.isEmpty ? "never" : Format.significant(median(successes.map(Double.init)), 4)),
                .number(finalLosses.isEmpty ? "—" : Format.significant(median(finalLosses), 4)),
                .number(String(diverged)),
            ])
        }
        return .table(ReportTable(caption: "Success rate (\(comparison.targetMetric) reaching \(readable(comparison.targetValue)) at some epoch), median epochs to success over the successful seeds, median final training loss, and divergences, per variant.",
                                  header: ["activation", "regularizer", "success", "median epochs to success", "median final loss", "diverged"], rows: rows))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
