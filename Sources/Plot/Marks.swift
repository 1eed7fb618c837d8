import NNStatistics

/// Groups of marks that figures draw together.
public enum Marks {
    /// The median across `runs` (one array per seed, same length) as a line, over an interquartile band.
    ///
    /// At each index the non-finite values are ignored; an index where every run is non-finite is a gap.
    /// Quartiles are NNStatistics's (method 7, NumPy's default).
    public static func seedSummary(_ name: String, x: [Double]? = nil, runs: [[Double]], color: Color? = nil) -> [any Mark] {
        let n = runs.map(\.count).max() ?? 0
        var median = [Double](), q1 = [Double](), q3 = [Double]()
        for i in 0..<n {
            let vals = runs.compactMap { i < $0.count && $0[i].isFinite ? $0[i] : nil }.sorted()
            guard !vals.isEmpty else { median.append(.nan); q1.append(.nan); q3.append(.nan); continue }
            median.append(quantile(vals, 0.5)); q1.append(quantile(vals, 0.25)); q3.append(quantile(vals, 0.75))
        }
        let xs = x ?? (0..<n).map(Double.init)
        return [Band(name, x: xs, lower: q1, upper: q3, color: color), LineSeries(name, x: xs, y: median, color: color)]
    }

    /// A decision boundary: `field` as one image on a diverging blue–red map centered on `threshold`,
    /// a colorbar, the contour at `threshold`, and the data points colored and shaped by class on top.
    ///
    /// `range` is the value range the colors span (e.g. 0...1 for probabilities); nil uses the field's.
    public static func decisionBoundary(_ field: Field, threshold: Double = 0.5, range: ClosedRange<Double>? = nil,
                                        x: [Double], y: [Double], classes: [Int], classNames: [String]? = nil,
                                        colorbarLabel: String? = nil, contourName: String? = nil) -> [any Mark] {
        let (lo, hi) = range.map { ($0.lowerBound, $0.upperBound) } ?? field.finiteRange ?? (threshold - 1, threshold + 1)
        return [
            Heatmap(field, colors: ColorScale(.blueRed, lower: lo, upper: hi, center: threshold),
                    colorbar: ColorbarStyle(label: colorbarLabel)),
            Contour(contourName ?? "boundary (\(Ticks.label(threshold)))", field: field, level: threshold),
            ScatterSeries("data", x: x, y: y, classes: classes, classNames: classNames).thinned(),
        ]
    }
}
