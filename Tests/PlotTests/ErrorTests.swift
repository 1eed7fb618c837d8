import Foundation
import Plot
import PlotCairo
import PlotGallery
import Testing

@Suite struct ErrorTests {
    func chart(_ layers: [any Mark], y: Axis = Axis()) -> Figure {
        Figure(title: "Loss", width: 400, height: 300, panels: [.chart(Chart(title: "train", y: y, marks: layers))])
    }

    func error(_ figure: Figure) -> PlotError? {
        do { _ = try figure.pngData(); return nil } catch { return error }
    }

    @Test func emptySeries() throws {
        let e = try #require(error(chart([LineSeries("seed 1", x: [], y: [])])))
        #expect(e == .empty(what: "x", location: "figure 'Loss' › panel 1 'train' › line 'seed 1'"))
        #expect(e.description.contains("figure 'Loss' › panel 1 'train' › line 'seed 1'"))
        #expect(e.description.contains("expected at least one value"))
    }

    @Test func lengthMismatch() throws {
        let e = try #require(error(chart([LineSeries("a", x: [1, 2, 3], y: [1, 2])])))
        guard case .lengthMismatch(let what, let expected, let received, let location) = e else { Issue.record("\(e)"); return }
        #expect(what == "y" && expected == 3 && received == 2)
        #expect(location.contains("line 'a'"))
        #expect(e.description.contains("has 2 values; expected 3"))
    }

    @Test func nonPositiveOnLogAxis() throws {
        let e = try #require(error(chart([LineSeries("loss", x: [0, 1, 2], y: [1, 0, 2])], y: Axis(scale: .log))))
        #expect(e == .nonPositiveOnLogAxis(axis: "y", value: 0, index: 1, location: "figure 'Loss' › panel 1 'train' › line 'loss'"))
        #expect(e.description.contains("log y axis"))
        // NaN is a gap, not an error.
        #expect(error(chart([LineSeries("loss", x: [0, 1, 2], y: [1, .nan, 2])], y: Axis(scale: .log))) == nil)
    }

    @Test func badFigureSize() {
        for (w, h) in [(0.0, 300.0), (400, -1), (.nan, 300), (.infinity, 10)] {
            let f = Figure(width: w, height: h, Chart(marks: [LineSeries("a", y: [1, 2])]))
            #expect(error(f) == .invalidFigureSize(width: w, height: h) || (w.isNaN && error(f) != nil))
        }
    }

    @Test func unwritablePath() throws {
        let f = chart([LineSeries("a", y: [1, 2])])
        do {
            try f.write(to: "/nonexistent-dir/sub/figure.png")
            Issue.record("expected an error")
        } catch {
            // Typed throws: the error is a PlotError without a cast.
            #expect(error == .cannotWrite(path: "/nonexistent-dir/sub/figure.png", reason: "No such file or directory"))
            #expect(error.description.contains("/nonexistent-dir/sub/figure.png"))
        }
        #expect(throws: PlotError.self) { try f.write(to: NSTemporaryDirectory() + "figure.jpg") }
        #expect(throws: PlotError.self) { try Gallery.render(into: "/proc/nnlab-gallery") }
    }

    @Test func otherPanelKinds() throws {
        let m = MatrixHeatmap(rows: ["a", "b"], columns: ["x"], values: [[1]])
        #expect(error(Figure(panel: .matrix(m)))?.description.contains("values (rows) has 1 values; expected 2") == true)
        let g = ImageGrid(images: [GridImage(width: 8, height: 8, values: [1, 2, 3], caption: "seven")])
        #expect(error(Figure(panel: .images(g))) == .lengthMismatch(what: "values", expected: 64, received: 3,
                                                                     location: "figure › panel 1 › image 0 'seven'"))
        let n = NetworkDiagram(layers: [NetworkLayer("in", size: 2), NetworkLayer("out", size: 1)],
                               edges: [NetworkEdges(from: 0, to: 1, weights: [[1, 2, 3]])])
        #expect(error(Figure(panel: .network(n)))?.description.contains("weight row 0 has 3 values; expected 2") == true)
        let s = ScatterSeries("pts", x: [1, 2], y: [1, 2], classes: [0])
        #expect(error(chart([s]))?.description.contains("classes has 1 values; expected 2") == true)
        let fixed = chart([LineSeries("a", y: [1, 2])], y: Axis(range: .fixed(2, 1)))
        #expect(error(fixed)?.description.contains("expected lower < upper") == true)
        let f = Field(x: 0...1, y: 0...1, columns: 3, rows: 3, values: [1, 2])
        #expect(error(chart([Heatmap(f)]))?.description.contains("field values has 2 values; expected 9") == true)
        #expect(throws: PlotError.self) { try chart([LineSeries("a", y: [1, 2])]).pngData(scale: 0) }
    }
}

@Suite struct RobustnessTests {
    @Test func badRangesThrowInsteadOfCrashing() {
        for range in [AxisRange(lower: .nan), AxisRange(upper: .infinity), AxisRange(padding: -1)] {
            let f = Figure(Chart(y: Axis(range: range), marks: [LineSeries("a", y: [1, 2])]))
            #expect(throws: PlotError.self) { try f.pngData() }
        }
        let log = Figure(Chart(y: Axis(scale: .log, range: AxisRange(upper: -1)), marks: [LineSeries("a", y: [1, 2])]))
        #expect(throws: PlotError.self) { try log.pngData() }
    }

    @Test func extremeDataAndTinyFiguresStillRender() throws {
        let huge = Figure(Chart(marks: [LineSeries("a", x: [0, 1], y: [-1e308, 1e308])]))
        _ = try huge.pngData()
        let tiny = Figure(width: 20, height: 15, Chart(title: "t", x: Axis("x"), y: Axis("y"), marks: [LineSeries("a", y: [1, 2])]))
        _ = try tiny.pngData()
        let empty = Figure(Chart(title: "nothing yet"))
        _ = try empty.svgData()
        let nan = Figure(panel: .matrix(MatrixHeatmap(rows: ["a"], columns: ["b"], values: [[.nan]])))
        _ = try nan.pdfData()
    }
}
