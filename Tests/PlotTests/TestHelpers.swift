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

/// A renderer that measures with cairo and records the box of every text drawn.
final class RecordingRenderer: Renderer {
    let base: CairoRenderer
    var texts: [(text: String, box: Rect)] = []
    var images: [Rect] = []
    init() throws { base = try CairoRenderer.forMeasurement() }
    func fill(_ path: Path, color: Color) {}
    func stroke(_ path: Path, style: StrokeStyle) {}
    func measure(_ text: String, font: Font) -> TextMetrics { base.measure(text, font: font) }
    func draw(text: String, at point: Point, style: TextStyle) { texts.append((text, box(of: text, at: point, style: style))) }
    func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing) { images.append(rect) }
    func pushClip(_ rect: Rect) {}
    func popClip() {}
}
