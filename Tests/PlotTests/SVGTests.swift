import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Plot
@testable import PlotCairo
import PlotGallery
import Testing

/// An SVG document read back with `XMLParser`: element counts, the root's attributes, every
/// `<text>` (attributes and content), `<image>` and id.
final class SVGSummary: NSObject, XMLParserDelegate {
    struct Text { var attributes: [String: String]; var content = "" }
    var counts: [String: Int] = [:]
    var root: [String: String] = [:]
    var images: [[String: String]] = []
    var texts: [Text] = []
    var ids: [String] = []
    private var inText = false

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
        if let id = attributes["id"] { ids.append(id) }
        if name == "image" { images.append(attributes) }
        if name == "text" { texts.append(Text(attributes: attributes)); inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1].content += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    /// The pixels of the `index`-th image, decoded from its base64 PNG.
    func raster(_ index: Int) throws -> Raster {
        let href = try #require(images[index]["xlink:href"])
        let prefix = "data:image/png;base64,"
        #expect(href.hasPrefix(prefix))
        let png = try #require(Data(base64Encoded: String(href.dropFirst(prefix.count))))
        return try Raster(pngBytes: [UInt8](png))
    }
}

/// Every drawing call a figure makes, measured with cairo as the SVG renderer measures.
final class DrawingLog: Renderer {
    struct Text { var text: String; var point: Point; var style: TextStyle }
    let base: CairoRenderer
    var texts: [Text] = []
    var paths = 0
    var images: [(rect: Rect, smoothing: ImageSmoothing)] = []
    init() throws { base = try CairoRenderer.forMeasurement() }
    func fill(_ path: Path, color: Color) { paths += 1 }
    func stroke(_ path: Path, style: StrokeStyle) { paths += 1 }
    func measure(_ text: String, font: Font) -> TextMetrics { base.measure(text, font: font) }
    func draw(text: String, at point: Point, style: TextStyle) {
        if !text.isEmpty { texts.append(Text(text: text, point: point, style: style)) }
    }
    func draw(image raster: Raster, in rect: Rect, smoothing: ImageSmoothing) { images.append((rect, smoothing)) }
    func pushClip(_ rect: Rect) {}
    func popClip() {}

    static func of(_ figure: Figure) throws -> DrawingLog {
        let log = try DrawingLog()
        try figure.draw(in: log)
        return log
    }
}

/// SVG output (`SVGRenderer`): text as `<text>` placed as in the PNG, escaped, identical bytes.
@Suite struct SVGTextTests {
    @Test func titleAndTickLabelsAreTextElementsNotGlyphOutlines() throws {
        let figure = SyntheticFigures.trainingCurves()
        let svg = try SVGSummary(figure.svgData())
        let log = try DrawingLog.of(figure)
        // Every text the figure draws is one <text>, in drawing order, and nothing else is drawn as text.
        #expect(svg.texts.map(\.content) == log.texts.map(\.text))
        let contents = Set(svg.texts.map(\.content))
        #expect(contents.contains("Training curves (median and IQR over 5 seeds)"))
        #expect(contents.isSuperset(of: ["epoch", "loss", "accuracy", "0", "20", "0.1", "10"]))
        // No glyphs: one <path> per fill or stroke, no <symbol>/<use> glyph definitions.
        #expect(svg.counts["path"] == log.paths)
        #expect(svg.counts["symbol"] == nil && svg.counts["use"] == nil)
        #expect(svg.root["font-family"] == "DejaVu Sans, Verdana, sans-serif")
    }

    /// For every gallery figure: each `<text>` sits where the PNG draws it — x at the anchor, y at the
    /// anchor moved to the baseline by the font's ascent/descent, the horizontal anchor as
    /// `text-anchor`, the font's size and weight, the rotation about the anchor.
    @Test(arguments: Gallery.figures().map(\.name))
    func textIsPlacedAsInThePNG(_ name: String) throws {
        let figure = try #require(Gallery.figures().first { $0.name == name }).figure
        let svg = try SVGSummary(figure.svgData())
        let log = try DrawingLog.of(figure)
        let metrics = try CairoRenderer.forMeasurement()
        #expect(svg.texts.count == log.texts.count)
        for (text, drawn) in zip(svg.texts, log.texts) {
            let a = text.attributes, font = drawn.style.font
            let (ascent, descent) = metrics.lineMetrics(font)
            let dy: Double = switch drawn.style.anchor.vertical {
            case .top: ascent
            case .middle: (ascent - descent) / 2
            case .baseline: 0
            case .bottom: -descent
            }
            #expect(text.content == drawn.text)
            #expect(abs((Double(a["x"] ?? "") ?? .nan) - drawn.point.x) <= 0.005, "\(drawn.text): x")
            #expect(abs((Double(a["y"] ?? "") ?? .nan) - (drawn.point.y + dy)) <= 0.005, "\(drawn.text): baseline")
            #expect(abs((Double(a["font-size"] ?? "") ?? .nan) - font.size) <= 0.005, "\(drawn.text): size")
            #expect((a["font-weight"] == "bold") == (font.weight == .bold))
            let anchor: String? = switch drawn.style.anchor.horizontal { case .leading: nil; case .center: "middle"; case .trailing: "end" }
            #expect(a["text-anchor"] == anchor, "\(drawn.text): anchor")
            if drawn.style.rotation == 0 {
                #expect(a["transform"] == nil)
            } else {
                let numbers = try #require(a["transform"]).dropFirst("rotate(".count).dropLast().split(separator: " ").compactMap { Double($0) }
                #expect(numbers.count == 3)
                #expect(abs(numbers[0] + drawn.style.rotation) <= 0.005, "\(drawn.text): counter-clockwise is SVG's negative angle")
                #expect(abs(numbers[1] - drawn.point.x) <= 0.005 && abs(numbers[2] - drawn.point.y) <= 0.005, "\(drawn.text): turns about its anchor")
            }
        }
    }

    @Test func turnedNamesCarryTheirRotation() throws {
        let svg = try SVGSummary(SyntheticFigures.namedConfusionMatrix().svgData())
        // The row name level, the column name turned 45° (CategoryLabels).
        let automobile = svg.texts.filter { $0.content == "automobile" }.map { $0.attributes["transform"] }
        #expect(automobile.count == 2 && automobile.contains(nil) && automobile.contains { $0?.hasPrefix("rotate(-45 ") == true })
        let axis = try #require(svg.texts.first { $0.content == "true class" })
        #expect(axis.attributes["transform"]?.hasPrefix("rotate(-90 ") == true)
        // Any angle, about the anchor point.
        let r = try SVGRenderer(width: 100, height: 100)
        r.draw(text: "30°", at: Point(10, 20), style: TextStyle(font: Font(size: 10), color: .black, anchor: TextAnchor(.leading, .baseline), rotation: 30))
        let one = try SVGSummary(r.document())
        #expect(one.texts.first?.attributes["transform"] == "rotate(-30 10 20)")
        #expect(one.texts.first?.attributes["y"] == "20" && one.texts.first?.content == "30°")
    }

    @Test func userTextIsEscapedAndTheDocumentStaysXML() throws {
        let title = "a < b & \"c\" 'd' > e"
        let figure = Figure(title: title + "\u{7}\n", width: 500, height: 300,
                            panels: [.chart(Chart(title: "</text><script>x</script>", x: Axis("x & y"), y: Axis("]]>"),
                                                  marks: [LineSeries("<&>", y: [1, 2]), LineSeries("b", y: [2, 1])]))])
        let bytes = try figure.svgData(idPrefix: "t-")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script") && text.contains("&lt;/text&gt;&lt;script&gt;"))
        #expect(text.contains("a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e</text>"), "control characters dropped")
        let document = try XMLDocument(data: Data(bytes), options: [])
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains(title) && texts.contains("</text><script>x</script>") && texts.contains("x & y") && texts.contains("]]>"))
        #expect(texts.contains("<&>"), "legend names too")
        #expect(try document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
    }

    @Test func theSameFigureGivesTheSameBytes() throws {
        let figure = SyntheticFigures.decisionBoundary(grid: 40, points: 40)
        let first = try figure.svgData(idPrefix: "f-")
        _ = try SyntheticFigures.scatter().svgData(idPrefix: "f-")
        #expect(try figure.svgData(idPrefix: "f-") == first)
        #expect(String(decoding: first, as: UTF8.self).contains("<clipPath id=\"f-clip1\">"))
    }

    @Test func distinctPrefixesShareNoIdsAndEveryReferenceResolves() throws {
        let a = try SVGSummary(SyntheticFigures.smallMultiples().svgData(idPrefix: "fig1-"))
        let bytes = try SyntheticFigures.decisionBoundary(grid: 40, points: 40).svgData(idPrefix: "fig2-")
        let b = try SVGSummary(bytes)
        #expect(a.ids.count > 1 && !b.ids.isEmpty)
        #expect(Set(a.ids).count == a.ids.count, "each clip rectangle defined once")
        #expect(Set(a.ids).isDisjoint(with: b.ids))
        #expect(a.ids.allSatisfy { $0.hasPrefix("fig1-") } && b.ids.allSatisfy { $0.hasPrefix("fig2-") })
        let text = String(decoding: bytes, as: UTF8.self)
        let references = try NSRegularExpression(pattern: "url\\(#([^)]+)\\)").matches(in: text, range: NSRange(text.startIndex..., in: text))
            .compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        #expect(!references.isEmpty && Set(references).isSubset(of: b.ids))
        #expect(throws: PlotError.self) { try SyntheticFigures.scatter().svgData(idPrefix: "1 bad\"") }
    }

    @Test func imagesAreEmbeddedPNGsOverTheirRectangles() throws {
        let figure = SyntheticFigures.decisionBoundary(grid: 200, points: 50)
        let svg = try SVGSummary(figure.svgData())
        let log = try DrawingLog.of(figure)
        // The 200×200 field and the 1×256 colour bar: two images, never one shape per cell.
        #expect(svg.images.count == 2 && log.images.count == 2)
        for (i, (image, drawn)) in zip(svg.images, log.images).enumerated() {
            for (key, value) in [("x", drawn.rect.x), ("y", drawn.rect.y), ("width", drawn.rect.width), ("height", drawn.rect.height)] {
                #expect(abs((Double(image[key] ?? "") ?? .nan) - value) <= 0.005, "\(key)")
            }
            #expect(image["preserveAspectRatio"] == "none" && image["image-rendering"] == "optimizeQuality")
            _ = try svg.raster(i)
        }
        #expect(try svg.raster(0).width == 200 && svg.raster(0).height == 200)
        #expect(try svg.raster(1).width == 1 && svg.raster(1).height == 256)
        #expect((svg.counts["rect"] ?? 0) + (svg.counts["path"] ?? 0) < 2000)
    }

    @Test func nearestImagesArePixelatedAndCoverTheirDisplayedSize() throws {
        let classes = ["a", "b"]
        let figure = Figure(width: 300, height: 240, panel: .matrix(.confusion(counts: [[3, 1], [0, 4]], classes: classes)))
        let svg = try SVGSummary(figure.svgData())
        let image = try #require(svg.images.first)
        #expect(image["style"] == "image-rendering:pixelated" && image["image-rendering"] == "optimizeSpeed")
        // A 2×2 matrix over ~200 px: each cell repeated to at least its displayed size, so a viewer
        // that smooths anyway blurs only the cells' edges.
        let raster = try svg.raster(0)
        #expect(Double(raster.width) >= Double(image["width"] ?? "") ?? .infinity)
        #expect(Double(raster.height) >= Double(image["height"] ?? "") ?? .infinity)
        #expect(raster.width % 2 == 0 && raster.rgba(x: 0, y: 0) == raster.rgba(x: raster.width / 2 - 1, y: raster.height / 2 - 1))
        #expect(raster.rgba(x: 0, y: 0) != raster.rgba(x: raster.width - 1, y: 0), "cells keep their colours")
    }

    @Test func extremeCoordinatesStillGiveXML() throws {
        let huge = Figure(Chart(marks: [LineSeries("a", x: [0, 1], y: [-1e308, 1e308])]))
        _ = try SVGSummary(huge.svgData())
        let empty = Figure(Chart(title: "nothing yet"))
        #expect(try SVGSummary(empty.svgData()).texts.map(\.content).contains("nothing yet"))
    }
}

@Suite struct SVGWriterTests {
    func written(_ body: (inout SVGWriter) -> Void) -> String {
        var w = SVGWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func numbersHaveFixedDecimalsAndNoLocale() {
        let cases: [(Double, String)] = [(0, "0"), (1, "1"), (-2.25, "-2.25"), (0.1 + 0.2, "0.3"), (0.005, "0.01"), (-0.004, "0"),
                                         (1234.5, "1234.5"), (10.05, "10.05"), (-0.0, "0"), (1e300, "1000000000"), (.nan, "0")]
        for (value, text) in cases { #expect(written { $0.number(value) } == text, "\(value)") }
        #expect(written { $0.number(0.5, decimals: 3) } == "0.5")
        #expect(written { $0.number(0.0626, decimals: 3) } == "0.063")
        #expect(written { $0.paint("fill", Color(hex: 0x0072B2, alpha: 0.25), opacity: "fill-opacity") } == " fill=\"#0072b2\" fill-opacity=\"0.25\"")
    }

    @Test func pathsAreWrittenAsCairoBuildsThem() {
        var p = Path()
        p.line(to: Point(1, 2))  // no current point: starts a sub-path, as cairo_line_to does
        p.line(to: Point(3.5, 4))
        p.close()
        p.addRect(Rect(x: 1, y: 1, width: 2, height: 3))
        p.addCircle(center: Point(5, 5), radius: 2)
        #expect(written { $0.pathData(p) } == " d=\"M1 2L3.5 4ZM1 1H3V4H1ZM7 5A2 2 0 1 1 3 5A2 2 0 1 1 7 5Z\"")
        #expect(SVGWriter.isWritable(p) && !SVGWriter.isWritable(Path()))
        #expect(!SVGWriter.isWritable(.segment(Point(0, 0), Point(.nan, 1))), "a non-finite path is not written")
    }
}
