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

    /// One printable line of at most about 300 characters: the file and field are shortened to 80
    /// characters each, the message (which echoes what was received) to what remains.
    public var description: String {
        let shownFile = DisplayText.line(file, limit: 80)
        let location = line.map { "\(shownFile):\($0)" } ?? shownFile
        let prefix = field.isEmpty ? "\(location): " : "\(location): \(DisplayText.line(field, limit: 80)): "
        return prefix + DisplayText.line(message, limit: max(120, 300 - prefix.count))
    }
}
