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
            if compared, !agreements.isEmpty {
                let tolerance = LineSeries(tr("tolerance \(readable(external.tolerance))"), x: [1, Double(max(1, agreements[0].epochs))],
                                           y: [external.tolerance, external.tolerance], color: Color(gray: 0.4), dash: .dashed)
                let lines: [any Mark] = agreements.map { a in
                    LineSeries(translated(a.key), x: (0..<a.differences.count).map { Double($0 + 1) }, y: a.differences.map { $0 > 0 ? $0 : .nan })
                } + [tolerance]
                panels.append(.chart(Chart(title: tr("relative difference"), x: Axis(tr("epoch")), y: Axis("|a − b| / max(|a|, |b|)", scale: .log),
                                           legend: .best, marks: lines)))
            }
            let epochs = tr("NNLab ran \(Format.count(result.history.epochCount, "epoch")), \(external.name) \(external.history.epochCount).")
            blocks.append(.figure(ReportFigure(name: "\(key)-external-\(number + 1)", figure: Figure(width: max(960, 440 * Double(panels.count)), height: 400, columns: panels.count, panels: panels),
                                               caption: tr("\(external.name) (from \(external.file)) beside NNLab's run of the same configuration (seed \(seed))") + (compared ? tr(", and their relative difference per epoch (epochs where they are equal are not drawn on the log axis).") : ".") + " " + epochs,
                                               alt: tr("The student's history beside NNLab's"))))
            guard compared else {
                blocks.append(.note(tr("\(external.name):") + start, kind: "info"))
                continue
            }
            var rows: [[ReportTable.Cell]] = []
            for a in agreements {
                let first = a.firstEpoch.map { tr("epoch \($0) (\(Format.significant(a.firstDifference ?? 0, 2)))") } ?? tr("none")
                rows.append([ReportTable.Cell(translated(a.key)), .number(String(a.epochs)), .number(String(a.agreesThrough)), ReportTable.Cell(first),
                             .number(Format.significant(a.largest, 2))])
            }
            blocks.append(.table(ReportTable(caption: tr("\(external.name) against NNLab's seed \(seed), started from the same weights: each series both record, compared epoch by epoch (relative difference |a − b| / max(|a|, |b|), tolerance \(readable(external.tolerance)))."),
                                             header: [tr("series"), tr("epochs compared"), tr("agree through epoch"), tr("first differs at"), tr("largest difference")],
                                             rows: rows)))
            let loss = agreements.first { $0.key == "loss" } ?? agreements[0]
            let sentence: String
            if let epoch = loss.firstEpoch {
                sentence = epoch == 1
                    ? tr("\(external.name) and NNLab already differ at epoch 1 (\(translated(loss.key)): relative difference \(Format.significant(loss.firstDifference ?? 0, 2))), although they started from the same weights: the first forward or backward pass differs.")
                    : tr("\(external.name) agrees with NNLab within \(readable(external.tolerance)) through epoch \(loss.agreesThrough) and first differs at epoch \(epoch) (\(translated(loss.key)): relative difference \(Format.significant(loss.firstDifference ?? 0, 2))).")
            } else {
                sentence = tr("\(external.name) agrees with NNLab within \(readable(external.tolerance)) at every one of the \(loss.epochs) epochs compared (largest relative difference \(Format.significant(loss.largest, 2))).")
            }
            blocks.append(.note(sentence, kind: loss.firstEpoch == nil ? "success" : "info"))
        }
        return blocks
    }
}
