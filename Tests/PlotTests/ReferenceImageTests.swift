import Foundation
import Plot
import PlotCairo
import PlotGallery
import Testing

/// One reference image per figure kind: the gallery figure at a quarter of its size, compared per pixel.
///
/// Regenerate with `NNLAB_UPDATE_REFERENCES=1 swift test --scratch-path .build-plot --filter ReferenceImageTests`
/// after an intended visual change (and look at the images before committing them).
@Suite struct ReferenceImageTests {
    static let scale = 0.25
    /// A pixel differs when any channel is off by more than this.
    static let channelTolerance = 24
    /// At most this fraction of pixels may differ.
    static let differingFraction = 0.005

    static var sourceDirectory: String {
        (URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")).path
    }

    @Test(arguments: Gallery.figures().map(\.name)) func matchesReference(_ name: String) throws {
        let figure = try #require(Gallery.figures().first { $0.name == name }?.figure)
        let image = try figure.rasterize(scale: Self.scale)
        if ProcessInfo.processInfo.environment["NNLAB_UPDATE_REFERENCES"] != nil {
            try figure.write(to: Self.sourceDirectory + "/\(name).png", format: .png(scale: Self.scale))
            return
        }
        let path = try #require(Bundle.module.path(forResource: name, ofType: "png", inDirectory: "References"),
                                "missing reference image \(name).png")
        let reference = try Raster(contentsOfPNG: path)
        try #require(reference.width == image.width && reference.height == image.height,
                     "size \(image.width)×\(image.height), reference \(reference.width)×\(reference.height)")
        var differing = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let a = image.rgba(x: x, y: y), b = reference.rgba(x: x, y: y)
                let d = max(abs(Int(a.r) - Int(b.r)), abs(Int(a.g) - Int(b.g)), abs(Int(a.b) - Int(b.b)), abs(Int(a.a) - Int(b.a)))
                if d > Self.channelTolerance { differing += 1 }
            }
        }
        let fraction = Double(differing) / Double(image.width * image.height)
        #expect(fraction <= Self.differingFraction, "\(name): \(differing) pixels differ from the reference")
    }
}
