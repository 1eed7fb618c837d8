import Foundation
import NNCore
import PlotCairo
import NNFiles
import NNLanguage

/// Writes a report folder atomically: everything is built in a temporary folder beside the
/// destination (with the `.nnlab-report` marker) and swapped into place, so a crash or Ctrl-C never
/// leaves half a report and never destroys the previous one. The destination is an `OwnedFolder`,
/// checked before any training: NNLab replaces only folders it wrote.
public struct ReportWriter {
    /// The report folder, e.g. `output/lab-report`.
    public var destination: OwnedFolder
    /// One HTML file with every figure embedded (no figures/ folder).
    public var selfContained: Bool
    /// PNG pixel scale (HiDPI).
    public var pngScale: Double = 1.5
    /// The files written for each figure beside the page's PNG (`--figures`): SVG and/or PDF.
    public var vectorFormats: [VectorFormat] = [.svg]

    /// The documents written beside the page (`--export`): `latex/` and `report.md`.
    public var exports: [Export] = []

    /// A figure file written beside the PNG the page shows.
    public enum VectorFormat: String, Sendable, CaseIterable {
        case svg, pdf
    }

    /// A document written beside the page: LaTeX (`latex/report.tex`, a file per section, figures as
    /// PDF) or Markdown (`report.md`, figures as the PNGs in `figures/`).
    public enum Export: String, Sendable, CaseIterable {
        case latex, markdown
    }

    public init(destination: OwnedFolder, selfContained: Bool) {
        self.destination = destination
        self.selfContained = selfContained
    }

    /// Called after each file is written into the temporary folder (tests interrupt here).
    public var afterWritingFile: (@Sendable (String) throws -> Void)?

    /// The marker file's text in every report folder.
    static var marker: String { "nnlab \(NNLabInfo.version) report\nThis folder was written by NNLab; NNLab replaces it whole when it writes a report here again.\n" }

    /// Renders the figures (in parallel), writes the page and `extraFiles`, then swaps the folder in.
    /// - Returns: the paths of the page and the figures, relative to the destination.
    @discardableResult
    public func write(_ document: ReportDocument, page: HTMLPage, extraFiles: [(name: String, contents: String)],
                      date: String) throws -> [String] {
        let document = limitingFigureSizes(document)
        return try destination.write(marker: Self.marker) { building in
            try build(document, page: page, extraFiles: extraFiles, date: date, in: URL(fileURLWithPath: building))
        }
    }

    /// The largest figure drawn: 40 million pixels (160 MB as an image) and 30,000 pixels a side at
    /// the PNG scale (cairo's limit is 32,767). A figure beyond it (hundreds of hidden units, a grid of
    /// thousands of variants) becomes a note saying so, instead of taking the memory or aborting the report.
    static let maximumFigurePixels = 40e6
    static let maximumFigureSide = 30_000.0

    func limitingFigureSizes(_ document: ReportDocument) -> ReportDocument {
        var limited = document
        for s in limited.sections.indices {
            limited.sections[s].blocks = limited.sections[s].blocks.map { block in
                guard case .figure(let f) = block else { return block }
                let width = f.figure.width * pngScale, height = f.figure.height * pngScale
                guard width * height > Self.maximumFigurePixels || max(width, height) > Self.maximumFigureSide else { return block }
                return .note(tr("Figure “\(f.figure.title ?? f.name)” was not drawn: at \(Int(width))×\(Int(height)) pixels it is beyond NNLab's figure size limit (40 million pixels, 30,000 a side). Its numbers are in runs.json and history.csv."), kind: "warning")
            }
        }
        return limited
    }

    private func build(_ document: ReportDocument, page: HTMLPage, extraFiles: [(name: String, contents: String)],
                       date: String, in folder: URL) throws -> [String] {
        let figures = document.sections.flatMap { $0.blocks }.compactMap { block -> ReportFigure? in
            if case .figure(let f) = block { return f }
            return nil
        }
        var names = Set<String>()
        for figure in figures {
            precondition(names.insert(figure.name).inserted, "figure names must be unique in a report, received \(figure.name) twice")
        }
        // The Markdown export shows the PNGs in figures/, so a self-contained page with it still writes them.
        let pngFiles = !selfContained || exports.contains(.markdown)
        let latex = exports.contains(.latex)
        var folders = pngFiles || !vectorFormats.isEmpty ? ["figures"] : []
        if latex { folders += ["latex", "latex/sections", "latex/figures"] }
        if !document.tables.isEmpty { folders.append("tables") }
        for name in folders {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        // Render every figure in parallel: one surface per task, results by index.
        let results = RenderResults(count: figures.count)
        let scale = pngScale
        let selfContained = self.selfContained
        let formats = vectorFormats
        DispatchQueue.concurrentPerform(iterations: figures.count) { i in
            let figure = figures[i]
            do {
                let png = try figure.figure.pngData(scale: scale)
                let stem = folder.appendingPathComponent("figures/\(figure.name)")
                if pngFiles { try Data(png).write(to: stem.appendingPathExtension("png")) }
                var pdf: [UInt8]?
                for format in formats {
                    let bytes = format == .svg ? try figure.figure.svgData(idPrefix: figure.name) : try figure.figure.pdfData()
                    if format == .pdf { pdf = bytes }
                    try Data(bytes).write(to: stem.appendingPathExtension(format.rawValue))
                }
                if latex {
                    try Data(try pdf ?? figure.figure.pdfData()).write(to: folder.appendingPathComponent(LaTeXExport.figurePath(figure.name)))
                }
                if selfContained {
                    results.set(i, .success("data:image/png;base64," + Data(png).base64EncodedString()))
                } else {
                    results.set(i, .success("figures/\(figure.name).png"))
                }
            } catch let error as InputError {
                results.set(i, .failure(error))
            } catch {
                // A renderer error names the figure file it was drawing.
                results.set(i, .failure(InputError(file: "figures/\(figure.name).png", message: "could not be drawn: \(error)")))
            }
        }
        var sources: [String: String] = [:]
        var links: [String: String] = [:]
        var written: [String] = []
        for (i, figure) in figures.enumerated() {
            switch results.get(i) {
            case .success(let source):
                sources[figure.name] = source
                // The figure links to its first vector file (for print), else to its PNG.
                links[figure.name] = selfContained ? source : "figures/\(figure.name).\(vectorFormats.first?.rawValue ?? "png")"
                if pngFiles { written.append("figures/\(figure.name).png") }
                written += vectorFormats.map { "figures/\(figure.name).\($0.rawValue)" }
                if latex { written.append(LaTeXExport.figurePath(figure.name)) }
            case .failure(let error):
                throw error
            case nil:
                preconditionFailure("figure \(figure.name) was not rendered")
            }
        }
        try afterWritingFile?("figures")
        let tables = TableCSV.files(document)
        let html = page.render(document, figureSources: sources, figureLinks: links,
                               tableLinks: selfContained ? [] : tables.map(\.name), date: date)
        try write(html, to: folder.appendingPathComponent("index.html"))
        written.append("index.html")
        var documents = tables
        if latex { documents += LaTeXExport.files(document, date: date) }
        if exports.contains(.markdown) { documents.append((MarkdownExport.fileName, MarkdownExport.text(document, date: date))) }
        for file in documents + extraFiles {
            try write(file.contents, to: folder.appendingPathComponent(file.name))
            written.append(file.name)
        }
        return written
    }

    private func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw InputError(file: url.path, message: "could not be written: \(error.localizedDescription)")
        }
        try afterWritingFile?(url.lastPathComponent)
    }
}

/// Results of parallel rendering, one slot per figure.
private final class RenderResults: @unchecked Sendable {
    private var slots: [Result<String, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<String, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func get(_ index: Int) -> Result<String, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
