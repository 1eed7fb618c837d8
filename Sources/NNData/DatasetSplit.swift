import NNCore

/// A random train/test split of inputs and targets (for regression sets, where there are no
/// classes to stratify by; use `TrainTestSplit` for classes).
///
/// `round(n · testFraction)` rows, chosen by a seeded Fisher–Yates shuffle (NNLab's
/// `RandomGenerator`, stream 0x5D2), form the test part; both parts keep the original row order.
public struct DatasetSplit: Sendable, Hashable {
    public var train: Dataset
    public var test: Dataset
    /// The rows of the original set in `train`, ascending.
    public var trainIndices: [Int]
    /// The rows of the original set in `test`, ascending.
    public var testIndices: [Int]

    /// Splits `data` with `testFraction` (in [0, 1]) of its rows in the test part.
    public init(_ data: Dataset, testFraction: Double, seed: UInt64) {
        precondition(testFraction >= 0 && testFraction <= 1, "testFraction must lie in [0, 1], received \(testFraction)")
        var order = Array(0..<data.count)
        var generator = RandomGenerator(seed: seed, stream: 0x5D2)
        order.withUnsafeMutableBufferPointer { generator.shuffle($0) }
        let testCount = Int((Double(data.count) * testFraction).rounded(.toNearestOrAwayFromZero))
        var isTest = [Bool](repeating: false, count: data.count)
        for row in order.prefix(testCount) { isTest[row] = true }
        trainIndices = (0..<data.count).filter { !isTest[$0] }
        testIndices = (0..<data.count).filter { isTest[$0] }
        train = Dataset(x: DatasetSplit.rows(data.x, trainIndices), y: DatasetSplit.rows(data.y, trainIndices))
        test = Dataset(x: DatasetSplit.rows(data.x, testIndices), y: DatasetSplit.rows(data.y, testIndices))
    }

    /// Both parts' inputs standardized with statistics fitted on the training part only.
    public func standardized() -> (split: DatasetSplit, scaler: Standardization) {
        let scaler = Standardization(fittedOn: train.x)
        var copy = self
        copy.train.x = scaler.apply(train.x)
        copy.test.x = scaler.apply(test.x)
        return (copy, scaler)
    }

    /// Both parts' inputs min–max scaled with extremes fitted on the training part only.
    public func minMaxScaled(to lower: Double = 0, _ upper: Double = 1) -> (split: DatasetSplit, scaler: MinMaxScaling) {
        let scaler = MinMaxScaling(fittedOn: train.x, lower: lower, upper: upper)
        var copy = self
        copy.train.x = scaler.apply(train.x)
        copy.test.x = scaler.apply(test.x)
        return (copy, scaler)
    }

    /// The rows `indices` of `matrix`, in that order.
    static func rows(_ matrix: Matrix, _ indices: [Int]) -> Matrix {
        let width = matrix.columns
        var elements = [Double]()
        elements.reserveCapacity(indices.count * width)
        for index in indices { elements.append(contentsOf: matrix.elements[(index * width)..<((index + 1) * width)]) }
        return Matrix(rows: indices.count, columns: width, elements: elements)
    }
}
