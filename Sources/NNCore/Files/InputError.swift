/// A mistake in a user's file or argument: where it is (file, line, field) and what was
/// expected versus received. Its description is the one line the CLI prints.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as the user gave it (or a label such as "<run>.model" for inline objects).
    public var file: String
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// The field's path, e.g. `layers[1].units`; empty for the whole file.
    public var field: String
    /// "expected …, received …".
    public var message: String

    public init(file: String, line: Int? = nil, field: String = "", message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
