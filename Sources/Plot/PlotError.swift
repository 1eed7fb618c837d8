/// A user mistake in a figure's data or options, or a failure to write it; the description says
/// what was expected, what was received and where.
public enum PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A series or data set has no values.
    case empty(what: String, location: String)
    /// Two arrays that must match in length do not.
    case lengthMismatch(what: String, expected: Int, received: Int, location: String)
    /// A value that a log axis cannot show (≤ 0).
    case nonPositiveOnLogAxis(axis: String, value: Double, index: Int, location: String)
    /// An option outside its valid range.
    case invalidValue(what: String, expected: String, received: String, location: String)
    /// Width or height not positive and finite.
    case invalidFigureSize(width: Double, height: Double)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)
    /// A cairo call reported a non-success status.
    case backend(operation: String, status: String)

    public var description: String {
        switch self {
        case let .empty(what, location):
            "\(location): \(what) is empty; expected at least one value"
        case let .lengthMismatch(what, expected, received, location):
            "\(location): \(what) has \(received) values; expected \(expected)"
        case let .nonPositiveOnLogAxis(axis, value, index, location):
            "\(location): value \(value) at index \(index) cannot be shown on the log \(axis) axis; expected values > 0"
        case let .invalidValue(what, expected, received, location):
            "\(location): \(what) is \(received); expected \(expected)"
        case let .invalidFigureSize(width, height):
            "figure size is \(width)×\(height); expected a positive, finite width and height"
        case let .cannotWrite(path, reason):
            "cannot write '\(path)': \(reason)"
        case let .backend(operation, status):
            "cairo \(operation) failed: \(status)"
        }
    }
}
