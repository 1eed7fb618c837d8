import NNCore
import NNFigures
import NNLanguage
import Plot

extension ExperimentSection {
    /// A student's run (`external:`) beside NNLab's first seed: both histories drawn together; when the
    /// student's run started from NNLab's initial weights (its `initial_model`), where they agree and
    /// first differ, per series and per epoch.
    static func externalBlocks(_ experiment: ExperimentRuns, _ results: [RunResult], key: String) -> [ReportBlock] {
        guard let result = results.first, result.failure == nil, let run = experiment.runs.first, let seed = experiment.seeds.first else { return [] }
        var blocks: [ReportBlock] = []
        for (number, external) in experiment.external.enumerated() {
            let ours = tr("NNLab, seed \(seed)")
            let named = [(name: ours, history: result.history), (name: external.name, history: external.history)]
            let keys = ["loss"] + (run.options.metrics.first.map { [$0.name] } ?? []).filter { external.history[$0] != nil }
            var panels: [Panel] = keys.map { .chart(HistoryFigures.curves(named, key: $0, title: HistoryFigures.label($0))) }
            let start: String
            let compared: Bool
            if let initial = external.initialNetwork {
                let a = initial.parameterVector, b = run.network.parameterVector
                compared = initial.layers.count == run.network.layers.count && a == b
                start = compared ? "" : tr(" Its initial_model is not the weights NNLab's run started from, so the histories are drawn side by side, not compared epoch by epoch.")
            } else {
                compared = false
                start = tr(" Give the weights it started from as initial_model (a model file) to compare the two epoch by epoch.")
            }
            let agreements = compared ? external.agreement(with: result.history) : []
            // A panel of differences only where there is one to draw (equal epochs are off the log axis).
            let differs = agreements.contains { $0.largest != 0 }
            if compared, differs {
                let tolerance = LineSeries(tr("tolerance \(readable(external.tolerance))"), x: [1, Double(max(1, agreements[0].epochs))],
                                           y: [external.tolerance, external.tolerance], color: Color(gray: 0.4), dash: .dashed)
                let lines: [any Mark] = agreements.map { a in
                    LineSeries(translated(a.key), x: (0..<a.differences.count).map { Double($0 + 1) }, y: a.differences.map { $0 > 0 ? $0 : .nan })
                } + [tolerance]
                panels.append(.chart(Chart(title: tr("relative difference"), x: Axis(tr("epoch")), y: Axis("|a − b| / max(|a|, |b|)", scale: .log),
                                           legend: .best, marks: lines)))
            }
            let epochs = tr("NNLab ran \(Format.count(result.history.epochCount, "epoch")), \(external.name) \(external.history.epochCount).")
            let unmatched = compared ? external.unmatched(with: result.history) : []
            let left = unmatched.isEmpty ? "" : " " + tr("Not compared, as only one of the two records them: \(unmatched.map(translated).joined(separator: ", ")).")
            blocks.append(.figure(ReportFigure(name: "\(key)-external-\(number + 1)", figure: Figure(width: max(960, 440 * Double(panels.count)), height: 400, columns: panels.count, panels: panels),
                                               caption: tr("\(external.name) (from \(external.file)) beside NNLab's run of the same configuration (seed \(seed))") + (compared && differs ? tr(", and their relative difference per epoch (epochs where they are equal are not drawn on the log axis).") : ".") + " " + epochs + (compared ? " " + tr("Epochs are numbered from 1 (a CSVLogger file's epoch 0 is epoch 1).") : "") + left,
                                               alt: tr("The student's history beside NNLab's"))))
            guard compared else {
                blocks.append(.note(tr("\(external.name):") + start, kind: "info"))
                continue
            }
            var rows: [[ReportTable.Cell]] = []
            for a in agreements {
                let first = a.firstEpoch.map { tr("epoch \($0) (\(Self.difference(a.firstDifference ?? 0)))") } ?? tr("none")
                rows.append([ReportTable.Cell(translated(a.key)), .number(String(a.epochs)), .number(String(a.agreesThrough)), ReportTable.Cell(first),
                             .number(Self.difference(a.largest))])
            }
            blocks.append(.table(ReportTable(caption: tr("\(external.name) against NNLab's seed \(seed), started from the same weights: each series both record, compared epoch by epoch (relative difference |a − b| / max(|a|, |b|), tolerance \(readable(external.tolerance)))."),
                                             header: [tr("series"), tr("epochs compared"), tr("agree through epoch"), tr("first differs at"), tr("largest difference")],
                                             rows: rows)))
            // The earliest difference of any series (loss first among equals): a sentence about the loss alone
            // would call runs that differ in val_loss "in agreement".
            let first = agreements.filter { $0.firstEpoch != nil }.min { ($0.firstEpoch ?? 0) < ($1.firstEpoch ?? 0) }
            let sentence: String
            if let first, let epoch = first.firstEpoch {
                let difference = Self.difference(first.firstDifference ?? 0)
                sentence = epoch == 1
                    ? tr("\(external.name) and NNLab already differ at epoch 1 (\(translated(first.key)): relative difference \(difference)), although they started from the same weights. Check the settings both used: constants (exact or keras), shuffling, the optimizer and its arguments, the batch size and the loss.")
                    : tr("\(external.name) agrees with NNLab within \(readable(external.tolerance)) in every series through epoch \(epoch - 1) and first differs at epoch \(epoch) (\(translated(first.key)): relative difference \(difference)).")
            } else {
                let largest = agreements.map(\.largest).max() ?? 0
                sentence = tr("\(external.name) agrees with NNLab within \(readable(external.tolerance)) in every series at every one of the \(agreements[0].epochs) epochs compared (largest relative difference \(Self.difference(largest))).")
            }
            blocks.append(.note(sentence, kind: first == nil ? "success" : "info"))
        }
        return blocks
    }

    /// A relative difference as the table writes it: two significant digits, "NaN" where a value is NaN.
    static func difference(_ x: Double) -> String { x.isNaN ? "NaN" : Format.significant(x, 2) }
}
