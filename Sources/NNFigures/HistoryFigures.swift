import NNCore
import NNLanguage
import Plot

/// Loss and metric curves from histories.
public enum HistoryFigures {
    /// One line per history for `key` (and a dashed `val_` line when present), against epochs from 1.
    /// - Parameter heldOut: what the `val_` values are called in the legend ("validation", or "test").
    public static func curves(_ runs: [(name: String, history: History)], key: String, title: String? = nil,
                              logScale: Bool = false, heldOut: String = "validation") -> Chart {
        var layers: [any Mark] = []
        for (i, run) in runs.enumerated() {
            let color = Color.palette(i)
            if let values = run.history[key] {
                layers.append(LineSeries(runs.count == 1 ? tr("train") : run.name, x: epochs(values.count),
                                               y: logScale ? values.map(positive) : values, color: color))
            }
            if let values = run.history["val_" + key] {
                layers.append(LineSeries((runs.count == 1 ? translated(heldOut) : run.name + tr(" (val)")), x: epochs(values.count),
                                               y: logScale ? values.map(positive) : values, color: color, dash: .dashed))
            }
        }
        return Chart(title: title, x: Axis(tr("epoch")), y: Axis(label(key), scale: logScale ? .log : .linear), marks: layers)
    }

    /// Median line over an interquartile band across seeds, one per variant.
    public static func seedBands(_ variants: [(name: String, runs: [[Double]])], key: String, title: String? = nil,
                                 logScale: Bool = true) -> Chart {
        var layers: [any Mark] = []
        for (i, variant) in variants.enumerated() {
            let length = variant.runs.map(\.count).max() ?? 0
            // Runs that stopped early hold their last value, so the band keeps its meaning.
            let padded = variant.runs.map { run in run + Array(repeating: run.last ?? .nan, count: length - run.count) }
            layers += Marks.seedSummary(variant.name, x: epochs(length),
                                        runs: logScale ? padded.map { $0.map(positive) } : padded, color: Color.palette(i))
        }
        return Chart(title: title, x: Axis(tr("epoch")), y: Axis(label(key), scale: logScale ? .log : .linear),
                     legend: .outsideRight, marks: layers)
    }

    static func epochs(_ count: Int) -> [Double] { (0..<count).map { Double($0 + 1) } }

    /// Log axes need positive values: zero and negatives become gaps.
    static func positive(_ x: Double) -> Double { x > 0 ? x : .nan }

    /// A readable axis label for a history key.
    public static func label(_ key: String) -> String {
        switch key {
        case "loss": tr("loss")
        case "xor_accuracy": tr("XOR accuracy")
        case "accuracy": tr("accuracy")
        case "mse": "MSE"
        default: translated(key.replacingOccurrences(of: "_", with: " "))
        }
    }
}
