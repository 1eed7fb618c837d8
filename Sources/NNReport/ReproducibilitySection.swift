import Foundation
import NNCore
import NNLanguage

/// Section 4: everything needed to regenerate the report.
enum ReproducibilitySection {
    static func build(_ experiment: Experiment, command: String, sectionTimes: [(String, Double)], seeds: [UInt64]) -> ReportSection {
        var rows: [[ReportTable.Cell]] = [
            [ReportTable.Cell(tr("command")), ReportTable.Cell(command)],
            [ReportTable.Cell(tr("NNLab version")), ReportTable.Cell(NNLabInfo.version)],
            [ReportTable.Cell(tr("git revision")), ReportTable.Cell(gitRevision() ?? tr("unknown (not run from a git checkout)"))],
            [ReportTable.Cell(tr("platform")), ReportTable.Cell(platform())],
            [ReportTable.Cell(tr("seeds")), ReportTable.Cell(seeds.isEmpty ? tr("none") : seeds.map(String.init).joined(separator: ", "))],
            [ReportTable.Cell(tr("experiment file")), ReportTable.Cell(experiment.file ?? tr("built in (shown below)"))],
            [ReportTable.Cell(tr("constants")), ReportTable.Cell(constants(experiment))],
        ]
        for (name, seconds) in sectionTimes {
            rows.append([ReportTable.Cell(tr("time: \(name)")), .number(Format.seconds(seconds))])
        }
        return ReportSection(id: "reproducibility", title: tr("Reproducibility"), blocks: [
            .paragraph(tr("Every number in this report is deterministic: NNLab draws the initial weights a model does not give, the shuffles and the dropout masks from its own seeded generator, and its matrix products sum in a fixed order, so the same experiment and seeds give the same numbers on any machine (runs.json is byte-identical). Only the times below vary.")),
            .table(ReportTable(caption: tr("How this report was made."), header: [tr("item"), tr("value")], rows: rows)),
            .heading(tr("The experiment")),
            .code(experiment.source),
        ])
    }

    /// Which `constants` the runs used: keras (Keras's float32 roundings, the default), exact, or both.
    static func constants(_ experiment: Experiment) -> String {
        let runs = experiment.experiments.flatMap(\.runs) + (experiment.comparison?.variants.flatMap(\.runs) ?? [])
            + (experiment.image.map { [$0.run] } ?? [])
        let used = Set(runs.map(\.network.constants))
        let keras = tr("keras (the coefficients Keras rounds to float32 rounded as Keras does)")
        let exact = tr("exact (every coefficient as written)")
        if used == [.exact] { return exact }
        if used.count > 1 { return keras + "; " + exact }
        return keras
    }

    /// The current git revision, when run inside a checkout with git installed.
    static func gitRevision() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static func platform() -> String {
        var system = utsname()
        uname(&system)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(system.sysname)) \(field(system.release)) \(field(system.machine)), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
