/// How `fit` runs: epochs, batching, shuffling and what to measure.
public struct TrainingOptions: Sendable, Hashable {
    public var epochs: Int
    /// Samples per batch (Keras's default is 32); clipped to the sample count.
    public var batchSize: Int
    /// Whether to reshuffle the samples before each epoch (with the run's seed).
    public var shuffle: Bool
    /// The seed of the shuffling stream.
    public var seed: UInt64
    /// Metrics recorded per epoch besides the loss.
    public var metrics: [Metric]

    public init(epochs: Int, batchSize: Int = 32, shuffle: Bool = true, seed: UInt64 = 0, metrics: [Metric] = []) {
        precondition(epochs >= 0, "epochs must be non-negative, received \(epochs)")
        precondition(batchSize > 0, "batch size must be positive, received \(batchSize)")
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.metrics = metrics
    }
}

/// Sub-streams of a run's seed, so that e.g. the shuffling order never depends on how many
/// numbers the weight initialization drew.
public enum RandomStream {
    /// Layer `i`'s initial weights use stream `layerBase + i`.
    public static let layerBase: UInt64 = 1
    public static let shuffle: UInt64 = 0x5348_5546_464C_4500
    public static let data: UInt64 = 0x4441_5441_0000_0000
    /// What layers draw in training (dropout's masks), one stream per run.
    public static let dropout: UInt64 = 0x4452_4F50_4F55_5400
}
