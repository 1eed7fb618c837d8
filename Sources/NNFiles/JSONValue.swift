/// A parsed JSON value that remembers the line it started on, so errors can point at it.
public struct JSONValue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The value and the literal as written (for error messages).
        case number(Double, literal: String)
        case string(String)
        case array([JSONValue])
        /// Members in file order (duplicate keys are rejected by the parser).
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    /// 1-based line where the value starts.
    public var line: Int

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// A short rendering of the value for "received …" in error messages.
    public var summary: String {
        switch kind {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(_, let literal): literal
        case .string(let s): s.count > 40 ? "\"\(s.prefix(37))...\"" : "\"\(s)\""
        case .array(let items): "an array of \(items.count)"
        case .object: "an object"
        }
    }

    /// The value written out compactly, strings unquoted, for labels: `[price, 0]`, `01`, `{l2: 0.01}`.
    public var compactText: String {
        switch kind {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(_, let literal): literal
        case .string(let s): s
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\($0.key): \($0.value.compactText)" }.joined(separator: ", ") + "}"
        }
    }
}
