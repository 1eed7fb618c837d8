import Foundation
@testable import Plot
import PlotCairo
import Testing

@Suite struct PixelTests {
    let red = Color(hex: 0xD55E00)

    func lineFigure(_ y: [Double], x: [Double]? = nil) -> Figure {
        Figure(width: 300, height: 220, Chart(
            x: Axis(range: .fixed(0, 10), grid: false), y: Axis(range: .fixed(0, 10), grid: false), legend: .hidden,
            marks: [LineSeries("s", x: x ?? y.indices.map(Double.init), y: y, color: red, width: 4)]))
    }

    @Test func lineCrossesThePixelsItMust() throws {
        let fig = lineFigure([0, 10], x: [0, 10])
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        for v in [2.0, 5.0, 8.0] {
            #expect(image.matches(L.x(v), L.y(v), red), "line through (\(v), \(v))")
            #expect(image.matches(L.x(v), L.y(v) - 15, .white), "white above the line at \(v)")
        }
    }

    @Test func nonFiniteValuesLeaveAGap() throws {
        var y = [Double](repeating: 5, count: 11)
        y[5] = .nan; y[6] = .infinity
        let fig = lineFigure(y)
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        #expect(image.matches(L.x(2), L.y(5), red))
        #expect(image.matches(L.x(5.5), L.y(5), .white), "gap between x = 4 and x = 7")
        #expect(image.matches(L.x(8.5), L.y(5), red))
    }

    @Test func divergenceGetsAnEndMark() throws {
        let fig = lineFigure([1, 2, 4, 8, .nan, .nan])
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        // The × extends beyond the line's end: 4 units right of the last finite point, off the line's direction.
        #expect(image.matches(L.x(3) + 3.5, L.y(8) + 3.5, red, tolerance: 40))
        #expect(image.matches(L.x(3) + 3.5, L.y(8) - 3.5, red, tolerance: 40))
    }

    @Test func heatmapCellsHaveTheirColormapColor() throws {
        let field = Field(x: 0...4, y: 0...4, columns: 4, rows: 4, values: (0..<16).map(Double.init))
        let colors = ColorScale(.viridis, lower: 0, upper: 15)
        let fig = Figure(width: 300, height: 240, Chart(x: Axis(grid: false), y: Axis(grid: false), legend: .hidden,
                                                         marks: [Heatmap(field, colors: colors, smoothing: .nearest)]))
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        for (col, row) in [(0, 0), (3, 0), (1, 2), (3, 3)] {
            let v = Double(row * 4 + col)
            #expect(image.matches(L.x(Double(col) + 0.5), L.y(Double(row) + 0.5), colors.color(v), tolerance: 2), "cell \(col),\(row)")
        }
        #expect(L.colorbar != nil)
    }

    @Test func decisionBoundaryContourAndSides() throws {
        let field = Field(x: 0...1, y: 0...1, columns: 50, rows: 50) { x, _ in x }
        let colors = ColorScale(.blueRed, lower: 0, upper: 1, center: 0.5)
        let ink = Color(gray: 0.1)
        let fig = Figure(width: 300, height: 240, Chart(legend: .hidden, marks: [
            Heatmap(field, colors: colors, smoothing: .nearest, colorbar: nil),
            Contour(field: field, level: 0.5, color: ink, width: 3),
        ]))
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        #expect(image.matches(L.x(0.5), L.y(0.5), ink, tolerance: 20))
        #expect(image.matches(L.x(0.05), L.y(0.5), colors.color(0.05), tolerance: 8))
        #expect(image.matches(L.x(0.95), L.y(0.3), colors.color(0.95), tolerance: 8))
    }

    @Test func scatterPointsHaveClassColorsAndOutlines() throws {
        let fig = Figure(width: 300, height: 240, Chart(x: Axis(range: .fixed(0, 4), grid: false), y: Axis(range: .fixed(0, 4), grid: false),
                                                         legend: .hidden, marks: [
            ScatterSeries("p", x: [1, 3], y: [1, 3], classes: [0, 1], marker: MarkerStyle(.circle, size: 12)),
        ]))
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        #expect(image.matches(L.x(1), L.y(1), Color.palette(0), tolerance: 3))
        #expect(image.matches(L.x(3), L.y(3), Color.palette(1), tolerance: 3))
        // The outline is dark: a pixel on the circle's edge.
        let edge = image.rgb(L.x(1) + 6, L.y(1))
        #expect(edge.r + edge.g + edge.b < 300)
    }

    @Test func confusionMatrixCellColors() throws {
        let m = MatrixHeatmap.confusion(counts: [[9, 1], [0, 5]], classes: ["a", "b"])
        let fig = Figure(width: 300, height: 240, panel: .matrix(m))
        let image = try fig.rasterize()
        let r = try CairoRenderer.forMeasurement()
        let grid = m.layout(in: fig.panelRects(renderer: r)[0], renderer: r, theme: fig.theme).grid
        let colors = m.resolvedColors
        // Sample near each cell's corner, away from the count written in its middle.
        for (i, j, v) in [(0, 0, 9.0), (0, 1, 1), (1, 0, 0), (1, 1, 5)] {
            let x = grid.minX + Double(j) * grid.width / 2 + 5, y = grid.minY + Double(i) * grid.height / 2 + 5
            #expect(image.matches(x, y, colors.color(v), tolerance: 2), "cell \(i),\(j)")
        }
    }

    @Test func barsReachTheirValues() throws {
        let fig = Figure(width: 300, height: 240, Chart.bars(categories: ["a", "b"], series: [BarSeries("s", values: [2, 4], color: red)],
                                                              y: Axis(range: .fixed(0, 5), grid: false)))
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        #expect(image.matches(L.x(0), L.y(1.9), red))
        #expect(image.matches(L.x(0), L.y(2.2), .white))
        #expect(image.matches(L.x(1), L.y(3.9), red))
    }

    @Test func singlePointAndZeroRangeDataAreVisible() throws {
        // One point: no line to stroke, so it gets a dot; its axis domain widens around the value (±10 %).
        let fig = Figure(width: 300, height: 220, Chart(legend: .hidden, marks: [LineSeries("one", x: [3], y: [7], color: red)]))
        let image = try fig.rasterize()
        let L = try chartLayout(fig)
        #expect(L.x.domain == (2.7, 3.3) && abs(L.y.domain.lower - 6.3) < 1e-12 && abs(L.y.domain.upper - 7.7) < 1e-12)
        #expect(image.matches(L.x(3), L.y(7), red))
        // A flat series sits in the middle of the plot.
        let flat = Figure(width: 300, height: 220, Chart(legend: .hidden, marks: [LineSeries("flat", x: [0, 1, 2], y: [0, 0, 0], color: red, width: 4)]))
        let F = try chartLayout(flat)
        #expect(try flat.rasterize().matches(F.x(1), F.plot.midY, red))
    }

    @Test func hiDPIDoublesThePixels() throws {
        let fig = lineFigure([0, 10], x: [0, 10])
        let one = try Raster(pngBytes: fig.pngData(scale: 1)), two = try Raster(pngBytes: fig.pngData(scale: 2))
        #expect(one.width == 300 && one.height == 220)
        #expect(two.width == 600 && two.height == 440)
        let L = try chartLayout(fig)
        #expect(two.matches(2 * L.x(5), 2 * L.y(5), red))
    }
}

@Suite struct PanelPixelTests {
    @Test func imageGridSharedScaleColors() throws {
        // Two 2×1 images on one shared gray scale 0…10: pixel values map to the same grays in both.
        let grid = ImageGrid(images: [GridImage(width: 2, height: 1, values: [0, 10]), GridImage(width: 2, height: 1, values: [5, 10])],
                             columns: 2, colormap: .grays, scaling: .shared)
        let image = try Figure(width: 300, height: 120, panel: .images(grid)).rasterize()
        let r = try RecordingRenderer()
        try Figure(width: 300, height: 120, panel: .images(grid)).draw(in: r)
        #expect(r.images.count == 2)
        let a = r.images[0], b = r.images[1]
        #expect(image.matches(a.minX + a.width * 0.25, a.midY, .black, tolerance: 2))
        #expect(image.matches(a.minX + a.width * 0.75, a.midY, .white, tolerance: 2))
        #expect(image.matches(b.minX + b.width * 0.25, b.midY, Colormap.grays.color(at: 0.5), tolerance: 2))
    }

    @Test func networkEdgesTakeTheSignColor() throws {
        let net = NetworkDiagram(layers: [NetworkLayer("in", size: 2), NetworkLayer("out", size: 2)],
                                 edges: [NetworkEdges(from: 0, to: 1, weights: [[2, 0.1], [0.1, -2]])])
        let fig = Figure(width: 400, height: 300, panel: .network(net))
        let image = try fig.rasterize()
        // Horizontal edges join node i of "in" to node i of "out": find their y from the node layout.
        let recorder = try RecordingRenderer()
        try fig.draw(in: recorder)
        let inLabel = try #require(recorder.texts.first { $0.text == "in" }), outLabel = try #require(recorder.texts.first { $0.text == "out" })
        let midX = (inLabel.box.midX + outLabel.box.midX) / 2
        // Scan the column between the layers for the two thick edges' colors.
        // Edges are drawn at 85 % opacity over white.
        let positive = net.positive.mix(.white, 0.15), negative = net.negative.mix(.white, 0.15)
        var sawPositive = false, sawNegative = false
        for y in stride(from: 20.0, to: 280, by: 1) {
            if image.matches(midX, y, positive, tolerance: 8) { sawPositive = true }
            if image.matches(midX, y, negative, tolerance: 8) { sawNegative = true }
        }
        #expect(sawPositive && sawNegative)
    }
}
