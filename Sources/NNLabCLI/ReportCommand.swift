import ArgumentParser
import Foundation
import NNCore
import NNReport
import NNFiles
import NNLanguage

/// Options shared by `nnlab report` and `nnlab compare`.
struct ReportOptions: ParsableArguments {
    @Option(help: "The report folder (default: output/<experiment name>, or output/lab-report).")
    var output: String?

    @Flag(help: "Embed every figure in index.html, so the page can be handed in alone (also report: {self_contained: true}).")
    var selfContained = false

    @Option(help: "The files written for each figure: png (always: the page shows it) and any of svg, pdf, e.g. png,svg,pdf (default: png,svg; also report: {figures: [...]}).",
            transform: FigureFormats.parse)
    var figures: FigureFormats?

    @Option(help: "Documents to write beside the page: latex (latex/report.tex, a file per section, figures as PDF) and/or markdown (report.md), e.g. latex,markdown (also report: {export: [...]}).",
            transform: ExportList.parse)
    var export: ExportList?

    @Option(help: "The language of every generated word of the report: en or es (also language: es in the experiment file; default en).",
            transform: LanguageChoice.parse)
    var language: LanguageChoice?

    @Option(help: "A folder with report.mustache, section.mustache and style.css to use instead of the built-in ones.")
    var templates: String?

    @Flag(help: "Reuse finished comparison and image runs from the report folder's runs.json whose settings match exactly.")
    var resume = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Option(help: "The most memory the report's plan may use, e.g. 8G or 512M (default: 4G); a larger plan is refused before training.",
            transform: MemoryLimit.parse)
    var memoryLimit: MemoryLimit = MemoryLimit()

    /// What the command line sets of how the report is written (the experiment file's `report:` block gives the rest).
    var settings: ReportSettings {
        ReportSettings(figures: figures?.vector, exports: export?.exports, selfContained: selfContained ? true : nil)
    }

    /// Progress on stderr: a bar on a terminal, lines otherwise, nothing with --quiet.
    var progress: NNReport.Progress { quiet ? NNReport.Progress(style: .silent) : NNReport.Progress.automatic() }
}

/// `--figures png,svg,pdf`: the page's PNG and the vector files beside it.
struct FigureFormats {
    var vector: [ReportWriter.VectorFormat]

    static func parse(_ argument: String) throws -> FigureFormats {
        FigureFormats(vector: try commaList(argument, ReportSettings.figureFormats))
    }
}

/// The names of a comma-separated option value, read by one of `ReportSettings`'s list readers; its
/// refusal becomes ArgumentParser's error line.
func commaList<Value>(_ argument: String, _ read: ([String]) -> Result<Value, ReportSettings.SettingError>) throws -> Value {
    let names = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    switch read(names) {
    case .success(let value): return value
    case .failure(let error): throw ValidationError(error.message)
    }
}

/// `--language es`: the report's language.
struct LanguageChoice {
    var language: Language

    static func parse(_ argument: String) throws -> LanguageChoice {
        guard let language = Language(rawValue: argument.lowercased()) else {
            throw ValidationError("expected one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), received \(DisplayText.line(argument, limit: 40))")
        }
        return LanguageChoice(language: language)
    }
}

/// `--export latex,markdown`: the documents written beside the page.
struct ExportList {
    var exports: [ReportWriter.Export]

    static func parse(_ argument: String) throws -> ExportList {
        ExportList(exports: try commaList(argument, ReportSettings.exports))
    }
}

/// `--memory-limit 8G`: a size with an optional K, M, G or T suffix (powers of 1024), 1M to 1024T.
struct MemoryLimit {
    var bytes: Double = MemoryBudget.defaultLimit

    init() {}

    /// For ArgumentParser's `transform:`: the reason goes into its error line.
    static func parse(_ argument: String) throws -> MemoryLimit {
        guard let bytes = MemoryBudget.parse(argument) else {
            throw ValidationError("expected a size from 1M to 1024T such as 4G, 512M or 1.5G, received \(DisplayText.line(argument, limit: 40))")
        }
        var limit = MemoryLimit()
        limit.bytes = bytes
        return limit
    }
}

/// `nnlab report [EXPERIMENT.yaml]`: the HTML lab report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run an experiment and write its HTML lab report (the default needs no files).",
        discussion: """
        Without an experiment file it writes the default report to output/lab-report/: the course's backprop lab, both XOR architectures, activations × regularizers on XOR over 5 seeds, and the digits image problem.

        Examples:
          nnlab report
              output/lab-report/index.html
          nnlab report examples/xor-experiment.yaml
              output/xor-experiment/index.html
          nnlab report --self-contained
              one HTML file with every figure inside, to hand in alone
          nnlab report --export latex,markdown
              also latex/report.tex (pdflatex), one .tex per section, and report.md
          nnlab report --print-default > mine.yaml
              start your own experiment from the default one
        """
    )

    @Argument(help: "An experiment file (YAML); the default experiment when omitted.")
    var experiment: String?

    @OptionGroup var options: ReportOptions

    @Flag(help: "Print the default experiment (YAML) and exit.")
    var printDefault = false

    func run() throws {
        if printDefault {
            print(DefaultExperiment.yaml(in: options.language?.language ?? .en), terminator: "")
            return
        }
        do {
            var budget = MemoryBudget(limit: options.memoryLimit.bytes)
            let progress = options.progress
            let (loaded, folder) = try ReportCommand.load(experiment, output: options.output, language: options.language?.language, budget: &budget, progress: progress)
            _ = try ReportCommand.write(loaded, command: "nnlab report", file: experiment, folder: folder, options: options, budget: budget,
                                        progress: progress)
        } catch {
            fail(error)
        }
    }

    /// The experiment (the default when `path` is nil) and its report folder.
    /// Data files read are shown on `progress` as they load, on a terminal (an error stays the one line on stderr otherwise).
    static func load(_ path: String?, output: String?, language: Language? = nil, budget: inout MemoryBudget,
                     progress: NNReport.Progress) throws -> (Experiment, String) {
        let log: ((String) -> Void)? = progress.style == .bar ? { (text: String) in progress.line(text) } : nil
        if let path {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return (try ExperimentFile.load(path, budget: &budget, log: log, language: language), output ?? "output/" + HTMLPage.slug(stem))
        }
        return (try ExperimentFile.experiment(from: DefaultExperiment.yaml(in: language ?? .en), file: "default experiment", budget: &budget, log: log),
                output ?? "output/lab-report")
    }

    /// Builds and writes the report, printing where it went.
    static func write(_ experiment: Experiment, command base: String, file: String?, folder: String, options: ReportOptions,
                      budget: MemoryBudget, progress: NNReport.Progress) throws -> LabReport.Built {
        var command = base + (file.map { " " + $0 } ?? "")
        if options.selfContained { command += " --self-contained" }
        if let figures = options.figures { command += " --figures " + (["png"] + figures.vector.map(\.rawValue)).joined(separator: ",") }
        if let export = options.export { command += " --export " + export.exports.map(\.rawValue).joined(separator: ",") }
        if let language = options.language { command += " --language " + language.language.rawValue }
        var experiment = experiment
        if let language = options.language { experiment.language = language.language }
        let settings = experiment.report.overridden(by: options.settings).resolved
        let inputs = [file, options.templates].compactMap { $0 } + experiment.dataFiles
        let destination = try OwnedFolder.check(folder, inputs: inputs)  // before training, not after
        let page = try options.templates.map { (directory: String) throws -> HTMLPage in try HTMLPage(directory: directory) }
        var report = LabReport(experiment: experiment, command: command)
        if options.resume {
            report.resume = try ResumeStore.load(folder + "/runs.json", budget: budget)
        }
        progress.line(Terminal.plan(budget))
        let (_, built) = try report.write(to: destination, selfContained: settings.selfContained, page: page,
                                          vectorFormats: settings.figures, exports: settings.exports, progress: progress)
        // The whole wall time, loading and preparing the data included.
        let seconds = Date().timeIntervalSince(ProcessStart.date)
        let resumed = built.resumed > 0 ? " (\(built.resumed) run\(built.resumed == 1 ? "" : "s") resumed, \(built.trained) trained)" : ""
        print("wrote \(Terminal.path(folder))/index.html in \(String(format: "%.1f", seconds)) s\(resumed)")
        return built
    }
}

/// `nnlab compare EXPERIMENT.yaml`: a sweep's report and a summary table on the terminal.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run a sweep (the experiment's comparison) and write its report; print a summary table.",
        discussion: """
        The experiment file's "comparison" declares axes (activation, regularizer, l1, l2, optimizer, learning_rate, batch_size, epochs, hidden_units, initializer, architecture, data, noise) or named variants, seeds, a success target, a ranking and paired comparisons.

        Examples:
          nnlab compare examples/optimizers.yaml
              output/optimizers/index.html and a summary table
          nnlab compare examples/optimizers.yaml --resume
              reuse the runs whose settings did not change
        """
    )

    @Argument(help: "An experiment file (YAML) with a comparison.")
    var experiment: String

    @OptionGroup var options: ReportOptions

    func run() throws {
        do {
            var budget = MemoryBudget(limit: options.memoryLimit.bytes)
            let progress = options.progress
            var (loaded, folder) = try ReportCommand.load(experiment, output: options.output, language: options.language?.language, budget: &budget, progress: progress)
            guard loaded.comparison != nil else {
                throw InputError(file: experiment, field: "comparison", message: "missing; expected a comparison to run")
            }
            loaded.sections = loaded.sections.filter { $0 == .comparison || $0 == .reproducibility }
            if !loaded.sections.contains(.comparison) { loaded.sections.insert(.comparison, at: 0) }
            let built = try ReportCommand.write(loaded, command: "nnlab compare", file: experiment, folder: folder, options: options, budget: budget,
                                                progress: progress)
            // Variant names come from the user's file: shown escaped, never as raw escape sequences.
            print(TableText.render(header: built.summary.header, rows: built.summary.rows.map { $0.map(DisplayText.escaped) }))
        } catch {
            fail(error)
        }
    }
}

/// A plain text table with aligned columns.
enum TableText {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[min(i, widths.count - 1)] - cell.count))
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
    }
}

/// When the process started (set first thing by `NNLabCommand.start`).
enum ProcessStart {
    nonisolated(unsafe) static var date = Date()
}
