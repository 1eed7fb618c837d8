/// One layer of a `Network`.
public enum Layer: Sendable, Hashable {
    /// A fully connected layer with its activation.
    case dense(Dense)
    /// Output = [X, S]: the network's input columns first, then the previous layer's output S.
    /// Backward passes on only the part that belongs to S (the course's `ConcatInput`).
    case concatInput

    /// The name in model files.
    public var typeName: String {
        switch self {
        case .dense: "dense"
        case .concatInput: "concat_input"
        }
    }

    /// The dense layer, if this is one.
    public var dense: Dense? {
        if case .dense(let d) = self { return d }
        return nil
    }
}
