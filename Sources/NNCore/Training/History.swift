/// Where and why training stopped because the loss or a weight stopped being finite
/// (Keras's `TerminateOnNaN`).
public struct Divergence: Sendable, Hashable {
    /// The epoch (1-based) and batch (1-based within the epoch) where it happened.
    public var epoch: Int
    public var batch: Int
    /// What became non-finite: "loss" or "weights".
    public var quantity: String
    /// The last finite batch loss before it, if any.
    public var lastFiniteLoss: Double?
    /// The learning rate in force.
    public var learningRate: Double

    public init(epoch: Int, batch: Int, quantity: String, lastFiniteLoss: Double?, learningRate: Double) {
        self.epoch = epoch
        self.batch = batch
        self.quantity = quantity
        self.lastFiniteLoss = lastFiniteLoss
        self.learningRate = learningRate
    }

    public var description: String {
        let last = lastFiniteLoss.map { "last finite loss \(shortest($0))" } ?? "no finite loss before it"
        return "diverged at epoch \(epoch), batch \(batch): the \(quantity) became non-finite (\(last), learning rate \(readable(learningRate)))"
    }
}

/// Why a callback ended training early.
public struct EarlyStop: Sendable, Hashable {
    /// The last epoch run (1-based).
    public var epoch: Int
    public var reason: String
    /// `EarlyStopping`'s reason as values, for a report to word in its language (nil for other callbacks'
    /// reasons and for stops read back from runs.json).
    public var cause: Cause?

    /// Why `EarlyStopping` stopped.
    public enum Cause: Sendable, Hashable {
        /// `monitor` reached `target` (at the stop's epoch).
        case reachedTarget(monitor: String, target: Double)
        /// `monitor` did not improve for `patience` epochs; `best` is its best value.
        case noImprovement(monitor: String, patience: Int, best: Double)
    }

    public init(epoch: Int, reason: String, cause: Cause? = nil) {
        self.epoch = epoch
        self.reason = reason
        self.cause = cause
    }

    /// Two stops are the same when their epoch and reason are: `cause` restates the reason (and a stop read
    /// back from runs.json has none).
    public static func == (a: EarlyStop, b: EarlyStop) -> Bool { a.epoch == b.epoch && a.reason == b.reason }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(epoch)
        hasher.combine(reason)
    }
}

/// Per-epoch loss and metrics, as Keras's `History.history`: `loss`, each metric, then
/// `val_loss` and `val_`-prefixed metrics when validation data is given.
public struct History: Sendable, Hashable {
    /// Series names in order.
    public private(set) var keys: [String]
    /// One value per completed epoch for each key.
    public private(set) var values: [[Double]]
    /// Set when training stopped on a non-finite loss or weight.
    public var divergence: Divergence?
    /// Set when a callback stopped training.
    public var earlyStop: EarlyStop?
    /// The epoch whose weights the run ended with, when early stopping restored its best (Keras's
    /// `restore_best_weights`); the series still hold every epoch run.
    public var restoredEpoch: Int?

    public init(keys: [String], reservingEpochs capacity: Int = 0) {
        self.keys = keys
        self.values = keys.map { _ in
            var series: [Double] = []
            series.reserveCapacity(capacity)
            return series
        }
    }

    /// The keys `fit` records: `loss` (Keras's total, data loss + penalty), the metrics, then
    /// `data_loss` and `penalty` when a layer has a regularizer; with validation, `val_loss`, the
    /// `val_` metrics, then `val_data_loss` with a regularizer; last `learning_rate` with a schedule
    /// (as Keras's `LearningRateScheduler` logs it: the rate after the epoch's updates).
    public static func keys(metrics: [Metric], validation: Bool, penalty: Bool, learningRate: Bool = false) -> [String] {
        let base = ["loss"] + metrics.map(\.name)
        var keys = base + (penalty ? ["data_loss", "penalty"] : [])
        if validation { keys += base.map { "val_" + $0 } + (penalty ? ["val_data_loss"] : []) }
        if learningRate { keys.append("learning_rate") }
        return keys
    }

    /// The number of epochs recorded.
    public var epochCount: Int { values.first?.count ?? 0 }

    /// The series named `key`, if recorded.
    public subscript(key: String) -> [Double]? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    /// Appends one epoch's values, in the order of `keys`.
    mutating func append(_ epochValues: UnsafeBufferPointer<Double>) {
        precondition(epochValues.count == keys.count, "History.append needs \(keys.count) values")
        for i in 0..<keys.count { values[i].append(epochValues[i]) }
    }

    /// Builds a history from named series of equal length.
    public init(series: [(key: String, values: [Double])]) {
        self.keys = series.map(\.key)
        self.values = series.map(\.values)
    }
}

/// A number in its shortest round-trip form ("0.1", "1e-07"), as JSON files and the CLI print it.
public func shortest(_ x: Double) -> String {
    x.description
}

/// A number for messages: whole numbers without ".0" ("1", "0.3", "1e-07").
public func readable(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return x.description
}
