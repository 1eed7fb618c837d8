import NNCore

/// Checks user templates before Mustache sees them: a partial that includes itself, directly or
/// through another (`{{> section}}` inside section.mustache), would recurse until the stack
/// overflows, so cycles are refused, naming the template files. Tags that could hide a partial
/// from this check (custom delimiters `{{=<% %>=}}`, dynamic partials `{{>*name}}`) are refused too.
enum TemplatePartials {
    static func check(_ templates: [String: String], origin: String) throws(InputError) {
        var graph: [String: [String]] = [:]
        for (name, text) in templates {
            let file = "\(origin)/\(name).mustache"
            if let line = line(of: "{{=", in: text) {
                throw InputError(file: file, line: line, message: "expected the standard {{ }} delimiters, received a delimiter change ({{=…=}})")
            }
            if let line = line(of: "{{>*", in: text) ?? line(of: "{{> *", in: text) {
                throw InputError(file: file, line: line, message: "expected partials by name ({{> section}}), received a dynamic partial ({{>*…}})")
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

    /// The names of the partials `{{> name}}` in `text`.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
