import Foundation
@testable import Plot
@testable import PlotCairo
import Testing

/// Pixel helpers shared by the tests.
extension Raster {
    func rgb(_ x: Double, _ y: Double) -> (r: Int, g: Int, b: Int) {
        let p = rgba(x: Int(x), y: Int(y))
        return (Int(p.r), Int(p.g), Int(p.b))
    }

    /// Whether the pixel at (x, y) is within `tolerance` of `color` on every channel.
    func matches(_ x: Double, _ y: Double, _ color: Color, tolerance: Int = 6) -> Bool {
        let p = rgb(x, y), c = color.rgb8
        return abs(p.r - Int(c.r)) <= tolerance && abs(p.g - Int(c.g)) <= tolerance && abs(p.b - Int(c.b)) <= tolerance
    }
}

/// The drawn layout of chart panel `index`.
func chartLayout(_ figure: Figure, panel index: Int = 0) throws -> ChartLayout {
    let r = try CairoRenderer.forMeasurement()
    guard let l = figure.chartLayout(panel: index, renderer: r) else { throw PlotError.empty(what: "chart", location: "test") }
    return l
}

/// A text as drawn: its axis-aligned box, its four corners (a turned text's true outline) and style.
struct RecordedText {
    var text: String
    var box: Rect
    var corners: [Point]
    var style: TextStyle

    /// Whether the outlines of two texts overlap by more than `tolerance` units (the separating-axis
    /// test on the two rectangles: they are apart when their projections on one edge's normal are).
    func overlaps(_ other: RecordedText, tolerance: Double = 2) -> Bool {
        let axes = [corners, other.corners].flatMap { q in
            (0..<2).map { i in Point(q[i + 1].y - q[i].y, q[i].x - q[i + 1].x) }
        }
        for axis in axes {
            let length = (axis.x * axis.x + axis.y * axis.y).squareRoot()
            guard length > 0 else { continue }
            func project(_ q: [Point]) -> (Double, Double) {
                let d = q.map { ($0.x * axis.x + $0.y * axis.y) / length }
                return (d.min() ?? 0, d.max() ?? 0)
            }
            let a = project(corners), b = project(other.corners)
            if min(a.1, b.1) - max(a.0, b.0) <= tolerance { return false }
        }
        return true
    }
}

/// A renderer that measures with cairo and records every text drawn, every image's rectangle, every
/// filled circle and every stroked path.
final class RecordingRenderer: Renderer {
    let base: CairoRenderer
    var texts: [RecordedText] = []
    var images: [Rect] = []
    var circles: [(center: Point, radius: Double)] = []
    var strokes: [(path: Path, style: StrokeStyle)] = []
    init() throws { base = try CairoRenderer.forMeasurement() }
    func fill(_ path: Path, color: Color) {
        for case .circle(let center, let radius) in path.elements { circles.append((center, radius)) }
    }
    func stroke(_ path: Path, style: StrokeStyle) { strokes.append((path, style)) }
    func measure(_ text: String, font: Font) -> TextMetrics { base.measure(text, font: font) }
    func draw(text: String, at point: Point, style: TextStyle) {
        texts.append(RecordedText(text: text, box: box(of: text, at: point, style: style),
                                  corners: corners(of: text, at: point, style: style), style: style))
    }
    func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing) { images.append(rect) }
    func pushClip(_ rect: Rect) {}
    func popClip() {}
}
