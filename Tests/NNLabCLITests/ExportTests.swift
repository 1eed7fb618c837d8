import Foundation
import Testing

/// `--export latex,markdown` and `report: {export: …}`: the documents beside the page, and every table as CSV.
@Suite("nnlab report --export")
struct ExportTests {
    /// A title and a variant name with every LaTeX special character, Markdown syntax and non-Latin text.
    static let experiment = """
    title: "Lab #1: 100% & $x_1$ {λ} ~ ^ \\\\end{verbatim} --export *bold* | pipe"
    author: "Peña, Ana"
    sections: [backprop, experiments, comparison, reproducibility]
    experiments:
      - name: "tanh_net & co"
        data: xor
        model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1, activation: tanh}]}
        optimizer: {type: sgd, learning_rate: 0.1}
        epochs: 30
        batch_size: 4
        metrics: [xor_accuracy]
    comparison:
      base: {data: xor, validation: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1}]}, optimizer: {type: sgd, learning_rate: 0.1}, epochs: 20, batch_size: 4, metrics: [xor_accuracy]}
      axes: {activation: [tanh, relu]}
      seeds: 2

    """

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func latexMarkdownAndCSVMatchThePage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", Self.experiment)
        let result = try CommandRunner.run(["report", "e.yaml", "--quiet", "--export", "latex,markdown", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let root = directory.path + "/out/"
        let html = try Self.read(root + "index.html")
        let tables = Self.count("<table>", in: html)
        #expect(tables >= 8)
        #expect(html.contains("nnlab report e.yaml --export latex,markdown"), "the regenerating command says it")

        // LaTeX: report.tex inputs one file per section; as many tables and figures as the page.
        let main = try Self.read(root + "latex/report.tex")
        let sectionFiles = try FileManager.default.contentsOfDirectory(atPath: root + "latex/sections").sorted()
        #expect(sectionFiles == ["01-backprop.tex", "02-experiments.tex", "03-comparison.tex", "04-reproducibility.tex"])
        for file in sectionFiles { #expect(main.contains("\\input{sections/\((file as NSString).deletingPathExtension)}")) }
        let sections = try sectionFiles.map { try Self.read(root + "latex/sections/" + $0) }.joined()
        #expect(Self.count("\\begin{longtable}", in: sections) == tables)
        #expect(Self.count("\\toprule", in: sections) == 2 * tables, "booktabs rules, header repeated on each page")
        #expect(main.contains("\\title{Lab \\#1: 100\\% \\& \\$x\\_1\\$ \\{$\\lambda$\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}end\\{verbatim\\} -{}-export *bold* \\textbar{} pipe}"), "\(main.prefix(900))")
        #expect(main.contains("\\author{Peña, Ana}"))
        #expect(sections.contains("tanh\\_net \\& co"))

        // Every figure of the page as a PDF of the figure's size.
        let figures = try NSRegularExpression(pattern: #"<img src="figures/([a-z0-9-]+)\.png" alt="[^"]*" width="(\d+)" height="(\d+)""#)
            .matches(in: html, range: NSRange(html.startIndex..., in: html))
        #expect(figures.count >= 10)
        for match in figures {
            let name = (html as NSString).substring(with: match.range(at: 1))
            let width = (html as NSString).substring(with: match.range(at: 2)), height = (html as NSString).substring(with: match.range(at: 3))
            #expect(sections.contains("{figures/\(name).pdf}"), "\(name) is included")
            let pdf = try Data(contentsOf: URL(fileURLWithPath: root + "latex/figures/\(name).pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let text = String(decoding: pdf, as: UTF8.self)
            #expect(text.contains("/MediaBox [ 0 0 \(width) \(height) ]") || text.contains("/MediaBox [0 0 \(width) \(height)]"), "\(name): \(width)×\(height)")
        }
        #expect(Self.count("\\nnlabcaptionof{figure}", in: sections) == figures.count, "figures in place, each with its caption")

        // Markdown: the same tables and figures, pipes escaped in cells.
        let markdown = try Self.read(root + "report.md")
        #expect(Self.count("\n**Table ", in: markdown) == tables)
        #expect(Self.count("](figures/", in: markdown) == figures.count)
        #expect(markdown.hasPrefix("# Lab #1: 100% & \\$x\\_1\\$ {λ} \\~ ^ \\\\end{verbatim} --export \\*bold\\* \\| pipe\n"), "\(markdown.prefix(200))")
        #expect(markdown.contains("```\nnnlab report e.yaml --export latex,markdown\n```"))

        // CSV: one file per table, linked from its caption, with the page's header.
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: root + "tables")
        #expect(csvFiles.count == tables)
        for n in 1...tables {
            #expect(html.contains("<a class=\"csv\" href=\"tables/table-\(n).csv\">CSV</a>"))
            #expect(csvFiles.contains("table-\(n).csv"))
        }
        let ranking = try csvFiles.map { try Self.read(root + "tables/" + $0) }.first { $0.hasPrefix("rank,variant,") }
        let rows = ranking?.split(separator: "\n") ?? []
        #expect(rows.count == 3, "a header and the two variants: \(rows)")
        #expect(!(ranking ?? "").contains("\u{200B}"))
    }

    /// The experiment file's `report:` block sets the formats and exports; the command line overrides it.
    @Test func reportBlockInTheExperimentFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", "title: E\nsections: [backprop]\nreport: {export: [markdown], figures: [png, pdf], self_contained: true}\n")
        let first = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "one"], in: directory.path)
        #expect(first.status == 0, "\(first.standardError)")
        let one = directory.path + "/one/"
        #expect(FileManager.default.fileExists(atPath: one + "report.md"))
        #expect(!FileManager.default.fileExists(atPath: one + "latex"))
        // Self-contained: the page embeds its figures; the Markdown still has its PNGs beside it, and the PDFs
        // asked for are written too (no SVG: not asked).
        let html = try Self.read(one + "index.html")
        #expect(html.contains("src=\"data:image/png;base64,"))
        let figureFiles = try FileManager.default.contentsOfDirectory(atPath: one + "figures")
        #expect(!figureFiles.isEmpty && figureFiles.allSatisfy { $0.hasSuffix(".png") || $0.hasSuffix(".pdf") }, "\(figureFiles)")
        #expect(figureFiles.filter { $0.hasSuffix(".pdf") }.count == figureFiles.filter { $0.hasSuffix(".png") }.count)
        #expect(!html.contains("class=\"csv\""), "a page handed in alone links no CSV files")

        let second = try CommandRunner.run(["report", "e.yaml", "--quiet", "--export", "latex", "--output", "two"], in: directory.path)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/two/latex/report.tex"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/two/report.md"), "--export replaces the file's list")
    }

    @Test func badExportsAreRefusedBeforeAnyWork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", "title: E\nsections: [backprop]\nreport:\n  export: [latex, word]\n")
        let file = try CommandRunner.run(["report", "e.yaml", "--quiet", "--output", "one"], in: directory.path)
        #expect(file.status == 1)
        #expect(file.standardError == "nnlab: error: e.yaml:4: report.export: expected latex or markdown, received word\n", "\(file.standardError)")
        try directory.write("f.yaml", "title: F\nsections: [backprop]\nreport: {figures: [svg]}\n")
        let figures = try CommandRunner.run(["report", "f.yaml", "--quiet", "--output", "one"], in: directory.path)
        #expect(figures.standardError.contains("f.yaml:3: report.figures: expected png in the list"), "\(figures.standardError)")
        try directory.write("g.yaml", "title: G\nsections: [backprop]\nreport: {pages: 3}\n")
        let unknown = try CommandRunner.run(["report", "g.yaml", "--quiet", "--output", "one"], in: directory.path)
        #expect(unknown.status == 1 && unknown.standardError.contains("report"), "\(unknown.standardError)")
        let flag = try CommandRunner.run(["report", "--export", "docx", "--quiet", "--output", "one"], in: directory.path)
        #expect(flag.status != 0 && flag.standardError.contains("expected latex or markdown, received docx"), "\(flag.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/one"))
    }

    /// Where pdflatex is installed (CI installs it), the export compiles as written.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdflatex")))
    func latexCompilesWithPdflatex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", Self.experiment)
        // A sweep in Spanish whose validation columns hold six-digit losses with their intervals: the
        // five-column table of final values was wider than the page.
        try directory.write("wide.yaml", """
        title: W
        language: es
        sections: [comparison]
        comparison:
          base: {data: {name: spiral, samples: 80}, validation_split: 0.25, model: {input: 2, loss: cce, layers: [{type: dense, units: 6, activation: tanh}, {type: dense, units: 2, activation: softmax}]}, epochs: 30, batch_size: 8, metrics: [accuracy]}
          axes:
            learning_rate: [0.05, 1000000]
            optimizer: [adamw, {type: sgd, weight_decay: 0.01}]
            activation: [selu, tanh]
          seeds: 2

        """)
        // Eleven per-seed columns in Spanish (regularized, validated, a schedule, restore_best_weights): the
        // status sentences made the table 64 pt wider than the page; now they follow it and the columns fit.
        try directory.write("seeds.yaml", """
        title: S
        language: es
        sections: [experiments]
        experiments:
          - data: {name: spiral, samples: 120, noise: 0.1}
            validation_split: 0.2
            model: {input: 2, loss: mse, layers: [{type: features}, {type: dense, units: 8, activation: tanh, regularizer: {l2: 0.001}}, {type: dropout, rate: 0.2}, {type: dense, units: 1, activation: tanh}]}
            optimizer: {type: adam, learning_rate: {schedule: cosine_decay, initial_learning_rate: 0.0, warmup_target: 0.05, warmup_steps: 50, decay_steps: 500, alpha: 0.1}}
            epochs: 80
            batch_size: 16
            seeds: [0, 1, 2]
            metrics: [sign_accuracy]
            early_stopping: {monitor: val_loss, patience: 5, restore_best_weights: true}
            constants: exact

        """)
        for (file, language) in [("e.yaml", "en"), ("e.yaml", "es"), ("wide.yaml", "es"), ("seeds.yaml", "es")] {
            let folder = "\((file as NSString).deletingPathExtension)-\(language)"
            let result = try CommandRunner.run(["report", file, "--quiet", "--export", "latex", "--language", language, "--output", folder],
                                               in: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
            let latex = directory.path + "/\(folder)/latex"
            for _ in 0..<2 {
                let pass = try CommandRunner.run(["-interaction=nonstopmode", "-halt-on-error", "report.tex"], in: latex, executable: "/usr/bin/pdflatex")
                #expect(pass.status == 0, "\(folder): \(pass.standardOutput.suffix(1500))")
            }
            let pdf = try Data(contentsOf: URL(fileURLWithPath: latex + "/report.pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let log = try Self.read(latex + "/report.log")
            #expect(!log.contains("Overfull \\"), "\(folder): nothing sticks out of the text column or off the page (hbox or vbox): \(log.components(separatedBy: "Overfull").dropFirst().prefix(3))")
        }
    }

    /// `language: es` or `--language es`: the page, the exports, the figures and the terminal summary in Spanish.
    @Test func spanishFromTheFileAndTheCommandLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("e.yaml", Self.experiment.replacingOccurrences(of: "sections: [", with: "language: es\nsections: ["))
        let result = try CommandRunner.run(["compare", "e.yaml", "--quiet", "--export", "markdown", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try Self.read(directory.path + "/out/index.html")
        #expect(html.contains("<html lang=\"es\">") && html.contains("<h2>Contenido</h2>") && html.contains("<span class=\"label\">Tabla 1.</span>"))
        #expect(html.contains("Clasificación por") && !html.contains("Ranking by"), "the ranking caption is Spanish")
        #expect(result.standardOutput.contains("puesto") && result.standardOutput.contains("mediana de épocas hasta el objetivo"), "\(result.standardOutput)")
        let markdown = try Self.read(directory.path + "/out/report.md")
        #expect(markdown.contains("**Tabla 1.**") && markdown.contains("Cada número de este informe se regenera con:"))
        let svg = try Self.read(directory.path + "/out/figures/comparison-loss.svg")
        #expect(!svg.isEmpty)
        // The command line overrides the file, and the default report comes in Spanish too.
        let english = try CommandRunner.run(["compare", "e.yaml", "--quiet", "--language", "en", "--output", "en"], in: directory.path)
        let englishPage = try Self.read(directory.path + "/en/index.html")
        #expect(english.status == 0 && englishPage.contains("<h2>Contents</h2>"))
        let printed = try CommandRunner.run(["report", "--print-default", "--language", "es"])
        #expect(printed.standardOutput.contains("language: es") && printed.standardOutput.contains("Activaciones × regularizadores en XOR"))
        let bad = try CommandRunner.run(["report", "--language", "fr", "--quiet", "--output", "x"], in: directory.path)
        #expect(bad.status != 0 && bad.standardError.contains("expected one of en, es, received fr"), "\(bad.standardError)")
        try directory.write("f.yaml", "title: F\nlanguage: fr\nsections: [backprop]\n")
        let file = try CommandRunner.run(["report", "f.yaml", "--quiet", "--output", "x"], in: directory.path)
        #expect(file.standardError == "nnlab: error: f.yaml:2: language: expected one of en, es, received \"fr\"\n", "\(file.standardError)")
    }
}
