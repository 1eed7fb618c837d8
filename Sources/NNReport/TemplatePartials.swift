import NNCore
import NNFiles

/// Checks user templates before Mustache sees them: a partial that includes itself, directly or
/// through another (`{{> section}}` inside section.mustache), would recurse until the stack
/// overflows, so cycles are refused, naming the template files; so is section nesting deeper than
/// the parser's recursion can take. Tags that could hide a partial
/// from this check (custom delimiters `{{=<% %>=}}`, dynamic partials `{{>*name}}`) are refused too.
enum TemplatePartials {
    static func check(_ templates: [String: String], origin: String) throws(InputError) {
        var graph: [String: [String]] = [:]
        for (name, text) in templates {
            let file = "\(origin)/\(name).mustache"
            if let line = line(of: "{{=", in: text) {
                throw InputError(file: file, line: line, message: "expected the standard {{ }} delimiters, received a delimiter change ({{=…=}})")
            }
            if let line = line(of: "{{>*", in: text) ?? line(of: "{{> *", in: text) ?? line(of: "{{<*", in: text) {
                throw InputError(file: file, line: line, message: "expected partials by name ({{> section}}), received a dynamic partial ({{>*…}})")
            }
            if let line = deepestNesting(in: text, limit: maximumNesting) {
                throw InputError(file: file, line: line, message: "expected sections nested at most \(maximumNesting) deep, received deeper nesting")
            }
            graph[name] = partials(in: text)
        }
        // Depth-first search for a cycle among the registered templates.
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        func visit(_ name: String, path: [String]) throws(InputError) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = (path.drop { $0 != name } + [name]).joined(separator: " → ")
                throw InputError(file: "\(origin)/\(path.last ?? name).mustache",
                                 message: "expected partials that end, received one that includes itself (\(cycle))")
            }
            state[name] = 1
            for next in graph[name] ?? [] where graph[next] != nil { try visit(next, path: path + [name]) }
            state[name] = 2
        }
        for name in graph.keys.sorted() { try visit(name, path: []) }
    }

    /// Mustache's parser and renderer recurse once per nested section: deeper templates overflow the stack.
    static let maximumNesting = 100

    /// The names of the partials `{{> name}}` and parents `{{< name}}` in `text`.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        for tag in tags(in: text) where tag.hasPrefix(">") || tag.hasPrefix("<") {
            names.append(tag.dropFirst().trimmingCharacters(in: .whitespaces))
        }
        return names
    }

    /// The line where section nesting (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}` opened, `{{/…}}` closed) first exceeds `limit`.
    static func deepestNesting(in text: String, limit: Int) -> Int? {
        var depth = 0
        var line = 1
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            rest = rest[open.upperBound...]
            guard let first = rest.first else { break }
            if "#^$<".contains(first) { depth += 1 } else if first == "/" { depth -= 1 }
            if depth > limit { return line }
        }
        return nil
    }

    /// The contents of every `{{…}}` tag.
    static func tags(in text: String) -> [Substring] {
        var result: [Substring] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            result.append(rest[..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return result
    }

    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
