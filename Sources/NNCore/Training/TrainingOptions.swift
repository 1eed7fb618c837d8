/// How `fit` runs: epochs, batching, shuffling, what to measure and the learning-rate schedule.
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
    /// η per optimizer step (Keras's `learning_rate=schedule`), replacing the optimizer's own rate;
    /// then the history records `learning_rate`. nil: the optimizer's rate throughout.
    public var learningRateSchedule: (any LearningRateSchedule)?

    public init(epochs: Int, batchSize: Int = 32, shuffle: Bool = true, seed: UInt64 = 0, metrics: [Metric] = [],
                learningRateSchedule: (any LearningRateSchedule)? = nil) {
        precondition(epochs >= 0, "epochs must be non-negative, received \(epochs)")
        precondition(batchSize > 0, "batch size must be positive, received \(batchSize)")
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.metrics = metrics
        self.learningRateSchedule = learningRateSchedule
    }

    public static func == (a: TrainingOptions, b: TrainingOptions) -> Bool {
        guard a.epochs == b.epochs, a.batchSize == b.batchSize, a.shuffle == b.shuffle, a.seed == b.seed, a.metrics == b.metrics else { return false }
        switch (a.learningRateSchedule, b.learningRateSchedule) {
        case (nil, nil): return true
        case (let x?, let y?): return x.isSame(as: y)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epochs)
        hasher.combine(batchSize)
        hasher.combine(shuffle)
        hasher.combine(seed)
        hasher.combine(metrics)
        if let schedule = learningRateSchedule {
            hasher.combine(type(of: schedule).typeName)
            for (name, value) in schedule.hyperparameters { hasher.combine(name); hasher.combine(value) }
        }
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
