import CCairo
import Plot

/// Feeds bytes to cairo's PNG stream reader.
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// cairo_read_func_t reading from the `ByteSource` passed as closure.
func readFromSource(_ closure: UnsafeMutableRawPointer?, _ data: UnsafeMutablePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let n = Int(length)
    guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    guard n > 0 else { return CAIRO_STATUS_SUCCESS }
    source.bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { data.update(from: base + source.offset, count: n) } }
    source.offset += n
    return CAIRO_STATUS_SUCCESS
}

extension Raster {
    /// Decodes a PNG file (e.g. a reference image) into premultiplied ARGB32 pixels.
    public init(contentsOfPNG path: String) throws(PlotError) {
        self = try CairoSurface.png(path: path).raster()
    }

    /// Decodes PNG bytes (e.g. from `Figure.pngData()`).
    public init(pngBytes: [UInt8]) throws(PlotError) {
        let source = ByteSource(pngBytes)
        let surface = try CairoSurface.png(reading: source)
        self = try surface.raster()
    }

    /// Encodes the raster as PNG bytes.
    public func pngBytes() throws(PlotError) -> [UInt8] {
        try CairoSurface.image(self).pngBytes()
    }
}

extension CairoSurface {
    static func png(reading source: ByteSource) throws(PlotError) -> CairoSurface {
        try CairoSurface.wrapping(cairo_image_surface_create_from_png_stream(readFromSource, Unmanaged.passUnretained(source).toOpaque()),
                                  operation: "decode PNG bytes")
    }
}
