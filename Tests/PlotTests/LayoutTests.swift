import PlotGallery
import Foundation
@testable import Plot
@testable import PlotCairo
import Testing

@Suite struct LayoutTests {
    static let names = Gallery.figures().map(\.name)

    func recorded(_ name: String) throws -> (Figure, RecordingRenderer) {
        let figure = try #require(Gallery.figures().first { $0.name == name }?.figure)
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        return (figure, r)
    }

    @Test(arguments: names) func everyLabelLiesInsideTheFigure(_ name: String) throws {
        let (figure, r) = try recorded(name)
        let page = Rect(x: 0, y: 0, width: figure.width, height: figure.height)
        #expect(!r.texts.isEmpty)
        for t in r.texts {
            #expect(page.contains(t.box, tolerance: 0.01), "'\(t.text)' at \(t.box) leaves the \(figure.width)×\(figure.height) figure")
        }
    }

    @Test(arguments: names) func labelsDoNotOverlap(_ name: String) throws {
        let (_, r) = try recorded(name)
        for (i, a) in r.texts.enumerated() {
            // Turned texts (a matrix's 45° column names) by their outlines, not their boxes.
            for b in r.texts[(i + 1)...] where a.overlaps(b) {
                Issue.record("'\(a.text)' \(a.box) overlaps '\(b.text)' \(b.box)")
            }
        }
    }

    @Test func tickLabelsStayOutOfThePlotAndTinyFiguresStillLayOut() throws {
        for (w, h) in [(800.0, 600.0), (320, 200), (200, 150)] {
            let fig = Figure(width: w, height: h, Chart(title: "σ(x), λ = 0.01", x: Axis("epoch × 1000"), y: Axis("W₁ norm"),
                                                         marks: [LineSeries("a", x: [0, 12345], y: [-0.001, 98765])]))
            let r = try RecordingRenderer()
            try fig.draw(in: r)
            let L = try chartLayout(fig)
            #expect(L.plot.width > 10 && L.plot.height > 10)
            for t in r.texts where t.text != "a" {
                #expect(!L.plot.inset(top: 1, left: 1, bottom: 1, right: 1).intersects(t.box), "'\(t.text)' inside plot at \(w)×\(h)")
                #expect(Rect(x: 0, y: 0, width: w, height: h).contains(t.box, tolerance: 0.01), "'\(t.text)' clipped at \(w)×\(h)")
            }
        }
    }

    @Test func legendAvoidsTheData() throws {
        // Data fills the upper right; the legend must go elsewhere.
        let x = (0..<50).map(Double.init)
        let fig = Figure(width: 400, height: 300, Chart(marks: [
            LineSeries("rising", x: x, y: x.map { $0 * $0 }), LineSeries("flat high", x: x, y: x.map { _ in 2400 }),
        ]))
        let r = try RecordingRenderer()
        try fig.draw(in: r)
        let L = try chartLayout(fig)
        let legendText = try #require(r.texts.first { $0.text == "rising" })
        #expect(legendText.box.midY > L.plot.midY, "legend should sit low, away from the flat line at the top")
        for v in stride(from: 0.0, through: 49, by: 0.25) {
            let p = Point(L.x(v), L.y(v * v))
            #expect(!legendText.box.contains(p), "legend covers the curve at x = \(v)")
        }
    }

    @Test func outsideLegendSitsRightOfThePlotAndInsideTheFigure() throws {
        let fig = SyntheticFigures.lineStyles()
        let r = try RecordingRenderer()
        try fig.draw(in: r)
        let L = try chartLayout(fig)
        #expect(L.legendOutside)
        for name in ["solid", "diverges (∞)"] {
            let t = try #require(r.texts.first { $0.text == name })
            #expect(t.box.minX > L.plot.maxX)
            #expect(t.box.maxX <= fig.width)
        }
    }

    @Test func utf8LabelsMeasureAsGlyphs() throws {
        let r = try CairoRenderer.forMeasurement()
        let font = Font(size: 12)
        for s in ["W₁", "σ(x)", "λ = 0.01", "×", "−1"] {
            #expect(r.measure(s, font: font).width > 4, "\(s) has a visible width")
        }
        #expect(r.measure("W₁", font: font).width > r.measure("W", font: font).width)
    }
}

@Suite struct TickSpacingTests {
    @Test func wideTickLabelsThinOut() throws {
        let fig = Figure(width: 360, height: 240, Chart(x: Axis(range: .fixed(0.9999, 1.0001)), legend: .hidden,
                                                         marks: [LineSeries("a", x: [0.9999, 1.0001], y: [0, 1])]))
        let r = try RecordingRenderer()
        try fig.draw(in: r)
        let L = try chartLayout(fig)
        let labels = r.texts.filter { $0.box.minY > L.plot.maxY }
        #expect(labels.count >= 2)
        for (a, b) in zip(labels, labels.dropFirst()) where a.box.midY == b.box.midY {
            #expect(!a.box.intersects(b.box), "'\(a.text)' overlaps '\(b.text)'")
        }
    }
}

@Suite struct SharedAxesTests {
    @Test func sharedAxesAlignPlotsAndWriteOuterLabelsOnly() throws {
        let fig = SyntheticFigures.smallMultiples()
        let plots = try (0..<4).map { try chartLayout(fig, panel: $0).plot }
        for p in plots {
            #expect(abs(p.width - plots[0].width) < 0.5 && abs(p.height - plots[0].height) < 0.5, "equal plot sizes")
        }
        #expect(abs(plots[0].minX - plots[2].minX) < 0.5 && abs(plots[0].minY - plots[1].minY) < 0.5, "aligned rows and columns")
        let r = try RecordingRenderer()
        try fig.draw(in: r)
        #expect(r.texts.filter { $0.text == "step" }.count == 2, "x label on the bottom row only")
        #expect(r.texts.filter { $0.text == "loss" }.count == 2, "y label on the first column only")
        // No tick label inside the gap between the two columns.
        let gap = Rect(x: plots[0].maxX + 1, y: 0, width: plots[1].minX - plots[0].maxX - 2, height: fig.height)
        #expect(!r.texts.contains { gap.contains($0.box) })
    }

    /// A title longer than its figure shrinks, then is shortened with "…"; a panel's title first wraps into
    /// up to three lines, then the last is shortened: neither runs off the edge.
    @Test func titlesNeverRunOffTheirFigureOrPanel() throws {
        let long = "The decision boundary as training goes on, at log-spaced epochs of the first seed"
        let chart = Chart(title: long, x: Axis("x"), y: Axis("y"), marks: [LineSeries("a", x: [0, 1], y: [0, 1])])
        let figure = Figure(title: long, width: 240, height: 220, columns: 1, panels: [.chart(chart)])
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let words = Set(long.split(separator: " ").map(String.init))
        let titles = r.texts.filter { text in text.text.split(separator: " ").allSatisfy { words.contains(String($0)) || $0.hasSuffix("…") } && text.text.count > 8 }
        #expect(titles.count == 4, "the figure's title and the panel's three lines: \(titles.map(\.text))")
        for t in titles { #expect(t.box.minX >= 0 && t.box.maxX <= 240, "\(t.text) at \(t.box)") }
        let ordered = titles.sorted { $0.box.minY < $1.box.minY }
        #expect(ordered.first?.text.hasSuffix("…") == true, "the figure's title (on top) is shortened: \(ordered.map(\.text))")
        let panel = ordered.dropFirst().map(\.text).joined(separator: " ")
        #expect(panel == long || (panel.hasSuffix("…") && long.hasPrefix(String(panel.dropLast()))), "the panel's lines are the title: \(panel)")
    }

    /// Small multiples with long variant names: two lines at the panel's font, the same in every column.
    @Test func longPanelTitlesWrapInsteadOfShrinking() throws {
        let names = ["exact constants, cosine_decay (0.3, decay_steps 800, alpha 0)", "keras constants, cosine_decay (0.3, decay_steps 800, alpha 0)"]
        let panels: [Panel] = names.map { .chart(Chart(title: $0, x: Axis("x"), y: Axis("y"), marks: [LineSeries("a", x: [0, 1], y: [0, 1])])) }
        let figure = Figure(width: 560, height: 260, columns: 2, panels: panels)
        let r = try RecordingRenderer()
        try figure.draw(in: r)
        let lines = r.texts.filter { $0.text.contains("constants") || $0.text.contains("decay_steps") }
        #expect(lines.count == 4, "\(lines.map(\.text))")
        #expect(Set(lines.map(\.style.font.size)).count == 1, "one font size in both columns")
        #expect(!lines.contains { $0.text.hasSuffix("…") }, "nothing shortened: \(lines.map(\.text))")
        #expect(lines.map(\.text).joined(separator: " ").contains("exact constants, cosine_decay"))
    }
}
