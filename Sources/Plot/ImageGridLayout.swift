/// Where an image grid's images, captions and colorbar go inside its panel, from measured text.
struct ImageGridLayout {
    struct Tile {
        var image: Rect
        /// The caption's lines (none without a caption), each no wider than `ImageGridLayout.captionWidth`.
        var caption: [String]
        var captionFont: Font
    }

    var tiles: [Tile]
    var columns: Int
    /// The widest a caption line may be: its image's width (so neighbouring captions keep the images' gap).
    var captionWidth: Double
    var captionLineHeight: Double
    var colorbar: Rect?
}

extension ImageGrid {
    /// The layout inside `rect`: the title on top, the colorbar on the right, and the images as large
    /// as their columns and caption lines allow, centred.
    ///
    /// Captions wrap at spaces onto as many lines as the widest needs (at most `captionLines`, then
    /// they shrink and shorten with "…"); more caption lines make the images smaller, so the wrap is
    /// redone at the new width until no caption needs more lines than the room left for them.
    func layout(in rect: Rect, renderer r: Renderer, theme: Theme) -> ImageGridLayout {
        let pad = theme.padding
        var area = rect.inset(top: pad, left: pad, bottom: pad, right: pad)
        if title != nil { area = area.inset(top: r.lineHeight(theme.panelTitleFont) + pad / 2) }
        let bar = shownColorbar(shared: scale(for: images.flatMap(\.values)))
        let barWidth = bar.map { $0.width(length: area.height, renderer: r, theme: theme) + 2 * pad } ?? 0
        area = area.inset(right: barWidth)
        let n = images.count
        let aspect = Double(images[0].width) / Double(images[0].height)
        let font = theme.annotationFont
        let lineHeight = r.lineHeight(font)
        var lines = images.contains { $0.caption != nil } ? 1 : 0
        while true {
            let captionH = lines > 0 ? Double(lines) * lineHeight + 2 : 0
            // Columns: as given, or the count that makes the largest cells.
            let cols = columns ?? (1...n).max(by: { cellSize($0, n, area, aspect, captionH) < cellSize($1, n, area, aspect, captionH) }) ?? 1
            let cell = cellSize(cols, n, area, aspect, captionH)
            let gap = cell * 0.08
            let captionWidth = cell * aspect
            let captions = images.map { im in im.caption.map { r.wrapped($0, font: font, width: captionWidth, maxLines: captionLines) } }
            let needed = captions.map { $0?.lines.count ?? 0 }.max() ?? 0
            if needed > lines && lines < captionLines {
                lines = min(needed, captionLines)
                continue
            }
            let rowsCount = (n + cols - 1) / cols
            let totalW = Double(cols) * (cell * aspect + gap) - gap, totalH = Double(rowsCount) * (cell + captionH + gap) - gap
            let x0 = area.midX - totalW / 2, y0 = area.minY + max(0, (area.height - totalH) / 2)
            let tiles = captions.indices.map { i in
                ImageGridLayout.Tile(image: Rect(x: x0 + Double(i % cols) * (cell * aspect + gap), y: y0 + Double(i / cols) * (cell + captionH + gap),
                                                 width: cell * aspect, height: cell),
                                     caption: captions[i]?.lines ?? [], captionFont: captions[i]?.font ?? font)
            }
            let barRect = bar.map { _ in Rect(x: x0 + totalW + 2 * pad, y: y0, width: Colorbar.barWidth, height: min(area.height, totalH)) }
            return ImageGridLayout(tiles: tiles, columns: cols, captionWidth: captionWidth, captionLineHeight: lineHeight, colorbar: barRect)
        }
    }

    /// Image height that fits `n` images in `cols` columns into `area`.
    private func cellSize(_ cols: Int, _ n: Int, _ area: Rect, _ aspect: Double, _ captionH: Double) -> Double {
        let rows = Double((n + cols - 1) / cols), c = Double(cols)
        // cols (cell·aspect + gap) − gap ≤ width and rows (cell + caption + gap) − gap ≤ height, gap = 0.08 cell.
        let byWidth = area.width / (c * aspect + 0.08 * (c - 1))
        let byHeight = (area.height - rows * captionH) / (rows + 0.08 * (rows - 1))
        return max(1, min(byWidth, byHeight))
    }
}
