import NNCore
import Plot

/// Each hidden unit's activation over the input plane, as TensorFlow Playground shows per neuron.
public enum UnitMapFigures {
    /// One heatmap per unit of every hidden dense layer (all but the last dense layer), from one
    /// batched trace over a `resolution × resolution` grid of the rectangle.
    public static func figure(_ network: Network, x: ClosedRange<Double>, y: ClosedRange<Double>,
                              resolution: Int = 100, title: String? = nil) -> Figure? {
        precondition(network.inputWidth == 2, "unit maps need a two-input network")
        var points = Matrix(rows: resolution * resolution, columns: 2)
        for r in 0..<resolution {
            for c in 0..<resolution {
                points[r * resolution + c, 0] = x.lowerBound + (x.upperBound - x.lowerBound) * (Double(c) + 0.5) / Double(resolution)
                points[r * resolution + c, 1] = y.lowerBound + (y.upperBound - y.lowerBound) * (Double(r) + 0.5) / Double(resolution)
            }
        }
        let trace = network.trace(points)
        let dense = network.denseLayers
        guard dense.count > 1 else { return nil }
        var panels: [Panel] = []
        for (number, entry) in dense.dropLast().enumerated() {
            let output = trace[entry.index].output
            for unit in 0..<entry.layer.units {
                let values = (0..<(resolution * resolution)).map { output[$0, unit] }
                let field = Field(x: x, y: y, columns: resolution, rows: resolution, values: values)
                let scale = colorScale(entry.layer.activation, values: values)
                panels.append(.chart(Chart(title: "layer \(number + 1), unit \(unit + 1) (\(entry.layer.activation.name))",
                                           x: Axis("x₁", range: .fixed(x.lowerBound, x.upperBound)),
                                           y: Axis("x₂", range: .fixed(y.lowerBound, y.upperBound)), legend: .hidden,
                                           layers: [.heatmap(Heatmap(field, colors: scale))])))
            }
        }
        let columns = min(panels.count, 4)
        let rows = (panels.count + columns - 1) / columns
        return Figure(title: title, width: Double(columns) * 240 + 40, height: Double(rows) * 230 + 50, columns: columns, panels: panels)
    }

    /// The activation's natural range on a diverging map: tanh −1…1 around 0, sigmoid 0…1 around 0.5.
    static func colorScale(_ activation: Activation, values: [Double]) -> ColorScale {
        switch activation {
        case .tanh: return ColorScale(.blueRed, lower: -1, upper: 1, center: 0)
        case .sigmoid, .softmax: return ColorScale(.blueRed, lower: 0, upper: 1, center: 0.5)
        default:
            let finite = values.filter(\.isFinite)
            let hi = max(finite.map(abs).max() ?? 1, 1e-9)
            return ColorScale(.blueRed, lower: -hi, upper: hi, center: 0)
        }
    }
}
