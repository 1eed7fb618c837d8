import NNLanguage
import Plot

/// A lab report as plain values: sections of blocks (text, figures, tables, code).
public struct ReportDocument: Sendable {
    public var title: String
    public var author: String?
    /// The one command that regenerates every number in the report.
    public var command: String
    public var sections: [ReportSection]

    public init(title: String, author: String?, command: String, sections: [ReportSection]) {
        self.title = title
        self.author = author
        self.command = command
        self.sections = sections
    }
}

/// One numbered section of the report.
public struct ReportSection: Sendable {
    /// The HTML id (letters, digits and hyphens).
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock] = []) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum ReportBlock: Sendable {
    /// The word that opens a note of `kind` in documents without colours (LaTeX, Markdown), in the report's language.
    static func noteLabel(_ kind: String) -> String {
        kind == "warning" ? tr("Warning") : (kind == "success" ? tr("Passed") : tr("Note"))
    }

    case heading(String)
    case paragraph(String)
    /// A highlighted note; `kind` is "info", "warning" or "success".
    case note(String, kind: String)
    case figure(ReportFigure)
    case table(ReportTable)
    case code(String)
}

/// A figure: its spec and the text that goes with it.
public struct ReportFigure: Sendable {
    /// The file name stem in figures/ (letters, digits, hyphens).
    public var name: String
    public var figure: Figure
    public var caption: String
    /// A description for screen readers and when the image cannot load.
    public var alt: String

    public init(name: String, figure: Figure, caption: String, alt: String) {
        self.name = name
        self.figure = figure
        self.caption = caption
        self.alt = alt
    }
}

/// A table of text cells; a cell's kind ("text", "number", "pass", "fail") styles it.
public struct ReportTable: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var kind: String
        public init(_ text: String, kind: String = "text") {
            self.text = text
            self.kind = kind
        }
        public static func number(_ text: String) -> Cell { Cell(text, kind: "number") }
    }

    public var caption: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(caption: String, header: [String], rows: [[Cell]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}
