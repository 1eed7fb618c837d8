import Foundation
import NNCore
import Yams

/// Reads YAML (via Yams) into NNLab's `JSONValue`, keeping line numbers, so experiment files are
/// checked by the same typed readers as JSON run files and their errors name file, line and field.
public enum YAMLBridge {
    /// Parses `text` from `file`.
    /// - Throws: `InputError` with the line of a YAML syntax error.
    public static func parse(_ text: String, file: String) throws(InputError) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(file: file, line: line(of: error), message: "not valid YAML: \(problem(of: error))")
        } catch {
            throw InputError(file: file, message: "not valid YAML: \(error)")
        }
        guard let node else { throw InputError(file: file, message: "expected a YAML document, received an empty file") }
        return try convert(node, file: file)
    }

    static func convert(_ node: Node, file: String) throws(InputError) -> JSONValue {
        let line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
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
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try convert(item, file: file)) }
            return JSONValue(kind: .array(items), line: line)
        case .mapping(let mapping):
            var members: [JSONValue.Member] = []
            var keys = Set<String>()
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw InputError(file: file, line: key.mark?.line, message: "expected text keys, received a \(key.tag.description) key")
                }
                guard keys.insert(name).inserted else {
                    throw InputError(file: file, line: key.mark?.line, field: name, message: "appears twice in one mapping")
                }
                members.append(JSONValue.Member(key: name, value: try convert(value, file: file)))
            }
            return JSONValue(kind: .object(members), line: line)
        case .alias:
            throw InputError(file: file, line: line, message: "expected plain YAML, received an alias (*name)")
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        default: String(describing: error).replacingOccurrences(of: "\n", with: " ")
        }
    }
}
