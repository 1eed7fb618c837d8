/// One cell of a figure's grid.
public enum Panel: Sendable {
    /// Lines, bands, scatter, heatmaps with contours, bars — anything on x–y axes.
    case chart(Chart)
    /// Confusion matrix or a statistic over two categorical axes.
    case matrix(MatrixHeatmap)
    case images(ImageGrid)
    case network(NetworkDiagram)

    var title: String? {
        switch self {
        case .chart(let c): c.title
        case .matrix(let m): m.title
        case .images(let g): g.title
        case .network(let n): n.title
        }
    }

    func validate(_ location: String) throws(PlotError) {
        switch self {
        case .chart(let c): try c.validate(location)
        case .matrix(let m): try m.validate(location)
        case .images(let g): try g.validate(location)
        case .network(let n): try n.validate(location)
        }
    }
}
