import ArgumentParser
import Foundation
import NNCore
import NNReport
import PlotCairo
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
            let building = try destination.beginBuilding(marker: "nnlab \(NNLabInfo.version) gallery\n")
            let paths: [String]
            do {
                paths = try Gallery.render(into: building)
                try destination.replace(with: building)
            } catch {
                destination.abandon(building)
                throw error
            }
            print("wrote \(paths.count) files to \(Terminal.path(output))/")
        } catch {
            fail(error)
        }
    }
}
