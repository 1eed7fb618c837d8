// The report's templates, embedded in the binary (a copied `nnlab` needs no files beside it).
// Edit the .mustache and .css files in this folder; `nnlab report --templates DIR` uses a folder
// with the same three files instead.

/// The embedded report templates and stylesheet.
public enum ReportTemplates {
    /// The page: head, title block, table of contents, sections, footer.
    public static var report: String { String(decoding: PackageResources.report_mustache, as: UTF8.self) }
    /// One section: paragraphs, notes, figures, tables and code blocks.
    public static var section: String { String(decoding: PackageResources.section_mustache, as: UTF8.self) }
    /// The stylesheet, inlined into the page (no external files, fonts or scripts).
    public static var style: String { String(decoding: PackageResources.style_css, as: UTF8.self) }

    /// The file names `--templates DIR` must hold.
    public static let fileNames = ["report.mustache", "section.mustache", "style.css"]
}
