import NNCore

/// A stratified train/test split: each class is divided separately, so both parts keep the
/// class proportions of the whole set.
///
/// For class k with nₖ samples, `round(nₖ · testFraction)` of them (rounded half away from
/// zero, so each class is within half a sample of its exact share) go to the test part, chosen
/// by a seeded Fisher–Yates shuffle of that class's rows (NNLab's `RandomGenerator`, stream 0x5D1,
/// one shuffle per class in class order). Both parts list their rows in the original order, so
/// the split depends only on the data, the fraction and the seed.
public struct TrainTestSplit: Sendable, Hashable {
    public var train: ClassificationData
    public var test: ClassificationData
    /// The rows of the original set in `train`, ascending.
    public var trainIndices: [Int]
    /// The rows of the original set in `test`, ascending.
    public var testIndices: [Int]

    /// Splits `data` with `testFraction` (in [0, 1]) of every class in the test part.
    public init(_ data: ClassificationData, testFraction: Double, seed: UInt64) {
        precondition(testFraction >= 0 && testFraction <= 1, "testFraction must lie in [0, 1], received \(testFraction)")
        var members = [[Int]](repeating: [], count: data.classCount)
        for (row, label) in data.labels.enumerated() { members[label].append(row) }
        var generator = RandomGenerator(seed: seed, stream: 0x5D1)
        var isTest = [Bool](repeating: false, count: data.count)
        for var rows in members where !rows.isEmpty {
            let testCount = Int((Double(rows.count) * testFraction).rounded(.toNearestOrAwayFromZero))
            rows.withUnsafeMutableBufferPointer { generator.shuffle($0) }
            for row in rows.prefix(testCount) { isTest[row] = true }
        }
        trainIndices = data.labels.indices.filter { !isTest[$0] }
        testIndices = data.labels.indices.filter { isTest[$0] }
        train = data.subset(trainIndices)
        test = data.subset(testIndices)
    }

    /// Both parts standardized with statistics fitted on the training part only, and the
    /// fitted scaler (to report and to re-apply to new data).
    public func standardized() -> (split: TrainTestSplit, scaler: Standardization) {
        let scaler = Standardization(fittedOn: train.features)
        return (rescaled(with: scaler.apply), scaler)
    }

    /// Both parts min–max scaled to [lower, upper] with ranges fitted on the training part only,
    /// and the fitted scaler.
    public func minMaxScaled(to lower: Double = 0, _ upper: Double = 1) -> (split: TrainTestSplit, scaler: MinMaxScaling) {
        let scaler = MinMaxScaling(fittedOn: train.features, lower: lower, upper: upper)
        return (rescaled(with: scaler.apply), scaler)
    }

    private func rescaled(with transform: (Matrix) -> Matrix) -> TrainTestSplit {
        var copy = self
        copy.train = train.withFeatures(transform(train.features))
        copy.test = test.withFeatures(transform(test.features))
        return copy
    }
}
