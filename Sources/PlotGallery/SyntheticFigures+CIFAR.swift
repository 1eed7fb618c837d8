import Foundation
import Plot

extension SyntheticFigures {
    /// The CIFAR-10 class names, in label order.
    static let cifarClasses = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    /// Colour images at CIFAR's size (32×32, red, green and blue planes): thirteen "mistakes" captioned
    /// true → predicted with CIFAR's class names, and eight colour weight images scaled symmetrically
    /// around 0 (mid-grey).
    public static func colorImages() -> Figure {
        var rng = SplitMix(seed: 11)
        let side = 32, plane = side * side
        let mistakes = (0..<13).map { k -> GridImage in
            let truth = (k * 7 + 1) % 10, predicted = (k * 3 + 2) % 10 == truth ? (truth + 1) % 10 : (k * 3 + 2) % 10
            // A disc of the class's hue (hue = class / 10) on a dim blue-grey, noisy background.
            let hue = Double(truth) / 10
            let disc = [0.0, 1, 2].map { c in 0.5 + 0.5 * cos(2 * .pi * (hue - Double(c) / 3)) }
            let cx = 10 + 12 * rng.uniform(), cy = 10 + 12 * rng.uniform()
            var values = [Double](repeating: 0, count: 3 * plane)
            for y in 0..<side {
                for x in 0..<side {
                    let inside = (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) < 64
                    for c in 0..<3 {
                        let base = inside ? 235 * disc[c] : 50 + (c == 2 ? 40 * Double(y) / 32 : 0)
                        values[c * plane + y * side + x] = max(0, min(255, base + 18 * rng.normal()))
                    }
                }
            }
            let confidence = Int((97 - 3.5 * Double(k)).rounded())
            return GridImage(width: side, height: side, channels: 3, values: values,
                             caption: "\(cifarClasses[truth]) → \(cifarClasses[predicted]) (\(confidence)%)")
        }
        let weights = (0..<8).map { unit -> GridImage in
            let angle = Double(unit) * .pi / 8
            var values = [Double](repeating: 0, count: 3 * plane)
            for c in 0..<3 {
                for i in 0..<plane {
                    let x = Double(i % side) - 15.5, y = Double(i / side) - 15.5
                    let wave = sin((x * cos(angle) + y * sin(angle)) * 0.35 + Double(c) * 2.1)
                    values[c * plane + i] = 0.05 * wave * exp(-(x * x + y * y) / 200) + 0.004 * rng.normal()
                }
            }
            return GridImage(width: side, height: side, channels: 3, values: values, caption: "unit \(unit + 1)")
        }
        return Figure(width: 900, height: 500, columns: 1, panels: [
            .images(ImageGrid(title: "Most confident mistakes: true → predicted (confidence)", images: mistakes, columns: 8,
                              scaling: .fixed(0, 255))),
            .images(ImageGrid(title: "First-layer weights (red, green, blue; mid-grey 0)", images: weights, columns: 8,
                              scaling: .perImage, center: 0)),
        ])
    }

    /// A confusion matrix over CIFAR-10's ten class names, whose column names do not fit their cells level.
    public static func namedConfusionMatrix() -> Figure {
        var rng = SplitMix(seed: 3)
        let counts = (0..<10).map { t in
            (0..<10).map { p in t == p ? 60 + Int(rng.uniform() * 30) : (rng.uniform() < 0.4 ? Int(rng.uniform() * 15) : 0) }
        }
        return Figure(width: 560, height: 520, panel: .matrix(.confusion(
            title: "Confusion matrix (CIFAR-10, test set)", counts: counts, classes: cifarClasses)))
    }
}
