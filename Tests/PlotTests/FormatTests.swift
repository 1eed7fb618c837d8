import Foundation
import Plot
import PlotCairo
import PlotGallery
import Testing

@Suite struct FormatTests {
    @Test func svgIsXMLInPixelUnits() throws {
        let svg = try SVGSummary(SyntheticFigures.benchmarkLines(count: 200).svgData())
        #expect(svg.root["width"] == "800px")
        #expect(svg.root["height"] == "600px")
        #expect(svg.root["viewBox"] == "0 0 800 600")
        #expect(svg.counts["svg"] == 1)
        #expect((svg.counts["path"] ?? 0) >= 2 && (svg.counts["text"] ?? 0) > 10)
        #expect(svg.counts["image"] == nil)
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
    @Test func upsamplingRepeatsPixels() {
        let r = Raster(width: 2, height: 1, pixels: [1, 2]).upsampled(2, 3)
        #expect(r.width == 4 && r.height == 3)
        #expect(r.pixels == [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2])
    }
}

@Suite struct PNGDecodingTests {
    @Test func garbageIsAnErrorNotACrash() {
        #expect(throws: PlotError.self) { try Raster(pngBytes: []) }
        #expect(throws: PlotError.self) { try Raster(pngBytes: Array("not a png".utf8)) }
        #expect(throws: PlotError.self) { try Raster(contentsOfPNG: "/nonexistent/file.png") }
    }
}
