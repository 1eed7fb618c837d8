/// How the images of a grid map values to colors.
public enum ImageScaling: Sendable, Equatable {
    /// One range over all images (comparable brightness), with a colorbar if requested.
    case shared
    /// Each image stretched over its own range.
    case perImage
    /// A fixed range for all images.
    case fixed(Double, Double)
}

/// Many small images (digits, a layer's weights reshaped, colour photographs) in a grid, each drawn
/// as one image, with captions wrapped to fit under their image.
public struct ImageGrid: Sendable {
    public var title: String?
    public var images: [GridImage]
    /// Images per row; nil picks a near-square grid.
    public var columns: Int?
    /// How one-channel images are colored (three-channel images are red, green and blue).
    public var colormap: Colormap
    /// The range each image's values are placed on; for three-channel images the range of all three
    /// channels together, so that hues are kept.
    public var scaling: ImageScaling
    /// Diverging center (e.g. 0 for weights with `.blueRed`, or mid-grey in colour weight images); nil
    /// maps the range linearly.
    public var center: Double?
    /// Shown for `.shared` and `.fixed` scaling of one-channel images.
    public var colorbar: ColorbarStyle?
    /// The most lines a caption wraps onto before it is shrunk and shortened.
    public var captionLines: Int

    public init(title: String? = nil, images: [GridImage], columns: Int? = nil, colormap: Colormap = .grays,
                scaling: ImageScaling = .shared, center: Double? = nil, colorbar: ColorbarStyle? = nil, captionLines: Int = 3) {
        self.title = title; self.images = images; self.columns = columns; self.colormap = colormap
        self.scaling = scaling; self.center = center; self.colorbar = colorbar; self.captionLines = captionLines
    }

    func validate(_ location: String) throws(PlotError) {
        guard !images.isEmpty else { throw PlotError.empty(what: "images", location: location) }
        if let c = columns, c < 1 { throw PlotError.invalidValue(what: "columns", expected: "≥ 1", received: "\(c)", location: location) }
        guard captionLines >= 1 else {
            throw PlotError.invalidValue(what: "caption lines", expected: "≥ 1", received: "\(captionLines)", location: location)
        }
        for (i, im) in images.enumerated() {
            let here = location + " › image \(i)" + (im.caption.map { " '\($0)'" } ?? "")
            guard im.width > 0, im.height > 0 else {
                throw PlotError.invalidValue(what: "image size", expected: "positive", received: "\(im.width)×\(im.height)", location: here)
            }
            guard GridImage.channelCounts.contains(im.channels) else {
                throw PlotError.invalidValue(what: "channels", expected: "1 or 3", received: "\(im.channels)", location: here)
            }
            guard im.values.count == im.width * im.height * im.channels else {
                throw PlotError.lengthMismatch(what: "values", expected: im.width * im.height * im.channels, received: im.values.count, location: here)
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

    /// The colorbar drawn beside the grid, if any: shared or fixed scaling of one-channel images only.
    func shownColorbar(shared: ColorScale) -> Colorbar? {
        guard scaling != .perImage, !images.contains(where: { $0.channels != 1 }) else { return nil }
        return colorbar.map { Colorbar(colors: shared, style: $0) }
    }

    func draw(in rect: Rect, renderer r: Renderer, theme: Theme) {
        if let title {
            r.draw(text: title, at: Point(rect.midX, rect.minY + theme.padding / 2), style: theme.text(theme.panelTitleFont, .topCenter))
        }
        let shared = scale(for: images.flatMap(\.values))
        let layout = layout(in: rect, renderer: r, theme: theme)
        for (im, tile) in zip(images, layout.tiles) {
            let s = scaling == .perImage ? scale(for: im.values) : shared
            r.draw(image: im.raster(scale: s), in: tile.image, smoothing: .nearest)
            r.stroke(.rect(tile.image), style: StrokeStyle(color: Color(gray: 0.6), width: 0.5, join: .miter))
            for (k, line) in tile.caption.enumerated() {
                r.draw(text: line, at: Point(tile.image.midX, tile.image.maxY + 2 + Double(k) * layout.captionLineHeight),
                       style: theme.text(tile.captionFont, .topCenter))
            }
        }
        if let bar = shownColorbar(shared: shared), let barRect = layout.colorbar {
            bar.draw(in: barRect, renderer: r, theme: theme)
        }
    }
}
