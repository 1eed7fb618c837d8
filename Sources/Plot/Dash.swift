/// Dash patterns in units of the line width.
public enum Dash: Sendable, Equatable {
    case solid, dashed, dotted, dashDot
    func pattern(width: Double) -> [Double] {
        let w = max(1, width)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [1 * w, 1.65 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
        }
    }
}
