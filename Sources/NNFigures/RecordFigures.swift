import NNCore
import NNRecording
import NNLanguage
import Plot

/// Figures of a recorded run: weight trajectories, gradient norms, the decision boundary's
/// evolution and the hidden units' maps.
public enum RecordFigures {
    /// A recorded grid as a plot field (same layout: row-major, row 0 at the bottom).
    public static func field(_ grid: Grid) -> Field {
        Field(x: grid.x, y: grid.y, columns: grid.columns, rows: grid.rows, values: grid.values)
    }

    /// What `trajectories` draws for a record, so a caption can say it.
    public enum TrajectoryView: Sendable, Equatable {
        /// Every weight and bias, one line each.
        case every
        /// Each layer's 5–95% band around its median, and the largest few weights.
        case bands
        /// Each layer's weight norm (no single weight was recorded: too many parameters).
        case norms
    }

    public static func trajectoryView(_ record: RunRecord) -> TrajectoryView {
        if record.samples.trajectories.isEmpty { return .norms }
        return record.samples.trajectories.count <= maximumTrajectories ? .every : .bands
    }

    /// Every weight and bias against the sampled epochs (small networks), with the epochs where an
    /// L1-regularized weight crossed zero marked; per-layer weight norms for larger networks.
    public static func trajectories(_ record: RunRecord, title: String? = nil) -> Chart {
        let epochs = record.samples.epochs.map(Double.init)
        var layers: [any Mark] = []
        let denseNumbers = denseNumbering(record)
        if trajectoryView(record) == .norms {
            for (i, layer) in record.samples.layers.enumerated() {
                layers.append(LineSeries("‖W\(denseNumbers[layer.layer] ?? i + 1)‖", x: epochs, y: layer.weightNorm))
            }
            return Chart(title: title ?? tr("Weight norms per layer"), x: Axis(tr("epoch")), y: Axis("‖W‖₂"), legend: .outsideRight, marks: layers)
        }
        let trajectories = record.samples.trajectories
        if trajectories.count <= maximumTrajectories {
            for trajectory in trajectories {
                let label = trajectory.parameter.label(denseNumber: denseNumbers[trajectory.parameter.layer] ?? 0)
                layers.append(LineSeries(label, x: epochs, y: trajectory.values, dash: trajectory.parameter.isBias ? .dashed : .solid))
            }
        } else {
            // Too many lines to follow: each layer's weights as a band (5%–95%) around their median, and the few
            // weights largest at the end drawn whole.
            let levels = record.samples.quantileLevels
            for (i, layer) in record.samples.layers.enumerated() {
                guard let low = levels.firstIndex(of: 0.05), let mid = levels.firstIndex(of: 0.5), let high = levels.firstIndex(of: 0.95) else { break }
                let name = tr("layer \(denseNumbers[layer.layer] ?? i + 1): median, 5–95%")
                let color = Color.palette(i)
                layers.append(Band(name, x: epochs, lower: layer.weightQuantiles[low], upper: layer.weightQuantiles[high], color: color))
                layers.append(LineSeries(name, x: epochs, y: layer.weightQuantiles[mid], color: color))
            }
            let largest = trajectories.filter { !$0.parameter.isBias }
                .sorted { abs($0.values.last ?? 0) > abs($1.values.last ?? 0) }.prefix(largestTrajectories)
            for trajectory in largest {
                // One legend row for all of them (rows of one name merge).
                layers.append(LineSeries(tr("the \(largest.count) largest weights"), x: epochs, y: trajectory.values, color: Color(gray: 0.35), width: 1))
            }
        }
        var crossings = record.events.signCrossings
        if !crossings.isEmpty {
            // A weight that chatters around zero crosses it hundreds of times: its first crossing is marked, the rest counted.
            let all = crossings.count + record.events.omittedSignCrossings
            var seen = Set<Int>()
            crossings = crossings.filter { seen.insert($0.parameter.index).inserted }
            let name = crossings.count == all ? tr("L1 weight crosses 0") : tr("L1 weight: first crossing")
            layers.append(ScatterSeries(name, x: crossings.map { Double($0.epoch) },
                                                 y: crossings.map(\.value), color: Color(gray: 0.1),
                                                 marker: MarkerStyle(.cross, size: 9)))
        }
        // Past a couple of dozen lines a legend lists names nobody can match to colours.
        let summarized = trajectories.count > maximumTrajectories
        let legend: LegendPlacement = layers.count > 24 ? .hidden : (summarized ? .best : .outsideRight)
        return Chart(title: title ?? (summarized ? tr("Weights per layer (median, 5–95%) and the \(largestTrajectories) largest") : tr("Weights (solid) and biases (dashed)")),
                     x: Axis(tr("epoch")), y: Axis(tr("value")), legend: legend, marks: layers)
    }

    /// The most parameters drawn one line each; beyond, per-layer bands and the largest few.
    public static let maximumTrajectories = 40
    public static let largestTrajectories = 5

    /// The mean L2 norm of each dense layer's gradient per sampled epoch (log scale).
    public static func gradientNorms(_ record: RunRecord) -> Chart {
        let epochs = record.samples.epochs.map(Double.init)
        let numbers = denseNumbering(record)
        let layers: [any Mark] = record.samples.layers.enumerated().map { i, layer in
            LineSeries(tr("layer \(numbers[layer.layer] ?? i + 1)"), x: epochs, y: layer.gradientNorm.map { $0 > 0 ? $0 : .nan })
        }
        return Chart(title: tr("Gradient norm per layer"), x: Axis(tr("epoch")), y: Axis("‖∂L/∂θ‖₂", scale: .log), marks: layers)
    }

    /// The decision boundary at each snapshot epoch, as a filmstrip of small charts with the data on top.
    public static func filmstrip(_ record: RunRecord, data: Dataset, threshold: Double, range: ClosedRange<Double>,
                                 columns: Int = 4) -> Figure? {
        let snapshots = record.snapshots.filter { !$0.outputs.isEmpty }
        guard !snapshots.isEmpty else { return nil }
        let xs = (0..<data.count).map { data.x[$0, 0] }, ys = (0..<data.count).map { data.x[$0, 1] }
        let classes = BoundaryFigures.classes(of: data.y, threshold: threshold)
        let multiclass = snapshots[0].outputs.count > 1
        let panels: [Panel] = snapshots.map { snapshot in
            let grid = snapshot.outputs[0]
            // Several outputs: the class picked at each point (the argmax), as the final boundary shows it.
            let marks: [any Mark] = multiclass
                ? [ClassRegions(argmaxOf: snapshot.outputs.map(field)), ScatterSeries(tr("data"), x: xs, y: ys, classes: classes).thinned()]
                : Marks.decisionBoundary(field(grid), threshold: threshold, range: range, x: xs, y: ys, classes: classes,
                                         colorbarLabel: tr("output"))
            return .chart(Chart(title: tr("epoch \(snapshot.epoch)"), x: Axis("x₁", range: .fixed(grid.x.lowerBound, grid.x.upperBound)),
                                y: Axis("x₂", range: .fixed(grid.y.lowerBound, grid.y.upperBound)), legend: .hidden, marks: marks))
        }
        let count = min(columns, panels.count)
        let rows = (panels.count + count - 1) / count
        // One colour bar for the whole strip: every panel is drawn on the same scale.
        return Figure(title: multiclass ? tr("The decision regions as training goes on") : tr("The decision boundary as training goes on"),
                      width: Double(count) * 230 + 30 + (multiclass ? 0 : 70),
                      height: Double(rows) * 220 + 50, columns: count, sharedAxes: [.x, .y], panels: panels).sharingColorbar()
    }

    /// Each hidden unit's activation over the input plane at the end (TensorFlow Playground's neurons).
    public static func unitMaps(_ record: RunRecord, activations: [Int: Activation]) -> Figure? {
        guard !record.unitMaps.isEmpty else { return nil }
        let numbers = denseNumbering(record)
        // Past a few dozen units the maps are unreadable and the figure huge: the first 64 are drawn.
        let shown = record.unitMaps.prefix(64)
        let panels: [Panel] = shown.map { map in
            let activation = activations[map.layer] ?? .linear
            // A unit whose output is the same everywhere on the plane (a dead ReLU) says so instead of a ±1e-9 colour bar.
            let finite = map.grid.values.filter(\.isFinite)
            let constant = (finite.max() ?? 0) - (finite.min() ?? 0) <= 1e-12 * max(1, abs(finite.first ?? 0))
            let name = tr("layer \(numbers[map.layer] ?? map.layer + 1), unit \(map.unit + 1)")
            let state = constant ? ((finite.first ?? 0) == 0 ? tr(": dead (constant 0)") : tr(": constant \(Ticks.label(finite.first ?? 0))")) : ""
            return .chart(Chart(title: name + state,
                                x: Axis("x₁", range: .fixed(map.grid.x.lowerBound, map.grid.x.upperBound)),
                                y: Axis("x₂", range: .fixed(map.grid.y.lowerBound, map.grid.y.upperBound)), legend: .hidden,
                                marks: [Heatmap(field(map.grid), colors: colorScale(activation, values: map.grid.values))]))
        }
        let columns = min(panels.count, 4)
        let rows = (panels.count + columns - 1) / columns
        let title = shown.count < record.unitMaps.count ? tr("Hidden units after training (the first \(shown.count) of \(record.unitMaps.count))") : tr("Hidden units after training")
        return Figure(title: title, width: Double(columns) * 240 + 40, height: Double(rows) * 230 + 50,
                      columns: columns, panels: panels)
    }

    /// The activation's natural range on a diverging map: tanh −1…1 around 0, sigmoid 0…1 around 0.5.
    static func colorScale(_ activation: Activation, values: [Double]) -> ColorScale {
        switch activation {
        case .tanh: return ColorScale(.blueRed, lower: -1, upper: 1, center: 0)
        case .sigmoid, .softmax: return ColorScale(.blueRed, lower: 0, upper: 1, center: 0.5)
        default:
            let hi = max(values.filter(\.isFinite).map(abs).max() ?? 1, 1e-9)
            return ColorScale(.blueRed, lower: -hi, upper: hi, center: 0)
        }
    }

    /// Layer index → its number among dense layers (1-based).
    static func denseNumbering(_ record: RunRecord) -> [Int: Int] {
        var numbers: [Int: Int] = [:]
        for (i, layer) in record.samples.layers.enumerated() { numbers[layer.layer] = i + 1 }
        for trajectory in record.samples.trajectories where numbers[trajectory.parameter.layer] == nil {
            numbers[trajectory.parameter.layer] = numbers.count + 1
        }
        return numbers
    }
}
