/// Colorbar options.
public struct ColorbarStyle: Sendable, Equatable {
    public var label: String?
    public init(label: String? = nil) { self.label = label }
}

/// A vertical colorbar: the color scale as one image with ticks and an optional label on its right.
public struct Colorbar: Sendable {
    public var colors: ColorScale
    public var style: ColorbarStyle
    static let barWidth = 14.0

    public init(colors: ColorScale, style: ColorbarStyle) {
        self.colors = colors; self.style = style
    }

    /// Ticks for a bar of `length` units (about one per 40 units).
    func ticks(length: Double) -> [Tick] {
        let (lo, hi) = colors.displayRange
        return lo < hi && (hi - lo).isFinite ? Ticks.linear(lower: lo, upper: hi, maxCount: max(2, min(10, Int(length / 40)))) : []
    }

    /// Width of bar, ticks, labels and axis label, excluding the gap before the bar.
    func width(length: Double, renderer r: Renderer, theme: Theme) -> Double {
        let tw = ticks(length: length).map { r.measure($0.label, font: theme.tickFont).width }.max() ?? 0
        return Colorbar.barWidth + theme.tickLength + 3 + tw + (style.label != nil ? theme.padding + r.lineHeight(theme.labelFont) : 0)
    }

    /// Draws the bar in `bar` (its labels extend to the right).
    func draw(in bar: Rect, renderer r: Renderer, theme: Theme) {
        let (lo, hi) = colors.displayRange
        let n = 256
        let values = (0..<n).map { hi - (hi - lo) * Double($0) / Double(n - 1) }
        r.draw(image: Raster.colormapped(values, columns: 1, rows: n, scale: colors), in: bar, smoothing: .bilinear)
        r.stroke(.rect(bar), style: StrokeStyle(color: theme.axisColor, width: theme.axisWidth, join: .miter))
        let scale = Scale(.linear, domain: (lo, hi), range: (bar.maxY, bar.minY))
        var path = Path()
        var widest = 0.0
        for t in ticks(length: bar.height) {
            let py = scale(t.value)
            path.move(to: Point(bar.maxX, py)); path.line(to: Point(bar.maxX + theme.tickLength, py))
            r.draw(text: t.label, at: Point(bar.maxX + theme.tickLength + 3, py), style: theme.text(theme.tickFont, .leadingMiddle))
            widest = max(widest, r.measure(t.label, font: theme.tickFont).width)
        }
        r.stroke(path, style: StrokeStyle(color: theme.axisColor, width: theme.axisWidth))
        if let label = style.label {
            let x0 = bar.maxX + theme.tickLength + 3 + widest + theme.padding
            r.draw(text: label, at: Point(x0, bar.midY), style: theme.text(theme.labelFont, TextAnchor(.center, .top), rotation: 90))
        }
    }
}
