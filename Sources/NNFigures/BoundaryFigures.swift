import NNCore
import NNRecording
import NNLanguage
import Plot

/// Decision boundaries of two-input networks over the input plane.
public enum BoundaryFigures {
    /// The network's output `output` over a `columns × rows` grid of the rectangle (see `fields`).
    public static func field(_ network: Network, x: ClosedRange<Double>, y: ClosedRange<Double>,
                             columns: Int = 200, rows: Int = 200, output: Int = 0) -> Field {
        fields(network, x: x, y: y, columns: columns, rows: rows)[output]
    }

    /// Every output of the network over a `columns × rows` grid of the rectangle, computed in one
    /// batched forward pass; row 0 is the bottom edge (y = lower bound).
    public static func fields(_ network: Network, x: ClosedRange<Double>, y: ClosedRange<Double>,
                              columns: Int = 200, rows: Int = 200) -> [Field] {
        precondition(network.inputWidth == 2, "a decision boundary needs a two-input network, received \(network.inputWidth) inputs")
        var points = Matrix(rows: columns * rows, columns: 2)
        for r in 0..<rows {
            let yv = y.lowerBound + (y.upperBound - y.lowerBound) * (Double(r) + 0.5) / Double(rows)
            for c in 0..<columns {
                let xv = x.lowerBound + (x.upperBound - x.lowerBound) * (Double(c) + 0.5) / Double(columns)
                points[r * columns + c, 0] = xv
                points[r * columns + c, 1] = yv
            }
        }
        let outputs = network.predict(points)
        return (0..<outputs.columns).map { k in
            Field(x: x, y: y, columns: columns, rows: rows, values: (0..<(columns * rows)).map { outputs[$0, k] })
        }
    }

    /// The input rectangle around `data`, padded by `padding` of its extent on each side (see `Plane.around`).
    public static func plane(of data: Matrix, padding: Double = 0.25) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let plane = Plane.around(data, padding: padding)
        return (plane.x, plane.y)
    }

    /// Class indices for scatter colors: for one output, y > threshold; for several, argmax.
    public static func classes(of targets: Matrix, threshold: Double) -> [Int] {
        (0..<targets.rows).map { r in
            if targets.columns == 1 { return targets[r, 0] > threshold ? 1 : 0 }
            let row = targets.row(r)
            return row.indices.max { row[$0] < row[$1] } ?? 0
        }
    }

    /// A decision-boundary chart: the output as one image, the contour at `threshold`, the training
    /// data on top (filled markers) and the `validation` data, when given, as hollow markers (Playground's
    /// "show test data"). A network with several outputs draws the class it picks at each point (the
    /// argmax) instead. `discretized` draws the output rounded to either side of the threshold
    /// (Playground's "discretize output").
    public static func chart(_ network: Network, data: Dataset, threshold: Double, range: ClosedRange<Double>,
                             title: String? = nil, resolution: Int = 200, classNames: [String]? = nil,
                             validation: Dataset? = nil, discretized: Bool = false) -> Chart {
        let plane = plane(of: validation.map { Matrix(rows: data.count + $0.count, columns: 2, elements: data.x.elements + $0.x.elements) } ?? data.x)
        let all = fields(network, x: plane.x, y: plane.y, columns: resolution, rows: resolution)
        let f = all[0]
        func points(_ d: Dataset, _ name: String, hollow: Bool) -> ScatterSeries {
            ScatterSeries(name, x: (0..<d.count).map { d.x[$0, 0] }, y: (0..<d.count).map { d.x[$0, 1] },
                          classes: classes(of: d.y, threshold: threshold), classNames: classNames,
                          marker: MarkerStyle(size: hollow ? 7 : 6, hollow: hollow)).thinned()
        }
        let held = validation.map { [points($0, tr("validation"), hollow: true)] } ?? []
        var shown = title
        var marks: [any Mark]
        if all.count > 1 {
            // Several outputs: the class the network picks, not one output among them.
            marks = [ClassRegions(argmaxOf: all), points(data, tr("data"), hollow: false)] + held
        } else {
            var plotted = f
            if discretized {
                let low = threshold + 0.6 * (range.lowerBound - threshold), high = threshold + 0.6 * (range.upperBound - threshold)
                plotted.values = f.values.map { $0.isFinite ? ($0 > threshold ? high : low) : .nan }
            }
            marks = Marks.decisionBoundary(plotted, threshold: threshold, range: range,
                                           x: (0..<data.count).map { data.x[$0, 0] }, y: (0..<data.count).map { data.x[$0, 1] },
                                           classes: classes(of: data.y, threshold: threshold), classNames: classNames,
                                           colorbarLabel: tr("output")) + held
            if discretized, var image = marks.first as? Heatmap {
                // Two colours need no colour bar.
                image.smoothing = .nearest
                image.colorbar = nil
                marks[0] = image
            }
            // An output that does not vary over the plane has no boundary: rounding noise would draw a maze of contours.
            let finite = f.values.filter(\.isFinite)
            let spread = (finite.max() ?? 0) - (finite.min() ?? 0)
            if spread <= 1e-9 * max(1, abs(finite.first ?? 0)) {
                marks.removeAll { $0 is Contour }
                let value = finite.first ?? .nan
                shown = (title.map { $0 + " " } ?? "") + tr("(constant output \(abs(value) < 1e-9 ? "0" : Ticks.label(value)))")
            }
        }
        return Chart(title: shown, x: Axis("x₁", range: .fixed(plane.x.lowerBound, plane.x.upperBound)),
                     y: Axis("x₂", range: .fixed(plane.y.lowerBound, plane.y.upperBound)), legend: .hidden, marks: marks)
    }
}
