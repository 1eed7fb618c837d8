import ArgumentParser

/// `nnlab gallery`: one of each figure kind (wired to the plotting layer when it lands).
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Render one of each figure kind with synthetic data into output/gallery/."
    )

    @Option(help: "The folder to write into.")
    var output = "output/gallery"

    func run() throws {
        throw ValidationError("the figure gallery is not built into this version yet")
    }
}
