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
