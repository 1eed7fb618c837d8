/// A field drawn as ONE image through a color scale (never one rectangle per cell).
///
/// The image spans the field's extent; on a log axis it is stretched between the extent's ends,
/// so sample fields for log axes in log space or keep heatmaps on linear axes.
public struct Heatmap: Sendable {
    public var field: Field
    /// `nil` maps the field's finite range onto viridis.
    public var colors: ColorScale?
    public var smoothing: ImageSmoothing
    public var colorbar: ColorbarStyle?

    public init(_ field: Field, colors: ColorScale? = nil, smoothing: ImageSmoothing = .bilinear,
                colorbar: ColorbarStyle? = ColorbarStyle()) {
        self.field = field; self.colors = colors; self.smoothing = smoothing; self.colorbar = colorbar
    }

    /// The color scale in effect.
    public var resolvedColors: ColorScale {
        if let colors { return colors }
        let (lo, hi) = field.finiteRange ?? (0, 1)
        return ColorScale(.viridis, lower: lo, upper: hi)
    }

    /// The field as a raster, row 0 at the top (highest y).
    public func raster() -> Raster {
        let f = field
        var flipped = [Double](repeating: .nan, count: f.values.count)
        for r in 0..<f.rows {
            let src = (f.rows - 1 - r) * f.columns
            for c in 0..<f.columns { flipped[r * f.columns + c] = f.values[src + c] }
        }
        return Raster.colormapped(flipped, columns: f.columns, rows: f.rows, scale: resolvedColors)
    }
}

extension Heatmap: Mark {
    public var name: String { "" }
    public var takesPaletteColor: Bool { false }
    public var label: String { "heatmap" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        try field.validate(on: chart, location: location)
    }

    /// The field's extent, exactly: an image is not padded.
    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        (field.extent(dimension), true)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] { [] }

    public func draw(in c: MarkContext) {
        let x0 = c.x(field.x.lowerBound), x1 = c.x(field.x.upperBound), y0 = c.y(field.y.upperBound), y1 = c.y(field.y.lowerBound)
        c.renderer.draw(image: raster(), in: Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)),
                        smoothing: smoothing)
    }

    public var colorbarToShow: Colorbar? { colorbar.map { Colorbar(colors: resolvedColors, style: $0) } }
}
