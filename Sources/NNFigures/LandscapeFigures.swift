import Foundation
import NNRecording
import NNLanguage
import Plot

/// The loss landscape around trained weights with each optimizer's path on it.
public enum LandscapeFigures {
    /// The surface as log₁₀(loss) (heatmap and contour lines), each path as a line from a white circle
    /// (start) to a diamond (end), axes named after the plane's directions: a slice in the two
    /// parameters' values, principal directions as α, β (offsets from the center along d₁, d₂).
    ///
    /// Colors and contours cover log₁₀ L from the surface's minimum to its 98th percentile, so a few
    /// exploding corners do not wash out the basin; contour levels are evenly spaced in log₁₀ L.
    public static func figure(_ landscape: LossLandscape, title: String? = nil, contourLevels: Int = 12) -> Figure {
        let surface = landscape.surface
        // log₁₀ of a non-positive or non-finite loss has no color: NaN leaves the cell empty.
        let logLoss = surface.values.map { $0 > 0 && $0.isFinite ? log10($0) : .nan }
        // A slice is drawn in the parameters' own values, principal directions as offsets from the center.
        let origin = self.origin(landscape)
        let xRange = (surface.x.lowerBound + origin.x)...(surface.x.upperBound + origin.x)
        let yRange = (surface.y.lowerBound + origin.y)...(surface.y.upperBound + origin.y)
        let field = Field(x: xRange, y: yRange, columns: surface.columns, rows: surface.rows, values: logLoss)
        let finite = logLoss.filter(\.isFinite).sorted()
        let low = finite.first ?? 0
        let high = finite.isEmpty ? 1 : max(finite[Int((Double(finite.count - 1) * 0.98).rounded())], low + 1e-9)
        var layers: [any Mark] = [
            Heatmap(field, colors: ColorScale(.viridis, lower: low, upper: high), colorbar: ColorbarStyle(label: tr("log₁₀ loss")))
        ]
        for k in stride(from: 1, through: contourLevels, by: 1) {
            let level = low + (high - low) * Double(k) / Double(contourLevels + 1)
            layers.append(Contour(field: field, level: level, color: Color(gray: 1, alpha: 0.45), width: 0.8))
        }
        var starts: (x: [Double], y: [Double]) = ([], [])
        for (i, path) in landscape.paths.enumerated() {
            let color = pathColor(i)
            let x = path.alpha.map { $0 + origin.x }, y = path.beta.map { $0 + origin.y }
            layers.append(LineSeries(path.name, x: x, y: y, color: color, width: 2))
            // A diverged path ends in NaN: mark its last finite point (LineSeries adds its own × there).
            let drawn = x.indices.filter { x[$0].isFinite && y[$0].isFinite }
            if let first = drawn.first, let last = drawn.last {
                starts.x.append(x[first]); starts.y.append(y[first])
                // Named like the line so its legend entry shows the end marker; later paths get smaller
                // diamonds so ends that coincide (optimizers reaching the same minimum) stay visible.
                layers.append(ScatterSeries(path.name, x: [x[last]], y: [y[last]], color: color,
                                                     marker: MarkerStyle(.diamond, size: max(6, 13 - 2.5 * Double(i)))))
            }
        }
        layers.append(ScatterSeries(tr("start"), x: starts.x, y: starts.y, color: .white, marker: MarkerStyle(.circle, size: 8)))
        let names = axisLabels(landscape)
        let chart = Chart(title: title ?? defaultTitle(landscape),
                          x: Axis(names[0], range: .fixed(xRange.lowerBound, xRange.upperBound), grid: false),
                          y: Axis(names[1], range: .fixed(yRange.lowerBound, yRange.upperBound), grid: false),
                          legend: .outsideRight, marks: layers)
        return Figure(width: 820, height: 600, chart)
    }

    /// Where (α, β) = (0, 0) is drawn: the two parameters' center values for a slice, else the origin.
    static func origin(_ landscape: LossLandscape) -> (x: Double, y: Double) {
        switch landscape.plane {
        case let .parameters(first, second): return (landscape.center[first], landscape.center[second])
        case .principalDirections: return (0, 0)
        }
    }

    /// "direction 1 (83.2% of variance)" for principal directions, the parameter's label for a slice.
    static func axisLabels(_ landscape: LossLandscape) -> [String] {
        switch landscape.plane {
        case .parameters: return landscape.axisNames
        case .principalDirections:
            return landscape.explainedShare.enumerated().map { k, share in
                tr("direction \(k + 1) (\(percent(share)) of variance)")
            }
        }
    }

    static func defaultTitle(_ landscape: LossLandscape) -> String {
        switch landscape.plane {
        case .parameters: return tr("Loss landscape: a two-parameter slice through the final weights")
        case .principalDirections: return tr("Loss landscape along the paths' principal directions")
        }
    }

    /// Okabe–Ito colors that stand out on viridis (vermillion, sky blue, reddish purple, orange, yellow…).
    static func pathColor(_ i: Int) -> Color {
        let order = [3, 5, 4, 1, 6, 0, 2, 7]
        return Color.palette(order[((i % order.count) + order.count) % order.count])
    }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}
