import Foundation
import Plot

/// A small deterministic generator (SplitMix64) for synthetic figure data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double { sqrt(-2 * log(max(uniform(), 1e-300))) * cos(2 * .pi * uniform()) }
}

/// Figures with synthetic data, shared by the gallery and the benchmarks.
public enum SyntheticFigures {
    /// Loss (log axis) and accuracy over epochs for three learning rates, median and IQR over five seeds;
    /// the largest rate diverges.
    public static func trainingCurves() -> Figure {
        var rng = SplitMix(seed: 7)
        let epochs = 120
        let rates = [(0.01, "λ = 0.01"), (0.1, "λ = 0.1"), (1.0, "λ = 1 (diverges)")]
        var loss: [any Mark] = [], accuracy: [any Mark] = []
        for (k, (rate, name)) in rates.enumerated() {
            var lossRuns: [[Double]] = [], accRuns: [[Double]] = []
            for _ in 0..<5 {
                var l: [Double] = [], a: [Double] = []
                let speed = rate > 0.5 ? 0.08 : 2 * rate * (1 + 0.15 * rng.normal())
                for e in 0..<epochs {
                    let t = Double(e)
                    var v = 2.3 * exp(-speed * t) + 0.02 + 0.01 * abs(rng.normal())
                    if rate > 0.5 && e > 45 { v = e > 60 ? .nan : v * exp(Double(e - 45) * 0.35) }
                    l.append(v)
                    a.append(v.isFinite ? max(0.1, min(0.99, 1 - 0.9 * v / 2.32 + 0.004 * rng.normal())) : .nan)
                }
                lossRuns.append(l); accRuns.append(a)
            }
            let color = Color.palette(k)
            loss += Marks.seedSummary(name, runs: lossRuns, color: color)
            accuracy += Marks.seedSummary(name, runs: accRuns, color: color)
        }
        return Figure(title: "Training curves (median and IQR over 5 seeds)", width: 960, height: 420, columns: 2, panels: [
            .chart(Chart(title: "Cross-entropy loss", x: Axis("epoch"), y: Axis("loss", scale: .log), marks: loss)),
            .chart(Chart(title: "Test accuracy", x: Axis("epoch"), y: Axis("accuracy", range: AxisRange(upper: 1)), legend: .hidden,
                         marks: accuracy)),
        ])
    }

    /// Two interleaved classes, a smooth classifier's probability as a heatmap, its 0.5 contour and the points.
    public static func decisionBoundary(grid: Int = 200, points: Int = 200, width: Double = 800, height: Double = 600) -> Figure {
        var rng = SplitMix(seed: 42)
        var xs: [Double] = [], ys: [Double] = [], classes: [Int] = []
        for i in 0..<points {
            let c = i % 2
            let t = .pi * rng.uniform()
            let (cx, cy) = c == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            xs.append(cx + 0.12 * rng.normal()); ys.append(cy + 0.12 * rng.normal()); classes.append(c)
        }
        // The boundary between the moons is near y = 0.25 + 0.5 cos(πx); class 1 lies below it.
        func p(_ x: Double, _ y: Double) -> Double { 1 / (1 + exp(4 * (y - 0.25 - 0.5 * cos(.pi * x)))) }
        let field = Field(x: -1.5...2.5, y: -1.25...1.75, columns: grid, rows: grid, sampling: p)
        return Figure(width: width, height: height, Chart(
            title: "Decision boundary, p(class 1 | x)",
            x: Axis("x₁", grid: false), y: Axis("x₂", grid: false),
            marks: Marks.decisionBoundary(field, threshold: 0.5, range: 0...1, x: xs, y: ys, classes: classes,
                                           classNames: ["class 0", "class 1"], colorbarLabel: "p(class 1)", contourName: "p = 0.5")))
    }

    /// Two series of `count` points each (the line-chart benchmark).
    public static func benchmarkLines(count: Int = 2000) -> Figure {
        let x = (0..<count).map { Double($0) / Double(count - 1) * 10 }
        let a = x.map { sin($0) * exp(-0.1 * $0) }
        let b = x.map { cos(1.3 * $0) * 0.8 }
        return Figure(width: 800, height: 600, Chart(
            title: "Two series", x: Axis("t"), y: Axis("value"),
            marks: [LineSeries("damped sine", x: x, y: a), LineSeries("cosine", x: x, y: b)]))
    }
}
