/// An sRGB color with straight (non-premultiplied) alpha, components in 0...1.
public struct Color: Sendable, Equatable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A color from a 0xRRGGBB literal.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    public init(gray: Double, alpha: Double = 1) { self.init(red: gray, green: gray, blue: gray, alpha: alpha) }

    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// Relative luminance (Rec. 709 weights on gamma-encoded values; good enough to pick text contrast).
    public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    /// Linear interpolation `self + t (other - self)` per component.
    public func mix(_ other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// Opaque 8-bit components (rounded), handy for pixel tests.
    public var rgb8: (r: UInt8, g: UInt8, b: UInt8) {
        func q(_ v: Double) -> UInt8 { UInt8(max(0, min(255, (v * 255).rounded()))) }
        return (q(red), q(green), q(blue))
    }

    /// Packed opaque-or-translucent ARGB32, premultiplied, as cairo's image surfaces store it.
    public var premultipliedARGB: UInt32 {
        func q(_ v: Double) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
        return q(alpha) << 24 | q(red * alpha) << 16 | q(green * alpha) << 8 | q(blue * alpha)
    }

    public static let white = Color(gray: 1)
    public static let black = Color(gray: 0)
    public static let clear = Color(gray: 0, alpha: 0)
}

extension Color {
    /// The Okabe–Ito colorblind-safe palette (black last, as it is the least distinct on axes).
    public static let okabeIto: [Color] = [
        Color(hex: 0x0072B2), // blue
        Color(hex: 0xE69F00), // orange
        Color(hex: 0x009E73), // bluish green
        Color(hex: 0xD55E00), // vermillion
        Color(hex: 0xCC79A7), // reddish purple
        Color(hex: 0x56B4E9), // sky blue
        Color(hex: 0xF0E442), // yellow
        Color(hex: 0x000000), // black
    ]

    /// The `i`-th palette color, cycling.
    public static func palette(_ i: Int) -> Color { okabeIto[((i % okabeIto.count) + okabeIto.count) % okabeIto.count] }
}
