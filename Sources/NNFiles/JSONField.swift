/// A JSON value together with where it sits (file and field path), with typed readers whose
/// errors say what was expected and what was received.
public struct JSONField: Sendable {
    public let value: JSONValue
    /// The file's path as the user gave it.
    public let file: String
    /// The field path, e.g. `layers[1].units`.
    public let path: String

    public init(_ value: JSONValue, file: String, path: String = "") {
        self.value = value
        self.file = file
        self.path = path
    }

    /// An error at this field.
    public func error(_ message: String) -> InputError {
        InputError(file: file, line: value.line, field: path, message: message)
    }

    func child(_ key: String, _ value: JSONValue) -> JSONField {
        JSONField(value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    // MARK: Objects

    /// The members of an object, after checking that every key is one of `allowed`.
    public func object(allowing allowed: [String]) throws(InputError) -> JSONObject {
        guard case .object(let members) = value.kind else { throw error("expected an object, received \(value.summary)") }
        for member in members where !allowed.contains(member.key) {
            throw child(member.key, member.value).error("unknown field; expected one of \(allowed.joined(separator: ", "))")
        }
        return JSONObject(field: self, members: members)
    }

    /// The members of an object, whatever its keys (for files that grow new fields, like runs.json).
    public func anyObject() throws(InputError) -> JSONObject {
        guard case .object(let members) = value.kind else { throw error("expected an object, received \(value.summary)") }
        return JSONObject(field: self, members: members)
    }

    // MARK: Scalars

    /// A finite number.
    public func number() throws(InputError) -> Double {
        guard case .number(let x, let literal) = value.kind else { throw error("expected a number, received \(value.summary)") }
        guard x.isFinite else { throw error("expected a finite number, received \(literal)") }
        return x
    }

    /// A finite number in `range`, described as `what` ("a number in [0, 1)").
    public func number(in range: NumberRange) throws(InputError) -> Double {
        let x = try number()
        guard range.contains(x) else { throw error("expected \(range.description), received \(value.summary)") }
        return x
    }

    /// A whole number in `range`.
    public func integer(in range: ClosedRange<Int>) throws(InputError) -> Int {
        let expectation = range.upperBound == Int.max ? "an integer ≥ \(range.lowerBound)" : "an integer in \(range.lowerBound)...\(range.upperBound)"
        guard case .number(let x, _) = value.kind else { throw error("expected \(expectation), received \(value.summary)") }
        guard x.isFinite, x == x.rounded(), abs(x) < 9.0e15, range.contains(Int(x)) else {
            throw error("expected \(expectation), received \(value.summary)")
        }
        return Int(x)
    }

    /// A path to an existing regular file, resolved against the folder of `base` (the file that
    /// names it). A missing or special file is reported at this field (file, line, field), so the
    /// user sees where the path was written, not only the resolved path.
    public func filePath(relativeTo base: String) throws(InputError) -> String {
        let relative = try string()
        guard !relative.isEmpty else { throw error("expected a file path, received an empty string") }
        let path = TextFile.resolve(relative, relativeTo: base)
        let shown = path == relative ? "\"\(relative)\"" : "\"\(relative)\" (\(path))"
        switch PathStatus.following(path) {
        case .regularFile: return path
        case .missing: throw error("expected a file, received \(shown), which does not exist")
        case let other: throw error("expected a regular file, received \(shown), which is \(other.description)")
        }
    }

    public func bool() throws(InputError) -> Bool {
        guard case .bool(let b) = value.kind else { throw error("expected true or false, received \(value.summary)") }
        return b
    }

    public func string() throws(InputError) -> String {
        guard case .string(let s) = value.kind else { throw error("expected a string, received \(value.summary)") }
        return s
    }

    /// One of `choices`.
    public func string(oneOf choices: [String]) throws(InputError) -> String {
        let s = try string()
        guard choices.contains(s) else { throw error("expected one of \(choices.joined(separator: ", ")), received \(value.summary)") }
        return s
    }

    // MARK: Arrays

    /// The elements of an array.
    public func array() throws(InputError) -> [JSONField] {
        guard case .array(let items) = value.kind else { throw error("expected an array, received \(value.summary)") }
        return items.enumerated().map { i, item in JSONField(item, file: file, path: "\(path)[\(i)]") }
    }

    /// An array of finite numbers.
    public func vector() throws(InputError) -> [Double] {
        guard case .array(let items) = value.kind else { throw error("expected an array of numbers, received \(value.summary)") }
        var result: [Double] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .number(let x, let literal) = item.kind else {
                throw JSONField(item, file: file, path: "\(path)[\(i)]").error("expected a number, received \(item.summary)")
            }
            guard x.isFinite else { throw JSONField(item, file: file, path: "\(path)[\(i)]").error("expected a finite number, received \(literal)") }
            result.append(x)
        }
        return result
    }
}

/// An object's members, read by key.
public struct JSONObject: Sendable {
    public let field: JSONField
    let members: [JSONValue.Member]

    /// The keys, in the order written.
    public var keys: [String] { members.map(\.key) }

    /// The member `key`, if present (`null` counts as absent).
    public func optional(_ key: String) -> JSONField? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value.kind { return nil }
        return field.child(key, member.value)
    }

    /// The member `key`.
    /// - Throws: `InputError` naming the missing field.
    public func required(_ key: String, _ expectation: String) throws(InputError) -> JSONField {
        guard let found = optional(key) else {
            throw InputError(file: field.file, line: field.value.line, field: field.path.isEmpty ? key : "\(field.path).\(key)",
                             message: "missing; expected \(expectation)")
        }
        return found
    }

    public func has(_ key: String) -> Bool { optional(key) != nil }
}

/// A range of allowed numbers, with its description for error messages.
public struct NumberRange: Sendable {
    public var lower: Double
    public var upper: Double
    public var lowerInclusive: Bool
    public var upperInclusive: Bool

    public init(lower: Double, upper: Double, lowerInclusive: Bool, upperInclusive: Bool) {
        self.lower = lower
        self.upper = upper
        self.lowerInclusive = lowerInclusive
        self.upperInclusive = upperInclusive
    }

    public static let positive = NumberRange(lower: 0, upper: .infinity, lowerInclusive: false, upperInclusive: false)
    public static let nonNegative = NumberRange(lower: 0, upper: .infinity, lowerInclusive: true, upperInclusive: false)
    /// [0, 1)
    public static let unitHalfOpen = NumberRange(lower: 0, upper: 1, lowerInclusive: true, upperInclusive: false)
    /// [0, 1]
    public static let unitClosed = NumberRange(lower: 0, upper: 1, lowerInclusive: true, upperInclusive: true)
    public static let any = NumberRange(lower: -.infinity, upper: .infinity, lowerInclusive: false, upperInclusive: false)

    public func contains(_ x: Double) -> Bool {
        (lowerInclusive ? x >= lower : x > lower) && (upperInclusive ? x <= upper : x < upper)
    }

    public var description: String {
        if upper == .infinity && lower == -.infinity { return "a finite number" }
        if upper == .infinity { return lowerInclusive ? "a number ≥ \(DisplayText.number(lower))" : "a number > \(DisplayText.number(lower))" }
        return "a number in \(lowerInclusive ? "[" : "(")\(DisplayText.number(lower)), \(DisplayText.number(upper))\(upperInclusive ? "]" : ")")"
    }
}
