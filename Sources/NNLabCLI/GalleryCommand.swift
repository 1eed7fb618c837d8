import ArgumentParser
import Foundation
import NNCore
import PlotCairo

/// `nnlab gallery`: one of each figure kind, rendered from synthetic data.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Render one of each figure kind with synthetic data (PNG and SVG).",
        discussion: """
        Example:
          nnlab gallery                      writes output/gallery/*.png and *.svg
          nnlab gallery --output /tmp/figs
        """
    )

    @Option(help: "The folder to write into (created if missing).")
    var output = "output/gallery"

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            fail(InputError(file: output, message: "expected a folder that can be created, received an error: \(error.localizedDescription)"))
        }
        do {
            let paths = try Gallery.render(into: output)
            print("wrote \(paths.count) files to \(output)/")
        } catch {
            fail(error)
        }
    }
}
