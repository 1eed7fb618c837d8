import Foundation
import NNFiles

/// How a report is written: the experiment file's `report:` block, overridden by the command line.
///
/// ```yaml
/// report:
///   figures: [png, svg, pdf]     # the files written for each figure (png always)
///   export: [latex, markdown]    # documents beside the page
///   self_contained: true         # every figure inside index.html
/// ```
public struct ReportSettings: Sendable, Equatable {
    /// The vector files beside each figure's PNG (nil: not set here).
    public var figures: [ReportWriter.VectorFormat]?
    public var exports: [ReportWriter.Export]?
    public var selfContained: Bool?

    public init(figures: [ReportWriter.VectorFormat]? = nil, exports: [ReportWriter.Export]? = nil, selfContained: Bool? = nil) {
        self.figures = figures
        self.exports = exports
        self.selfContained = selfContained
    }

    static let fields = ["figures", "export", "self_contained"]

    /// `other`'s settings where it has them, else these.
    public func overridden(by other: ReportSettings) -> ReportSettings {
        ReportSettings(figures: other.figures ?? figures, exports: other.exports ?? exports, selfContained: other.selfContained ?? selfContained)
    }

    /// The settings in effect: png+svg figures, no exports, a page with a figures/ folder; a
    /// self-contained page writes vector files only when they are asked for.
    public var resolved: (figures: [ReportWriter.VectorFormat], exports: [ReportWriter.Export], selfContained: Bool) {
        let alone = selfContained ?? false
        return (figures ?? (alone ? [] : [.svg]), exports ?? [], alone)
    }

    /// The vector formats in a list of figure format names, which must include png (the page shows it).
    /// - Returns: the formats, or why the list is refused (an "expected …, received …" phrase).
    public static func figureFormats(_ names: [String]) -> Result<[ReportWriter.VectorFormat], SettingError> {
        var formats: [ReportWriter.VectorFormat] = []
        for name in names.map({ $0.lowercased() }) where name != "png" {
            guard let format = ReportWriter.VectorFormat(rawValue: name) else {
                return .failure(SettingError("expected png, svg or pdf, received \(name.isEmpty ? "an empty name" : DisplayText.line(name, limit: 40))"))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard names.contains(where: { $0.lowercased() == "png" }) else {
            return .failure(SettingError("expected png in the list (the page shows each figure as a PNG), received \(DisplayText.line(names.joined(separator: ","), limit: 60))"))
        }
        return .success(formats)
    }

    /// The exports in a list of names (latex, markdown).
    public static func exports(_ names: [String]) -> Result<[ReportWriter.Export], SettingError> {
        var exports: [ReportWriter.Export] = []
        for name in names.map({ $0.lowercased() }) {
            guard let export = ReportWriter.Export(rawValue: name) else {
                return .failure(SettingError("expected latex or markdown, received \(name.isEmpty ? "an empty name" : DisplayText.line(name, limit: 40))"))
            }
            if !exports.contains(export) { exports.append(export) }
        }
        return .success(exports)
    }

    public struct SettingError: Error, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// The `report:` block of an experiment file.
    static func read(_ field: JSONField) throws(InputError) -> ReportSettings {
        let object = try field.object(allowing: fields)
        var settings = ReportSettings()
        func names(_ key: String) throws(InputError) -> (JSONField, [String])? {
            guard let list = object.optional(key) else { return nil }
            if case .string(let text) = list.value.kind {
                return (list, text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            var result: [String] = []
            for item in try list.array() { result.append(try item.string()) }
            return (list, result)
        }
        if let (field, list) = try names("figures") {
            switch figureFormats(list) {
            case .success(let formats): settings.figures = formats
            case .failure(let error): throw field.error(error.message)
            }
        }
        if let (field, list) = try names("export") {
            switch exports(list) {
            case .success(let exports): settings.exports = exports
            case .failure(let error): throw field.error(error.message)
            }
        }
        settings.selfContained = try object.optional("self_contained")?.bool()
        return settings
    }
}
