import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plot
import PlotCairo
import PlotGallery
import Testing

/// Collects element names and the root's attributes from an SVG document.
final class SVGSummary: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var root: [String: String] = [:]
    var images: [[String: String]] = []

    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? PlotError.backend(operation: "parse SVG", status: "failed") }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if counts.isEmpty { root = attributes }
        counts[name, default: 0] += 1
        if name == "image" { images.append(attributes) }
    }
}

@Suite struct FormatTests {
    @Test func svgIsXMLInPixelUnits() throws {
        let svg = try SVGSummary(SyntheticFigures.benchmarkLines(count: 200).svgData())
        #expect(svg.root["width"] == "800px")
        #expect(svg.root["height"] == "600px")
        #expect(svg.root["viewBox"] == "0 0 800 600")
        #expect(svg.counts["svg"] == 1)
        #expect((svg.counts["path"] ?? 0) > 10)
        #expect(svg.counts["image"] == nil)
    }

    @Test func decisionBoundaryIsOneEmbeddedImage() throws {
        let svg = try SVGSummary(SyntheticFigures.decisionBoundary(grid: 200, points: 50).svgData())
        // The 200×200 field and the 1×256 colorbar: two images, never one shape per cell.
        #expect(svg.images.count == 2)
        #expect(svg.images.contains { $0["width"] == "200" && $0["height"] == "200" })
        #expect((svg.counts["rect"] ?? 0) + (svg.counts["path"] ?? 0) < 2000)
    }

    @Test func pdfHasSignatureAndPageSize() throws {
        let pdf = try SyntheticFigures.benchmarkLines(count: 100).pdfData()
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 800 600 ]"))
        #expect(text.contains("%%EOF"))
    }

    @Test func pngBytesHaveSignatureAndSize() throws {
        let png = try SyntheticFigures.scatter().pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try Raster(pngBytes: png)
        #expect(image.width == 640 && image.height == 480)
    }

    @Test func writesFilesByExtension() throws {
        let dir = NSTemporaryDirectory() + "nnlab-plot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fig = SyntheticFigures.bars()
        for ext in ["png", "svg", "pdf"] {
            let path = dir + "/bars." + ext
            try fig.write(to: path)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.count > 1000)
            if ext == "pdf" {  // carries a creation date
                #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
            } else if ext == "svg" {  // cairo numbers ids process-wide, so compare the structure
                #expect(try SVGSummary(bytes).counts == SVGSummary(fig.svgData()).counts)
            } else {
                #expect(bytes == (try fig.render(ImageFormat(path: path)!)), "file equals in-memory bytes for .\(ext)")
            }
        }
    }

    @Test func rendersInParallelLikeSerially() async throws {
        let figures = Gallery.figures()
        let serial = try figures.map { try $0.figure.pngData() }
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (i, f) in figures.enumerated() { group.addTask { (i, try f.figure.pngData()) } }
            var out = [[UInt8]](repeating: [], count: figures.count)
            for try await (i, bytes) in group { out[i] = bytes }
            return out
        }
        #expect(parallel == serial)
    }
}

@Suite struct PNGEncoderTests {
    @Test func decodesToTheSamePixelsAsCairosWriter() throws {
        let raster = try SyntheticFigures.decisionBoundary(grid: 60, points: 40, width: 300, height: 200).rasterize()
        let ours = try Raster(pngBytes: raster.pngBytes())
        #expect(ours == raster)
    }

    @Test func translucentPixelsRoundTrip() throws {
        // Premultiplied ARGB: opaque red, half-transparent green, fully transparent.
        let raster = Raster(width: 3, height: 2, pixels: [0xFFFF_0000, 0x8000_8000, 0, 0xFF00_00FF, 0x4040_4040, 0xFFFF_FFFF])
        let back = try Raster(pngBytes: raster.pngBytes())
        #expect(back.width == 3 && back.height == 2)
        for (x, y) in [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1)] {
            let a = raster.rgba(x: x, y: y), b = back.rgba(x: x, y: y)
            #expect(abs(Int(a.r) - Int(b.r)) <= 2 && abs(Int(a.g) - Int(b.g)) <= 2 && abs(Int(a.b) - Int(b.b)) <= 2 && a.a == b.a)
        }
    }
}

@Suite struct VectorImageTests {
    @Test func nearestImagesAreUpsampledForSVG() throws {
        let svg = try SVGSummary(Figure(width: 300, height: 240, panel: .matrix(.confusion(counts: [[3, 1], [0, 4]], classes: ["a", "b"]))).svgData())
        let image = try #require(svg.images.first)
        // A 2×2 matrix over ~200 px: each cell repeated to at least its displayed size.
        #expect(Int(image["width"] ?? "") ?? 0 >= 150)
        #expect(Int(image["height"] ?? "") ?? 0 >= 150)
    }

    @Test func upsamplingRepeatsPixels() {
        let r = Raster(width: 2, height: 1, pixels: [1, 2]).upsampled(2, 3)
        #expect(r.width == 4 && r.height == 3)
        #expect(r.pixels == [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2])
    }
}

@Suite struct SVGIdentifierTests {
    /// All ids defined in a document, and all ids it references.
    func ids(_ svg: [UInt8]) throws -> (defined: Set<String>, referenced: Set<String>) {
        let text = String(decoding: svg, as: UTF8.self)
        func captures(_ pattern: String) throws -> Set<String> {
            let re = try NSRegularExpression(pattern: pattern)
            return Set(re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            })
        }
        return (try captures(" id=\"([^\"]+)\""), try captures("(?:href=\"#|url\\(#)([^\")]+)"))
    }

    @Test func prefixedDocumentsDoNotShareIds() throws {
        let a = try SyntheticFigures.scatter().svgData(idPrefix: "fig1-")
        let b = try SyntheticFigures.decisionBoundary(grid: 40, points: 40).svgData(idPrefix: "fig2-")
        let (da, ra) = try ids(a), (db, rb) = try ids(b)
        #expect(!da.isEmpty && !db.isEmpty)
        #expect(da.isDisjoint(with: db))
        #expect(ra.isSubset(of: da), "every reference resolves inside its own document")
        #expect(rb.isSubset(of: db))
        #expect(da.allSatisfy { $0.hasPrefix("fig1-") })
        _ = try SVGSummary(b)  // still well-formed XML
        #expect(throws: PlotError.self) { try SyntheticFigures.scatter().svgData(idPrefix: "1 bad\"") }
    }

    @Test func identicalFiguresGiveIdenticalSVGBytes() throws {
        // Cairo numbers embedded images from a process-wide counter; the ids are renumbered per document.
        let figure = SyntheticFigures.decisionBoundary(grid: 40, points: 40)
        let first = try figure.svgData(idPrefix: "f-")
        _ = try SyntheticFigures.scatter().svgData(idPrefix: "g-")
        #expect(try figure.svgData(idPrefix: "f-") == first)
        #expect(String(decoding: first, as: UTF8.self).contains("id=\"f-image"))
    }
}

@Suite struct PNGDecodingTests {
    @Test func garbageIsAnErrorNotACrash() {
        #expect(throws: PlotError.self) { try Raster(pngBytes: []) }
        #expect(throws: PlotError.self) { try Raster(pngBytes: Array("not a png".utf8)) }
        #expect(throws: PlotError.self) { try Raster(contentsOfPNG: "/nonexistent/file.png") }
    }
}
