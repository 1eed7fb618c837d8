import Foundation
@testable import NNReport
@testable import Plot
import PlotCairo
import TestSupport
import Testing

/// The image problem on a CIFAR-10 batch (synthetic, written by the test): its figures at CIFAR's
/// size, with ten long class names and 32×32 colour images.
@Suite("Image problem from a CIFAR-10 batch", .serialized)
struct CIFARImageTests {
    static let yaml = """
    title: CIFAR
    sections: [image]
    image:
      name: "CIFAR-10 (a synthetic batch): an MLP"
      cifar: [data_batch_1.bin]
      test_fraction: 0.3
      model: {input: 3072, loss: cce, layers: [{type: dense, units: 16, activation: relu, initializer: he_uniform}, {type: dense, units: 10, activation: softmax}]}
      optimizer: {type: adam}
      epochs: 3
      batch_size: 32
      seed: 0
    """

    /// The report's figures by name, built from a 200-record batch in a temporary folder.
    static func figures() throws -> [String: ReportFigure] {
        let folder = NSTemporaryDirectory() + "nnlab-cifar-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(CIFARBatch.bytes(records: 200)).write(to: URL(fileURLWithPath: folder + "/data_batch_1.bin"))
        let experiment = try ExperimentFile.experiment(from: yaml, file: folder + "/cifar.yaml")
        let problem = try #require(experiment.image)
        #expect(problem.shape == .init(width: 32, height: 32, channels: 3))
        let built = LabReport(experiment: experiment, command: "nnlab report cifar.yaml").build()
        var figures: [String: ReportFigure] = [:]
        for case .figure(let figure) in built.document.sections.flatMap(\.blocks) { figures[figure.name] = figure }
        return figures
    }

    static func panel(_ figure: ReportFigure?) throws -> (Figure, Panel) {
        let figure = try #require(figure?.figure)
        return (figure, try #require(figure.panels.first))
    }

    @Test func confusionMatrixTurnsTheClassNamesWhole() throws {
        let (figure, panel) = try Self.panel(Self.figures()["image-confusion"])
        guard case .matrix(let matrix) = panel else { Issue.record("the confusion figure holds no matrix"); return }
        #expect(matrix.columns.contains("automobile"))
        let r = try CairoRenderer.forMeasurement()
        let layout = matrix.layout(in: figure.panelRects(renderer: r)[0], renderer: r, theme: figure.theme)
        #expect(layout.columnLabels.rotation != 0, "level names would overlap")
        #expect(layout.columnLabels.labels == matrix.columns, "no name shortened")
        #expect(layout.rowLabels.labels == matrix.rows)
    }

    @Test func everyMistakeHasItsCaptionAndIsInColour() throws {
        let figures = try Self.figures()
        let mistakes = try #require(figures["image-mistakes"])
        let (figure, panel) = try Self.panel(mistakes)
        guard case .images(let grid) = panel else { Issue.record("the mistakes figure holds no images"); return }
        #expect(grid.images.count > 3)
        #expect(grid.images.allSatisfy { $0.channels == 3 && $0.values.count == 3072 })
        let r = try CairoRenderer.forMeasurement()
        let layout = grid.layout(in: figure.panelRects(renderer: r)[0], renderer: r, theme: figure.theme)
        for (image, tile) in zip(grid.images, layout.tiles) {
            let caption = try #require(image.caption)
            #expect(caption.contains(" → ") && caption.hasSuffix("%)"))
            #expect(tile.caption.joined(separator: " ") == caption, "'\(caption)' drawn as \(tile.caption)")
        }
        #expect(mistakes.caption.contains("true → predicted") && mistakes.caption.contains("colour"))
        // Saturated pixels: the synthetic classes are discs of ten hues.
        let png = try Raster(pngBytes: figure.pngData())
        var colourful = 0
        for y in stride(from: 0, to: png.height, by: 2) {
            for x in stride(from: 0, to: png.width, by: 2) {
                let p = png.rgba(x: x, y: y)
                if max(p.r, p.g, p.b) - min(p.r, p.g, p.b) > 120 { colourful += 1 }
            }
        }
        #expect(colourful > 500, "\(colourful) saturated pixels")
        let weights = try #require(figures["image-weights"])
        guard case .images(let weightGrid) = try Self.panel(weights).1 else { Issue.record("no weight images"); return }
        #expect(weightGrid.images.allSatisfy { $0.channels == 3 } && weightGrid.center == 0 && weightGrid.scaling == .perImage)
        #expect(weights.caption.contains("colour image") && weights.caption.contains("symmetrically"))
    }

    @Test func theSameSeedDrawsTheSameBytes() throws {
        let first = try Self.figures(), second = try Self.figures()
        for name in ["image-confusion", "image-mistakes", "image-weights"] {
            let a = try #require(first[name]).figure, b = try #require(second[name]).figure
            #expect(try a.pngData() == b.pngData(), "\(name).png")
            #expect(try a.svgData(idPrefix: name) == b.svgData(idPrefix: name), "\(name).svg")
        }
    }
}
