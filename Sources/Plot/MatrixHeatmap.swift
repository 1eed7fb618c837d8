import Foundation

/// How matrix cells are annotated.
public enum CellAnnotation: Sendable, Equatable {
    case none
    /// Rounded to integers (counts).
    case integer
    /// With this many decimals.
    case decimals(Int)
}

/// A table-like heatmap of `values[row][column]` with row and column names, drawn as one image with
/// the values written in the cells (confusion matrices, a statistic over two hyper-parameters).
public struct MatrixHeatmap: Sendable {
    public var title: String?
    public var rows: [String]
    public var columns: [String]
    public var values: [[Double]]
    public var rowAxisLabel: String?
    public var columnAxisLabel: String?
    /// `nil` maps the finite range onto viridis.
    public var colors: ColorScale?
    public var annotation: CellAnnotation
    public var colorbar: ColorbarStyle?

    public init(title: String? = nil, rows: [String], columns: [String], values: [[Double]], rowAxisLabel: String? = nil,
                columnAxisLabel: String? = nil, colors: ColorScale? = nil, annotation: CellAnnotation = .decimals(2),
                colorbar: ColorbarStyle? = ColorbarStyle()) {
        self.title = title; self.rows = rows; self.columns = columns; self.values = values
        self.rowAxisLabel = rowAxisLabel; self.columnAxisLabel = columnAxisLabel; self.colors = colors
        self.annotation = annotation; self.colorbar = colorbar
    }

    /// A confusion matrix: `counts[true][predicted]`, blues from zero, counts written in the cells.
    /// `axisLabels` name the rows' and the columns' classes (in the report's language).
    public static func confusion(title: String? = "Confusion matrix", counts: [[Int]], classes: [String],
                                 axisLabels: (rows: String, columns: String) = ("true class", "predicted class")) -> MatrixHeatmap {
        let values = counts.map { $0.map(Double.init) }
        let hi = max(1, values.flatMap { $0 }.max() ?? 1)
        return MatrixHeatmap(title: title, rows: classes, columns: classes, values: values, rowAxisLabel: axisLabels.rows,
                             columnAxisLabel: axisLabels.columns, colors: ColorScale(.blues, lower: 0, upper: hi),
                             annotation: .integer, colorbar: nil)
    }

    var resolvedColors: ColorScale {
        if let colors { return colors }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return ColorScale(.viridis, lower: finite.min() ?? 0, upper: finite.max() ?? 1)
    }

    func validate(_ location: String) throws(PlotError) {
        guard !rows.isEmpty, !columns.isEmpty else { throw PlotError.empty(what: rows.isEmpty ? "rows" : "columns", location: location) }
        guard values.count == rows.count else {
            throw PlotError.lengthMismatch(what: "values (rows)", expected: rows.count, received: values.count, location: location)
        }
        for (i, row) in values.enumerated() where row.count != columns.count {
            throw PlotError.lengthMismatch(what: "values row \(i)", expected: columns.count, received: row.count, location: location)
        }
    }

    func label(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        switch annotation {
        case .none: return ""
        case .integer: return Ticks.minus(String(Int(v.rounded())))
        case .decimals(let d): return Ticks.minus(String(format: "%.\(d)f", v))
        }
    }

    /// Draws title, column labels below, row labels left, the cells as one image, annotations and colorbar.
    func draw(in rect: Rect, renderer r: Renderer, theme: Theme) {
        let pad = theme.padding
        if let title {
            r.draw(text: title, at: Point(rect.midX, rect.minY + pad / 2), style: theme.text(theme.panelTitleFont, .topCenter))
        }
        let colors = resolvedColors
        let bar = colorbar.map { Colorbar(colors: colors, style: $0) }
        let layout = layout(in: rect, renderer: r, theme: theme)
        let grid = layout.grid
        let cw = grid.width / Double(columns.count), ch = grid.height / Double(rows.count)

        r.draw(image: Raster.colormapped(values.flatMap { $0 }, columns: columns.count, rows: rows.count, scale: colors),
               in: grid, smoothing: .nearest)
        r.stroke(.rect(grid), style: StrokeStyle(color: theme.axisColor, width: theme.axisWidth, join: .miter))
        if annotation != .none {
            let size = min(theme.annotationFont.size, ch * 0.5)
            let font = Font(size: size, weight: theme.annotationFont.weight)
            for (i, row) in values.enumerated() {
                for (j, v) in row.enumerated() {
                    let text = label(v)
                    guard r.measure(text, font: font).width < cw - 2 else { continue }
                    let fill = v.isFinite ? colors.color(v) : theme.background
                    let ink = fill.luminance < 0.5 ? Color.white : theme.textColor
                    r.draw(text: text, at: Point(grid.minX + (Double(j) + 0.5) * cw, grid.minY + (Double(i) + 0.5) * ch),
                           style: TextStyle(font: font, color: ink, anchor: .center))
                }
            }
        }
        let rowStyle = TextStyle(font: layout.rowLabels.font, color: theme.textColor, anchor: .trailingMiddle)
        for (i, name) in layout.rowLabels.labels.enumerated() {
            r.draw(text: name, at: Point(grid.minX - 4, grid.minY + (Double(i) + 0.5) * ch), style: rowStyle)
        }
        for (j, name) in layout.columnLabels.labels.enumerated() {
            let place = layout.columnLabels.columnPlacement(j, x0: grid.minX, cell: cw, top: grid.maxY + 4, renderer: r, color: theme.textColor)
            r.draw(text: name, at: place.point, style: place.style)
        }
        if let label = columnAxisLabel {
            r.draw(text: label, at: Point(grid.midX, grid.maxY + 4 + layout.columnLabels.extent + 2), style: theme.text(theme.labelFont, .topCenter))
        }
        if let label = rowAxisLabel {
            r.draw(text: label, at: Point(rect.minX + pad, grid.midY), style: theme.text(theme.labelFont, .topCenter, rotation: 90))
        }
        if let bar { bar.draw(in: Rect(x: grid.maxX + 2 * pad, y: grid.minY, width: Colorbar.barWidth, height: grid.height), renderer: r, theme: theme) }
    }
}
