import Dispatch
import Foundation
import NNCore
import NNRecording
import NNFiles
import NNLanguage

/// Builds a lab report from an experiment: runs every training (in parallel), composes the
/// sections, and writes `index.html`, `figures/`, `history.csv` and `runs.json` atomically.
public struct LabReport {
    public var experiment: Experiment
    /// The command that regenerates the report, printed in it.
    public var command: String
    /// Finished runs from an earlier runs.json to reuse where the settings match (`--resume`).
    public var resume: ResumeStore?

    public init(experiment: Experiment, command: String) {
        self.experiment = experiment
        self.command = command
    }

    /// What a build produced, before writing.
    public struct Built: Sendable {
        public var document: ReportDocument
        public var runsJSON: String
        public var historyCSV: String
        /// Runs trained now and runs read back from an earlier runs.json.
        public var trained: Int
        public var resumed: Int
        /// The comparison's summary for the terminal: a header and one row per variant, in ranking order.
        public var summary: (header: [String], rows: [[String]])
    }

    /// Runs the experiment and composes the document, in the experiment's language. `progress` receives
    /// one line per step.
    public func build(progress: Progress = Progress(style: .silent)) -> Built {
        Language.$current.withValue(experiment.language) { buildInLanguage(progress: progress) }
    }

    private func buildInLanguage(progress: Progress) -> Built {
        var sections: [ReportSection] = []
        var times: [(String, Double)] = []
        var records: [RunsFile.Entry] = []
        func timed<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = body()
            times.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }
        // All runs of all sections go through one pool, so both cores stay busy.
        let experimentRuns = experiment.sections.contains(.experiments) ? experiment.experiments : []
        let comparison = experiment.sections.contains(.comparison) ? experiment.comparison : nil
        let image = experiment.sections.contains(.image) ? experiment.image : nil
        let allRuns = experimentRuns.flatMap(\.runs) + (comparison?.variants.flatMap(\.runs) ?? []) + (image.map { [$0.run] } ?? [])
        // What each run records decides its fingerprint (and whether it may be resumed).
        let experimentCount = experimentRuns.reduce(0) { $0 + $1.runs.count }
        let comparisonEnd = experimentCount + (comparison?.variants.reduce(0) { $0 + $1.runs.count } ?? 0)
        // The runs whose every weight the comparison's loss landscape draws (each chosen variant's first seed).
        var landscapeRuns = Set<Int>()
        if let comparison {
            let chosen = Set(SweepFigures.landscapeVariants(comparison))
            var start = experimentCount
            for (v, variant) in comparison.variants.enumerated() {
                if chosen.contains(v) { landscapeRuns.insert(start) }
                start += variant.runs.count
            }
        }
        let kinds = allRuns.indices.map { $0 < experimentCount ? "experiment" : ($0 < comparisonEnd ? "comparison" : "image") }
        var memo = RunFingerprint.DataMemo()
        let fingerprints = allRuns.indices.map { RunFingerprint.of(allRuns[$0], recording: kinds[$0], memo: &memo) }
        // Experiment runs are always retrained: their recordings (trajectories, snapshots) are not in runs.json.
        // (A resumed landscape run has no trajectories either: the landscape records it again, SweepFigures.landscape.)
        var reused: [Int: RunResult] = [:]
        if let resume {
            for i in allRuns.indices where kinds[i] != "experiment" {
                if let entry = resume.entries[fingerprints[i]] {
                    reused[i] = RunResult(network: entry.network, history: entry.history, seconds: 0, failure: nil, record: nil,
                                          weightNorms: entry.weightNorms, smallWeightShare: entry.smallWeightShare, resumed: true)
                }
            }
        }
        let toTrain = allRuns.indices.filter { reused[$0] == nil }
        let results = timed(tr("training (\(Format.count(toTrain.count, "run"))\(reused.isEmpty ? "" : tr(", \(reused.count) resumed")))")) { () -> [RunResult] in
            progress.begin("training", total: toTrain.count)
            defer { progress.end() }
            let options = RunPool.Recording(options: LabReport.recorderOptions, keepRecord: true)
            let light = RunPool.Recording(options: LabReport.comparisonRecorderOptions, keepRecord: false)
            // The comparison's landscape needs every weight of its variants' first seed: recorded here, once.
            let full = RunPool.Recording(options: LabReport.landscapeRecorderOptions, keepRecord: true)
            let landscapeRuns = landscapeRuns
            let trained = RunPool.train(toTrain.map { allRuns[$0] }, recording: { j in
                switch kinds[toTrain[j]] {
                case "experiment": options
                case "comparison": landscapeRuns.contains(toTrain[j]) ? full : light
                default: nil
                }
            }) { done, _ in progress.advance(to: done) }
            var merged: [RunResult] = []
            var next = 0
            for i in allRuns.indices {
                if let r = reused[i] { merged.append(r) } else { merged.append(trained[next]); next += 1 }
            }
            return merged
        }
        var cursor = 0
        func take(_ count: Int) -> [RunResult] {
            defer { cursor += count }
            return Array(results[cursor..<(cursor + count)])
        }
        let experimentResults = experimentRuns.map { take($0.runs.count) }
        let comparisonResults = comparison.map { $0.variants.map { take($0.runs.count) } } ?? []
        let imageResult = image.map { _ in take(1)[0] }
        for (experimentRun, runResults) in zip(experimentRuns, experimentResults) {
            for (i, (seed, result)) in zip(experimentRun.seeds, runResults).enumerated() {
                // Records are appended in run order, so a record's index is its run's index.
                records.append(RunsFile.Entry(section: "experiments", experiment: experimentRun.name, variant: nil, seed: seed, result: result,
                                              fingerprint: fingerprints[records.count], scaler: i < experimentRun.scalers.count ? experimentRun.scalers[i] : nil,
                                              run: allRuns[records.count], data: experimentRun.dataSettings, heldOut: experimentRun.heldOut))
            }
        }
        if let comparison {
            for (variant, runResults) in zip(comparison.variants, comparisonResults) {
                for (i, (seed, result)) in zip(comparison.seeds, runResults).enumerated() {
                    records.append(RunsFile.Entry(section: "comparison", experiment: comparison.name, variant: variant.label, seed: seed,
                                                  result: result, fingerprint: fingerprints[records.count], scaler: i < variant.scalers.count ? variant.scalers[i] : nil,
                                                  run: allRuns[records.count], data: variant.dataSettings, heldOut: variant.heldOut))
                }
            }
        }
        for section in experiment.sections {
            switch section {
            case .backprop:
                sections.append(timed(tr("backprop by hand")) { BackpropSection.build() })
            case .experiments where !experimentRuns.isEmpty:
                sections.append(timed(tr("experiments")) { ExperimentSection.build(experimentRuns, results: experimentResults) })
            case .comparison:
                if let comparison { sections.append(timed(tr("comparison")) { ComparisonSection.build(comparison, results: comparisonResults) }) }
            case .image:
                if let image, let imageResult {
                    sections.append(timed(tr("image problem")) { ImageSection.build(image, result: imageResult) })
                    let entry = RunsFile.Entry(section: "image", experiment: image.name, variant: nil, seed: image.run.options.seed,
                                               result: imageResult, fingerprint: fingerprints[allRuns.count - 1], scaler: image.scaler,
                                               split: .init(testFraction: image.testFraction, train: image.split.train.count, test: image.split.test.count),
                                               run: image.run, data: image.dataName)
                    records.append(entry)
                }
            default:
                break
            }
        }
        if experiment.sections.contains(.reproducibility) {
            let seeds = Array(Set(records.map(\.seed))).sorted()
            sections.append(ReproducibilitySection.build(experiment, command: command, sectionTimes: times, seeds: seeds))
        }
        let document = ReportDocument(title: experiment.title, author: experiment.author, command: command, sections: sections)
        var summary: (header: [String], rows: [[String]]) = ([], [])
        if let comparison {
            let stats = zip(comparison.variants, comparisonResults).map { VariantStatistics(variant: $0, results: $1, comparison: comparison) }
            let rankedBy = SweepTables.rankedByColumn(comparison)
            summary.header = [tr("rank"), tr("variant"), tr("success"), tr("median epochs to target"), tr("median final \(comparison.lossName)")] + (rankedBy.map { [$0] } ?? []) + [tr("diverged", context: "count")]
            for (position, index) in SweepStatistics.rank(stats, by: comparison.ranking).enumerated() {
                let s = stats[index]
                summary.rows.append([String(position + 1), s.label, "\(s.successes)/\(s.runs)", SweepStatistics.censoredMedianText(s.epochsToTarget),
                                     SweepStatistics.outcomeMedian(s.finalLoss)] + (rankedBy == nil ? [] : [SweepStatistics.outcomeMedian(s.rankValues)])
                                    + [String(s.diverged)])
            }
        }
        // runs.json and history.csv are hundreds of megabytes of numbers for a large sweep: written on both cores.
        let texts = TextSlots()
        let title = experiment.title
        let entries = records
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            texts.set(i, i == 0 ? RunsFile.json(entries, title: title) : RunsFile.csv(entries))
        }
        return Built(document: document, runsJSON: texts.get(0), historyCSV: texts.get(1),
                     trained: toTrain.count, resumed: reused.count, summary: summary)
    }

    /// How experiment runs are recorded: the recorder's defaults (200×200 grids, 8 log-spaced snapshots).
    static let recorderOptions = RecorderOptions()
    /// Comparison runs keep only weight norms (agreement maps come from the final networks), so a
    /// 1,000-run sweep stays small: no per-weight trajectories, a 1×1 grid, 200 sampled epochs, and
    /// no zero-crossing events (which would add epochs and misalign the seeds' samples).
    static let comparisonRecorderOptions = RecorderOptions(gridColumns: 1, gridRows: 1, snapshotCount: 1,
                                                           trajectoryParameterLimit: 0, maxSampledEpochs: 200, maxSignCrossings: 0)
    /// The landscape's runs: as the other comparison runs (the same sampled epochs, so their weight norms align
    /// with the other seeds'), with every weight's trajectory kept.
    static let landscapeRecorderOptions = RecorderOptions(gridColumns: 1, gridRows: 1, snapshotCount: 1,
                                                          maxSampledEpochs: 200, maxSignCrossings: 0)

    /// Builds and writes the report to `destination`.
    /// - Returns: the written files, relative to `destination`.
    @discardableResult
    /// - Parameter page: the templates (checked before training by the caller); the built-in ones when nil.
    /// - Parameter vectorFormats: the files written beside each figure's PNG (`--figures`).
    /// - Parameter exports: the documents written beside the page (`--export`).
    public func write(to destination: OwnedFolder, selfContained: Bool, page: HTMLPage? = nil,
                      vectorFormats: [ReportWriter.VectorFormat]? = nil, exports: [ReportWriter.Export] = [],
                      progress: Progress = Progress(style: .silent)) throws -> (files: [String], built: Built) {
        let page = try page ?? HTMLPage()
        // By default an SVG beside each PNG, and nothing beside a self-contained page.
        let vectorFormats = vectorFormats ?? (selfContained ? [] : [.svg])
        let built = build(progress: progress)
        return try Language.$current.withValue(experiment.language) {
            try write(built, to: destination, selfContained: selfContained, page: page, vectorFormats: vectorFormats, exports: exports, progress: progress)
        }
    }

    private func write(_ built: Built, to destination: OwnedFolder, selfContained: Bool, page: HTMLPage,
                       vectorFormats: [ReportWriter.VectorFormat], exports: [ReportWriter.Export],
                       progress: Progress) throws -> (files: [String], built: Built) {
        progress.line("rendering figures and writing \(DisplayText.line(destination.path, limit: 200))")
        var writer = ReportWriter(destination: destination, selfContained: selfContained)
        writer.vectorFormats = vectorFormats
        writer.exports = exports
        let files = try writer.write(built.document, page: page,
                                     extraFiles: [("runs.json", built.runsJSON), ("history.csv", built.historyCSV)],
                                     date: Self.today())
        return (files, built)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

/// Two texts built on two threads, read after both are done.
private final class TextSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var texts = ["", ""]

    func set(_ i: Int, _ text: String) { lock.lock(); texts[i] = text; lock.unlock() }
    func get(_ i: Int) -> String { lock.lock(); defer { lock.unlock() }; return texts[i] }
}
