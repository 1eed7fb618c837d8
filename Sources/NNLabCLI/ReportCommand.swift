import ArgumentParser
import Foundation
import NNCore
import NNReport

/// `nnlab report [EXPERIMENT.yaml]`: the HTML lab report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run an experiment and write its HTML lab report (the default needs no files).",
        discussion: """
        Without an experiment file it writes the default report to output/lab-report/: the course's
        backprop lab, both XOR architectures, and activations × regularizers on XOR over 5 seeds.

        Examples:
          nnlab report                                   output/lab-report/index.html
          nnlab report examples/activations.yaml         output/activations/index.html
          nnlab report --self-contained                  one HTML file with every figure inside
          nnlab report --print-default > mine.yaml       start your own experiment from the default
        """
    )

    @Argument(help: "An experiment file (YAML); the default experiment when omitted.")
    var experiment: String?

    @Option(help: "The report folder (default: output/<experiment name>, or output/lab-report).")
    var output: String?

    @Flag(help: "Embed every figure in index.html, so the page can be handed in alone.")
    var selfContained = false

    @Option(help: "A folder with report.mustache, section.mustache and style.css to use instead of the built-in ones.")
    var templates: String?

    @Flag(help: "Print the default experiment (YAML) and exit.")
    var printDefault = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        if printDefault {
            print(DefaultExperiment.yaml, terminator: "")
            return
        }
        do {
            let loaded: Experiment
            var command = "nnlab report"
            let folder: String
            if let experiment {
                loaded = try ExperimentFile.load(experiment)
                command += " " + experiment
                let stem = URL(fileURLWithPath: experiment).deletingPathExtension().lastPathComponent
                folder = output ?? "output/" + HTMLPage.slug(stem)
            } else {
                loaded = try ExperimentFile.experiment(from: DefaultExperiment.yaml, file: "default experiment")
                folder = output ?? "output/lab-report"
            }
            if selfContained { command += " --self-contained" }
            let progress = quiet ? Progress(style: .silent) : Progress.automatic()
            let start = Date()
            try LabReport(experiment: loaded, command: command)
                .write(to: folder, selfContained: selfContained, templates: templates, progress: progress)
            let seconds = Date().timeIntervalSince(start)
            print("wrote \(folder)/index.html in \(String(format: "%.1f", seconds)) s")
        } catch {
            fail(error)
        }
    }
}
