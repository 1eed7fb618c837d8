import Foundation
import NNCore
import NNStatistics
import NNLanguage

/// The comparison's tables: statistics per variant, the ranking, shared initial weights, paired tests.
enum SweepTables {
    /// Two tables, so each fits the text column on screen and on A4: success and divergence, then the
    /// final values (median [interquartile range]).
    static func statistics(_ comparison: Comparison, _ stats: [VariantStatistics]) -> [ReportTable] {
        let successRows: [[ReportTable.Cell]] = stats.map { s in
            let interval = SweepStatistics.wilson(successes: s.successes, trials: s.runs)
            return [ReportTable.Cell(s.label), .number("\(s.successes)/\(s.runs)"),
                    .number(interval.map { "\(Format.percent($0.lower))–\(Format.percent($0.upper))" } ?? "—"),
                    .number(SweepStatistics.censoredDescription(s.epochsToTarget)), .number(String(s.diverged))]
        }
        let success = ReportTable(caption: tr("Success per variant across \(comparison.seeds.count) seed\(comparison.seeds.count == 1 ? "" : "s"): runs that reach the target and do not diverge, with a Wilson 95% interval; epochs to reach it (median [interquartile range], a run that never does counting as “never”, i.e. +∞); runs that diverged."),
                                  header: [tr("variant"), tr("success"), tr("95% interval (Wilson)"), tr("epochs to target: median [IQR]"), tr("diverged", context: "count")], rows: successRows)
        let hasValidation = stats.contains { $0.finalValidationLoss != nil }
        let metric = comparison.targetMetric.hasPrefix("val_") ? String(comparison.targetMetric.dropFirst(4)) : comparison.targetMetric
        let loss = comparison.lossName
        var header = [tr("variant"), tr("final \(loss)")]
        if hasValidation { header.append(tr("final validation \(loss)")) }
        let validationMetric = stats.contains { $0.finalValidationMetric != nil }
        if metric != "loss" {
            header.append(tr("final \(translated(metric))"))
            if validationMetric { header.append(tr("final val_\(translated(metric))")) }
        }
        let rows: [[ReportTable.Cell]] = stats.map { s in
            var cells: [ReportTable.Cell] = [ReportTable.Cell(s.label), .number(SweepStatistics.outcomeIQR(s.finalLoss))]
            if hasValidation { cells.append(.number(s.finalValidationLoss.map(SweepStatistics.outcomeIQR) ?? "—")) }
            if metric != "loss" {
                cells.append(.number(SweepStatistics.metricIQR(s.finalMetric)))
                if validationMetric { cells.append(.number(s.finalValidationMetric.map(SweepStatistics.metricIQR) ?? "—")) }
            }
            return cells
        }
        let finals = ReportTable(caption: tr("Final values per variant, as median [interquartile range]: the \(comparison.lossKey == "loss" ? tr("loss") : tr("data loss (the loss without the regularization penalty, so that regularizers are compared on the fit to the data)")) for training (and validation when given) over every seed, a diverged seed counting as +∞ (“diverged”); the metric over the seeds that did not diverge."),
                                 header: header, rows: rows)
        return [success, finals]
    }

    static func ranking(_ comparison: Comparison, _ stats: [VariantStatistics]) -> ReportTable {
        let order = SweepStatistics.rank(stats, by: comparison.ranking)
        let rankedBy = rankedByColumn(comparison)
        let rows: [[ReportTable.Cell]] = order.enumerated().map { position, index in
            let s = stats[index]
            var cells: [ReportTable.Cell] = [.number(String(position + 1)), ReportTable.Cell(s.label), .number("\(s.successes)/\(s.runs)"),
                                             .number(SweepStatistics.censoredMedianText(s.epochsToTarget)),
                                             .number(SweepStatistics.outcomeMedian(s.finalLoss))]
            if rankedBy != nil { cells.append(.number(SweepStatistics.outcomeMedian(s.rankValues))) }
            return cells
        }
        let criterion = comparison.ranking == .success
            ? tr("success rate, then median epochs to the target, then median final \(comparison.lossName)")
            : tr("median final \(comparison.rankedQuantity)")
        return ReportTable(caption: tr("Ranking by \(criterion) (a diverged seed counts as the worst value; remaining ties broken by name)."),
                           header: [tr("rank"), tr("variant"), tr("success"), tr("median epochs to target"), tr("median final \(comparison.lossName)")] + (rankedBy.map { [$0] } ?? []),
                           rows: rows)
    }

    /// The value ranked by, as its own column (the success ranking's are the success, epochs and final loss columns).
    static func rankedByColumn(_ comparison: Comparison) -> String? {
        guard let key = comparison.rankKey, comparison.ranking != .finalLoss else { return nil }
        return tr("ranked by: median final \(comparison.rankedQuantity)") + (key.hasSuffix("loss") ? "" : tr(" (a diverged seed the worst)"))
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
        // Derived from the runs: whether every variant trained (and validated) on the same data.
        let first = comparison.variants.first?.runs.first
        let sameData = comparison.variants.allSatisfy { $0.runs.allSatisfy { $0.data == first?.data && $0.validation == first?.validation } }
        let text: String
        if groups.count == 1 && sameData {
            text = tr("All \(comparison.variants.count) variants start from the same initial weights for each seed and train on the same data, so only the swept setting differs between them.")
        } else if sameData {
            let shared = groups.filter { $0.count > 1 }
            text = tr("Initial weights are shared, for each seed, within these groups (variants whose layers have the same shapes): ")
                + (shared.isEmpty ? tr("none — every variant's shapes differ.") : shared.map { "{" + $0.joined(separator: "; ") + "}" }.joined(separator: ", "))
                + tr(". Every variant trains on the same data.")
        } else {
            // Pairs that are a controlled comparison share both: the groups by initial weights and data together.
            var controlled: [[String]] = []
            var controlledKeys: [([[UInt64]], Int)] = []
            for variant in comparison.variants {
                let weights = variant.runs.map { $0.network.parameterVector.map(\.bitPattern) }
                let data = comparison.variants.firstIndex { other in
                    zip(other.runs, variant.runs).allSatisfy { $0.data == $1.data && $0.validation == $1.validation }
                } ?? 0
                if let i = controlledKeys.firstIndex(where: { $0.0 == weights && $0.1 == data }) { controlled[i].append(variant.label) } else {
                    controlledKeys.append((weights, data)); controlled.append([variant.label])
                }
            }
            let shared = controlled.filter { $0.count > 1 }
            text = tr("The data differ between variants (a data or noise axis), so a difference across them is the data's as much as the setting's. ")
                + (groups.count == 1 ? tr("All start from the same initial weights for each seed; ") : "")
                + tr("initial weights and data are both shared, for each seed, within these groups: ")
                + (shared.isEmpty ? tr("none — no two variants are a controlled comparison.") : shared.map { "{" + $0.joined(separator: "; ") + "}" }.joined(separator: ", ") + ".")
        }
        return .note(text, kind: "info")
    }

    /// Wilcoxon signed-rank and sign tests on final loss, paired by seed.
    static func pairedComparisons(_ comparison: Comparison, _ stats: [VariantStatistics]) -> [ReportBlock] {
        var pairs = comparison.pairs
        if pairs.isEmpty, stats.count >= 2 {
            // The best against the declared baseline, else against the runner-up.
            let order = SweepStatistics.rank(stats, by: comparison.ranking)
            let best = stats[order[0]].label
            if let baseline = comparison.baseline, baseline != best {
                pairs = [(best, baseline)]
            } else {
                pairs = [(best, stats[order[1]].label)]
            }
        }
        guard !pairs.isEmpty else { return [] }
        // The quantity the ranking orders by (so the test argues about the ranking's winner), the final loss for the success ranking.
        let quantity = tr("final \(comparison.rankedQuantity)")
        let byRank = comparison.ranking != .success
        var rows: [[ReportTable.Cell]] = []
        var verdicts: [String] = []
        for (a, b) in pairs {
            guard let x = stats.first(where: { $0.label == a }), let y = stats.first(where: { $0.label == b }) else { continue }
            let test = SweepStatistics.pairedTest(byRank ? x.rankValues : x.finalLoss, byRank ? y.rankValues : y.finalLoss)
            rows.append([ReportTable.Cell(a), ReportTable.Cell(b), .number("\(test.firstLower)/\(test.pairs)"),
                         .number(test.medianDifference.map { $0.isFinite ? Format.significant($0, 3) : ($0 > 0 ? tr("+∞ (A diverged)") : tr("−∞ (B diverged)")) } ?? "—"),
                         .number(PairedComparison.formatPValue(test.wilcoxon.pValue)),
                         .number(PairedComparison.formatPValue(test.signTest.pValue)),
                         .number(PairedComparison.formatR(test.rankBiserial))])
            verdicts.append(test.verdict(first: a, second: b, quantity: tr("final \(comparison.rankedQuantityInSentence)")) + ".")
        }
        return [
            .table(ReportTable(caption: tr("Paired comparisons of \(quantity) (what the ranking orders by) over the same seeds: how often the first variant ends lower, the median difference (first − second), the two-sided Wilcoxon signed-rank and sign-test p-values, and the matched-pairs rank-biserial correlation r = (W⁺ − W⁻)/(W⁺ + W⁻) of A − B (from −1 to 1; negative when A ends lower), the same signed value as in the sentence below. A diverged seed's final value counts as the worst (+∞ for a loss, −∞ for an accuracy; two diverged seeds are equal). Zero differences are dropped; p-values are exact up to 50 pairs."),
                               header: [tr("variant A"), tr("variant B"), tr("A lower"), tr("median A − B"), tr("Wilcoxon p"), tr("sign test p"), tr("effect r")], rows: rows)),
        ] + verdicts.map { ReportBlock.paragraph($0) }
    }
}
