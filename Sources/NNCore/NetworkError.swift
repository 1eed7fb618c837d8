/// A network that cannot be built as asked: shapes that do not fit, or a missing layer.
public enum NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Layer `layer` (0-based) expected `expected` inputs but the weights have `received` rows.
    case inputWidthMismatch(layer: Int, expected: Int, received: Int)
    /// Data with the wrong number of columns for the network's input or output.
    case dataWidthMismatch(what: String, expected: Int, received: Int)
    /// Row counts of inputs and targets that differ.
    case rowCountMismatch(inputs: Int, targets: Int)
    /// A network without any dense layer, or empty data.
    case empty(String)
    /// Layer `layer` (0-based) cannot follow what comes before it (the reason says why).
    case misplacedLayer(layer: Int, String)

    public var description: String {
        switch self {
        case let .inputWidthMismatch(layer, _, _), let .misplacedLayer(layer, _): "layers[\(layer)]: " + reason
        default: reason
        }
    }

    /// The description without the layer's place (for errors that name the place themselves).
    public var reason: String {
        switch self {
        case let .inputWidthMismatch(_, expected, received):
            "expected weights with \(expected) rows (the width of what comes in), received \(received)"
        case let .dataWidthMismatch(what, expected, received):
            "\(what): expected \(expected) columns, received \(received)"
        case let .rowCountMismatch(inputs, targets):
            "x and y: expected the same number of rows, received \(inputs) and \(targets)"
        case let .empty(what):
            what
        case let .misplacedLayer(_, reason):
            reason
        }
    }
}
