import Foundation
import Plot
import PlotCairo
import PlotGallery
import Testing

@Suite struct GalleryTests {
    @Test func rendersEveryKindAsPNGAndSVG() throws {
        let dir = NSTemporaryDirectory() + "nnlab-gallery-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try Gallery.render(into: dir)
        #expect(paths.count == Gallery.figures().count * 2)
        for path in paths {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(path) is only \(size) bytes")
        }
        // Keep a copy for people to look at when asked to.
        if let out = ProcessInfo.processInfo.environment["NNLAB_GALLERY_DIR"] { _ = try Gallery.render(into: out) }
    }
}
