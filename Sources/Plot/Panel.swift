/// One cell of a figure's grid.
public enum Panel: Sendable {
    case chart(Chart)

    var title: String? {
        switch self {
        case .chart(let c): c.title
        }
    }

    func validate(_ location: String) throws {
        switch self {
        case .chart(let c): try c.validate(location)
        }
    }
}
