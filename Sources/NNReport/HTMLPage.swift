import Foundation
import Mustache
import NNCore
import ReportTemplates
import NNFiles
import NNLanguage

/// Renders a `ReportDocument` to one HTML page through the Mustache templates.
///
/// swift-mustache escapes every `{{value}}`, so user text (titles, names, labels) can never
/// become markup; only the stylesheet is inserted raw.
public struct HTMLPage {
    let library: MustacheLibrary
    let style: String

    /// The embedded templates.
    public init() throws {
        try self.init(report: ReportTemplates.report, section: ReportTemplates.section, style: ReportTemplates.style, origin: "embedded templates")
    }

    /// The templates in `directory` (`report.mustache`, `section.mustache`, `style.css`).
    public init(directory: String) throws(InputError) {
        var texts: [String] = []
        for name in ReportTemplates.fileNames {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            texts.append(String(decoding: try TextFile.read(path), as: UTF8.self))
        }
        do {
            try self.init(report: texts[0], section: texts[1], style: texts[2], origin: directory)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: directory, message: "expected valid Mustache templates, received: \(error)")
        }
    }

    init(report: String, section: String, style: String, origin: String) throws {
        try TemplatePartials.check(["report": report, "section": section], origin: origin)
        var library = MustacheLibrary()
        for (name, text) in [("report", report), ("section", section)] {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Name the template file and line; the underlying case reads as words ("sectionCloseNameIncorrect").
                throw InputError(file: "\(origin)/\(name).mustache", line: error.context.lineNumber,
                                 message: "expected a valid Mustache template, received an error at column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw InputError(file: "\(origin)/\(name).mustache", message: "expected a valid Mustache template, received: \(error)")
            }
        }
        self.library = library
        self.style = style
    }

    /// The page for `document`; figures are referenced by `figureSources` (file paths or data URIs)
    /// and linked to `figureLinks` (the SVG beside each PNG, or the image itself); table N links to
    /// `tableLinks[N - 1]` (its CSV file) when given.
    public func render(_ document: ReportDocument, figureSources: [String: String], figureLinks: [String: String],
                       tableLinks: [String] = [], date: String) -> String {
        var figureNumber = 0
        var tableNumber = 0
        // Headings that slug alike ("A!" and "A?") get -2, -3, … so every id on the page is distinct.
        var usedIDs = Set(document.sections.map(\.id))
        func uniqueID(_ base: String) -> String {
            var id = base
            var n = 1
            while !usedIDs.insert(id).inserted { n += 1; id = "\(base)-\(n)" }
            return id
        }
        let sections: [[String: Any]] = document.sections.enumerated().map { index, section in
            let blocks: [[String: Any]] = section.blocks.map { block in
                switch block {
                case .heading(let text):
                    return ["heading": ["text": text, "id": uniqueID(section.id + "-" + HTMLPage.slug(text))]]
                case .paragraph(let text):
                    return ["paragraph": ["text": text]]
                case .note(let text, let kind):
                    return ["note": ["text": text, "kind": kind]]
                case .code(let text):
                    return ["code": ["text": text]]
                case .figure(let f):
                    figureNumber += 1
                    return ["figure": [
                        "id": "figure-" + f.name, "number": figureNumber, "caption": f.caption, "alt": f.alt,
                        "src": figureSources[f.name] ?? "", "link": figureLinks[f.name] ?? figureSources[f.name] ?? "",
                        "width": Int(f.figure.width), "height": Int(f.figure.height),
                    ] as [String: Any]]
                case .table(let t):
                    tableNumber += 1
                    var table: [String: Any] = [
                        "number": tableNumber, "caption": t.caption, "header": t.header,
                        "rows": t.rows.map { ["cells": $0.map { ["text": $0.text, "kind": $0.kind] }] },
                    ]
                    if tableNumber <= tableLinks.count { table["csv"] = tableLinks[tableNumber - 1] }
                    return ["table": table]
                }
            }
            return ["id": section.id, "number": index + 1, "title": section.title, "blocks": blocks]
        }
        var context: [String: Any] = [
            "title": document.title, "command": document.command, "version": NNLabInfo.version,
            "date": date, "style": style, "sections": sections, "words": HTMLPage.words,
        ]
        if let author = document.author { context["author"] = author }
        return library.render(context, withTemplate: "report") ?? ""
    }

    /// The page's own words, in the report's language (templates reach them as `{{words.contents}}` …).
    static var words: [String: String] {
        [
            "lang": Language.current.rawValue, "regenerate": tr("regenerate with"), "contents": tr("Contents"),
            "figure": tr("Figure"), "table": tr("Table"),
            "footer": tr("Every number and figure on this page comes from"), "deterministic": tr("(seeded, deterministic)."),
            "results": tr("Machine-readable results:"),
        ]
    }

    /// Lower-case letters, digits and hyphens: safe as an HTML id and as a file name.
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") && !out.isEmpty {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "item" : String(out.prefix(60))
    }
}

/// NNLab's version, for reports and the CLI.
public enum NNLabInfo {
    public static let version = "0.4.0"
}
