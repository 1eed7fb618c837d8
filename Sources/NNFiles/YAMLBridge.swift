import CYaml
import Foundation
import Yams

/// Reads YAML into NNLab's `JSONValue`, keeping line numbers, so experiment files are checked by
/// the same typed readers as JSON run files and their errors name file, line and field.
///
/// The document is composed here from libyaml's event stream (Yams's `CYaml`), not by Yams's
/// composer: anchors (`&name`) and aliases (`*name`) are refused as soon as they are seen, before
/// anything is expanded, so a "billion laughs" file costs microseconds, not gigabytes. Duplicate
/// keys name their line and key without echoing the document; nesting and the number of nodes are
/// bounded. Plain scalars are typed (null, bool, int, float, string) by Yams's default resolver.
public enum YAMLBridge {
    /// At most this many nested sequences and mappings.
    static let maximumDepth = 256
    /// At most this many nodes (scalars, sequences, mappings) in one document.
    static let maximumNodes = 5_000_000

    /// Parses `text` from `file`.
    /// - Throws: `InputError` with the line of a YAML syntax error, an anchor or alias, or a duplicate key.
    public static func parse(_ text: String, file: String) throws(InputError) -> JSONValue {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // UTF-8 byte-order mark
        let result: Result<JSONValue, InputError> = bytes.withUnsafeBufferPointer { buffer in
            var composer = EventComposer(file: file)
            return Result { () throws(InputError) -> JSONValue in try composer.document(buffer) }
        }
        return try result.get()
    }

    /// A scalar node (already typed by its tag) as a `JSONValue` at `line`.
    static func convert(_ node: Node, file: String, line: Int) throws(InputError) -> JSONValue {
        guard case .scalar(let scalar) = node else {
            preconditionFailure("only scalars are converted through Yams's resolver")
        }
        let tag = node.tag.description
        if tag.hasSuffix(":null") { return JSONValue(kind: .null, line: line) }
        if tag.hasSuffix(":bool"), let b = node.bool { return JSONValue(kind: .bool(b), line: line) }
        if tag.hasSuffix(":int") || tag.hasSuffix(":float") {
            let literal = scalar.string
            let value: Double
            switch literal.lowercased() {
            case ".nan": value = .nan
            case ".inf", "+.inf": value = .infinity
            case "-.inf": value = -.infinity
            default:
                guard let v = node.float ?? node.int.map(Double.init) ?? Double(literal) else {
                    throw InputError(file: file, line: line, message: "cannot read the number \(literal)")
                }
                value = v
            }
            return JSONValue(kind: .number(value, literal: literal), line: line)
        }
        return JSONValue(kind: .string(scalar.string), line: line)
    }
}

/// Builds one document from libyaml's events.
private struct EventComposer {
    let file: String
    var parser = yaml_parser_t()
    var nodes = 0

    init(file: String) { self.file = file }

    mutating func document(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> JSONValue {
        guard yaml_parser_initialize(&parser) == 1 else { throw InputError(file: file, message: "could not start the YAML reader") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = try next()
        guard event.type == YAML_STREAM_START_EVENT else { throw InputError(file: file, message: "not valid YAML: no stream start") }
        event = try next()
        guard event.type == YAML_DOCUMENT_START_EVENT else {
            throw InputError(file: file, message: "expected a YAML document, received an empty file")
        }
        let root = try node(from: try next(), depth: 0)
        _ = try next()  // the document's end
        let after = try next()
        guard after.type == YAML_STREAM_END_EVENT else {
            throw InputError(file: file, line: after.line, message: "expected one YAML document, received a second one (---)")
        }
        return root
    }

    /// The next event, or the parser's error with its line.
    mutating func next() throws(InputError) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(&parser, &raw) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            var context = ""
            if let c = parser.context { context = " " + String(cString: c) }
            throw InputError(file: file, line: Int(parser.problem_mark.line) + 1, message: "not valid YAML: \(problem)\(context)")
        }
        return Event(raw)
    }

    mutating func node(from event: Event, depth: Int) throws(InputError) -> JSONValue {
        nodes += 1
        guard nodes <= YAMLBridge.maximumNodes else {
            throw InputError(file: file, line: event.line, message: "expected at most \(YAMLBridge.maximumNodes) values in one file, received more")
        }
        if let anchor = event.anchor {
            throw InputError(file: file, line: event.line, message: "expected plain YAML, received an anchor (&\(anchor)); write the values out")
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            throw InputError(file: file, line: event.line, message: "expected plain YAML, received an alias (*\(event.aliasName)); write the values out")
        case YAML_SCALAR_EVENT:
            return try scalar(event)
        case YAML_SEQUENCE_START_EVENT:
            guard depth < YAMLBridge.maximumDepth else { throw tooDeep(event) }
            var items: [JSONValue] = []
            while true {
                let item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try node(from: item, depth: depth + 1))
            }
            return JSONValue(kind: .array(items), line: event.line)
        case YAML_MAPPING_START_EVENT:
            guard depth < YAMLBridge.maximumDepth else { throw tooDeep(event) }
            var members: [JSONValue.Member] = []
            var keys = Set<String>()
            while true {
                let keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(from: keyEvent, depth: depth + 1)
                guard case .string(let name) = key.kind, keyEvent.type == YAML_SCALAR_EVENT else {
                    throw InputError(file: file, line: keyEvent.line, message: "expected text keys, received \(key.summary) as a key")
                }
                guard keys.insert(name).inserted else {
                    throw InputError(file: file, line: keyEvent.line, field: name, message: "appears twice in one mapping; keep one")
                }
                members.append(JSONValue.Member(key: name, value: try node(from: try next(), depth: depth + 1)))
            }
            return JSONValue(kind: .object(members), line: event.line)
        default:
            throw InputError(file: file, line: event.line, message: "not valid YAML: unexpected event")
        }
    }

    func tooDeep(_ event: Event) -> InputError {
        InputError(file: file, line: event.line, message: "expected at most \(YAMLBridge.maximumDepth) nested levels, received more")
    }

    /// A scalar typed as Yams types it: quoted scalars are strings, plain ones are resolved
    /// (null, bool, int, float, string), explicit tags (`!!str 1`) are kept.
    func scalar(_ event: Event) throws(InputError) -> JSONValue {
        let style = Node.Scalar.Style(rawValue: numericCast(event.raw.data.scalar.style.rawValue)) ?? .any
        let tagName: Tag.Name
        if event.raw.data.scalar.quoted_implicit == 1 {
            tagName = .str
        } else if let explicit = event.raw.data.scalar.tag {
            tagName = Tag.Name(rawValue: String(cString: explicit))
        } else {
            tagName = .implicit
        }
        let value = event.scalarValue
        let node = Node.scalar(Node.Scalar(value, Tag(tagName), style))
        return try YAMLBridge.convert(node, file: file, line: event.line)
    }
}

/// One libyaml event, freed when it goes out of scope.
private final class Event {
    var raw: yaml_event_t

    init(_ raw: yaml_event_t) { self.raw = raw }
    deinit { yaml_event_delete(&raw) }

    var type: yaml_event_type_t { raw.type }
    /// 1-based line of the event's start.
    var line: Int { Int(raw.start_mark.line) + 1 }

    var anchor: String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch raw.type {
        case YAML_SCALAR_EVENT: pointer = raw.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: pointer = raw.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: pointer = raw.data.mapping_start.anchor
        default: pointer = nil
        }
        return pointer.map { String(cString: $0) }
    }

    var aliasName: String { raw.data.alias.anchor.map { String(cString: $0) } ?? "" }

    /// The scalar's text (libyaml gives UTF-8; a NUL inside is kept).
    var scalarValue: String {
        guard let start = raw.data.scalar.value else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: raw.data.scalar.length), as: UTF8.self)
    }
}
