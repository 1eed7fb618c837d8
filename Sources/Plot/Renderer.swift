/// A font request: DejaVu Sans at a size in figure units.
public struct Font: Sendable, Equatable, Hashable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public var size: Double
    public var weight: Weight
    public init(size: Double, weight: Weight = .regular) { self.size = size; self.weight = weight }
}

/// Measured text: advance width and the font's ascent/descent (not the ink box), in figure units.
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) { self.width = width; self.ascent = ascent; self.descent = descent }
    public var height: Double { ascent + descent }
}

/// Where a text's anchor point sits on its box.
public struct TextAnchor: Sendable, Equatable {
    public enum Horizontal: Sendable { case leading, center, trailing }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) { self.horizontal = horizontal; self.vertical = vertical }

    public static let center = TextAnchor(.center, .middle)
    public static let topCenter = TextAnchor(.center, .top)
    public static let bottomCenter = TextAnchor(.center, .bottom)
    public static let leadingMiddle = TextAnchor(.leading, .middle)
    public static let trailingMiddle = TextAnchor(.trailing, .middle)
}

/// How a text is placed: font, color, anchor and rotation.
public struct TextStyle: Sendable, Equatable {
    public var font: Font
    public var color: Color
    public var anchor: TextAnchor
    /// Counter-clockwise rotation in degrees around the anchor point (90 = reads bottom to top).
    public var rotation: Double
    public init(font: Font, color: Color, anchor: TextAnchor = .center, rotation: Double = 0) {
        self.font = font; self.color = color; self.anchor = anchor; self.rotation = rotation
    }
}

/// How a path is stroked.
public struct StrokeStyle: Sendable, Equatable {
    public enum Cap: Sendable { case butt, round, square }
    public enum Join: Sendable { case miter, round, bevel }
    public var color: Color
    public var width: Double
    /// Dash lengths (on, off, ...) in figure units; empty is solid.
    public var dash: [Double]
    public var cap: Cap
    public var join: Join
    public init(color: Color, width: Double = 1, dash: [Double] = [], cap: Cap = .butt, join: Join = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}

/// How a raster is resampled when scaled.
public enum ImageSmoothing: Sendable { case nearest, bilinear }

/// The drawing contract every backend implements; marks draw only through it.
///
/// Coordinates are figure units with the origin top-left. Implementations are single-threaded
/// objects (one per surface); render in parallel by using one renderer per task.
public protocol Renderer: AnyObject {
    func fill(_ path: Path, color: Color)
    func stroke(_ path: Path, style: StrokeStyle)
    func measure(_ text: String, font: Font) -> TextMetrics
    func draw(text: String, at point: Point, style: TextStyle)
    /// Draws `raster` stretched over `rect` (row 0 at the top).
    func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing)
    /// Restricts drawing to `rect` until the matching `popClip`.
    func pushClip(_ rect: Rect)
    func popClip()
}

extension Renderer {
    /// The box a text occupies once drawn with `style` at `point` (rotation of 0 or ±90 degrees).
    public func box(of text: String, at point: Point, style: TextStyle) -> Rect {
        let m = measure(text, font: style.font)
        let x0: Double = switch style.anchor.horizontal {
        case .leading: 0
        case .center: -m.width / 2
        case .trailing: -m.width
        }
        let y0: Double = switch style.anchor.vertical {
        case .top: 0
        case .middle: -m.height / 2
        case .baseline: -m.ascent
        case .bottom: -m.height
        }
        let local = Rect(x: x0, y: y0, width: m.width, height: m.height)
        let r = (style.rotation.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        if abs(r - 90) < 1 {  // counter-clockwise: local (x, y) -> (y, -x)
            return Rect(x: point.x + local.minY, y: point.y - local.maxX, width: local.height, height: local.width)
        } else if abs(r - 270) < 1 {
            return Rect(x: point.x - local.maxY, y: point.y + local.minX, width: local.height, height: local.width)
        }
        return Rect(x: point.x + local.x, y: point.y + local.y, width: local.width, height: local.height)
    }

    /// Line height for `font` (ascent + descent).
    public func lineHeight(_ font: Font) -> Double { measure("Ag", font: font).height }
}
