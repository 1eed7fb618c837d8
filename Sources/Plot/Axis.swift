/// The range an axis shows: automatic from the data (padded by a fraction of the span), or fixed at either end.
public struct AxisRange: Sendable, Equatable {
    public var lower: Double?
    public var upper: Double?
    /// Fraction of the data span added on each automatic end (in log10 space on log axes).
    public var padding: Double

    public init(lower: Double? = nil, upper: Double? = nil, padding: Double = 0.05) {
        self.lower = lower; self.upper = upper; self.padding = padding
    }

    public static let auto = AxisRange()
    public static let tight = AxisRange(padding: 0)
    public static func fixed(_ lower: Double, _ upper: Double) -> AxisRange { AxisRange(lower: lower, upper: upper) }
}

/// One axis of a chart: label, scale kind, range and grid lines.
public struct Axis: Sendable, Equatable {
    public var label: String?
    public var scale: ScaleKind
    public var range: AxisRange
    public var grid: Bool
    /// Category names at positions 0, 1, 2, … (bar charts); the domain is then −0.5 … count − 0.5.
    public var categories: [String]?
    /// Whether tick values are written (figures with shared axes turn this off on inner panels).
    public var tickLabels: Bool
    /// Whether the axis has ticks at all (a parallel-coordinates view labels its own axes).
    public var ticks: Bool

    public init(_ label: String? = nil, scale: ScaleKind = .linear, range: AxisRange = .auto, grid: Bool = true,
                categories: [String]? = nil, tickLabels: Bool = true, ticks: Bool = true) {
        self.label = label; self.scale = scale; self.range = range; self.grid = grid; self.categories = categories
        self.tickLabels = tickLabels && ticks
        self.ticks = ticks
    }
}
