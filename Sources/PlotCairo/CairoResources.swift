import CCairo
import Plot

/// Owns one toy `cairo_font_face_t` (DejaVu Sans through fontconfig).
final class CairoFontFace {
    let pointer: OpaquePointer

    init(family: String, weight: Font.Weight) throws(PlotError) {
        guard let face = cairo_toy_font_face_create(family, CAIRO_FONT_SLANT_NORMAL,
                                                    weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL) else {
            throw PlotError.backend(operation: "create font face '\(family)'", status: "returned nil")
        }
        if let e = cairoError(cairo_font_face_status(face), "create font face '\(family)'") { cairo_font_face_destroy(face); throw e }
        pointer = face
    }

    deinit { cairo_font_face_destroy(pointer) }
}

/// Owns one surface `cairo_pattern_t` and the surface it reads.
final class CairoPattern {
    let pointer: OpaquePointer
    let source: CairoSurface

    init(surface: CairoSurface) throws(PlotError) {
        guard let p = cairo_pattern_create_for_surface(surface.pointer) else {
            throw PlotError.backend(operation: "create pattern", status: "returned nil")
        }
        if let e = cairoError(cairo_pattern_status(p), "create pattern") { cairo_pattern_destroy(p); throw e }
        pointer = p
        source = surface
    }

    deinit { cairo_pattern_destroy(pointer) }
}
