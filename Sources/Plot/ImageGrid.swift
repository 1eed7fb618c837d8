/// One small image of `values` (row-major, row 0 at the top) with an optional caption.
public struct GridImage: Sendable {
    public var width: Int
    public var height: Int
    public var values: [Double]
    public var caption: String?

    public init(width: Int, height: Int, values: [Double], caption: String? = nil) {
        self.width = width; self.height = height; self.values = values; self.caption = caption
    }
}

/// How the images of a grid map values to colors.
public enum ImageScaling: Sendable, Equatable {
    /// One range over all images (comparable brightness), with a colorbar if requested.
    case shared
    /// Each image stretched over its own range.
    case perImage
    /// A fixed range for all images.
    case fixed(Double, Double)
}

/// Many small images (digits, a layer's weights reshaped) in a grid, each drawn as one image, with captions.
public struct ImageGrid: Sendable {
    public var title: String?
    public var images: [GridImage]
    /// Images per row; nil picks a near-square grid.
    public var columns: Int?
    public var colormap: Colormap
    public var scaling: ImageScaling
    /// Diverging center (e.g. 0 for weights with `.blueRed`); nil maps the range linearly.
    public var center: Double?
    /// Shown for `.shared` and `.fixed` scaling.
    public var colorbar: ColorbarStyle?

    public init(title: String? = nil, images: [GridImage], columns: Int? = nil, colormap: Colormap = .grays,
                scaling: ImageScaling = .shared, center: Double? = nil, colorbar: ColorbarStyle? = nil) {
        self.title = title; self.images = images; self.columns = columns; self.colormap = colormap
        self.scaling = scaling; self.center = center; self.colorbar = colorbar
    }

    func validate(_ location: String) throws(PlotError) {
        guard !images.isEmpty else { throw PlotError.empty(what: "images", location: location) }
        if let c = columns, c < 1 { throw PlotError.invalidValue(what: "columns", expected: "≥ 1", received: "\(c)", location: location) }
        for (i, im) in images.enumerated() {
            let here = location + " › image \(i)" + (im.caption.map { " '\($0)'" } ?? "")
            guard im.width > 0, im.height > 0 else {
                throw PlotError.invalidValue(what: "image size", expected: "positive", received: "\(im.width)×\(im.height)", location: here)
            }
            guard im.values.count == im.width * im.height else {
                throw PlotError.lengthMismatch(what: "values", expected: im.width * im.height, received: im.values.count, location: here)
            }
        }
    }

    func scale(for values: [Double]) -> ColorScale {
        let finite = values.filter(\.isFinite)
        let (lo, hi): (Double, Double) = switch scaling {
        case .fixed(let a, let b): (a, b)
        default: (finite.min() ?? 0, finite.max() ?? 1)
        }
        return ColorScale(colormap, lower: lo, upper: hi, center: center)
    }

    func draw(in rect: Rect, renderer r: Renderer, theme: Theme) {
        let pad = theme.padding
        var area = rect.inset(top: pad, left: pad, bottom: pad, right: pad)
        if let title {
            r.draw(text: title, at: Point(rect.midX, rect.minY + pad / 2), style: theme.text(theme.panelTitleFont, .topCenter))
            area = area.inset(top: r.lineHeight(theme.panelTitleFont) + pad / 2)
        }
        let shared = scale(for: images.flatMap(\.values))
        let bar = scaling == .perImage ? nil : colorbar.map { Colorbar(colors: shared, style: $0) }
        let barWidth = bar.map { $0.width(length: area.height, renderer: r, theme: theme) + 2 * pad } ?? 0
        area = area.inset(right: barWidth)
        let n = images.count
        let aspect = Double(images[0].width) / Double(images[0].height)
        let captionFont = theme.annotationFont
        let captionH = images.contains { $0.caption != nil } ? r.lineHeight(captionFont) + 2 : 0
        // Columns: as given, or the count that makes the largest cells.
        let cols = columns ?? (1...n).max(by: { cellSize($0, n, area, aspect, captionH) < cellSize($1, n, area, aspect, captionH) }) ?? 1
        let cell = cellSize(cols, n, area, aspect, captionH)
        let rowsCount = (n + cols - 1) / cols
        let gap = cell * 0.08
        let totalW = Double(cols) * (cell * aspect + gap) - gap, totalH = Double(rowsCount) * (cell + captionH + gap) - gap
        let x0 = area.midX - totalW / 2, y0 = area.minY + max(0, (area.height - totalH) / 2)
        for (i, im) in images.enumerated() {
            let box = Rect(x: x0 + Double(i % cols) * (cell * aspect + gap), y: y0 + Double(i / cols) * (cell + captionH + gap),
                           width: cell * aspect, height: cell)
            let s = scaling == .perImage ? scale(for: im.values) : shared
            r.draw(image: Raster.colormapped(im.values, columns: im.width, rows: im.height, scale: s), in: box, smoothing: .nearest)
            r.stroke(.rect(box), style: StrokeStyle(color: Color(gray: 0.6), width: 0.5, join: .miter))
            if let caption = im.caption, r.measure(caption, font: captionFont).width <= box.width + gap {
                r.draw(text: caption, at: Point(box.midX, box.maxY + 2), style: theme.text(captionFont, .topCenter))
            }
        }
        if let bar {
            let h = min(area.height, totalH)
            bar.draw(in: Rect(x: x0 + totalW + 2 * pad, y: y0, width: Colorbar.barWidth, height: h), renderer: r, theme: theme)
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
