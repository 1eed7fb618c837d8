/// A continuous colormap: evenly spaced color stops, linearly interpolated for `t` in 0...1.
public struct Colormap: Sendable, Equatable {
    public var stops: [Color]

    public init(stops: [Color]) {
        precondition(stops.count >= 2, "Colormap needs at least two stops")
        self.stops = stops
    }

    /// The color at `t` (clamped to 0...1; NaN maps to the first stop).
    public func color(at t: Double) -> Color {
        let t = t.isNaN ? 0 : max(0, min(1, t))
        let f = t * Double(stops.count - 1)
        let i = min(Int(f), stops.count - 2)
        return stops[i].mix(stops[i + 1], f - Double(i))
    }

    /// A 256-entry lookup table of premultiplied ARGB32 pixels, for fast rasterization.
    public func lookupTable() -> [UInt32] {
        (0..<256).map { color(at: Double($0) / 255).premultipliedARGB }
    }

    /// Viridis (perceptually uniform, colorblind-safe): matplotlib's table sampled at 10 even stops.
    public static let viridis = Colormap(stops: [
        0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725,
    ].map { Color(hex: $0) })

    /// A diverging blue–white–red map (ColorBrewer RdBu reversed): low values blue, high values red.
    public static let blueRed = Colormap(stops: [
        0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
    ].map { Color(hex: $0) })

    /// Grays from black to white, for images such as digits or weights.
    public static let grays = Colormap(stops: [Color.black, Color.white])

    /// White to black (ink on paper), for digits.
    public static let ink = Colormap(stops: [Color.white, Color.black])

    /// White to dark blue, for counts (confusion matrices).
    public static let blues = Colormap(stops: [
        0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
    ].map { Color(hex: $0) })
}

/// Maps data values onto a colormap: linearly from `lower...upper`, or diverging around `center`.
///
/// Linear: `t = (v - lower) / (upper - lower)`. Diverging: `t = 0.5 + 0.5 (v - center) / r`
/// with `r = max(|upper - center|, |lower - center|)`, so `center` is always the middle color.
public struct ColorScale: Sendable, Equatable {
    public var colormap: Colormap
    public var lower: Double
    public var upper: Double
    public var center: Double?

    public init(_ colormap: Colormap, lower: Double, upper: Double, center: Double? = nil) {
        self.colormap = colormap; self.lower = lower; self.upper = upper; self.center = center
    }

    /// Position of `v` on the colormap, in 0...1 (clamped).
    public func position(_ v: Double) -> Double {
        if let c = center {
            let r = max(abs(upper - c), abs(lower - c))
            return r > 0 ? max(0, min(1, 0.5 + 0.5 * (v - c) / r)) : 0.5
        }
        let span = upper - lower
        return span > 0 ? max(0, min(1, (v - lower) / span)) : 0.5
    }

    public func color(_ v: Double) -> Color { colormap.color(at: position(v)) }

    /// The value range the colorbar shows (symmetric around `center` when diverging).
    public var displayRange: (Double, Double) {
        guard let c = center else { return (lower, upper) }
        let r = max(abs(upper - c), abs(lower - c))
        return r > 0 ? (c - r, c + r) : (c - 1, c + 1)
    }
}
