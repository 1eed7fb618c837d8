import Foundation

/// One mark drawn in a chart's plot area, in the order given.
public enum Layer: Sendable {
    case line(LineSeries)
    case band(Band)
    case scatter(ScatterSeries)
    case heatmap(Heatmap)
    case contour(Contour)
    case bars(BarSeries)

    var name: String {
        switch self {
        case .line(let s): s.name
        case .band(let b): b.name
        case .scatter(let s): s.name
        case .heatmap: ""
        case .contour(let c): c.name
        case .bars(let b): b.name
        }
    }

    /// The median across `runs` (one array per seed, same length) as a line, over an interquartile band.
    ///
    /// At each index the non-finite values are ignored; an index where every run is non-finite is a gap.
    public static func seedSummary(_ name: String, x: [Double]? = nil, runs: [[Double]], color: Color? = nil) -> [Layer] {
        let n = runs.map(\.count).max() ?? 0
        var median = [Double](), q1 = [Double](), q3 = [Double]()
        for i in 0..<n {
            let vals = runs.compactMap { i < $0.count && $0[i].isFinite ? $0[i] : nil }.sorted()
            median.append(quantile(vals, 0.5)); q1.append(quantile(vals, 0.25)); q3.append(quantile(vals, 0.75))
        }
        let xs = x ?? (0..<n).map(Double.init)
        return [.band(Band(name, x: xs, lower: q1, upper: q3, color: color)),
                .line(LineSeries(name, x: xs, y: median, color: color))]
    }

    /// A decision boundary: `field` as one image on a diverging blue–red map centered on `threshold`,
    /// a colorbar, the contour at `threshold`, and the data points colored and shaped by class on top.
    ///
    /// `range` is the value range the colors span (e.g. 0...1 for probabilities); nil uses the field's.
    public static func decisionBoundary(_ field: Field, threshold: Double = 0.5, range: ClosedRange<Double>? = nil,
                                        x: [Double], y: [Double], classes: [Int], classNames: [String]? = nil,
                                        colorbarLabel: String? = nil, contourName: String? = nil) -> [Layer] {
        let (lo, hi) = range.map { ($0.lowerBound, $0.upperBound) } ?? field.finiteRange ?? (threshold - 1, threshold + 1)
        return [
            .heatmap(Heatmap(field, colors: ColorScale(.blueRed, lower: lo, upper: hi, center: threshold),
                             colorbar: ColorbarStyle(label: colorbarLabel))),
            .contour(Contour(contourName ?? "boundary (\(Ticks.label(threshold)))", field: field, level: threshold)),
            .scatter(ScatterSeries("data", x: x, y: y, classes: classes, classNames: classNames).thinned()),
        ]
    }

    /// Linear-interpolated quantile of sorted values (NaN when empty).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let p = q * Double(sorted.count - 1), i = Int(p), f = p - Double(i)
        return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
    }
}
