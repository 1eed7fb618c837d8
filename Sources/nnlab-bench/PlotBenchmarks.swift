import Foundation
import Plot
import PlotCairo
import PlotGallery

/// Times the figures of issue 3's performance table (release build; compare benchmarks/matplotlib_figures.py).
///
/// Each case builds the figure from pre-generated data and renders it to bytes in memory; the table
/// shows the median and minimum over `--runs` runs after two warm-up runs.
enum PlotBenchmarks {
    struct Case {
        var name: String
        var format: ImageFormat
        var make: () -> Figure
    }

    static func run(arguments: [String]) throws {
        var runs = 30  // --runs N; --breakdown splits PNG time into drawing and encoding; --out DIR saves the figures
        if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) { runs = max(1, n) }
        let lines = { SyntheticFigures.benchmarkLines(count: 2000) }
        let boundary = { SyntheticFigures.decisionBoundary(grid: 200, points: 200) }
        let cases = [
            Case(name: "line chart 2×2000", format: .png, make: lines),
            Case(name: "line chart 2×2000", format: .svg, make: lines),
            Case(name: "decision boundary 200×200", format: .png, make: boundary),
            Case(name: "decision boundary 200×200", format: .svg, make: boundary),
        ]
        if let i = arguments.firstIndex(of: "--out"), i + 1 < arguments.count {  // the benchmark figures, to look at
            for (name, f) in [("line", lines()), ("decision", boundary())] {
                for ext in ["png", "svg"] { try f.write(to: arguments[i + 1] + "/\(name).\(ext)") }
            }
        }
        if arguments.contains("--breakdown") { try breakdown(["line chart": lines(), "decision boundary": boundary()]) }
        print("figure                     format   median ms   min ms   bytes   runs")
        for c in cases {
            let figure = c.make()  // data generation is not timed, as in the matplotlib script
            var times: [Double] = []
            var size = 0
            for k in 0..<(runs + 2) {
                let start = DispatchTime.now().uptimeNanoseconds
                let bytes = try Figure(title: figure.title, width: figure.width, height: figure.height, columns: figure.columns,
                                       sharedAxes: figure.sharedAxes, theme: figure.theme, panels: figure.panels).render(c.format)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                if k >= 2 { times.append(ms) }
                size = bytes.count
            }
            times.sort()
            let format = c.format == .svg ? "SVG" : "PNG"
            print(c.name.padding(toLength: 27, withPad: " ", startingAt: 0) + format.padding(toLength: 7, withPad: " ", startingAt: 0)
                  + String(format: "%10.2f %8.2f %7d %6d", times[times.count / 2], times[0], size, times.count))
        }
    }

    /// Splits PNG time into drawing (rasterize) and encoding, 10 runs each.
    static func breakdown(_ figures: [String: Figure]) throws {
        for (name, figure) in figures.sorted(by: { $0.key < $1.key }) {
            var raster = try figure.rasterize()
            var start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<10 { raster = try figure.rasterize() }
            let draw = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e7
            start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<10 { _ = try raster.pngBytes() }
            let encode = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e7
            print("\(name): draw \(String(format: "%.2f", draw)) ms, PNG encode \(String(format: "%.2f", encode)) ms")
        }
    }
}
