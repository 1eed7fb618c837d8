import Foundation
import Plot

/// The `Renderer` that writes an SVG document itself: paths as `<path>`, clips as `<clipPath>`,
/// rasters as `<image>` holding a PNG, and text as `<text>` elements, which a reader can select,
/// search and hear read aloud (cairo's SVG surface draws text as glyph outlines).
///
/// Text is measured and placed through cairo with the same unhinted DejaVu Sans metrics as the PNG
/// (`CairoRenderer`), so layout is identical; a text's horizontal anchor is its `text-anchor` (a
/// viewer substituting Verdana still centres and right-aligns it), its vertical anchor is a baseline
/// offset computed from the font's ascent and descent exactly as the PNG's, and its rotation a
/// `rotate(−θ x y)` about the anchor point. The output depends on nothing but the drawing: numbers
/// are written with fixed decimals (`SVGWriter`), and the only ids, the clip paths', are
/// `<idPrefix>clip<n>` numbered in the order they are first used, so the same figure gives the same
/// bytes and documents with distinct prefixes can be inlined in one page.
///
/// Not thread-safe; render in parallel with one renderer per task. Failures inside the non-throwing
/// drawing calls are remembered and thrown by `check()` or `document()`.
final class SVGRenderer: Renderer {
    /// The font stack of every text: the PNG's font first, then look-alikes a viewer may have.
    static let fontFamily = "DejaVu Sans, Verdana, sans-serif"

    private let measurer: CairoRenderer
    private let idPrefix: String
    private var out = SVGWriter()
    /// Clip rectangles already defined, by their written attributes, and their ids.
    private var clipIDs: [[UInt8]: String] = [:]
    private var openClips = 0
    private var failure: PlotError?

    /// Starts a document of `width × height` px whose ids begin with `idPrefix` (checked by the caller).
    init(width: Double, height: Double, idPrefix: String = "") throws(PlotError) {
        measurer = try CairoRenderer.forMeasurement()
        self.idPrefix = idPrefix
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        out.append(" width=\""); out.number(width); out.append("px\" height=\""); out.number(height); out.append("px\"")
        out.append(" viewBox=\"0 0 "); out.number(width); out.append(" "); out.number(height); out.append("\"")
        out.attribute("version", "1.1")
        // Inherited by every <text>. Text is laid out as cairo measured it: its spaces kept (SVG would
        // collapse them), glyphs at their unhinted advances, neither kerned nor joined in ligatures
        // (cairo's toy text API does neither), so a name fitted to its cell stays inside it.
        out.attribute("font-family", Self.fontFamily)
        out.attribute("xml:space", "preserve")
        out.attribute("text-rendering", "geometricPrecision")
        out.attribute("style", "font-kerning:none;font-variant-ligatures:none")
        out.append(">\n")
    }

    /// Throws the first failure seen while drawing.
    func check() throws(PlotError) {
        if let failure { throw failure }
        try measurer.check()
    }

    /// The finished document (clips still open are closed), or the first failure seen while drawing.
    func document() throws(PlotError) -> [UInt8] {
        try check()
        var end = out
        for _ in 0..<openClips { end.append("</g>\n") }
        end.append("</svg>\n")
        return end.bytes
    }

    func fill(_ path: Path, color: Color) {
        guard color.alpha > 0, SVGWriter.isWritable(path) else { return }
        out.append("<path")
        out.pathData(path)
        out.paint("fill", color, opacity: "fill-opacity")
        out.append("/>\n")
    }

    /// Cairo's defaults where SVG's differ: a miter limit of 10 (SVG: 4).
    func stroke(_ path: Path, style: StrokeStyle) {
        guard style.color.alpha > 0, style.width > 0, SVGWriter.isWritable(path) else { return }
        out.append("<path")
        out.pathData(path)
        out.attribute("fill", "none")
        out.paint("stroke", style.color, opacity: "stroke-opacity")
        out.attribute("stroke-width", style.width)
        switch style.cap {
        case .butt: break
        case .round: out.attribute("stroke-linecap", "round")
        case .square: out.attribute("stroke-linecap", "square")
        }
        switch style.join {
        case .miter: out.attribute("stroke-miterlimit", 10)
        case .round: out.attribute("stroke-linejoin", "round")
        case .bevel: out.attribute("stroke-linejoin", "bevel")
        }
        if !style.dash.isEmpty {
            out.append(" stroke-dasharray=\"")
            for (i, d) in style.dash.enumerated() {
                if i > 0 { out.append(" ") }
                out.number(d)
            }
            out.append("\"")
        }
        out.append("/>\n")
    }

    func measure(_ text: String, font: Font) -> TextMetrics { measurer.measure(text, font: font) }

    /// `<text x y font-size [font-weight] fill [text-anchor] [transform]>`: `y` is the baseline, the
    /// anchor point moved by the PNG's offset (top: +ascent, middle: (ascent − descent)/2, bottom: −descent).
    func draw(text: String, at point: Point, style: TextStyle) {
        guard point.x.isFinite, point.y.isFinite, style.rotation.isFinite, style.color.alpha > 0,
              text.unicodeScalars.contains(where: SVGWriter.isWritable) else { return }
        let (ascent, descent) = measurer.lineMetrics(style.font)
        let dy: Double = switch style.anchor.vertical {
        case .top: ascent
        case .middle: (ascent - descent) / 2
        case .baseline: 0
        case .bottom: -descent
        }
        out.append("<text")
        out.attribute("x", point.x)
        out.attribute("y", point.y + dy)
        out.attribute("font-size", style.font.size)
        if style.font.weight == .bold { out.attribute("font-weight", "bold") }
        out.paint("fill", style.color, opacity: "fill-opacity")
        switch style.anchor.horizontal {
        case .leading: break
        case .center: out.attribute("text-anchor", "middle")
        case .trailing: out.attribute("text-anchor", "end")
        }
        if style.rotation != 0 {
            // SVG turns clockwise (y down); the style's rotation is counter-clockwise.
            out.append(" transform=\"rotate("); out.number(-style.rotation)
            out.append(" "); out.number(point.x); out.append(" "); out.number(point.y); out.append(")\"")
        }
        out.append(">")
        out.escaped(text)
        out.append("</text>\n")
    }

    /// `<image>` stretched over `rect` (`preserveAspectRatio="none"`), its pixels as a base64 PNG
    /// (libpng's, `compressedPNGBytes`: the fields drawn here are smooth).
    /// Nearest smoothing asks for `pixelated` (with SVG 1.1's `optimizeSpeed` for viewers that do not
    /// know it) and repeats pixels to cover their displayed size (`repeatedToCover`) for viewers that
    /// smooth anyway; bilinear asks for `optimizeQuality`.
    func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing) {
        guard rect.width > 0, rect.height > 0, rect.width.isFinite, rect.height.isFinite, rect.x.isFinite, rect.y.isFinite else { return }
        let png: [UInt8]
        do throws(PlotError) {
            png = try CairoSurface.image(smoothing == .nearest ? raster.repeatedToCover(rect) : raster).compressedPNGBytes()
        } catch {
            failure = failure ?? error
            return
        }
        out.append("<image")
        out.attribute("x", rect.x); out.attribute("y", rect.y)
        out.attribute("width", rect.width); out.attribute("height", rect.height)
        out.attribute("preserveAspectRatio", "none")
        switch smoothing {
        case .nearest:
            out.attribute("image-rendering", "optimizeSpeed")
            out.attribute("style", "image-rendering:pixelated")
        case .bilinear:
            out.attribute("image-rendering", "optimizeQuality")
        }
        out.append(" xlink:href=\"data:image/png;base64,")
        out.append(bytes: [UInt8](Data(png).base64EncodedData()))
        out.append("\"/>\n")
    }

    /// Opens `<g clip-path="url(#…)">`, defining the `<clipPath>` the first time a rectangle is used.
    func pushClip(_ rect: Rect) {
        let r = Rect(x: min(rect.minX, rect.maxX), y: min(rect.minY, rect.maxY), width: abs(rect.width), height: abs(rect.height))
        var attributes = SVGWriter(reservingCapacity: 64)
        attributes.attribute("x", r.x); attributes.attribute("y", r.y)
        attributes.attribute("width", r.width); attributes.attribute("height", r.height)
        let id: String
        if let known = clipIDs[attributes.bytes] {
            id = known
        } else {
            id = "\(idPrefix)clip\(clipIDs.count + 1)"
            clipIDs[attributes.bytes] = id
            out.append("<clipPath"); out.attribute("id", id); out.append("><rect")
            out.append(bytes: attributes.bytes)
            out.append("/></clipPath>\n")
        }
        out.append("<g clip-path=\"url(#\(id))\">\n")
        openClips += 1
    }

    func popClip() {
        precondition(openClips > 0, "popClip without a matching pushClip")
        openClips -= 1
        out.append("</g>\n")
    }
}
