import CCairo
import Foundation
import Plot

/// The `Renderer` that draws through cairo onto one surface (image or PDF; SVG is `SVGRenderer`, which
/// measures its text through this one).
///
/// Not thread-safe; render in parallel with one renderer (and surface) per task. Failures inside the
/// non-throwing drawing calls are remembered and thrown by `check()`.
public final class CairoRenderer: Renderer {
    let context: CairoContext
    private let faces: [Font.Weight: CairoFontFace]
    private var fontExtents: [Font: cairo_font_extents_t] = [:]
    private var failure: PlotError?
    /// Vector surfaces cannot pad images at their edges; image surfaces can.
    private let padsImages: Bool

    init(surface: CairoSurface, scale: Double = 1) throws(PlotError) {
        context = try CairoContext(surface)
        faces = [.regular: try CairoFontFace(family: "DejaVu Sans", weight: .regular),
                 .bold: try CairoFontFace(family: "DejaVu Sans", weight: .bold)]
        padsImages = surface.isImage
        let cr = context.pointer
        if scale != 1 { cairo_scale(cr, scale, scale) }
        // Unhinted metrics: identical text layout in PNG, SVG (measured here) and PDF.
        guard let options = cairo_font_options_create() else {
            throw PlotError.backend(operation: "create font options", status: "returned nil")
        }
        defer { cairo_font_options_destroy(options) }
        if let e = cairoError(cairo_font_options_status(options), "create font options") { throw e }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, options)
        try context.check("set up context")
    }

    /// A renderer on a 1×1 image, for measuring text outside of drawing (e.g. layout tests).
    public static func forMeasurement() throws(PlotError) -> CairoRenderer {
        try CairoRenderer(surface: try CairoSurface.image(width: 1, height: 1))
    }

    /// Throws the first failure seen while drawing, or the context's error status.
    public func check() throws(PlotError) {
        if let failure { throw failure }
        try context.check("draw")
    }

    private var cr: OpaquePointer { context.pointer }

    private func setSource(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    private func append(_ path: Path) {
        cairo_new_path(cr)
        for e in path.elements {
            switch e {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let p): cairo_curve_to(cr, a.x, a.y, b.x, b.y, p.x, p.y)
            case .close: cairo_close_path(cr)
            case .rect(let r): cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            case .circle(let c, let radius):
                cairo_new_sub_path(cr)
                cairo_arc(cr, c.x, c.y, radius, 0, 2 * .pi)
                cairo_close_path(cr)
            }
        }
    }

    public func fill(_ path: Path, color: Color) {
        append(path)
        setSource(color)
        cairo_fill(cr)
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        append(path)
        setSource(style.color)
        cairo_set_line_width(cr, style.width)
        style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        let cap: cairo_line_cap_t = switch style.cap {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
        let join: cairo_line_join_t = switch style.join {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
        cairo_set_line_cap(cr, cap)
        cairo_set_line_join(cr, join)
        cairo_stroke(cr)
    }

    private func select(_ font: Font) -> cairo_font_extents_t {
        cairo_set_font_face(cr, faces[font.weight]?.pointer)
        cairo_set_font_size(cr, font.size)
        if let e = fontExtents[font] { return e }
        var e = cairo_font_extents_t()
        cairo_font_extents(cr, &e)
        fontExtents[font] = e
        return e
    }

    /// The ascent and descent of `font` (its extents, not a text's ink), as `draw(text:)` places text by.
    func lineMetrics(_ font: Font) -> (ascent: Double, descent: Double) {
        let fe = select(font)
        return (fe.ascent, fe.descent)
    }

    public func measure(_ text: String, font: Font) -> TextMetrics {
        let fe = select(font)
        var te = cairo_text_extents_t()
        cairo_text_extents(cr, text, &te)
        return TextMetrics(width: te.x_advance, ascent: fe.ascent, descent: fe.descent)
    }

    public func draw(text: String, at point: Point, style: TextStyle) {
        guard !text.isEmpty else { return }
        let fe = select(style.font)
        var te = cairo_text_extents_t()
        cairo_text_extents(cr, text, &te)
        let dx: Double = switch style.anchor.horizontal { case .leading: 0; case .center: -te.x_advance / 2; case .trailing: -te.x_advance }
        let dy: Double = switch style.anchor.vertical {
        case .top: fe.ascent
        case .middle: (fe.ascent - fe.descent) / 2
        case .baseline: 0
        case .bottom: -fe.descent
        }
        cairo_save(cr)
        cairo_translate(cr, point.x, point.y)
        if style.rotation != 0 { cairo_rotate(cr, -style.rotation * .pi / 180) }
        cairo_move_to(cr, dx, dy)
        setSource(style.color)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    public func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing) {
        guard rect.width > 0, rect.height > 0 else { return }
        let raster = smoothing == .nearest && !padsImages ? raster.repeatedToCover(rect) : raster
        do throws(PlotError) {
            let pattern = try CairoPattern(surface: try CairoSurface.image(raster))
            var m = cairo_matrix_t()
            cairo_matrix_init_scale(&m, Double(raster.width) / rect.width, Double(raster.height) / rect.height)
            cairo_matrix_translate(&m, -rect.x, -rect.y)
            cairo_pattern_set_matrix(pattern.pointer, &m)
            cairo_pattern_set_filter(pattern.pointer, smoothing == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
            cairo_pattern_set_extend(pattern.pointer, padsImages ? CAIRO_EXTEND_PAD : CAIRO_EXTEND_NONE)
            cairo_save(cr)
            cairo_set_source(cr, pattern.pointer)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cr)
            cairo_restore(cr)
        } catch {
            failure = failure ?? error
        }
    }

    public func pushClip(_ rect: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    public func popClip() { cairo_restore(cr) }
}
