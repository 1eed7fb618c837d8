import Foundation

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
    /// The four corners of the box a text occupies once drawn with `style` at `point`, in the order
    /// leading-top, trailing-top, trailing-bottom, leading-bottom of the unrotated text.
    ///
    /// A counter-clockwise rotation θ maps a point (x, y) relative to the anchor (y down) to
    /// (x cos θ + y sin θ, −x sin θ + y cos θ), as cairo's `rotate(−θ)` does.
    public func corners(of text: String, at point: Point, style: TextStyle) -> [Point] {
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
        let local = [Point(x0, y0), Point(x0 + m.width, y0), Point(x0 + m.width, y0 + m.height), Point(x0, y0 + m.height)]
        let r = (style.rotation.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        // Exact for the right angles (no rounding in cos 90°), so level and upright boxes stay exact.
        let (c, s): (Double, Double) = switch r {
        case 0: (1, 0)
        case 90: (0, 1)
        case 180: (-1, 0)
        case 270: (0, -1)
        default: (cos(r * .pi / 180), sin(r * .pi / 180))
        }
        return local.map { Point(point.x + $0.x * c + $0.y * s, point.y - $0.x * s + $0.y * c) }
    }

    /// The axis-aligned box a text occupies once drawn with `style` at `point` (any rotation).
    public func box(of text: String, at point: Point, style: TextStyle) -> Rect {
        let p = corners(of: text, at: point, style: style)
        let xs = p.map(\.x), ys = p.map(\.y)
        let minX = xs.min() ?? point.x, minY = ys.min() ?? point.y
        return Rect(x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY)
    }

    /// Line height for `font` (ascent + descent).
    public func lineHeight(_ font: Font) -> Double { measure("Ag", font: font).height }
}
