import Foundation
@testable import Plot
@testable import PlotCairo
import Testing

/// Image grids: captions that always fit their tile, and colour images drawn from their three planes.
@Suite struct ImageGridTests {
    static let cifar = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    /// Thirteen 32×32 colour tiles captioned "true → predicted (p%)" with CIFAR's names, as the report's mistakes grid.
    static func mistakes(_ captions: [String]) -> ImageGrid {
        let images = captions.map { GridImage(width: 32, height: 32, channels: 3, values: [Double](repeating: 128, count: 3072), caption: $0) }
        return ImageGrid(title: "Most confident mistakes: true → predicted (confidence)", images: images, columns: min(8, images.count),
                         scaling: .fixed(0, 255))
    }

    static let captions = (0..<13).map { k in "\(cifar[(k + 1) % 10]) → \(cifar[(k * 3) % 10 == (k + 1) % 10 ? 0 : (k * 3) % 10]) (\(90 - k)%)" }

    @Test func everyTileGetsItsWholeCaptionUnderItsImage() throws {
        #expect(Self.captions.contains { $0.hasPrefix("automobile → ") } && Self.captions.contains { $0.contains("→ automobile") })
        let figure = Figure(width: 900, height: 320, panel: .images(Self.mistakes(Self.captions)))
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        #expect(r.images.count == Self.captions.count)
        let layout = Self.mistakes(Self.captions).layout(in: figure.panelRects(renderer: r)[0], renderer: r, theme: figure.theme)
        for (tile, (caption, image)) in zip(layout.tiles, zip(Self.captions, r.images)) {
            // The texts drawn just under this image, within its width: its caption's lines, in order.
            let under = r.texts.filter { $0.box.minY >= image.maxY && $0.box.minY < image.maxY + 40 && $0.box.midX > image.minX && $0.box.midX < image.maxX }
            #expect(!under.isEmpty, "'\(caption)' was not drawn")
            #expect(under.map(\.text).joined(separator: " ") == caption, "'\(caption)' drawn as \(under.map(\.text))")
            #expect(under.allSatisfy { $0.box.width <= image.width + 1e-9 }, "'\(caption)' is wider than its image")
            #expect(tile.caption.count <= 2)
        }
        // Neighbouring captions keep apart (they used to run together as "airplaneautomobile").
        for (i, a) in r.texts.enumerated() {
            for b in r.texts[(i + 1)...] { #expect(!a.overlaps(b, tolerance: 0), "'\(a.text)' touches '\(b.text)'") }
        }
    }

    @Test func aCaptionTooLongForItsTileIsShortenedNotDropped() throws {
        let long = "a class name far too long for any tile → another one (99%)"
        let grid = ImageGrid(images: (0..<12).map { GridImage(width: 4, height: 4, values: [Double](repeating: 0, count: 16), caption: $0 == 5 ? long : "x") },
                             columns: 12, captionLines: 2)
        let figure = Figure(width: 400, height: 100, panel: .images(grid))
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let layout = grid.layout(in: figure.panelRects(renderer: r)[0], renderer: r, theme: figure.theme)
        #expect(layout.tiles.allSatisfy { !$0.caption.isEmpty && !$0.caption.joined().isEmpty })
        let tile = layout.tiles[5]
        #expect(tile.caption.count == 2 && tile.caption.last?.hasSuffix("…") == true)
        #expect(tile.caption.allSatisfy { r.measure($0, font: tile.captionFont).width <= layout.captionWidth })
    }

    @Test func colourImagesAreDrawnFromTheirRedGreenAndBluePlanes() throws {
        // Pure red, green and blue images, and one red on the left half and blue on the right (planar: R plane, G, B).
        func solid(_ rgb: [Double]) -> GridImage { GridImage(width: 2, height: 2, channels: 3, values: rgb.flatMap { [Double](repeating: $0, count: 4) }) }
        let split = GridImage(width: 2, height: 1, channels: 3, values: [255, 0, 0, 0, 0, 255])
        let grid = ImageGrid(images: [solid([255, 0, 0]), solid([0, 255, 0]), solid([0, 0, 255]), split], columns: 4, scaling: .fixed(0, 255))
        let figure = Figure(width: 400, height: 120, panel: .images(grid))
        let image = try figure.rasterize()
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let boxes = r.images
        #expect(boxes.count == 4)
        #expect(image.matches(boxes[0].midX, boxes[0].midY, Color(red: 1, green: 0, blue: 0), tolerance: 0))
        #expect(image.matches(boxes[1].midX, boxes[1].midY, Color(red: 0, green: 1, blue: 0), tolerance: 0))
        #expect(image.matches(boxes[2].midX, boxes[2].midY, Color(red: 0, green: 0, blue: 1), tolerance: 0))
        #expect(image.matches(boxes[3].minX + boxes[3].width * 0.25, boxes[3].midY, Color(red: 1, green: 0, blue: 0), tolerance: 0))
        #expect(image.matches(boxes[3].minX + boxes[3].width * 0.75, boxes[3].midY, Color(red: 0, green: 0, blue: 1), tolerance: 0))
        // The same pixels in the PNG file's bytes.
        let png = try Raster(pngBytes: figure.pngData())
        #expect(png.matches(boxes[0].midX, boxes[0].midY, Color(red: 1, green: 0, blue: 0), tolerance: 0))
    }

    @Test func colourWeightsAreScaledSymmetricallyAroundMidGrey() throws {
        // Red weights +2, green 0, blue −1 on one pixel; the other pixel all 0: 0.5 + 0.5 w / max|w|.
        let weights = GridImage(width: 2, height: 1, channels: 3, values: [2, 0, 0, 0, -1, 0])
        let pixels = Raster.rgb(weights.values, columns: 2, rows: 1, scale: ColorScale(.grays, lower: -1, upper: 2, center: 0))
        let first = pixels.rgba(x: 0, y: 0), second = pixels.rgba(x: 1, y: 0)
        #expect(first.r == 255 && first.g == 128 && first.b == 64 && first.a == 255)
        #expect(second.r == 128 && second.g == 128 && second.b == 128)
        let grid = ImageGrid(images: [weights], scaling: .perImage, center: 0)
        let figure = Figure(width: 200, height: 120, panel: .images(grid))
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let box = try #require(r.images.first)
        #expect(try figure.rasterize().matches(box.minX + box.width / 4, box.midY, Color(red: 1, green: 128 / 255, blue: 64 / 255), tolerance: 1))
    }

    @Test func imagesWithAnUnsupportedChannelCountAreRefused() {
        let grid = ImageGrid(images: [GridImage(width: 2, height: 2, channels: 2, values: [Double](repeating: 0, count: 8), caption: "two")])
        #expect(throws: PlotError.invalidValue(what: "channels", expected: "1 or 3", received: "2", location: "figure › panel 1 › image 0 'two'")) {
            try Figure(panel: .images(grid)).pngData()
        }
    }
}
