import Foundation
@testable import Plot
import PlotCairo
import Testing

/// Class regions, hollow markers, the shared colour bar and parallel coordinates.
@Suite struct PlaygroundMarkTests {
    /// Three outputs over a 3×1 grid: the argmax per cell, a non-finite cell as −1.
    @Test func classRegionsPickTheLargestOutput() {
        let a = Field(x: 0...3, y: 0...1, columns: 3, rows: 1, values: [0.7, 0.1, 0.2])
        let b = Field(x: 0...3, y: 0...1, columns: 3, rows: 1, values: [0.2, 0.8, .nan])
        let c = Field(x: 0...3, y: 0...1, columns: 3, rows: 1, values: [0.1, 0.1, 0.6])
        let regions = ClassRegions(argmaxOf: [a, b, c])
        #expect(regions.classes == [0, 1, -1])
        #expect(regions.classesShown == [0, 1])
        let raster = regions.raster()
        let expected = Color.palette(1).mix(.white, regions.lightening).rgb8
        let pixel = raster.rgba(x: 1, y: 0)
        #expect((pixel.r, pixel.g, pixel.b, pixel.a) == (expected.r, expected.g, expected.b, 255))
        #expect(raster.rgba(x: 2, y: 0).a == 0, "a non-finite cell is transparent")
    }

    /// Drawn: each half of the plane in its class's colour.
    @Test func classRegionsFillThePlane() throws {
        let left = Field(x: 0...2, y: 0...2, columns: 40, rows: 40, sampling: { x, _ in 1 - x })
        let right = Field(x: 0...2, y: 0...2, columns: 40, rows: 40, sampling: { x, _ in x - 1 })
        let figure = Figure(width: 300, height: 260, Chart(x: Axis(grid: false), y: Axis(grid: false), legend: .hidden,
                                                           marks: [ClassRegions(argmaxOf: [left, right])]))
        let image = try figure.rasterize()
        let L = try chartLayout(figure)
        #expect(image.matches(L.x(0.4), L.y(1), Color.palette(0).mix(.white, 0.55), tolerance: 8))
        #expect(image.matches(L.x(1.6), L.y(1), Color.palette(1).mix(.white, 0.55), tolerance: 8))
    }

    /// A hollow marker is a ring: its colour on the outline, the background at its centre.
    @Test func hollowMarkersAreRings() throws {
        let red = Color(hex: 0xD55E00)
        func figure(hollow: Bool) -> Figure {
            Figure(width: 200, height: 200, Chart(x: Axis(range: .fixed(0, 2), grid: false), y: Axis(range: .fixed(0, 2), grid: false), legend: .hidden,
                                                  marks: [ScatterSeries("p", x: [1], y: [1], color: red, marker: MarkerStyle(size: 24, hollow: hollow))]))
        }
        let ring = try figure(hollow: true).rasterize(), disc = try figure(hollow: false).rasterize()
        let L = try chartLayout(figure(hollow: true))
        #expect(ring.matches(L.x(1), L.y(1), .white), "the centre shows the background")
        #expect(disc.matches(L.x(1), L.y(1), red), "a filled marker covers it")
        // The outline 12 units (the radius) from the centre, in the marker's colour.
        let onRing = (0..<6).contains { d in ring.matches(L.x(1) + 12 - 3 + Double(d), L.y(1), red, tolerance: 40) }
        #expect(onRing)
    }

    /// Small multiples on one scale: one colour bar beside the grid, none in the panels.
    @Test func sharedColorbarReplacesThePanels() throws {
        let field = Field(x: 0...1, y: 0...1, columns: 8, rows: 8, sampling: { x, y in x + y })
        let panel = Panel.chart(Chart(marks: [Heatmap(field, colorbar: ColorbarStyle(label: "output"))]))
        let separate = Figure(width: 700, height: 300, columns: 3, panels: [panel, panel, panel])
        let shared = separate.sharingColorbar()
        #expect(shared.colorbar?.style.label == "output")
        for p in shared.panels {
            guard case .chart(let chart) = p else { Issue.record("not a chart"); continue }
            #expect(chart.marks.allSatisfy { $0.colorbarToShow == nil })
        }
        let r = try CairoRenderer.forMeasurement()
        let rects = shared.panelRects(renderer: r)
        #expect((rects.last?.maxX ?? .infinity) < 700 - shared.colorbarRoom(renderer: r) + 1, "the bar has room right of the grid")
        // Without panel bars each plot is wider than before.
        let before = try #require(separate.chartLayout(panel: 0, renderer: r)).plot.width
        let after = try #require(shared.chartLayout(panel: 0, renderer: r)).plot.width
        #expect(after > before)
        _ = try shared.pngData(scale: 1)
    }

    @Test func parallelCoordinatesCheckTheirLevels() throws {
        let view = ParallelCoordinates(dimensions: [.init("a", levels: ["x", "y"]), .init("b", levels: ["1", "2", "3"])],
                                       outcomeName: "accuracy", lines: [([0, 2], 0.9), ([1, 0], .nan)], higherIsBetter: true)
        _ = try Figure(width: 600, height: 300, view.chart()).pngData(scale: 1)
        #expect(ParallelCoordinates.position(2, of: 3) == 1 && ParallelCoordinates.position(0, of: 1) == 0.5)
        let bad = ParallelCoordinates(dimensions: view.dimensions, outcomeName: "accuracy", lines: [([0, 3], 0.9)], higherIsBetter: true)
        #expect(throws: PlotError.self) { try Figure(width: 600, height: 300, bad.chart()).pngData(scale: 1) }
        let short = ParallelCoordinates(dimensions: view.dimensions, outcomeName: "accuracy", lines: [([0], 0.9)], higherIsBetter: true)
        #expect(throws: PlotError.self) { try Figure(width: 600, height: 300, short.chart()).pngData(scale: 1) }
    }
}
