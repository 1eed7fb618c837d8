import Foundation
import Plot

extension SyntheticFigures {
    /// Small multiples: loss over steps for four network widths, shared axes, log y.
    public static func smallMultiples() -> Figure {
        var rng = SplitMix(seed: 3)
        let steps = (0..<100).map { Double($0 + 1) * 10 }
        let panels: [Panel] = [4, 8, 16, 32].map { width in
            let runs = (0..<4).map { _ in
                steps.map { s in 0.05 + 2 / (1 + s * Double(width) / 800) * exp(0.08 * rng.normal()) }
            }
            return .chart(Chart(title: "width \(width)", x: Axis("step"), y: Axis("loss", scale: .log), legend: .hidden,
                                marks: Marks.seedSummary("width \(width)", x: steps, runs: runs, color: Color.palette(0))))
        }
        return Figure(title: "Small multiples: loss by hidden width (shared axes)", width: 800, height: 600, columns: 2,
                      sharedAxes: .both, panels: panels)
    }

    /// Line styles: dashes, markers, a gap from NaN values, a diverging series and a legend outside the plot.
    public static func lineStyles() -> Figure {
        let x = (0...40).map { Double($0) / 4 }
        var gappy = x.map { 0.4 * $0 - 1.5 }
        for i in 18...22 { gappy[i] = .nan }
        var diverging = x.map { 0.5 + 0.05 * $0 * $0 }
        for i in 33...40 { diverging[i] = .infinity }
        return Figure(width: 720, height: 420, Chart(
            title: "Line styles, markers and gaps", x: Axis("step × 1000"), y: Axis("value"), legend: .outsideRight,
            marks: [
                LineSeries("solid", x: x, y: x.map { sin($0) }),
                LineSeries("dashed + ○", x: x, y: x.map { cos($0) + 1 }, dash: .dashed, marker: MarkerStyle(.circle, size: 5)),
                LineSeries("dotted", x: x, y: x.map { 0.5 * sin(0.5 * $0) - 1 }, dash: .dotted),
                LineSeries("dash-dot + □", x: x, y: x.map { 2 - 0.1 * $0 }, dash: .dashDot, marker: MarkerStyle(.square, size: 5)),
                LineSeries("NaN gap", x: x, y: gappy),
                LineSeries("diverges (∞)", x: x, y: diverging),
            ]))
    }

    /// Three Gaussian classes with per-class colors and marker shapes.
    public static func scatter() -> Figure {
        var rng = SplitMix(seed: 11)
        var xs: [Double] = [], ys: [Double] = [], cs: [Int] = []
        let centers = [(-1.0, 0.0), (1.2, 0.8), (0.3, -1.3)]
        for i in 0..<240 {
            let c = i % 3
            xs.append(centers[c].0 + 0.5 * rng.normal()); ys.append(centers[c].1 + 0.5 * rng.normal()); cs.append(c)
        }
        return Figure(width: 640, height: 480, Chart(
            title: "Scatter: three classes", x: Axis("feature σ(x)"), y: Axis("feature W₁x"),
            marks: [ScatterSeries("points", x: xs, y: ys, classes: cs, classNames: ["setosa", "versicolor", "virginica"])]))
    }

    /// A classifier's raw score on viridis with the zero contour, on a log-free, 3-panel row.
    public static func scoreMap() -> Figure {
        let field = Field(x: -3...3, y: -2...2, columns: 120, rows: 80) { x, y in x * x / 3 + y * y - 1.2 + 0.3 * sin(3 * x) }
        return Figure(width: 640, height: 420, Chart(
            title: "Score f(x) on viridis with contour f = 0", x: Axis("x₁", grid: false), y: Axis("x₂", grid: false),
            marks: [Heatmap(field, smoothing: .nearest, colorbar: ColorbarStyle(label: "f(x)")),
                     Contour("f = 0", field: field, level: 0, color: .white, width: 2)]))
    }

    /// Digit-like 8×8 images with captions, per-image scaling.
    public static func digits() -> Figure {
        var rng = SplitMix(seed: 5)
        let font = ["111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
                    "111100111001111", "111100111101111", "111001010010010", "111101111101111", "111101111001111"]
        var images: [GridImage] = []
        for k in 0..<20 {
            let d = k % 10
            let glyph = Array(font[d]).map { $0 == "1" ? 1.0 : 0.0 }
            var v = [Double](repeating: 0, count: 64)
            for r in 0..<8 { for c in 0..<8 {
                // The 3×5 glyph stretched over rows 1…6 and columns 1…6.
                let inside = (1...6).contains(r) && (1...6).contains(c)
                let on = inside ? glyph[min(4, (r - 1) * 5 / 6) * 3 + (c - 1) / 2] : 0
                v[r * 8 + c] = max(0, min(16, 16 * on * (0.75 + 0.25 * rng.uniform()) + 2 * rng.uniform()))
            } }
            images.append(GridImage(width: 8, height: 8, values: v, caption: "\(d) (p = \(String(format: "%.2f", 0.8 + 0.19 * rng.uniform())))"))
        }
        return Figure(width: 800, height: 250, panel: .images(ImageGrid(title: "Digits 8×8 (predicted label, confidence)",
                                                                       images: images, columns: 10, colormap: .ink, scaling: .perImage)))
    }

    /// A layer's weights reshaped to 8×8, one image per hidden unit, shared diverging scale with colorbar.
    public static func weights() -> Figure {
        var rng = SplitMix(seed: 9)
        let images = (0..<16).map { unit -> GridImage in
            let angle = Double(unit) * .pi / 8
            let v = (0..<64).map { i -> Double in
                let x = Double(i % 8) - 3.5, y = Double(i / 8) - 3.5
                return 0.8 * sin((x * cos(angle) + y * sin(angle)) * 0.9) * exp(-(x * x + y * y) / 18) + 0.08 * rng.normal()
            }
            return GridImage(width: 8, height: 8, values: v, caption: "h\(unit + 1)")
        }
        return Figure(width: 640, height: 560, panel: .images(ImageGrid(
            title: "First-layer weights W₁ (reshaped 8×8)", images: images, columns: 4, colormap: .blueRed,
            scaling: .shared, center: 0, colorbar: ColorbarStyle(label: "weight"))))
    }

    /// Grouped bars: final accuracy per optimizer on three data sets.
    public static func bars() -> Figure {
        Figure(width: 640, height: 420, Chart.bars(
            title: "Final test accuracy", categories: ["SGD", "momentum", "Adam", "RMSProp"],
            series: [BarSeries("moons", values: [0.91, 0.95, 0.97, 0.96]),
                     BarSeries("circles", values: [0.84, 0.9, 0.93, 0.92]),
                     BarSeries("digits", values: [0.88, 0.92, 0.95, 0.94])],
            xLabel: "optimizer", y: Axis("accuracy", range: AxisRange(lower: 0, upper: 1.19)), legend: .topLeft))
    }

    /// A 10-class confusion matrix with counts.
    public static func confusionMatrix() -> Figure {
        var rng = SplitMix(seed: 2)
        let counts = (0..<10).map { t in
            (0..<10).map { p in t == p ? 150 + Int(rng.uniform() * 30) : (rng.uniform() < 0.3 ? Int(rng.uniform() * 12) : 0) }
        }
        return Figure(width: 560, height: 520, panel: .matrix(.confusion(
            title: "Confusion matrix (digits, test set)", counts: counts, classes: (0..<10).map(String.init))))
    }

    /// Mean test accuracy over learning rate × hidden width.
    public static func statisticTable() -> Figure {
        let rates = ["0.001", "0.01", "0.1", "1"], widths = ["4", "8", "16", "32", "64"]
        let values = rates.indices.map { i in widths.indices.map { j in
            0.62 + 0.06 * Double(j) + (i == 2 ? 0.08 : i == 3 ? -0.25 : Double(i) * 0.04) - 0.01 * Double(j * j) * 0.3
        } }
        return Figure(width: 600, height: 400, panel: .matrix(MatrixHeatmap(
            title: "Mean test accuracy (5 seeds)", rows: rates, columns: widths, values: values, rowAxisLabel: "learning rate λ",
            columnAxisLabel: "hidden width", annotation: .decimals(2), colorbar: ColorbarStyle(label: "accuracy"))))
    }

    /// A 2–4–1 network whose output also sees the inputs (concat skip), weights written on the edges.
    public static func network() -> Figure {
        let w1 = [[1.2, -0.8], [-0.5, 1.6], [0.9, 0.3], [-1.4, -0.2]]
        let w2 = [[0.7, -1.1, 0.4, 1.3]]
        let skip = [[0.6, -0.9]]
        return Figure(width: 640, height: 440, panel: .network(NetworkDiagram(
            title: "Network: 2 → 4 → 1 with the inputs concatenated into the output",
            layers: [NetworkLayer("input x", size: 2, nodeLabels: ["x₁", "x₂"]),
                     NetworkLayer("hidden σ(W₁x)", size: 4, nodeLabels: ["h₁", "h₂", "h₃", "h₄"], values: [0.2, 0.9, 0.5, 0.7]),
                     NetworkLayer("output ŷ", size: 1, nodeLabels: ["ŷ"])],
            edges: [NetworkEdges(from: 0, to: 1, weights: w1), NetworkEdges(from: 1, to: 2, weights: w2),
                    NetworkEdges(from: 0, to: 2, weights: skip)],
            labels: [.weights])))
    }
}
