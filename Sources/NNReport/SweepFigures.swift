import NNCore
import NNFigures
import NNRecording
import Plot

/// The comparison's figures: decision boundaries over two axes, loss bands, learning-rate
/// sensitivity, a statistic over two axes, and weight norms per regularizer.
enum SweepFigures {
    static func all(_ comparison: Comparison, results: [[RunResult]], statistics: [VariantStatistics]) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks += boundaries(comparison, results: results)
        blocks.append(lossBands(comparison, results: results))
        if let lr = learningRateSensitivity(comparison, results: results) { blocks.append(lr) }
        if let table = statisticHeatmap(comparison, statistics) { blocks.append(table) }
        if let norms = weightNorms(comparison, results: results) { blocks.append(norms) }
        if let landscape = landscape(comparison) { blocks.append(landscape) }
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
        guard let run = comparison.variants.first?.runs.first, run.network.inputWidth == 2, run.network.outputWidth == 1,
              let layout = grid(comparison) else { return [] }
        // Beyond the writer's figure size limit the panels are not even computed.
        let gridColumns = Double(max(1, layout.columns.count)), gridRows = (Double(layout.cells.count) / gridColumns).rounded(.up)
        let pixels = (gridColumns * 290 + 40) * (gridRows * 260 + 60) * 2.25
        let side = max(gridColumns * 290 + 40, gridRows * 260 + 60) * 1.5
        guard pixels <= ReportWriter.maximumFigurePixels, side <= ReportWriter.maximumFigureSide else {
            return [.note("The \(layout.cells.count) final decision boundaries are not drawn: one panel each would make a figure beyond NNLab's figure size limit. Sweep fewer levels (or set grid: rows/columns) to see them; every run's numbers are in the tables, runs.json and history.csv.", kind: "warning")]
        }
        let threshold = ExperimentSection.threshold(for: run.data.y)
        let range: ClosedRange<Double> = threshold == 0 ? -1...1 : 0...1
        var representative: [Panel] = []
        var agreement: [Panel] = []
        for index in layout.cells {
            let title = comparison.variants[index].label
            guard let first = results[index].first, first.failure == nil else { continue }
            // Each panel shows the data its own variant trained on (a data or noise axis changes them).
            let data = comparison.variants[index].runs.first?.data ?? run.data
            let xs = (0..<data.count).map { data.x[$0, 0] }, ys = (0..<data.count).map { data.x[$0, 1] }
            let classes = BoundaryFigures.classes(of: data.y, threshold: threshold)
            var chart = BoundaryFigures.chart(first.network, data: data, threshold: threshold, range: range, title: title, resolution: 80)
            if first.history.divergence != nil { chart.title = title + " (diverged)" }
            representative.append(.chart(chart))
            // The share of seeds whose final network puts each point on the positive side.
            let plane = BoundaryFigures.plane(of: data.x)
            let grids = results[index].filter { $0.failure == nil }.map { BoundaryFigures.field($0.network, x: plane.x, y: plane.y, columns: 60, rows: 60) }
            if let model = grids.first {
                var share = [Double](repeating: 0, count: model.values.count)
                for g in grids { for i in g.values.indices where g.values[i] > threshold { share[i] += 1 / Double(grids.count) } }
                let field = Field(x: model.x, y: model.y, columns: model.columns, rows: model.rows, values: share)
                agreement.append(.chart(Chart(title: title, x: Axis("x₁", range: .fixed(model.x.lowerBound, model.x.upperBound)),
                                              y: Axis("x₂", range: .fixed(model.y.lowerBound, model.y.upperBound)), legend: .hidden,
                                              layers: [.heatmap(Heatmap(field, colors: ColorScale(.blueRed, lower: 0, upper: 1, center: 0.5),
                                                                        colorbar: ColorbarStyle(label: "share of seeds"))),
                                                       .scatter(ScatterSeries("data", x: xs, y: ys, classes: classes).thinned())])))
            }
        }
        let columns = max(1, layout.columns.count)
        let rows = (representative.count + columns - 1) / columns
        let axesText = layout.rows == [""] ? "one panel per variant" : "rows are \(comparison.rowAxis.map { comparison.axes[$0].name } ?? "") levels" + (comparison.columnAxis.map { ", columns \(comparison.axes[$0].name) levels" } ?? "")
        var blocks: [ReportBlock] = []
        if !representative.isEmpty {
            blocks.append(.figure(ReportFigure(name: "comparison-boundaries",
                                               figure: Figure(title: "Final decision boundaries (seed \(comparison.seeds.first ?? 0))", width: Double(columns) * 290 + 40,
                                                              height: Double(rows) * 260 + 60, columns: columns, panels: representative),
                                               caption: "Small multiples of the final decision boundaries (\(axesText); other axes at their first level); one representative seed (the first) per cell.",
                                               alt: "A grid of decision boundaries, one per variant")))
        }
        if agreement.count == representative.count, !agreement.isEmpty, comparison.seeds.count > 1 {
            blocks.append(.figure(ReportFigure(name: "comparison-agreement",
                                               figure: Figure(title: "Share of seeds classifying each point as positive", width: Double(columns) * 290 + 40,
                                                              height: Double(rows) * 260 + 60, columns: columns, panels: agreement),
                                               caption: "For each variant, the share of the \(comparison.seeds.count) seeds whose final network puts each point of the plane on the positive side: red where all agree on positive, blue where all agree on negative, white where seeds disagree.",
                                               alt: "A grid of maps of the share of seeds classifying each point positively")))
        }
        return blocks
    }

    static func lossBands(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock {
        let variants = zip(comparison.variants, results).map { (name: $0.label, runs: $1.map { $0.history["loss"] ?? [] }) }
        let chart = HistoryFigures.seedBands(variants, key: "loss", title: "Training loss across seeds")
        return .figure(ReportFigure(name: "comparison-loss", figure: Figure(width: 1000, height: 440, chart),
                                    caption: "Training loss per epoch for every variant: the median across seeds (line) and the interquartile range (band).",
                                    alt: "Loss curves with median lines and interquartile bands per variant"))
    }

    /// Final loss against the learning rate (log axis), one line per combination of the other axes.
    static func learningRateSensitivity(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock? {
        guard let axis = comparison.axes.firstIndex(where: { $0.name == "learning_rate" }),
              let rates = comparison.axes[axis].values, rates.count > 1 else { return nil }
        var lines: [String: [(Double, Double)]] = [:]
        var order: [String] = []
        for (variant, variantResults) in zip(comparison.variants, results) {
            let others = variant.levels.enumerated().filter { $0.offset != axis }.map { comparison.axes[$0.offset].levels[$0.element] }
            let key = others.isEmpty ? "final loss" : others.joined(separator: ", ")
            if lines[key] == nil { order.append(key) }
            let finals = variantResults.compactMap { $0.history["loss"]?.last }.filter { $0.isFinite && $0 > 0 }
            lines[key, default: []].append((rates[variant.levels[axis]], SweepStatistics.median(finals)))
        }
        let layers: [Plot.Layer] = order.map { key in
            let points = (lines[key] ?? []).sorted { $0.0 < $1.0 }
            return .line(LineSeries(key, x: points.map(\.0), y: points.map(\.1), marker: MarkerStyle(.circle)))
        }
        let chart = Chart(title: "Learning-rate sensitivity", x: Axis("learning rate", scale: .log), y: Axis("median final loss", scale: .log),
                          legend: .outsideRight, layers: layers)
        return .figure(ReportFigure(name: "comparison-learning-rate", figure: Figure(width: 900, height: 420, chart),
                                    caption: "The median final training loss across seeds against the learning rate (both on log axes); a gap means every seed diverged at that rate.",
                                    alt: "Median final loss against learning rate on log axes, one line per variant"))
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
        let heatmap = MatrixHeatmap(title: "Success rate", rows: layout.rows, columns: layout.columns, values: values,
                                    rowAxisLabel: comparison.rowAxis.map { comparison.axes[$0].name },
                                    columnAxisLabel: comparison.columnAxis.map { comparison.axes[$0].name },
                                    colors: ColorScale(.blues, lower: 0, upper: 1), annotation: .decimals(2))
        return .figure(ReportFigure(name: "comparison-success", figure: Figure(width: 140 + Double(layout.columns.count) * 110,
                                                                                 height: 140 + Double(layout.rows.count) * 70, panel: .matrix(heatmap)),
                                    caption: "The share of seeds that reached the target, over the two grid axes (other axes at their first level).",
                                    alt: "A heatmap table of success rates"))
    }

    /// The median total weight norm over epochs, one line per regularizer level.
    static func weightNorms(_ comparison: Comparison, results: [[RunResult]]) -> ReportBlock? {
        guard let axis = comparison.axes.firstIndex(where: { ["regularizer", "l1", "l2"].contains($0.name) }) else { return nil }
        var layers: [Plot.Layer] = []
        for (variant, variantResults) in zip(comparison.variants, results) {
            guard variant.levels.enumerated().allSatisfy({ $0.offset == axis || $0.element == 0 }) else { continue }
            let series = variantResults.compactMap(\.weightNorms)
            guard let epochs = series.first?.epochs, !epochs.isEmpty else { continue }
            let norms = series.filter { $0.epochs == epochs }.map(\.values)
            guard !norms.isEmpty else { continue }
            let median = epochs.indices.map { i in SweepStatistics.median(norms.map { $0[i] }) }
            layers.append(.line(LineSeries(comparison.axes[axis].levels[variant.levels[axis]], x: epochs.map(Double.init), y: median)))
        }
        guard !layers.isEmpty else { return nil }
        return .figure(ReportFigure(name: "comparison-weight-norms",
                                    figure: Figure(width: 900, height: 400, Chart(title: "Weight norm per regularizer", x: Axis("epoch"),
                                                                                 y: Axis("‖W‖₂ (all layers)"), legend: .outsideRight, layers: layers)),
                                    caption: "The median (across seeds) of the total L2 norm of all weights over the epochs, one line per regularizer: L2 shrinks all weights, L1 drives some to zero.",
                                    alt: "Weight-norm trajectories per regularizer"))
    }

    /// The loss surface around the first seed's final weights, in the plane of the two principal
    /// directions of the optimizers' paths, with each path drawn on it. The paths are retrained
    /// here with every weight recorded (a few small runs; deterministic).
    static func landscape(_ comparison: Comparison) -> ReportBlock? {
        var chosen: [Comparison.Variant] = []
        if let axis = comparison.axes.firstIndex(where: { $0.name == "optimizer" }) {
            chosen = comparison.variants.filter { v in v.levels.enumerated().allSatisfy { $0.offset == axis || $0.element == 0 } }
        } else if comparison.axes.isEmpty {
            chosen = comparison.variants
        }
        guard chosen.count >= 2, chosen.count <= 8, let first = chosen.first?.runs.first, first.network.parameterCount <= 500 else { return nil }
        let initial = first.network.parameterVector
        guard chosen.allSatisfy({ $0.runs.first?.network.parameterVector == initial }) else { return nil }
        var paths: [LossLandscape.Path] = []
        for variant in chosen {
            guard let run = variant.runs.first,
                  let (_, record) = try? Recorder.record(run: run, options: RecorderOptions(gridColumns: 1, gridRows: 1, snapshotCount: 1,
                                                                                            maxSampledEpochs: 400)),
                  let path = LossLandscape.Path(name: variant.label, record: record, initial: initial) else { return nil }
            paths.append(path)
        }
        let landscape = LossLandscape(network: first.network, data: first.data, paths: paths)
        let figure = LandscapeFigures.figure(landscape, title: "Loss landscape and optimizer paths (seed \(comparison.seeds.first ?? 0))")
        let share = (landscape.explainedShare.first ?? 0) + (landscape.explainedShare.dropFirst().first ?? 0)
        return .figure(ReportFigure(name: "comparison-landscape", figure: figure,
                                    caption: "The total loss (log scale, contours) over the plane of the two principal directions of the paths, centred at the first path's final weights; each line is one variant's path from the shared initial weights (circle) to its final weights (diamond). The plane explains \(Format.percent(share)) of the paths' spread.",
                                    alt: "A loss landscape with contour lines and optimizer paths"))
    }
}

