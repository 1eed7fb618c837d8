import ArgumentParser
import NNCore
import NNReport

/// `nnlab`: neural-network experiments as lab reports.
public struct NNLabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nnlab",
        abstract: "Train small neural networks, check their gradients, and turn experiments into lab reports.",
        discussion: """
        Examples:
          nnlab report
              the default HTML lab report, in output/lab-report/
          nnlab compare examples/optimizers.yaml
              a sweep with statistics, and a summary table
          nnlab train examples/xor-run.json [--json | --quiet --save trained.json]
              train the course's XOR network
          nnlab grad examples/lab-model.json examples/lab-data.json
              the loss and the gradient of every dense layer
          nnlab gallery
              one of each figure kind, in output/gallery/
        """,
        version: NNLabInfo.version,
        subcommands: [ReportCommand.self, CompareCommand.self, TrainCommand.self, GradCommand.self, ConvertCommand.self, GalleryCommand.self]
    )

    public init() {}

    /// Notes the start time, then parses the arguments and runs the subcommand.
    public static func start() {
        ProcessStart.date = Date()
        main()
    }
}


/// Prints a user's mistake as one line on stderr and exits with status 1.
func fail(_ error: any Error) -> Never {
    let message: String
    switch error {
    case let e as InputError: message = e.description
    case let e as NetworkError: message = e.description
    default: message = String(describing: error)
    }
    Terminal.standardError("nnlab: error: " + DisplayText.line(message, limit: 400))
    Foundation.exit(1)
}

import Foundation
import NNFiles

/// Where text goes.
enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A path as the user gave it, for messages: control characters escaped, trailing slashes dropped.
    static func path(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return DisplayText.line(String(trimmed), limit: 200)
    }

    /// "plan: about 88 MiB of the 4 GiB memory budget, about 46.8 MFLOP of training".
    static func plan(_ budget: MemoryBudget) -> String {
        "plan: about \(MemoryBudget.format(budget.charged)) of the \(MemoryBudget.format(budget.limit)) memory budget, about \(Format.operations(budget.work)) of training"
    }

    /// Whether stderr is an interactive terminal (progress bars only there).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
