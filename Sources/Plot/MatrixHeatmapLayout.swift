/// Where a matrix heatmap's cells and names go inside its panel, from measured text.
struct MatrixHeatmapLayout {
    /// The rectangle the cells fill.
    var grid: Rect
    var rowLabels: CategoryLabels
    var columnLabels: CategoryLabels
}

extension MatrixHeatmap {
    /// Row or column names take at most this share of the panel's width or height before they are shortened.
    static let labelShare = 0.3

    /// The layout inside `rect`: room for the title above, column names and label below, row names and
    /// label on the left, and the colorbar on the right; the names fitted to their cells (`CategoryLabels`).
    ///
    /// The names' room depends on the cells' size and the cells' size on the room the names take: the
    /// margins start from level names and grow to what the names fitted to the resulting cells need,
    /// until they hold them (two rounds in practice, at most four).
    func layout(in rect: Rect, renderer r: Renderer, theme: Theme) -> MatrixHeatmapLayout {
        let pad = theme.padding, labelH = r.lineHeight(theme.labelFont), font = theme.tickFont
        var top = pad
        if title != nil { top += r.lineHeight(theme.panelTitleFont) }
        let rowAxis = rowAxisLabel != nil ? labelH + pad / 2 : 0
        let columnAxis = columnAxisLabel != nil ? labelH + 2 : 0
        let rowRoom = Self.labelShare * rect.width, columnRoom = Self.labelShare * rect.height
        let bar = colorbar.map { Colorbar(colors: resolvedColors, style: $0) }
        // The margins' parts, grown round by round.
        var rowExtent = min(rowRoom, rows.map { r.measure($0, font: font).width }.max() ?? 0)
        var columnExtent = r.lineHeight(font)
        var overhang = (left: 0.0, right: 0.0)
        var round = 0
        while true {
            let left = pad + max(rowAxis + rowExtent + 4, overhang.left)
            let bottom = pad + columnExtent + 4 + columnAxis
            let barWidth = bar.map { 2 * pad + $0.width(length: rect.height - top - bottom, renderer: r, theme: theme) } ?? 0
            let grid = rect.inset(top: top, left: left, bottom: bottom, right: pad + max(barWidth, overhang.right))
            let cw = grid.width / Double(columns.count), ch = grid.height / Double(rows.count)
            let rowLabels = CategoryLabels.rows(rows, cell: ch, room: rowRoom, font: font, renderer: r)
            let columnLabels = CategoryLabels.columns(columns, cell: cw, room: columnRoom, font: font, renderer: r)
            let reach = columnLabels.columnOverhang(cell: cw, renderer: r)
            let fits = rowLabels.extent <= rowExtent && columnLabels.extent <= columnExtent
                && reach.left <= overhang.left && reach.right <= overhang.right
            round += 1
            if fits || round == 4 {
                return MatrixHeatmapLayout(grid: grid, rowLabels: rowLabels, columnLabels: columnLabels)
            }
            rowExtent = max(rowExtent, rowLabels.extent)
            columnExtent = max(columnExtent, columnLabels.extent)
            overhang = (max(overhang.left, reach.left), max(overhang.right, reach.right))
        }
    }
}
