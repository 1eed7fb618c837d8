/// A mark drawn in a chart's plot area (a line, a band, points, an image, a contour, bars): a new kind
/// of mark is one file, a type conforming to `Mark`, with no edits to `Chart`.
///
/// A chart draws its marks in order, clipped to the plot, then each mark's `drawOverlay` unclipped.
/// Its axes span every mark's `extent`; its legend lists every mark's `legendEntries` (rows of one name
/// merge, so a band and the median line over it are one row); its colorbar is the first mark's `colorbarToShow`.
public protocol Mark: Sendable {
    /// The legend name ("" for none). Marks of one name share a colour.
    var name: String { get }
    /// The colour asked for; nil takes the next colour of the palette (see `takesPaletteColor`).
    var requestedColor: Color? { get }
    /// Whether a mark without a `requestedColor` takes a palette colour (an image does not).
    var takesPaletteColor: Bool { get }
    /// "line 'loss'": where in a figure an error is, for `PlotError` locations.
    var label: String { get }
    /// Throws when the data cannot be drawn on `chart`'s axes (empty, mismatched, ≤ 0 on a log axis).
    func validate(on chart: Chart, location: String) throws(PlotError)
    /// The values the mark spans along `dimension` (non-finite and, on log axes, non-positive ones are
    /// ignored by the chart); `exact` pins the axis to them, without padding (an image's extent).
    func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool)
    func legendEntries(color: Color, theme: Theme) -> [LegendEntry]
    /// Draws the mark in the plot area (clipped to it).
    func draw(in context: MarkContext)
    /// Draws what may overhang the plot's frame (a diverged line's end mark), after the clip is lifted.
    func drawOverlay(in context: MarkContext)
    /// The colorbar the mark's colours need, if any.
    var colorbarToShow: Colorbar? { get }
    /// Points in plot coordinates that a legend should not cover (the legend goes where it covers fewest).
    func obstacles(x: Scale, y: Scale, on chart: Chart) -> [Point]
}

extension Mark {
    public var requestedColor: Color? { nil }
    public var takesPaletteColor: Bool { true }
    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] {
        name.isEmpty ? [] : [LegendEntry(name: name, patch: color)]
    }
    public func drawOverlay(in context: MarkContext) {}
    public var colorbarToShow: Colorbar? { nil }
    public func obstacles(x: Scale, y: Scale, on chart: Chart) -> [Point] { [] }
}

/// What a mark draws with: the plot's rectangle and scales, the renderer, the theme, its resolved
/// colour, and its place among the chart's marks of the same type (bars stand side by side).
public struct MarkContext {
    public var plot: Rect
    public var x: Scale
    public var y: Scale
    public var renderer: Renderer
    public var theme: Theme
    public var color: Color
    /// This mark's index among the chart's marks of its type, and how many there are.
    public var slot: (index: Int, count: Int)
    /// The chart the mark is in (its axes).
    public var chart: Chart

    /// A data point in plot coordinates.
    public func point(_ px: Double, _ py: Double) -> Point { Point(x(px), y(py)) }
}

/// Which of a chart's two axes.
public enum Dimension: String, Sendable { case x, y }

/// One legend row: a swatch (band patch, line, marker — any combination) and a name.
public struct LegendEntry: Sendable {
    public var name: String
    public var patch: Color?
    public var line: StrokeStyle?
    public var marker: MarkerStyle?
    public var markerColor: Color?

    public init(name: String, patch: Color? = nil, line: StrokeStyle? = nil, marker: MarkerStyle? = nil, markerColor: Color? = nil) {
        self.name = name; self.patch = patch; self.line = line; self.marker = marker; self.markerColor = markerColor
    }
}
