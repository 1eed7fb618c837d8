/// Where a value was written (file, line, field path), kept by typed values read from files so
/// that a mistake found later (a width mismatch, a memory budget) is still reported where it was written.
public struct FieldLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?
    /// The field path, e.g. `comparison.base.model`.
    public var field: String

    public init(file: String, line: Int? = nil, field: String = "") {
        self.file = file
        self.line = line
        self.field = field
    }

    /// An error at this place.
    public func error(_ message: String) -> InputError {
        InputError(file: file, line: line, field: field, message: message)
    }

    /// A member of the value written here (same line: the member's own line is not known).
    public func child(_ key: String) -> FieldLocation {
        FieldLocation(file: file, line: line, field: field.isEmpty ? key : "\(field).\(key)")
    }
}

extension JSONField {
    /// Where this field is written.
    public var location: FieldLocation { FieldLocation(file: file, line: value.line, field: path) }
}
