import NNRecording
import NNLanguage
import Plot

/// Weight distributions over training, as TensorBoard's "distributions" view draws them.
public enum DistributionFigures {
    /// One panel per dense layer: the recorded quantiles of its weights at each sampled epoch, as nested
    /// bands from the outermost pair of levels (min–max by default) inwards, darker towards the middle,
    /// and the median as a line. Needs the levels to hold 0.5 and symmetric pairs (the recorder's default
    /// 0, 5, 25, 50, 75, 95, 100 %); nil when nothing was recorded.
    public static func weights(_ record: RunRecord, columns: Int = 3) -> Figure? {
        let levels = record.samples.quantileLevels
        let epochs = record.samples.epochs.map(Double.init)
        guard let medianIndex = levels.firstIndex(of: 0.5), !epochs.isEmpty, !record.samples.layers.isEmpty else { return nil }
        // Pairs (lower, upper) with lower + upper = 1, outermost first.
        let pairs = levels.indices.compactMap { i -> (Int, Int)? in
            guard levels[i] < 0.5, let j = levels.firstIndex(where: { abs($0 - (1 - levels[i])) < 1e-12 }) else { return nil }
            return (i, j)
        }.sorted { levels[$0.0] < levels[$1.0] }
        let numbers = RecordFigures.denseNumbering(record)
        let colour = Color.palette(0)
        let panels: [Panel] = record.samples.layers.enumerated().map { i, layer in
            var marks: [any Mark] = []
            for (depth, (lo, hi)) in pairs.enumerated() where lo < layer.weightQuantiles.count && hi < layer.weightQuantiles.count {
                marks.append(Band(bandName(levels[lo], levels[hi]), x: epochs, lower: layer.weightQuantiles[lo], upper: layer.weightQuantiles[hi],
                                  color: colour, opacity: 0.18 + 0.16 * Double(depth)))
            }
            if medianIndex < layer.weightQuantiles.count {
                marks.append(LineSeries(tr("median"), x: epochs, y: layer.weightQuantiles[medianIndex], color: colour))
            }
            return .chart(Chart(title: tr("layer \(numbers[layer.layer] ?? i + 1) weights"), x: Axis(tr("epoch")), y: Axis("w"),
                                legend: i == 0 ? .best : .hidden, marks: marks))
        }
        let count = min(columns, panels.count)
        let rows = (panels.count + count - 1) / count
        return Figure(title: tr("Weight distribution per layer over training"), width: Double(count) * 330 + 40,
                      height: Double(rows) * 280 + 50, columns: count, panels: panels)
    }

    /// "min–max", "5–95%", "25–75%".
    static func bandName(_ lower: Double, _ upper: Double) -> String {
        if lower == 0 && upper == 1 { return tr("min–max") }
        func percent(_ q: Double) -> String { Ticks.label(q * 100) }
        return "\(percent(lower))–\(percent(upper))%"
    }
}
