import CCairo
import Foundation
import Plot

/// An output file format.
public enum ImageFormat: Sendable, Equatable {
    /// PNG at `scale` device pixels per figure unit (2 for HiDPI).
    case png(scale: Double)
    /// SVG with px document units, text as `<text>` elements.
    case svg
    /// One-page PDF, one point per figure unit.
    case pdf

    public static let png = ImageFormat.png(scale: 1)

    /// The format for a path's extension (`.png`, `.svg`, `.pdf`), or nil.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": self = .png
        case "svg": self = .svg
        case "pdf": self = .pdf
        default: return nil
        }
    }
}

extension Figure {
    /// Renders to PNG, SVG or PDF bytes in memory.
    public func render(_ format: ImageFormat) throws(PlotError) -> [UInt8] {
        try validate()
        switch format {
        case .png(let scale):
            return try drawImage(scale: scale).pngBytes()
        case .svg:
            return try svgDocument(idPrefix: "")
        case .pdf:
            let surface = try CairoSurface.pdf(width: width, height: height)
            try draw(on: surface, scale: 1)
            return try surface.finishedBytes()
        }
    }

    /// PNG bytes at `scale` device pixels per unit.
    public func pngData(scale: Double = 1) throws(PlotError) -> [UInt8] { try render(.png(scale: scale)) }

    /// SVG document bytes (UTF-8), text as `<text>` elements (`SVGRenderer`). Pass a distinct
    /// `idPrefix` per figure (e.g. "fig3-") when several SVGs are inlined into one HTML page, so their
    /// clip ids cannot collide.
    /// - Throws: `PlotError.invalidValue` for a prefix that is not a letter followed by letters, digits, - or _.
    public func svgData(idPrefix: String? = nil) throws(PlotError) -> [UInt8] {
        guard let idPrefix, !idPrefix.isEmpty else { return try render(.svg) }
        guard idPrefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              idPrefix.first?.isLetter == true else {
            throw PlotError.invalidValue(what: "SVG id prefix", expected: "a letter followed by letters, digits, - or _",
                                         received: "'\(idPrefix)'", location: name)
        }
        return try svgDocument(idPrefix: idPrefix)
    }

    /// The figure drawn (and validated) by an `SVGRenderer`.
    private func svgDocument(idPrefix: String) throws(PlotError) -> [UInt8] {
        let renderer = try SVGRenderer(width: width, height: height, idPrefix: idPrefix)
        try draw(in: renderer)
        return try renderer.document()
    }

    /// PDF document bytes.
    public func pdfData() throws(PlotError) -> [UInt8] { try render(.pdf) }

    /// Writes the figure to `path`, in `format` or the one its extension names.
    public func write(to path: String, format: ImageFormat? = nil) throws(PlotError) {
        guard let format = format ?? ImageFormat(path: path) else {
            throw PlotError.invalidValue(what: "output extension", expected: ".png, .svg or .pdf",
                                         received: "'\(path)'", location: name)
        }
        try Self.writeFile(render(format), to: path)
    }

    /// The figure drawn on an image surface, as pixels (for tests and further processing).
    public func rasterize(scale: Double = 1) throws(PlotError) -> Raster {
        try validate()
        return try drawImage(scale: scale).raster()
    }

    private var name: String { title.map { "figure '\($0)'" } ?? "figure" }

    private func drawImage(scale: Double) throws(PlotError) -> CairoSurface {
        guard scale > 0, scale.isFinite else {
            throw PlotError.invalidValue(what: "PNG scale", expected: "> 0", received: "\(scale)", location: name)
        }
        let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
        let surface = try CairoSurface.image(width: w, height: h)
        try draw(on: surface, scale: scale)
        return surface
    }

    private func draw(on surface: CairoSurface, scale: Double) throws(PlotError) {
        let renderer = try CairoRenderer(surface: surface, scale: scale)
        try draw(in: renderer)
        try renderer.check()
        cairo_surface_flush(surface.pointer)
        try surface.check("flush surface")
    }

    /// Writes bytes with stdio so that failures carry the system's reason.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(PlotError) {
        guard let file = fopen(path, "wb") else {
            throw PlotError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let writeErrno = errno
        let closed = fclose(file)
        guard written == bytes.count else {
            throw PlotError.cannotWrite(path: path, reason: "wrote \(written) of \(bytes.count) bytes: \(String(cString: strerror(writeErrno)))")
        }
        guard closed == 0 else { throw PlotError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }
}
