import NNCore
import NNLanguage
import Plot

/// Figures of a trained classifier: confusion matrix, confidently wrong examples, first-layer weights.
public enum ClassificationFigures {
    /// How a flat feature vector is drawn as an image.
    public struct ImageShape: Sendable, Hashable {
        public var width: Int
        public var height: Int
        /// Channels stored one after another (CIFAR: 1024 red, 1024 green, 1024 blue).
        public var channels: Int

        public init(width: Int, height: Int, channels: Int = 1) {
            self.width = width
            self.height = height
            self.channels = channels
        }

        /// A guess from the feature count: 3072 = 32×32×3 (CIFAR), a square (8×8 digits, 28×28 MNIST), else one row.
        public static func guess(features: Int) -> ImageShape {
            if features == 3072 { return ImageShape(width: 32, height: 32, channels: 3) }
            let side = Int(Double(features).squareRoot().rounded())
            if side * side == features { return ImageShape(width: side, height: side) }
            return ImageShape(width: features, height: 1)
        }

        /// The values an image of this shape holds: width × height × channels.
        public var valueCount: Int { width * height * channels }

        /// A grid image of `values` laid out in this shape: channel planes one after another (CIFAR:
        /// the red plane, then green, then blue), drawn in colour when there are three.
        public func image(_ values: [Double], caption: String?) -> GridImage {
            GridImage(width: width, height: height, channels: channels == 3 ? 3 : 1,
                      values: channels == 3 || channels == 1 ? values : mean(values), caption: caption)
        }

        /// The mean over channels, for channel counts the grid cannot draw in colour.
        func mean(_ values: [Double]) -> [Double] {
            let plane = width * height
            return (0..<plane).map { p in (0..<channels).reduce(0) { $0 + values[$1 * plane + p] } / Double(channels) }
        }
    }

    /// counts[true][predicted].
    public static func confusionCounts(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (p, a) in zip(predicted, actual) where p < classes && a < classes { counts[a][p] += 1 }
        return counts
    }

    /// The `limit` misclassified samples the network was most confident about, as an image grid
    /// captioned "true → predicted (probability)"; colour images keep their colours on one range
    /// shared by the grid, grey ones are drawn as ink on paper, each over its own range.
    public static func confidentMistakes(features: Matrix, probabilities: Matrix, actual: [Int], classNames: [String],
                                         shape: ImageShape, limit: Int = 16) -> ImageGrid? {
        guard features.columns == shape.valueCount else { return nil }
        var mistakes: [(index: Int, predicted: Int, confidence: Double)] = []
        for r in 0..<probabilities.rows {
            let row = probabilities.row(r)
            let predicted = row.indices.max { row[$0] < row[$1] } ?? 0
            if predicted != actual[r] { mistakes.append((r, predicted, row[predicted])) }
        }
        guard !mistakes.isEmpty else { return nil }
        let chosen = mistakes.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.index < $1.index }.prefix(limit)
        let images = chosen.map { m in
            shape.image(features.row(m.index),
                        caption: "\(name(classNames, actual[m.index])) → \(name(classNames, m.predicted)) (\(Int((m.confidence * 100).rounded()))%)")
        }
        let color = shape.channels == 3
        return ImageGrid(title: tr("Most confident mistakes: true → predicted (confidence)"), images: Array(images),
                         columns: min(8, images.count), colormap: color ? .grays : .ink, scaling: color ? .shared : .perImage)
    }

    /// Each first-layer unit's incoming weights drawn as an image, each unit on its own range
    /// symmetric around 0: one channel through a diverging map (blue negative, red positive); three
    /// channels as a colour image whose red, green and blue at a pixel are the weights on that pixel's
    /// red, green and blue inputs, `0.5 + 0.5 w / max|w|` (mid-grey for 0), as first-layer filters are shown.
    public static func firstLayerWeights(_ network: Network, shape: ImageShape, limit: Int = 32) -> ImageGrid? {
        guard let first = network.denseLayers.first?.layer, first.inputs == shape.valueCount else { return nil }
        let units = min(first.units, limit)
        let images = (0..<units).map { j in
            shape.image((0..<first.inputs).map { first.weights[$0, j] }, caption: tr("unit \(j + 1)"))
        }
        return ImageGrid(title: tr("First-layer weights of \(units) of \(first.units) units"), images: images,
                         columns: min(8, units), colormap: .blueRed, scaling: .perImage, center: 0)
    }

    static func name(_ names: [String], _ index: Int) -> String { index < names.count ? names[index] : String(index) }
}
