import Foundation
@testable import Plot
@testable import PlotCairo
import Testing

/// How a matrix's row and column names are fitted to their cells (`CategoryLabels`).
@Suite struct CategoryLabelTests {
    static let cifar = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    static let digits = (0..<10).map(String.init)
    let font = Theme.standard.tickFont

    @Test func namesThatFitTheirCellsStayLevel() throws {
        let r = try CairoRenderer.forMeasurement()
        let labels = CategoryLabels.columns(Self.digits, cell: 40, room: 150, font: font, renderer: r)
        #expect(labels.rotation == 0 && labels.labels == Self.digits && labels.font == font)
        #expect(labels.extent == r.lineHeight(font))
    }

    @Test func namesWiderThanTheirCellsTurnBeforeTheyAreShortened() throws {
        let r = try CairoRenderer.forMeasurement()
        let h = r.lineHeight(font), automobile = r.measure("automobile", font: font).width
        // Cells as wide as the 560-pixel confusion matrix's: "automobile" does not fit level, neighbours clear at 45°.
        let cell = 45.0
        #expect(automobile + CategoryLabels.gap > cell && cell * sin(.pi / 4) >= h + CategoryLabels.gap)
        let turned = CategoryLabels.columns(Self.cifar, cell: cell, room: 150, font: font, renderer: r)
        #expect(turned.rotation == 45)
        #expect(turned.labels == Self.cifar, "every name whole")
        #expect(abs(turned.extent - (automobile + h) * sin(.pi / 4)) < 1e-9)
        // Too narrow for 45° (neighbours a line apart need cell · sin 45° ≥ h + gap), wide enough upright.
        let narrow = (h + CategoryLabels.gap) * 1.2
        let upright = CategoryLabels.columns(Self.cifar, cell: narrow, room: 150, font: font, renderer: r)
        #expect(upright.rotation == 90 && upright.labels == Self.cifar && abs(upright.extent - automobile) < 1e-9)
    }

    @Test func namesAreShortenedOnlyWhenTurnedOnesExceedTheirRoom() throws {
        let r = try CairoRenderer.forMeasurement()
        let room = 30.0
        let short = CategoryLabels.columns(Self.cifar, cell: 45, room: room, font: font, renderer: r)
        #expect(short.rotation == 45, "45° leaves longer names than 90° in a low room")
        #expect(short.extent <= room + 1e-9)
        #expect(short.labels.contains { $0.hasSuffix("…") })
        #expect(short.labels.contains("cat") && short.labels.contains("dog"), "names that fit stay whole")
        for (name, label) in zip(Self.cifar, short.labels) {
            #expect(label == name || name.hasPrefix(String(label.dropLast())), "\(label) abbreviates \(name)")
        }
    }

    @Test func cellsTooNarrowForAnUprightLineWriteEveryKthNameSmaller() throws {
        let r = try CairoRenderer.forMeasurement()
        let names = (0..<60).map { "class \($0)" }
        let labels = CategoryLabels.columns(names, cell: 5, room: 150, font: font, renderer: r)
        #expect(labels.rotation == 90 && labels.font.size == font.size * 0.7)
        let every = try #require(labels.labels.indices.dropFirst().first { !labels.labels[$0].isEmpty })
        #expect(every > 1 && !labels.labels[0].isEmpty)
        // Written names are at least a line (and the gap) apart.
        #expect(Double(every) * 5 >= r.lineHeight(labels.font) + CategoryLabels.gap)
        #expect(labels.labels.enumerated().allSatisfy { ($0.offset % every == 0) == !$0.element.isEmpty })
    }

    @Test func rowNamesAreShortenedToTheirRoom() throws {
        let r = try CairoRenderer.forMeasurement()
        let labels = CategoryLabels.rows(["a very long class name indeed", "b"], cell: 40, room: 60, font: font, renderer: r)
        #expect(labels.labels[0].hasSuffix("…") && labels.labels[1] == "b")
        #expect(labels.extent <= 60)
    }

    /// The drawn confusion matrix: CIFAR's names turn 45° whole, inside the figure, without touching;
    /// the digits' stay level.
    @Test(arguments: [(cifar, 45.0), (digits, 0.0)]) func confusionMatrixNamesDoNotOverlap(_ names: [String], rotation: Double) throws {
        let counts = names.indices.map { t in names.indices.map { p in t == p ? 50 : (t + p) % 3 } }
        let figure = Figure(width: 560, height: 520, panel: .matrix(.confusion(title: "Confusion matrix (test images)", counts: counts, classes: names)))
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let page = Rect(x: 0, y: 0, width: figure.width, height: figure.height)
        let grid = MatrixHeatmap.confusion(counts: counts, classes: names).layout(in: figure.panelRects(renderer: r)[0], renderer: r, theme: figure.theme).grid
        let columnNames = r.texts.filter { $0.box.minY > grid.maxY && names.contains($0.text) }
        if rotation != 0 {
            // Level, neighbouring names would run together ("airplaneautomobile").
            let cell = grid.width / Double(names.count)
            let level = (0..<2).map { j in
                let style = TextStyle(font: font, color: .black, anchor: .topCenter), point = Point(grid.minX + (Double(j) + 0.5) * cell, grid.maxY + 4)
                return RecordedText(text: names[j], box: r.box(of: names[j], at: point, style: style), corners: r.corners(of: names[j], at: point, style: style), style: style)
            }
            #expect(level[0].overlaps(level[1]))
        }
        #expect(columnNames.map(\.text) == names, "every column name written whole")
        #expect(columnNames.allSatisfy { $0.style.rotation == rotation })
        for (i, a) in r.texts.enumerated() {
            #expect(page.contains(a.box, tolerance: 0.01), "'\(a.text)' leaves the figure")
            for b in r.texts[(i + 1)...] { #expect(!a.overlaps(b), "'\(a.text)' overlaps '\(b.text)'") }
        }
    }
}
