import ArgumentParser
import Foundation
import NNCore
import NNReport
import PlotCairo
import PlotGallery
import NNFiles

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

    @Option(help: "The folder to write (created, or replaced if NNLab wrote it; any other existing folder is refused).")
    var output = "output/gallery"

    func run() throws {
        do throws(any Error) {
            let destination = try OwnedFolder.check(output)
            let paths = try destination.write(marker: "nnlab \(NNLabInfo.version) gallery\n") { building in
                try Gallery.render(into: building)
            }
            print("wrote \(paths.count) files to \(Terminal.path(output))/")
        } catch {
            fail(error)
        }
    }
}
