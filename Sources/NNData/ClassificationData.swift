import NNCore
import NNFiles

/// Samples with a class label each: the features one sample per row and the class indices.
///
/// The invariant (checked by a precondition; the loaders check the user's files first and
/// throw `InputError`): one label per row, every label in `0..<classCount`.
public struct ClassificationData: Sendable, Hashable {
    /// The inputs, `count × featureCount`.
    public private(set) var features: Matrix
    /// The class index of each row, in `0..<classCount`.
    public private(set) var labels: [Int]
    /// The classes' names, in class-index order (its count is the class count).
    public private(set) var classNames: [String]

    public init(features: Matrix, labels: [Int], classNames: [String]) {
        precondition(features.rows == labels.count,
                     "ClassificationData needs one label per row, received \(labels.count) labels for \(features.rows) rows")
        precondition(!classNames.isEmpty, "ClassificationData needs at least one class")
        let classCount = classNames.count
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount },
                     "ClassificationData labels must lie in 0..<\(classCount)")
        self.features = features
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of samples.
    public var count: Int { labels.count }
    /// The number of input features (columns).
    public var featureCount: Int { features.columns }
    /// The number of classes.
    public var classCount: Int { classNames.count }

    /// How many samples each class has, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The samples at `indices`, in that order (the class names are kept).
    public func subset(_ indices: [Int]) -> ClassificationData {
        let width = features.columns
        var elements = [Double]()
        elements.reserveCapacity(indices.count * width)
        var subsetLabels = [Int]()
        subsetLabels.reserveCapacity(indices.count)
        features.elements.withUnsafeBufferPointer { source in
            for index in indices {
                precondition(index >= 0 && index < count, "ClassificationData.subset: index \(index) out of 0..<\(count)")
                elements.append(contentsOf: source[(index * width)..<((index + 1) * width)])
                subsetLabels.append(labels[index])
            }
        }
        return ClassificationData(features: Matrix(rows: indices.count, columns: width, elements: elements),
                                  labels: subsetLabels, classNames: classNames)
    }

    /// The same samples with their features replaced (e.g. by a scaler's output).
    public func withFeatures(_ newFeatures: Matrix) -> ClassificationData {
        precondition(newFeatures.rows == count, "withFeatures needs \(count) rows, received \(newFeatures.rows)")
        return ClassificationData(features: newFeatures, labels: labels, classNames: classNames)
    }

    /// The targets in `encoding` (see `LabelEncoding`).
    public func targets(_ encoding: LabelEncoding) -> Matrix {
        encoding.encode(labels, classCount: classCount)
    }

    /// Inputs and targets for training, the labels coded as `encoding`.
    public func dataset(_ encoding: LabelEncoding) -> Dataset {
        Dataset(x: features, y: targets(encoding))
    }
}
