import NNCore
import NNFigures
import NNRecording
import Plot
import NNLanguage
import PlotCairo

/// Section 2: each experiment's runs (one per seed): curves, the decision boundary and hidden
/// units for two-input problems, and the final network.
enum ExperimentSection {
    static func build(_ experiments: [ExperimentRuns], results: [[RunResult]]) -> ReportSection {
        var blocks: [ReportBlock] = []
        for (index, (experiment, runResults)) in zip(experiments, results).enumerated() {
            let key = "experiment-\(index + 1)"
            blocks.append(.heading(experiment.name))
            blocks += describe(experiment, results: runResults)
            blocks += summaryTable(experiment, runResults)
            for (seed, result) in zip(experiment.seeds, runResults) {
                if let failure = result.failure {
                    blocks.append(.note(tr("Seed \(seed) did not run: \(failure)"), kind: "warning"))
                } else if let divergence = result.history.divergence {
                    blocks.append(.note(tr("Seed \(seed) \(divergence.sentence). Its curves end there; the report goes on."), kind: "warning"))
                }
            }
            if let note = deadZoneNote(experiment, runResults) { blocks.append(note) }
            let named = zip(experiment.seeds, runResults).map { (name: tr("seed \($0)"), history: $1.history) }
            let logLoss = runResults.allSatisfy { ($0.history["loss"] ?? []).allSatisfy { !$0.isFinite || $0 > 0 } }
            var panels: [Panel] = [.chart(HistoryFigures.curves(named, key: "loss", title: tr("loss"), logScale: logLoss))]
            if let metric = experiment.runs.first?.options.metrics.first {
                panels.append(.chart(HistoryFigures.curves(named, key: metric.name, title: HistoryFigures.label(metric.name))))
            }
            // A schedule's learning rate, when it changes over the run (Keras's logged value after each epoch).
            let rateChanges = runResults.contains { result in
                guard let rates = result.history["learning_rate"], let first = rates.first else { return false }
                return rates.contains { $0 != first }
            }
            if rateChanges {
                panels.append(.chart(HistoryFigures.curves(named, key: "learning_rate", title: tr("learning rate"))))
            }
            // Seeds that diverged in their first epoch leave no finite value to draw: said, instead of an empty chart.
            if !runResults.contains(where: { ($0.history["loss"] ?? []).contains(where: \.isFinite) }) {
                blocks.append(.note(tr("No curve to draw: every seed's loss was non-finite from its first epoch (see the divergence above)."), kind: "warning"))
            } else {
            blocks.append(.figure(ReportFigure(name: key + "-curves", figure: Figure(width: 960, height: 380, columns: panels.count, panels: panels),
                                               caption: tr("Training\(experiment.runs.first?.validation != nil ? tr(" (solid) and validation (dashed)") : "") loss and metric per epoch for \(named.count == 1 ? tr("the run") : tr("each seed")).") + (rateChanges ? tr(" The learning rate is the schedule's after each epoch's updates (the rate the next step uses), as Keras logs it.") : ""),
                                               alt: tr("Loss and metric curves over epochs for \(experiment.name)"))))
            }
            blocks += externalBlocks(experiment, runResults, key: key)
            guard let first = runResults.first, first.failure == nil, let run = experiment.runs.first else { continue }
            let network = first.network
            // A seed that diverged into non-finite weights has no trained network to draw: its decision
            // boundary, hidden units, boundaries over time and diagram would be blank or false.
            let finiteNetwork = network.parameterVector.allSatisfy(\.isFinite)
            if !finiteNetwork {
                blocks.append(.note(tr("Seed \(experiment.seeds.first ?? 0)'s weights are not finite after its divergence, so the figures of its trained network (decision boundary, hidden units, boundaries over time, network diagram) are left out; its weights and gradients are drawn up to the divergence."), kind: "warning"))
            }
            if network.inputWidth == 2 {
                let threshold = threshold(for: run.data.y)
                let range: ClosedRange<Double> = threshold == 0 ? -1...1 : 0...1
                let after = tr("seed \(experiment.seeds.first ?? 0), after \(Format.count(first.history.epochCount, "epoch"))")
                let validation = run.validation
                let heldOut = validation.map { tr(" (filled) and the \($0.count) validation points (hollow)") } ?? ""
                if !finiteNetwork {
                    // Said in the note above.
                } else if network.outputWidth > 1 {
                    let chart = BoundaryFigures.chart(network, data: run.data, threshold: threshold, range: range, title: after, validation: validation)
                    blocks.append(.figure(ReportFigure(name: key + "-boundary", figure: Figure(width: 640, height: 520, chart),
                                                       caption: tr("The class the trained network picks at each point of the input plane (the largest of its \(network.outputWidth) outputs; first seed), the lines where it changes, and the training data\(heldOut)\(Self.pointsNote(run.data.count))."),
                                                       alt: tr("Decision regions of the trained classifier with the data points"))))
                } else {
                    let panels: [Panel] = [
                        .chart(BoundaryFigures.chart(network, data: run.data, threshold: threshold, range: range, title: after, validation: validation)),
                        .chart(BoundaryFigures.chart(network, data: run.data, threshold: threshold, range: range, title: tr("discretized at \(readable(threshold))"),
                                                     validation: validation, discretized: true)),
                    ]
                    blocks.append(.figure(ReportFigure(name: key + "-boundary", figure: Figure(width: 1180, height: 520, columns: 2, panels: panels),
                                                       caption: tr("Left: the trained network's output over the input plane (first seed), its decision boundary at \(readable(threshold)) and the training data\(heldOut)\(Self.pointsNote(run.data.count)). Right: the same output discretized to either side of \(readable(threshold)), as TensorFlow Playground's “discretize output” shows it."),
                                                       alt: tr("Decision boundary of the trained network with the data points, continuous and discretized"))))
                }
                // Every seed's final boundary, so one lucky or unlucky seed does not stand for the experiment.
                let seeds = zip(experiment.seeds, runResults).filter { $0.1.failure == nil }.prefix(maximumSeedPanels)
                if seeds.count > 1 {
                    let panels: [Panel] = seeds.map { seed, result in
                        .chart(BoundaryFigures.chart(result.network, data: run.data, threshold: threshold, range: range,
                                                     title: tr("seed \(seed)\(result.history.divergence != nil ? tr(" (diverged)") : "")"), resolution: 60,
                                                     validation: run.validation))
                    }
                    let columns = min(4, panels.count)
                    let rows = (panels.count + columns - 1) / columns
                    let shown = experiment.seeds.count > seeds.count ? tr(" (the first \(seeds.count) of \(experiment.seeds.count) seeds)") : ""
                    blocks.append(.figure(ReportFigure(name: key + "-seed-boundaries",
                                                       figure: Figure(title: network.outputWidth > 1 ? tr("Final decision regions of every seed") : tr("Final decision boundary of every seed"),
                                                                      width: Double(columns) * 250 + 110, height: Double(rows) * 260 + 60, columns: columns,
                                                                      panels: panels).sharingColorbar(),
                                                       caption: tr("The final decision boundary of each seed\(shown), on the same data\(run.validation == nil ? "" : tr(" (validation points hollow)"))\(Self.pointsNote(run.data.count))."),
                                                       alt: tr("Small multiples of the final decision boundary, one per seed"))))
                }
                if finiteNetwork, let record = first.record, let film = RecordFigures.filmstrip(record, data: run.data, threshold: threshold, range: range) {
                    blocks.append(.figure(ReportFigure(name: key + "-filmstrip", figure: film,
                                                       caption: tr("The decision boundary at log-spaced epochs (first seed): how the network carves the plane as it learns\(Self.pointsNote(run.data.count))."),
                                                       alt: tr("Small decision-boundary plots at increasing epochs"))))
                }
                let activations = Dictionary(uniqueKeysWithValues: network.denseLayers.map { ($0.index, $0.layer.activation) })
                if finiteNetwork, let record = first.record, let units = RecordFigures.unitMaps(record, activations: activations) {
                    blocks.append(.figure(ReportFigure(name: key + "-units", figure: units,
                                                       caption: tr("Each hidden unit's activation over the input plane after training (first seed), as TensorFlow Playground draws its neurons."),
                                                       alt: tr("One heatmap per hidden unit over the input plane"))))
                }
            }
            if let record = first.record {
                let crossings = record.events.signCrossings.count + record.events.omittedSignCrossings
                let trajectories = Figure(width: 960, height: 420, columns: 2,
                                          panels: [.chart(RecordFigures.trajectories(record)), .chart(RecordFigures.gradientNorms(record))])
                blocks.append(.figure(ReportFigure(name: key + "-weights", figure: trajectories,
                                                   caption: tr("Left: \(Self.trajectoryWords(record)) over the epochs (first seed, sampled \(Format.count(record.samples.epochs.count, "epoch")))\(crossings > 0 ? tr("; crosses mark where each L1-regularized weight first crossed zero (\(Format.count(crossings, "crossing")) in all)") : ""). Right: the mean gradient norm of each layer per epoch."),
                                                   alt: tr("Weight trajectories over epochs and per-layer gradient norms"))))
            }
            if let record = first.record, let distributions = DistributionFigures.weights(record) {
                blocks.append(.figure(ReportFigure(name: key + "-weight-distributions", figure: distributions,
                                                   caption: tr("Each dense layer's weights over the epochs (first seed), as TensorBoard's distributions draw them: the bands span from the smallest to the largest weight, from the 5% to the 95% quantile and the interquartile range, darker towards the middle; the line is the median."),
                                                   alt: tr("Bands of weight quantiles over epochs, one panel per layer"))))
            }
            guard finiteNetwork else { continue }
            // Wide layers are summarized and weights written only where they fit; the caption says what was left out.
            let diagram = NetworkFigures.diagram(network, title: tr("Trained network (seed \(experiment.seeds.first ?? 0))"), labels: [.weights])
            let networkFigure = Figure(width: 760, height: 400, panel: .network(diagram))
            let drawn = (try? CairoRenderer.forMeasurement()).map { NetworkFigures.summary(of: networkFigure, renderer: $0) }
            blocks.append(.figure(ReportFigure(name: key + "-network", figure: networkFigure,
                                               caption: tr("The trained network: edge colour is the weight's sign, width its magnitude relative to the largest weight into the same layer.")
                                                   + (drawn.map { $0.caption.isEmpty ? "" : " " + $0.caption } ?? ""),
                                               alt: drawn?.writesWeights == true ? tr("Network diagram of the trained network with weight labels") : tr("Network diagram of the trained network"))))
        }
        return ReportSection(id: "experiments", title: tr("Experiments"), blocks: blocks)
    }

    /// The most seeds whose boundaries are drawn side by side.
    static let maximumSeedPanels = 16

    /// When xor_accuracy is recorded on ±1 targets: the seeds whose outputs put every training point on
    /// the right side of 0 (sign_accuracy 1) while some sit in xor_accuracy's ±0.5 dead zone, so the
    /// metric counts a separating network as wrong (the course's L1/L2 XOR settings do this).
    static func deadZoneNote(_ experiment: ExperimentRuns, _ results: [RunResult]) -> ReportBlock? {
        guard let run = experiment.runs.first, run.options.metrics.contains(.xorAccuracy),
              run.data.y.elements.contains(where: { $0 < 0 }) else { return nil }
        var seeds: [UInt64] = []
        for (seed, result) in zip(experiment.seeds, results) where result.failure == nil && result.history.divergence == nil {
            let outputs = result.network.predict(run.data.x)
            if Metric.signAccuracy(outputs, run.data.y) == 1, Metric.xorAccuracy(outputs, run.data.y) < 1 { seeds.append(seed) }
        }
        guard !seeds.isEmpty else { return nil }
        let which = seeds.map(String.init).joined(separator: ", ")
        return .note(tr("In \(seeds.count) of \(results.count) seed\(results.count == 1 ? "" : "s") (\(which)) every training point is on the right side of 0 (sign_accuracy 1), but some outputs sit in xor_accuracy's dead zone (|output| ≤ 0.5), which counts them as wrong. \(run.options.metrics.contains(.signAccuracy) ? tr("sign_accuracy counts") : tr("Add sign_accuracy to metrics to count")) outputs by sign, as TensorFlow Playground does."), kind: "info")
    }

    /// ±1 targets split at 0, 0/1 targets at 0.5.
    /// " (4000 of the 100000 points drawn, evenly spread)" when a boundary figure thins its data.
    static func pointsNote(_ count: Int) -> String {
        count > ScatterSeries.maximumDataPoints ? tr(" (\(ScatterSeries.maximumDataPoints) of the \(count) points drawn, evenly spread)") : ""
    }

    static func threshold(for targets: Matrix) -> Double {
        targets.elements.contains { $0 < 0 } ? 0 : 0.5
    }

    /// What the weights figure's left panel draws, in the caption's words.
    static func trajectoryWords(_ record: RunRecord) -> String {
        switch RecordFigures.trajectoryView(record) {
        case .every: tr("every weight (solid) and bias (dashed)")
        case .bands: tr("each layer's weights as a band from their 5% to their 95% quantile around the median, and the \(RecordFigures.largestTrajectories) weights largest at the end (grey), as \(record.samples.trajectories.count) lines would hide each other")
        case .norms: tr("each layer's weight norm ‖W‖₂ (the network has too many weights to follow one by one)")
        }
    }

    /// - Parameter heldOut: what the run's validation data are called ("validation", or "test" for the image problem).
    /// - Parameter results: the runs' results, when trained (to say whether seeds that share their start trained identically).
    static func describe(_ experiment: ExperimentRuns, heldOut: String = "validation", results: [RunResult] = []) -> [ReportBlock] {
        guard let run = experiment.runs.first else { return [] }
        let layers = run.network.layers.map { layer -> String in
            guard let d = layer as? Dense else { return layer.description }
            var text = "dense \(d.units) \(d.activation.name)"
            if let r = d.regularizer {
                var parts: [String] = []
                if r.l1 != 0 { parts.append("L1 \(readable(r.l1))") }
                if r.l2 != 0 { parts.append("L2 \(readable(r.l2))") }
                if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
            }
            return text
        }
        let optimizer = describe(run)
        let samples = run.validation.map { tr("\(run.data.count) training and \($0.count) \(translated(heldOut)) samples") } ?? tr("\(run.data.count) samples")
        return [.paragraph(tr("Data: \(experiment.dataName) (\(samples)). Model: \(run.network.inputWidth) inputs → \(layers.joined(separator: " → ")), loss \(run.network.loss.name). Optimizer: \(optimizer); \(Format.count(run.options.epochs, "epoch")), batch size \(run.options.batchSize), \(run.options.shuffle ? tr("shuffled") : tr("not shuffled")); seeds \(experiment.seeds.map(String.init).joined(separator: ", ")).") + constantsSentence(run) + sourceSentence(experiment) + sharedStartSentence(experiment, results: results))]
    }

    /// Where the model came from, when it was read from a file (a Keras file, a model file).
    static func sourceSentence(_ experiment: ExperimentRuns) -> String { sourceSentence(experiment.modelSource) }

    static func sourceSentence(_ source: String?) -> String {
        guard let source else { return "" }
        return tr(" The model comes from \(source).")
    }

    /// Said when every seed starts from the same weights (the model gives them: a Keras file, an
    /// `.npz`, a trained model file): whether the seeds then trained identically (measured on their
    /// histories), else what they still change.
    static func sharedStartSentence(_ experiment: ExperimentRuns, results: [RunResult]) -> String {
        guard shareTheirStart(experiment.runs), let first = experiment.runs.first else { return "" }
        if results.count == experiment.runs.count, identicalHistories(results) {
            return tr(" Every seed starts from the same weights, the model's own, and the seeds trained identically: the same history, bit for bit.")
        }
        switch (first.options.shuffle, first.network.layers.contains { $0 is Dropout }) {
        case (true, false):
            return tr(" Every seed starts from the same weights, the model's own: the seeds change only the batch order.")
        case (false, true):
            return tr(" Every seed starts from the same weights, the model's own: the seeds change only the dropout masks.")
        case (true, true):
            return tr(" Every seed starts from the same weights, the model's own: the seeds change only the batch order and the dropout masks.")
        case (false, false):
            return ""
        }
    }

    /// Whether several runs all start from the same weights (the model gives them, so no seed draws them).
    static func shareTheirStart(_ runs: [Run]) -> Bool {
        guard runs.count > 1, let first = runs.first else { return false }
        return runs.allSatisfy { $0.network.parameterVector == first.network.parameterVector }
    }

    /// Whether the runs' histories are the same, bit for bit (every series, every epoch).
    static func identicalHistories(_ results: [RunResult]) -> Bool {
        guard let first = results.first, first.failure == nil else { return false }
        func bits(_ result: RunResult) -> [String: [UInt64]] {
            Dictionary(uniqueKeysWithValues: result.history.keys.map { ($0, (result.history[$0] ?? []).map(\.bitPattern)) })
        }
        let reference = bits(first)
        return results.allSatisfy { $0.failure == nil && bits($0) == reference }
    }

    /// The final values per seed, with a short status per seed; how each early-stopped seed ended is said
    /// in full below the table (the sentences would make the table too wide for the page).
    static func summaryTable(_ experiment: ExperimentRuns, _ results: [RunResult]) -> [ReportBlock] {
        let keys = results.first(where: { $0.failure == nil })?.history.keys ?? ["loss"]
        var rows: [[ReportTable.Cell]] = []
        var endings: [String] = []
        // Each column with the digits that tell its seeds apart.
        let columns = keys.map { key in Format.column(results.map { $0.history[key]?.last ?? .nan }) }
        for (row, (seed, result)) in zip(experiment.seeds, results).enumerated() {
            var cells: [ReportTable.Cell] = [.number(String(seed)), .number(String(result.history.epochCount))]
            for column in columns { cells.append(.number(column[row])) }
            var status: ReportTable.Cell
            if let failure = result.failure { status = ReportTable.Cell(tr("failed: \(failure)"), kind: "fail") }
            else if result.history.divergence != nil { status = ReportTable.Cell(tr("diverged"), kind: "fail") }
            else if let stop = result.history.earlyStop {
                status = ReportTable.Cell(tr("stopped early"))
                let restored = result.history.restoredEpoch.map { tr("; ended with the weights of epoch \($0) (restore_best_weights)") } ?? ""
                endings.append(tr("Seed \(seed) stopped after epoch \(stop.epoch): \(stop.sentence)\(restored)."))
            }
            else { status = ReportTable.Cell(tr("completed")) }
            if let restored = result.history.restoredEpoch {
                status.text += tr(" (weights of epoch \(restored))")
                if result.history.earlyStop == nil {
                    endings.append(tr("Seed \(seed) ran every epoch and ended with the weights of epoch \(restored) (restore_best_weights)."))
                }
            }
            cells.append(status)
            rows.append(cells)
        }
        let caption = tr("Final values per seed: the last epoch's value of every history series\(keys.contains("penalty") ? tr(" (loss = data_loss + penalty)") : "").")
        // A zero-width space after each "_" lets "val_sign_accuracy" wrap in a narrow column.
        let header = [tr("seed"), tr("epochs")] + keys.map { translated($0).replacingOccurrences(of: "_", with: "_\u{200B}") } + [tr("status")]
        let table: ReportBlock
        if header.count > 8, rows.count <= 8 {
            // Many series and few seeds: one row per series and a column per seed, so the table fits the page.
            let transposed = (1..<header.count).map { c in [ReportTable.Cell(header[c])] + rows.map { $0[c] } }
            table = .table(ReportTable(caption: caption, header: [""] + rows.map { tr("seed \($0[0].text)") }, rows: transposed))
        } else {
            table = .table(ReportTable(caption: caption, header: header, rows: rows))
        }
        return endings.isEmpty ? [table] : [table, .paragraph(endings.joined(separator: " "))]
    }

    /// "sgd(learning_rate=0.1, momentum=0, nesterov=false)": the type and every hyperparameter; a
    /// schedule is written as the learning rate ("sgd(learning_rate=exponential_decay(…), …)").
    static func describe(_ optimizer: any Optimizer, schedule: (any LearningRateSchedule)? = nil) -> String {
        type(of: optimizer).typeName + "(" + optimizer.hyperparameters.map { name, value in
            if name == "learning_rate", let schedule { return "\(name)=\(schedule.settings)" }
            return "\(name)=\(value)"
        }.joined(separator: ", ") + ")"
    }

    /// The run's optimizer with its schedule.
    static func describe(_ run: Run) -> String { describe(run.optimizer, schedule: run.options.learningRateSchedule) }

    /// " Constants: exact (…)." for a run that does not round as Keras does; nothing for the default.
    static func constantsSentence(_ run: Run) -> String {
        run.network.constants == .exact ? tr(" Constants: exact (every coefficient as written, none rounded to float32 as Keras does).") : ""
    }
}
