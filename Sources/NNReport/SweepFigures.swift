import Foundation
import NNCore
import NNFigures
import NNRecording
import NNStatistics
import Plot
import NNLanguage

/// The comparison's figures: decision boundaries over two axes, loss bands, learning-rate
/// sensitivity, a statistic over two axes, and weight norms per regularizer.
enum SweepFigures {
    static func all(_ comparison: Comparison, results: [[RunResult]], statistics: [VariantStatistics]) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks += boundaries(comparison, results: results)
        blocks += lossFigures(comparison, results: results)
        if let lr = learningRateSensitivity(comparison, results: results) { blocks.append(lr) }
        if let schedules = learningRateSchedules(comparison, results: results) { blocks.append(schedules) }
        if let table = statisticHeatmap(comparison, statistics) { blocks.append(table) }
        if let view = parallelCoordinates(comparison, statistics) { blocks.append(view) }
        blocks += weightNorms(comparison, results: results)
        if let landscape = landscape(comparison, results: results) { blocks.append(landscape) }
        return blocks
    }

    /// Variants at every level of the grid axes, the other axes at their first level.
    static func grid(_ comparison: Comparison) -> (rows: [String], columns: [String], cells: [Int])? {
        guard let rowAxis = comparison.rowAxis else {
            return comparison.axes.isEmpty ? ([""], comparison.variants.map(\.label), Array(comparison.variants.indices)) : nil
        }
        let rows = comparison.axes[rowAxis].levels
        let columnAxis = comparison.columnAxis
        let columns = columnAxis.map { comparison.axes[$0].levels } ?? [""]
        var cells: [Int] = []
        for r in rows.indices {
            for c in columns.indices {
                let index = comparison.variants.firstIndex { v in
                    v.levels.indices.allSatisfy { a in
                        if a == rowAxis { return v.levels[a] == r }
                        if a == columnAxis { return v.levels[a] == c }
                        return v.levels[a] == 0
                    }
                }
                guard let index else { return nil }
                cells.append(index)
            }
        }
        return (rows, columns, cells)
    }

    static func boundaries(_ comparison: Comparison, results: [[RunResult]]) -> [ReportBlock] {
        guard let run = comparison.variants.first?.runs.first, run.network.inputWidth == 2,
              let layout = grid(comparison) else { return [] }
        let multiclass = run.network.outputWidth > 1
        // Beyond the writer's figure size limit the panels are not even computed.
        // One axis (or named variants) wraps into rows of up to 4 panels instead of one tall column.
        let wraps = layout.columns.count <= 1 || layout.rows == [""]
        let panelColumns = wraps ? min(4, max(1, layout.cells.count)) : layout.columns.count
        let gridColumns = Double(panelColumns), gridRows = (Double(layout.cells.count) / gridColumns).rounded(.up)
        let pixels = (gridColumns * 250 + 110) * (gridRows * 260 + 60) * 2.25
        let side = max(gridColumns * 250 + 110, gridRows * 260 + 60) * 1.5
        guard pixels <= ReportWriter.maximumFigurePixels, side <= ReportWriter.maximumFigureSide else {
            return [.note(tr("The \(layout.cells.count) final decision boundaries are not drawn: one panel each would make a figure beyond NNLab's figure size limit. Sweep fewer levels (or set grid: rows/columns) to see them; every run's numbers are in the tables, runs.json and history.csv."), kind: "warning")]
        }
        let threshold = ExperimentSection.threshold(for: run.data.y)
        let range: ClosedRange<Double> = threshold == 0 ? -1...1 : 0...1
        var representative: [Panel] = []
        var agreement: [Panel] = []
        for index in layout.cells {
            let title = comparison.variants[index].label
            // Each panel shows the data its own variant trained on (a data or noise axis changes them).
            let data = comparison.variants[index].runs.first?.data ?? run.data
            let xs = (0..<data.count).map { data.x[$0, 0] }, ys = (0..<data.count).map { data.x[$0, 1] }
            let classes = BoundaryFigures.classes(of: data.y, threshold: threshold)
            // A diverged network's weights (1e150, NaN) classify nothing: boundaries and agreement come from the seeds that did not diverge.
            let trained = results[index].filter { $0.failure == nil && $0.history.divergence == nil }
            guard let first = trained.first else {
                let empty = Panel.chart(Chart(title: title + tr(" (every seed diverged)"), x: Axis("x₁"), y: Axis("x₂"), legend: .hidden,
                                              marks: [ScatterSeries(tr("data"), x: xs, y: ys, classes: classes).thinned()]))
                representative.append(empty)
                agreement.append(empty)
                continue
            }
            let firstSeed = comparison.seeds[results[index].firstIndex { $0.failure == nil && $0.history.divergence == nil } ?? 0]
            let chart = BoundaryFigures.chart(first.network, data: data, threshold: threshold, range: range,
                                              title: title + (firstSeed == comparison.seeds.first ? "" : tr(" (seed \(firstSeed))")), resolution: 80,
                                              validation: comparison.variants[index].runs.first?.validation)
            representative.append(.chart(chart))
            // Where the seeds agree: for one output, the share whose final network puts each point on the positive
            // side; for several, the share that picks the class most of them pick (the argmax's mode).
            let plane = BoundaryFigures.plane(of: data.x)
            let grids = trained.map { BoundaryFigures.fields($0.network, x: plane.x, y: plane.y, columns: 60, rows: 60) }
            if let model = grids.first?.first {
                var share = [Double](repeating: 0, count: model.values.count)
                if multiclass {
                    let picks = grids.map { ClassRegions(argmaxOf: $0).classes }
                    for i in share.indices {
                        var votes: [Int: Int] = [:]
                        for p in picks where p[i] >= 0 { votes[p[i], default: 0] += 1 }
                        share[i] = Double(votes.values.max() ?? 0) / Double(grids.count)
                    }
                } else {
                    for g in grids { for i in g[0].values.indices where g[0].values[i] > threshold { share[i] += 1 / Double(grids.count) } }
                }
                let field = Field(x: model.x, y: model.y, columns: model.columns, rows: model.rows, values: share)
                let colors = multiclass ? ColorScale(.viridis, lower: 0, upper: 1) : ColorScale(.blueRed, lower: 0, upper: 1, center: 0.5)
                agreement.append(.chart(Chart(title: title, x: Axis("x₁", range: .fixed(model.x.lowerBound, model.x.upperBound)),
                                              y: Axis("x₂", range: .fixed(model.y.lowerBound, model.y.upperBound)), legend: .hidden,
                                              marks: [Heatmap(field, colors: colors, colorbar: ColorbarStyle(label: multiclass ? tr("share of seeds agreeing") : tr("share of seeds"))),
                                                      ScatterSeries(tr("data"), x: xs, y: ys, classes: classes).thinned()])))
            }
        }
        let columns = panelColumns
        let rows = (representative.count + columns - 1) / columns
        let axesText = layout.rows == [""] ? tr("one panel per variant")
            : wraps ? tr("one panel per \(comparison.rowAxis.map { comparison.axes[$0].title } ?? "") level, in reading order")
            : tr("rows are \(comparison.rowAxis.map { comparison.axes[$0].title } ?? "") levels") + (comparison.columnAxis.map { tr(", columns \(comparison.axes[$0].title) levels") } ?? "")
        var blocks: [ReportBlock] = []
        if !representative.isEmpty {
            blocks.append(.figure(ReportFigure(name: "comparison-boundaries",
                                               figure: Figure(title: multiclass ? tr("Final decision regions (seed \(comparison.seeds.first ?? 0))") : tr("Final decision boundaries (seed \(comparison.seeds.first ?? 0))"),
                                                              width: Double(columns) * 250 + 110, height: Double(rows) * 260 + 60, columns: columns,
                                                              panels: representative).sharingColorbar(),
                                               caption: tr("Small multiples of the final decision \(multiclass ? tr("regions (the class each variant picks at each point: the largest output)") : tr("boundaries")) (\(axesText); other axes at their first level); one representative seed per cell: the first that did not diverge (named when it is not the first seed); a cell whose seeds all diverged shows only the data\(comparison.variants.first?.runs.first?.validation == nil ? "" : tr("; validation points hollow"))."),
                                               alt: tr("A grid of decision boundaries, one per variant"))))
        }
        if agreement.count == representative.count, !agreement.isEmpty, comparison.seeds.count > 1 {  // every cell has a map
            blocks.append(.figure(ReportFigure(name: "comparison-agreement",
                                               figure: Figure(title: multiclass ? tr("Share of seeds picking the most common class") : tr("Share of seeds classifying each point as positive"),
                                                              width: Double(columns) * 250 + 110, height: Double(rows) * 260 + 60, columns: columns,
                                                              panels: agreement).sharingColorbar(),
                                               caption: multiclass
                                                   ? tr("For each variant, the share of its seeds that did not diverge (all \(comparison.seeds.count) unless the tables say otherwise) that pick, at each point of the plane, the class most of them pick: 1 where all agree, lower where seeds disagree.")
                                                   : tr("For each variant, the share of its seeds that did not diverge (all \(comparison.seeds.count) unless the tables say otherwise) whose final network puts each point of the plane on the positive side: red where all agree on positive, blue where all agree on negative, white where seeds disagree."),
                                               alt: tr("A grid of maps of the share of seeds classifying each point positively"))))
        }
        return blocks
    }

    /// The colour and dash of variant `index`, distinguishable up to 32 series: a two-axis grid maps
    /// one axis to colour and the other to dash (the first to colour when both fit); otherwise colours
    /// cycle first, then dashes.
    static func style(_ comparison: Comparison, _ index: Int) -> (color: Color, dash: Dash) {
        let dashes: [Dash] = [.solid, .dashed, .dotted, .dashDot]
        let variant = comparison.variants[index]
        if comparison.axes.count == 2, variant.levels.count == 2 {
            let (first, second) = (comparison.axes[0].levels.count, comparison.axes[1].levels.count)
            if first <= Color.okabeIto.count, second <= dashes.count { return (Color.palette(variant.levels[0]), dashes[variant.levels[1]]) }
            if second <= Color.okabeIto.count, first <= dashes.count { return (Color.palette(variant.levels[1]), dashes[variant.levels[0]]) }
        }
        return (Color.palette(index), dashes[(index / Color.okabeIto.count) % dashes.count])
    }

    /// Most series one chart draws; beyond it the curves are not distinguishable and the tables carry the numbers.
    static let maximumSeries = 32

    /// Per-epoch median and quartiles over every seed: a diverged seed counts as +∞ from its divergence on
    /// (the line ends, with ×, once half the seeds have diverged); a run that stopped early keeps its last value.
    static func seedQuantiles(_ runs: [RunResult], key: String) -> (median: [Double], q1: [Double], q3: [Double]) {
        let series = runs.map { r -> [Double] in
            let values = r.history.comparable(key) ?? []
            return r.history.divergence == nil ? values : values.map { $0.isFinite ? $0 : .infinity }
        }
        let length = series.map(\.count).max() ?? 0
        var median: [Double] = [], q1: [Double] = [], q3: [Double] = []
        for epoch in 0..<length {
            let column = zip(runs, series).compactMap { run, values -> Double? in
                if epoch < values.count { return values[epoch].isNaN ? .infinity : values[epoch] }
                return run.history.divergence != nil ? .infinity : values.last
            }.sorted()
            guard !column.isEmpty else { median.append(.nan); q1.append(.nan); q3.append(.nan); continue }
            median.append(quantile(column, 0.5)); q1.append(quantile(column, 0.25)); q3.append(quantile(column, 0.75))
        }
        return (median, q1, q3)
    }

    /// Training loss bands, and validation loss bands when the runs validate.
    static func lossFigures(_ comparison: Comparison, results: [[RunResult]]) -> [ReportBlock] {
        var blocks = [lossBands(comparison, results: results)]
        if comparison.variants.allSatisfy({ $0.runs.allSatisfy { $0.validation != nil } }) {
            blocks.append(lossBands(comparison, results: results, validation: true))
        }
        return blocks
    }

    static func lossBands(_ comparison: Comparison, results: [[RunResult]], validation: Bool = false) -> ReportBlock {
        let key = (validation ? "val_" : "") + comparison.lossKey
        let what = validation ? tr("Validation \(comparison.lossName)") : tr("Training \(comparison.lossName)")
        var layers: [any Mark] = []
        // The top of the finite values: where a band whose upper quartile diverged is cut, and where an
        // all-diverged variant's mark sits.
        let quantiles = results.map { seedQuantiles($0, key: key) }
        // The axis spans the losses that matter: up to 100× the largest starting median (a diverging run's
        // 1e200 would flatten every other curve); what goes beyond is cut at the top.
        let starts = quantiles.compactMap { $0.median.first }.filter { $0.isFinite && $0 > 0 }
        let finite = quantiles.flatMap { $0.median + $0.q1 }.filter { $0.isFinite && $0 > 0 }
        let top = 100 * (starts.max() ?? finite.max() ?? 1)
        let bottom = min(finite.min() ?? 1, top / 10) / 1.5
        var lines: [any Mark] = []
        for (index, (variant, variantResults)) in zip(comparison.variants, results).enumerated().prefix(maximumSeries) {
            let (color, dash) = style(comparison, index)
            let diverged = variantResults.filter { $0.history.divergence != nil }
            let name = variant.label + (diverged.isEmpty ? "" : tr(" (\(diverged.count) of \(variantResults.count) diverged)"))
            let q = quantiles[index]
            let x = (0..<q.median.count).map { Double($0 + 1) }
            let positive = { (y: Double) -> Double in y > 0 ? y : .nan }
            let cut = { (y: Double) -> Double in y > top ? top : positive(y) }
            layers.append(Band(name, x: x, lower: q.q1.map(cut), upper: q.q3.map(cut), color: color))
            lines.append(LineSeries(name, x: x, y: q.median.map { $0 == .infinity ? .infinity : cut($0) }, color: color, dash: dash))
            if !diverged.isEmpty, !q.median.contains(where: \.isFinite) {
                // Every epoch's median diverged: a mark at the median divergence epoch, not an empty legend entry.
                let epochs = diverged.compactMap { $0.history.divergence.map { Double($0.epoch) } }.sorted()
                lines.append(LineSeries(name, x: [quantile(epochs, 0.5)], y: [top], color: color, marker: MarkerStyle(.cross, size: 9)))
            }
        }
        // Every band below every line, so no band tints another variant's line.
        layers += lines
        let chart = Chart(title: tr("\(what) across seeds").sentenceCased, x: Axis(tr("epoch")),
                          y: Axis(comparison.lossName, scale: .log, range: .fixed(bottom, top)), legend: .outsideRight, marks: layers)
        let omitted = comparison.variants.count > maximumSeries ? tr(" Only the first \(maximumSeries) of the \(comparison.variants.count) variants are drawn; the tables hold every variant.") : ""
        let penalty = comparison.lossKey == "data_loss" ? tr(" (the data loss: the loss without the regularization penalty)") : ""
        // Room for the legend: one row per variant drawn (up to 32).
        let legendRows = Double(min(comparison.variants.count, maximumSeries))
        return .figure(ReportFigure(name: validation ? "comparison-validation-loss" : "comparison-loss",
                                    figure: Figure(width: 1000, height: max(440, 90 + 17 * legendRows), chart),
                                    caption: tr("\(what) per epoch for every variant\(penalty): the median across all its seeds (line) and the interquartile range (band). A diverged seed counts as +∞ from its divergence on, so a line ends (×) once half its seeds have diverged and values beyond 100× the largest starting loss (a band reaching +∞ included) are cut at the top; the legend says how many seeds diverged, and a variant whose seeds all diverged at once is a × at its median divergence epoch.").sentenceCased + omitted,
                                    alt: tr("Loss curves with median lines and interquartile bands per variant")))
    }

    /// The learning rate per epoch of every variant, when a variant's rate changes (a schedule): the
    /// schedule's value after each epoch's updates as the history records it (the same for every seed
    /// of a variant: the seed with the most epochs is drawn); a plain rate is a flat line.
    static func learningRateSchedules(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock? {
        let rates: [[Double]] = zip(comparison.variants, results).map { variant, variantResults in
            let longest = variantResults.filter { $0.failure == nil }.max { $0.history.epochCount < $1.history.epochCount }
            if let logged = longest?.history["learning_rate"] { return logged }
            guard let epochs = longest?.history.epochCount, let rate = variant.runs.first?.optimizer.learningRate else { return [] }
            return Array(repeating: rate, count: epochs)
        }
        guard rates.contains(where: { r in r.contains { $0 != r.first } }) else { return nil }
        let values = rates.joined().filter(\.isFinite)
        let positive = values.allSatisfy { $0 > 0 }
        let logScale = positive && (values.max() ?? 1) / max(values.min() ?? 1, .leastNormalMagnitude) > 100
        var lines: [any Mark] = []
        for (index, (variant, r)) in zip(comparison.variants, rates).enumerated().prefix(maximumSeries) where !r.isEmpty {
            let (color, dash) = style(comparison, index)
            lines.append(LineSeries(variant.label, x: (0..<r.count).map { Double($0 + 1) }, y: r, color: color, dash: dash))
        }
        let chart = Chart(title: tr("Learning rate per epoch"), x: Axis(tr("epoch")), y: Axis(tr("learning rate"), scale: logScale ? .log : .linear),
                          legend: .outsideRight, marks: lines)
        let omitted = comparison.variants.count > maximumSeries ? tr(" Only the first \(maximumSeries) of the \(comparison.variants.count) variants are drawn; the tables hold every variant.") : ""
        let legendRows = Double(min(comparison.variants.count, maximumSeries))
        return .figure(ReportFigure(name: "comparison-learning-rate-schedules",
                                    figure: Figure(width: 1000, height: max(380, 90 + 17 * legendRows), chart),
                                    caption: tr("The learning rate of every variant per epoch: a schedule's value after each epoch's updates (the rate the next step uses), as Keras logs it; a plain learning rate is a flat line. A run that stopped early or diverged ends there.") + omitted,
                                    alt: tr("Learning rate over epochs, one line per variant")))
    }

    /// Final loss against the learning rate (log axis), one line per combination of the other axes.
    static func learningRateSensitivity(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock? {
        guard let axis = comparison.axes.firstIndex(where: { $0.name == "learning_rate" }),
              let rates = comparison.axes[axis].values, rates.count > 1 else { return nil }
        var lines: [String: [(rate: Double, median: Double)]] = [:]
        var order: [(key: String, variant: Int)] = []
        for (index, (variant, variantResults)) in zip(comparison.variants, results).enumerated() {
            let others = variant.levels.enumerated().filter { $0.offset != axis }.map { comparison.axes[$0.offset].levels[$0.element] }
            let key = others.isEmpty ? tr("final loss") : others.joined(separator: ", ")
            if lines[key] == nil { order.append((key, index)) }
            // Every seed counts: a diverged one as +∞, so the median is "diverged" when half of them are.
            let finals = variantResults.map { r -> Double in r.history.divergence != nil ? .infinity : (r.history.comparable(comparison.lossKey)?.last ?? .nan) }
            lines[key, default: []].append((rates[variant.levels[axis]], OutcomeSummary(finals)?.median ?? .nan))
        }
        let finite = lines.values.flatMap { $0.map(\.median) }.filter { $0.isFinite && $0 > 0 }
        let top = finite.max() ?? 1
        var layers: [any Mark] = []
        var divergedRates: [Double] = []
        for (key, variant) in order.prefix(maximumSeries) {
            let points = (lines[key] ?? []).sorted { $0.rate < $1.rate }
            let (color, dash) = style(comparison, variant)
            // Only the rates whose median is a finite loss are on the line; the diverged ones get their own mark.
            let drawn = points.filter { $0.median.isFinite && $0.median > 0 }
            layers.append(LineSeries(key, x: drawn.map(\.rate), y: drawn.map(\.median), color: color, dash: dash, marker: MarkerStyle(.circle)))
            let diverged = points.filter { $0.median == .infinity }.map(\.rate)
            divergedRates += diverged
            if !diverged.isEmpty {
                // In the line's own colour, so each × says which line's seeds diverged.
                layers.append(ScatterSeries(order.count == 1 ? tr("median diverged") : tr("\(key): median diverged"), x: diverged,
                                                     y: diverged.map { _ in top }, color: color, marker: MarkerStyle(.cross, size: 10)))
            }
        }
        let chart = Chart(title: tr("Learning-rate sensitivity"), x: Axis(tr("learning rate"), scale: .log), y: Axis(tr("median final \(comparison.lossName)"), scale: .log),
                          legend: .outsideRight, marks: layers)
        return .figure(ReportFigure(name: "comparison-learning-rate", figure: Figure(width: 900, height: 420, chart),
                                    caption: tr("The median final training \(comparison.lossName) across all seeds against the learning rate (both on log axes), a diverged seed counting as +∞; a × at the top, in the line's colour, marks each rate at which half or more of that line's seeds diverged."),
                                    alt: tr("Median final loss against learning rate on log axes, one line per variant, diverged rates marked")))
    }

    /// Success rate over the two grid axes as a heatmap table.
    static func statisticHeatmap(_ comparison: Comparison, _ stats: [VariantStatistics]) -> ReportBlock? {
        guard comparison.rowAxis != nil, comparison.columnAxis != nil, let layout = grid(comparison) else { return nil }
        var values: [[Double]] = []
        for r in layout.rows.indices {
            values.append(layout.columns.indices.map { c in
                let s = stats[layout.cells[r * layout.columns.count + c]]
                return Double(s.successes) / Double(max(s.runs, 1))
            })
        }
        let heatmap = MatrixHeatmap(title: tr("Success rate"), rows: layout.rows, columns: layout.columns, values: values,
                                    rowAxisLabel: comparison.rowAxis.map { comparison.axes[$0].title },
                                    columnAxisLabel: comparison.columnAxis.map { comparison.axes[$0].title },
                                    colors: ColorScale(.blues, lower: 0, upper: 1), annotation: .decimals(2))
        return .figure(ReportFigure(name: "comparison-success", figure: Figure(width: 140 + Double(layout.columns.count) * 110,
                                                                                 height: 140 + Double(layout.rows.count) * 70, panel: .matrix(heatmap)),
                                    caption: tr("The share of seeds that reached the target, over the two grid axes (other axes at their first level)."),
                                    alt: tr("A heatmap table of success rates")))
    }

    /// Weight norms and sparsity per regularizer level: small multiples, one panel per combination of
    /// the other axes' levels (every level, not only the first), and the final weights' distribution.
    static func weightNorms(_ comparison: Comparison, results: [[RunResult]]) -> [ReportBlock] {
        guard let axis = comparison.axes.firstIndex(where: { ["regularizer", "l1", "l2"].contains($0.name) }) else { return [] }
        // Panels: the combinations of the other axes' levels, in the order the variants come.
        var panelKeys: [[Int]] = []
        var members: [[Int]] = []
        for (index, variant) in comparison.variants.enumerated() {
            let key = variant.levels.enumerated().filter { $0.offset != axis }.map(\.element)
            if let p = panelKeys.firstIndex(of: key) { members[p].append(index) } else { panelKeys.append(key); members.append([index]) }
        }
        let panelLimit = 12
        let shown = Array(zip(panelKeys, members).prefix(panelLimit))
        func title(_ key: [Int]) -> String {
            let others = comparison.axes.indices.filter { $0 != axis }
            return key.isEmpty ? "" : zip(others, key).map { comparison.axes[$0.0].levels[$0.1] }.joined(separator: ", ")
        }
        func medianSeries(_ series: [(epochs: [Int], values: [Double])]) -> (epochs: [Int], median: [Double])? {
            guard let epochs = series.first?.epochs, !epochs.isEmpty else { return nil }
            let aligned = series.filter { $0.epochs == epochs }.map(\.values)
            return (epochs, epochs.indices.map { i in SweepStatistics.median(aligned.map { $0[i] }) })
        }
        var normPanels: [Panel] = [], sparsityPanels: [Panel] = []
        for (key, indices) in shown {
            var norms: [any Mark] = [], shares: [any Mark] = []
            for index in indices {
                let variant = comparison.variants[index]
                let level = comparison.axes[axis].levels[variant.levels[axis]]
                let color = Color.palette(variant.levels[axis])
                let runs = results[index]
                if let m = medianSeries(runs.compactMap(\.weightNorms)) {
                    norms.append(LineSeries(level, x: m.epochs.map(Double.init), y: m.median, color: color))
                }
                let sparse = runs.compactMap { r -> (epochs: [Int], values: [Double])? in
                    guard let epochs = r.weightNorms?.epochs, let share = r.smallWeightShare, share.count == epochs.count else { return nil }
                    return (epochs, share)
                }
                if let m = medianSeries(sparse) {
                    shares.append(LineSeries(level, x: m.epochs.map(Double.init), y: m.median, color: color))
                }
            }
            let name = title(key)
            if !norms.isEmpty {
                normPanels.append(.chart(Chart(title: name.isEmpty ? nil : name, x: Axis(tr("epoch")), y: Axis(tr("‖W‖₂ (all layers)")),
                                               legend: normPanels.isEmpty ? .outsideRight : .hidden, marks: norms)))
            }
            if !shares.isEmpty {
                sparsityPanels.append(.chart(Chart(title: name.isEmpty ? nil : name, x: Axis(tr("epoch")), y: Axis(tr("share |w| < 10⁻³"), range: .fixed(0, 1)),
                                                   legend: sparsityPanels.isEmpty ? .outsideRight : .hidden, marks: shares)))
            }
        }
        let more = panelKeys.count > panelLimit ? tr(" (the first \(panelLimit) of \(panelKeys.count) combinations of the other axes)") : ""
        let columns = min(3, max(1, normPanels.count))
        func figure(_ title: String, _ panels: [Panel]) -> Figure {
            let rows = (panels.count + columns - 1) / columns
            return Figure(title: title, width: Double(columns) * 420 + 140, height: Double(rows) * 300 + 60, columns: columns, panels: panels)
        }
        var blocks: [ReportBlock] = []
        let per = shown.count > 1 || !(shown.first?.0.isEmpty ?? true) ? tr(", one panel per level of the other axes\(more)") : ""
        if !normPanels.isEmpty {
            blocks.append(.figure(ReportFigure(name: "comparison-weight-norms", figure: figure(tr("Weight norm per \(comparison.axes[axis].title) level"), normPanels),
                                               caption: tr("The median (across seeds) of the total L2 norm ‖W‖₂ of all weights over the epochs, one line per \(comparison.axes[axis].title) level\(per). A penalty shrinks the norm; how many weights it sets to zero is in the next figure."),
                                               alt: tr("Weight-norm trajectories per regularizer level"))))
        }
        if !sparsityPanels.isEmpty {
            blocks.append(.figure(ReportFigure(name: "comparison-sparsity", figure: figure(tr("Share of weights near zero"), sparsityPanels),
                                               caption: tr("The median (across seeds) share of weights with |w| < 10⁻³ over the epochs, one line per \(comparison.axes[axis].title) level\(per): a rising line means the penalty (or the optimizer) drove weights to zero."),
                                               alt: tr("Share of near-zero weights over epochs per regularizer level"))))
        }
        // The final weights of every seed, pooled per level (the other axes at their first level), as a
        // frequency polygon over log₁₀|w|; weights below 10⁻⁶ fall in the first bin.
        let edges = stride(from: -6.0, through: 1.0, by: 0.25).map { $0 }
        var histogram: [any Mark] = []
        for (index, variant) in comparison.variants.enumerated() where variant.levels.enumerated().allSatisfy({ $0.offset == axis || $0.element == 0 }) {
            let weights = results[index].filter { $0.failure == nil && $0.history.divergence == nil }
                .flatMap { $0.network.denseLayers.flatMap(\.layer.weights.elements) }
            guard !weights.isEmpty else { continue }
            var counts = [Double](repeating: 0, count: edges.count)
            for w in weights {
                let l = log10(max(abs(w), 1e-300))
                let bin = l <= edges[0] ? 0 : min(edges.count - 1, Int(((l - edges[0]) / 0.25).rounded(.down)))
                counts[bin] += 1
            }
            histogram.append(LineSeries(comparison.axes[axis].levels[variant.levels[axis]], x: edges.map { $0 + 0.125 },
                                              y: counts.map { $0 / Double(weights.count) }, color: Color.palette(variant.levels[axis])))
        }
        if histogram.count > 1 {
            blocks.append(.figure(ReportFigure(name: "comparison-weight-histogram",
                                               figure: Figure(width: 900, height: 400, Chart(title: tr("Final weights (all seeds)"), x: Axis("log₁₀ |w|"),
                                                                                            y: Axis(tr("share of weights")), legend: .outsideRight, marks: histogram)),
                                               caption: tr("The distribution of the final weights' magnitudes (log₁₀|w|, bins of 0.25; below 10⁻⁶ in the first bin) over every seed that did not diverge, one line per \(comparison.axes[axis].title) level (the other axes at their first level)."),
                                               alt: tr("Frequency polygons of final weight magnitudes per regularizer level"))))
        }
        return blocks
    }

    /// The loss surface around the first seed's final weights, in the plane of the two principal
    /// directions of the optimizers' paths, with each path drawn on it, from the records the report
    /// kept for `landscapeVariants`.
    /// The variants whose first seed the landscape draws (the optimizer levels, other axes at their first
    /// level; or every named variant): at most 8 sharing their initial weights, ≤ 500 parameters. The report
    /// records these runs with every weight (`LabReport.landscapeRecorderOptions`), so the landscape retrains nothing.
    static func landscapeVariants(_ comparison: Comparison) -> [Int] {
        var chosen: [Int] = []
        if let axis = comparison.axes.firstIndex(where: { $0.name == "optimizer" }) {
            chosen = comparison.variants.indices.filter { i in
                comparison.variants[i].levels.enumerated().allSatisfy { $0.offset == axis || $0.element == 0 }
            }
        } else if comparison.axes.isEmpty {
            chosen = Array(comparison.variants.indices)
        }
        guard chosen.count >= 2, chosen.count <= 8, let first = comparison.variants[chosen[0]].runs.first,
              first.network.parameterCount <= 500 else { return [] }
        let initial = first.network.parameterVector
        return chosen.allSatisfy({ comparison.variants[$0].runs.first?.network.parameterVector == initial }) ? chosen : []
    }

    static func landscape(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock? {
        let chosen = landscapeVariants(comparison)
        guard let firstIndex = chosen.first, let first = comparison.variants[firstIndex].runs.first else { return nil }
        let initial = first.network.parameterVector
        var paths: [LossLandscape.Path] = []
        for index in chosen {
            // The report recorded every weight of these runs; one resumed from runs.json has no trajectories and is recorded again.
            guard let run = comparison.variants[index].runs.first,
                  let record = results[index].first?.record ?? (try? Recorder.record(run: run, options: LabReport.landscapeRecorderOptions))?.1,
                  let path = LossLandscape.Path(name: comparison.variants[index].label, record: record, initial: initial) else { return nil }
            paths.append(path)
        }
        let landscape = LossLandscape(network: first.network, data: first.data, paths: paths)
        let figure = LandscapeFigures.figure(landscape, title: tr("Loss landscape and optimizer paths (seed \(comparison.seeds.first ?? 0))"))
        let share = (landscape.explainedShare.first ?? 0) + (landscape.explainedShare.dropFirst().first ?? 0)
        return .figure(ReportFigure(name: "comparison-landscape", figure: figure,
                                    caption: tr("The total loss (log scale, contours) over the plane of the two principal directions of the paths, centred at the first path's final weights; each line is one variant's path from the shared initial weights (circle) to its final weights (diamond). The plane explains \(Format.percent(share)) of the paths' spread."),
                                    alt: tr("A loss landscape with contour lines and optimizer paths")))
    }
}

