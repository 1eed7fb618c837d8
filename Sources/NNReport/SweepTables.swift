import Foundation
import NNCore

/// The comparison's tables: statistics per variant, the ranking, shared initial weights, paired tests.
enum SweepTables {
    static func statistics(_ comparison: Comparison, _ stats: [VariantStatistics]) -> ReportTable {
        let hasValidation = stats.contains { $0.finalValidationLoss != nil }
        let metric = comparison.targetMetric.hasPrefix("val_") ? String(comparison.targetMetric.dropFirst(4)) : comparison.targetMetric
        var header = ["variant", "success", "95% interval (Wilson)", "epochs to target: median [IQR]", "final loss: median [IQR]"]
        if hasValidation { header.append("final val_loss: median [IQR]") }
        if metric != "loss" {
            header.append("final \(metric): median [IQR]")
            if stats.contains(where: { $0.finalValidationMetric != nil }) { header.append("final val_\(metric): median [IQR]") }
        }
        header.append("diverged")
        let rows: [[ReportTable.Cell]] = stats.map { s in
            let interval = SweepStatistics.wilson(successes: s.successes, trials: s.runs)
            var cells: [ReportTable.Cell] = [
                ReportTable.Cell(s.label),
                .number("\(s.successes)/\(s.runs)"),
                .number(interval.map { "\(Format.percent($0.lower))–\(Format.percent($0.upper))" } ?? "—"),
                .number(SweepStatistics.censoredDescription(s.epochsToTarget)),
                .number(SweepStatistics.medianIQR(s.finalLoss)),
            ]
            if hasValidation { cells.append(.number(s.finalValidationLoss.map(SweepStatistics.medianIQR) ?? "—")) }
            if metric != "loss" {
                cells.append(.number(SweepStatistics.medianIQR(s.finalMetric)))
                if stats.contains(where: { $0.finalValidationMetric != nil }) { cells.append(.number(s.finalValidationMetric.map(SweepStatistics.medianIQR) ?? "—")) }
            }
            cells.append(.number(String(s.diverged)))
            return cells
        }
        return ReportTable(caption: "Per variant across \(comparison.seeds.count) seeds: successes with a Wilson 95% interval; epochs to reach the target (median and interquartile range, counting runs that never reach it as “never”, i.e. +∞); final loss and metric for training (and validation when given), as median [interquartile range]; divergences.",
                           header: header, rows: rows)
    }

    static func ranking(_ comparison: Comparison, _ stats: [VariantStatistics]) -> ReportTable {
        let order = SweepStatistics.rank(stats, by: comparison.ranking)
        let rows: [[ReportTable.Cell]] = order.enumerated().map { position, index in
            let s = stats[index]
            return [.number(String(position + 1)), ReportTable.Cell(s.label), .number("\(s.successes)/\(s.runs)"),
                    .number(SweepStatistics.censoredMedianText(s.epochsToTarget)),
                    .number(Format.significant(SweepStatistics.median(s.finalLoss.filter(\.isFinite)), 4))]
        }
        let criterion: String
        switch comparison.ranking {
        case .success: criterion = "success rate, then median epochs to the target, then median final loss"
        case .finalLoss: criterion = "median final training loss"
        case .validationLoss: criterion = "median final validation loss"
        case .accuracy: criterion = "median final accuracy"
        case .validationAccuracy: criterion = "median final validation accuracy"
        }
        return ReportTable(caption: "Ranking by \(criterion) (ties broken by name).",
                           header: ["rank", "variant", "success", "median epochs to target", "median final loss"], rows: rows)
    }

    /// Which variants start from the same initial weights for each seed (a controlled A/B).
    static func sharedInitialWeights(_ comparison: Comparison) -> ReportBlock? {
        guard comparison.variants.count > 1, let seedCount = comparison.variants.first?.runs.count, seedCount > 0 else { return nil }
        var groups: [[String]] = []
        var keys: [[[UInt64]]] = []
        for variant in comparison.variants {
            let key = variant.runs.map { $0.network.parameterVector.map(\.bitPattern) }
            if let i = keys.firstIndex(of: key) { groups[i].append(variant.label) } else { keys.append(key); groups.append([variant.label]) }
        }
        let text: String
        if groups.count == 1 {
            text = "All \(comparison.variants.count) variants start from the same initial weights for each seed (and see the same data), so only the swept setting differs between them."
        } else {
            let shared = groups.filter { $0.count > 1 }
            text = "Initial weights are shared, for each seed, within these groups (variants whose layers have the same shapes): "
                + (shared.isEmpty ? "none — every variant's shapes differ." : shared.map { "{" + $0.joined(separator: "; ") + "}" }.joined(separator: ", "))
                + ". Every variant sees the same data."
        }
        return .note(text, kind: "info")
    }

    /// Wilcoxon signed-rank and sign tests on final loss, paired by seed.
    static func pairedComparisons(_ comparison: Comparison, _ stats: [VariantStatistics]) -> [ReportBlock] {
        var pairs = comparison.pairs
        if pairs.isEmpty, stats.count >= 2 {
            let order = SweepStatistics.rank(stats, by: comparison.ranking)
            if order[0] != 0 { pairs = [(stats[order[0]].label, stats[0].label)] } else { pairs = [(stats[0].label, stats[order[1]].label)] }
        }
        guard !pairs.isEmpty else { return [] }
        var rows: [[ReportTable.Cell]] = []
        var verdicts: [String] = []
        for (a, b) in pairs {
            guard let x = stats.first(where: { $0.label == a }), let y = stats.first(where: { $0.label == b }) else { continue }
            let test = SweepStatistics.pairedTest(x.finalLoss, y.finalLoss)
            rows.append([ReportTable.Cell(a), ReportTable.Cell(b), .number("\(test.firstLower)/\(test.pairs)"),
                         .number(test.medianDifference.map { Format.significant($0, 3) } ?? "—"),
                         .number(Format.significant(test.wilcoxon.pValue, 3)),
                         .number(Format.significant(test.signTest.pValue, 3)),
                         .number(Format.significant(test.rankBiserial, 2))])
            verdicts.append(test.verdict(first: a, second: b, quantity: "final loss") + ".")
        }
        return [
            .table(ReportTable(caption: "Paired comparisons of final training loss over the same seeds: how often the first variant ends lower, the median difference (first − second), the two-sided Wilcoxon signed-rank and sign-test p-values, and the matched-pairs rank-biserial correlation r = (W⁺ − W⁻)/(W⁺ + W⁻) of A − B (from −1 to 1; negative when A ends lower). Zero differences are dropped; p-values are exact up to 50 pairs.",
                               header: ["variant A", "variant B", "A lower", "median A − B", "Wilcoxon p", "sign test p", "effect r"], rows: rows)),
        ] + verdicts.map { ReportBlock.paragraph($0) }
    }
}
