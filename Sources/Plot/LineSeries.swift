/// Dash patterns in units of the line width.
public enum Dash: Sendable, Equatable {
    case solid, dashed, dotted, dashDot
    func pattern(width: Double) -> [Double] {
        let w = max(1, width)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [1 * w, 1.65 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
        }
    }
}

/// A line through `(x[i], y[i])`. Non-finite values leave a gap; if the series *ends* in non-finite
/// values (training diverged) the last finite point gets an end mark (×).
public struct LineSeries: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// `nil` picks the next palette color.
    public var color: Color?
    public var width: Double?
    public var dash: Dash
    public var marker: MarkerStyle?

    public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, width: Double? = nil,
                dash: Dash = .solid, marker: MarkerStyle? = nil) {
        self.name = name; self.x = x; self.y = y; self.color = color; self.width = width; self.dash = dash; self.marker = marker
    }

    /// A series over x = 0, 1, 2, … (e.g. epochs or steps).
    public init(_ name: String, y: [Double], color: Color? = nil, dash: Dash = .solid, marker: MarkerStyle? = nil) {
        self.init(name, x: y.indices.map(Double.init), y: y, color: color, dash: dash, marker: marker)
    }

    /// Index of the last finite point when the series ends in non-finite values, else nil.
    public var divergenceIndex: Int? {
        guard let last = y.last, !last.isFinite else { return nil }
        return y.lastIndex(where: { $0.isFinite })
    }
}

/// A shaded band between `lower[i]` and `upper[i]` (e.g. the interquartile range across seeds).
public struct Band: Sendable {
    public var name: String
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color?
    public var opacity: Double

    public init(_ name: String, x: [Double], lower: [Double], upper: [Double], color: Color? = nil, opacity: Double = 0.25) {
        self.name = name; self.x = x; self.lower = lower; self.upper = upper; self.color = color; self.opacity = opacity
    }
}

/// Bars of `values[i]` at category `i` (from zero); several bar layers in one chart stand side by side.
public struct BarSeries: Sendable {
    public var name: String
    public var values: [Double]
    public var color: Color?

    public init(_ name: String, values: [Double], color: Color? = nil) {
        self.name = name; self.values = values; self.color = color
    }
}

/// Points `(x[i], y[i])`, colored (and shaped) by an optional class label per point.
public struct ScatterSeries: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Class index per point; colors and shapes cycle through the palette and `MarkerShape`.
    public var classes: [Int]?
    /// Legend names per class index, when `classes` is set.
    public var classNames: [String]?
    public var color: Color?
    public var marker: MarkerStyle

    public init(_ name: String, x: [Double], y: [Double], classes: [Int]? = nil, classNames: [String]? = nil,
                color: Color? = nil, marker: MarkerStyle = MarkerStyle()) {
        self.name = name; self.x = x; self.y = y; self.classes = classes; self.classNames = classNames
        self.color = color; self.marker = marker
    }
}
