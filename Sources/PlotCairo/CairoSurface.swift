import CCairo
import Plot

/// Collects bytes written by a cairo stream surface or PNG stream writer.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// cairo_write_func_t appending to the `ByteSink` passed as closure.
func appendToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if length > 0, let data { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}

/// A cairo status as a `PlotError` (nil on success).
func cairoError(_ status: cairo_status_t, _ operation: String) -> PlotError? {
    status == CAIRO_STATUS_SUCCESS ? nil : .backend(operation: operation, status: String(cString: cairo_status_to_string(status)))
}

/// Owns one `cairo_surface_t` (and the byte sink a PDF stream surface writes into); checks its status on creation.
final class CairoSurface {
    let pointer: OpaquePointer
    let sink: ByteSink?

    private init(_ pointer: OpaquePointer?, sink: ByteSink?, operation: String) throws(PlotError) {
        guard let pointer else { throw PlotError.backend(operation: operation, status: "returned no surface") }
        if let error = cairoError(cairo_surface_status(pointer), operation) {
            cairo_surface_destroy(pointer)
            throw error
        }
        self.pointer = pointer
        self.sink = sink
    }

    deinit { cairo_surface_destroy(pointer) }

    /// An ARGB32 image surface of `width × height` pixels (cleared to transparent).
    static func image(width: Int, height: Int) throws(PlotError) -> CairoSurface {
        try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), sink: nil,
                         operation: "image surface \(width)×\(height)")
    }

    /// An image surface holding a copy of `raster`.
    static func image(_ raster: Raster) throws(PlotError) -> CairoSurface {
        let s = try image(width: raster.width, height: raster.height)
        cairo_surface_flush(s.pointer)
        guard let data = cairo_image_surface_get_data(s.pointer) else {
            throw PlotError.backend(operation: "image surface data", status: "no pixel buffer")
        }
        let stride = Int(cairo_image_surface_get_stride(s.pointer))
        raster.pixels.withUnsafeBytes { src in
            guard let base = src.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            for row in 0..<raster.height {
                (data + row * stride).update(from: base + row * raster.width * 4, count: raster.width * 4)
            }
        }
        cairo_surface_mark_dirty(s.pointer)
        return s
    }

    /// A one-page PDF surface (sizes in points) streaming into memory.
    static func pdf(width: Double, height: Double) throws(PlotError) -> CairoSurface {
        let sink = ByteSink()
        let surface = try CairoSurface(cairo_pdf_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(), width, height),
                                       sink: sink, operation: "PDF surface \(width)×\(height)")
        // A fixed creation date: the same figure gives the same bytes (cairo writes the clock's otherwise).
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        return surface
    }

    func check(_ operation: String) throws(PlotError) {
        if let e = cairoError(cairo_surface_status(pointer), operation) { throw e }
    }

    /// Whether this is an image surface (pixels) rather than a vector one (PDF).
    var isImage: Bool { cairo_surface_get_type(pointer) == CAIRO_SURFACE_TYPE_IMAGE }

    /// Finishes a stream surface and returns everything it wrote.
    func finishedBytes() throws(PlotError) -> [UInt8] {
        cairo_surface_finish(pointer)
        try check("finish surface")
        return sink?.bytes ?? []
    }

    /// Encodes an image surface as PNG bytes (see `PNGEncoder`).
    func pngBytes() throws(PlotError) -> [UInt8] {
        cairo_surface_flush(pointer)
        try check("flush image surface")
        guard cairo_image_surface_get_format(pointer) == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(pointer) else {
            throw PlotError.backend(operation: "encode PNG", status: "not an ARGB32 image surface")
        }
        return try PNGEncoder.encode(data: data, width: Int(cairo_image_surface_get_width(pointer)),
                                     height: Int(cairo_image_surface_get_height(pointer)),
                                     stride: Int(cairo_image_surface_get_stride(pointer)))
    }

    /// Encodes an image surface as PNG through cairo's libpng writer: adaptive row filters (Paeth
    /// among them) and zlib's default level. Up to ten times smaller than `pngBytes()` on smooth
    /// fields (a decision boundary's colormap), and slower: for the small rasters an SVG embeds.
    func compressedPNGBytes() throws(PlotError) -> [UInt8] {
        cairo_surface_flush(pointer)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(pointer, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
        if let e = cairoError(status, "encode PNG") { throw e }
        return sink.bytes
    }

    /// Copies an image surface's pixels into a `Raster`.
    func raster() throws(PlotError) -> Raster {
        cairo_surface_flush(pointer)
        let w = Int(cairo_image_surface_get_width(pointer)), h = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw PlotError.backend(operation: "read image surface", status: "no pixel buffer")
        }
        var px = [UInt32](repeating: 0, count: w * h)
        px.withUnsafeMutableBytes { dst in
            guard let base = dst.baseAddress else { return }
            for row in 0..<h {
                (base + row * w * 4).copyMemory(from: data + row * stride, byteCount: w * 4)
            }
        }
        return Raster(width: w, height: h, pixels: px)
    }

    /// Takes ownership of a surface returned by a cairo constructor.
    static func wrapping(_ pointer: OpaquePointer?, operation: String) throws(PlotError) -> CairoSurface {
        try CairoSurface(pointer, sink: nil, operation: operation)
    }

    /// Loads a PNG file as an image surface.
    static func png(path: String) throws(PlotError) -> CairoSurface {
        try CairoSurface(cairo_image_surface_create_from_png(path), sink: nil, operation: "read PNG '\(path)'")
    }
}

/// Owns one `cairo_t` and keeps its target surface alive.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws(PlotError) {
        guard let cr = cairo_create(surface.pointer) else { throw PlotError.backend(operation: "create context", status: "returned nil") }
        if let e = cairoError(cairo_status(cr), "create context") { cairo_destroy(cr); throw e }
        pointer = cr
        self.surface = surface
    }

    deinit { cairo_destroy(pointer) }

    func check(_ operation: String) throws(PlotError) {
        if let e = cairoError(cairo_status(pointer), operation) { throw e }
    }
}
