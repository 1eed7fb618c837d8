/// Hooks into `fit`: sees the start and end of training, every epoch and every batch, can
/// read weights and gradients through the `TrainingState`, and can stop training.
///
/// All methods have empty default implementations; a recorder implements the ones it needs.
/// Callbacks run on the training thread, in the order given.
public protocol TrainingCallback: AnyObject {
    func trainingWillBegin(_ state: TrainingState)
    func epochWillBegin(_ epoch: Int, state: TrainingState)
    func batchWillBegin(_ batch: Int, state: TrainingState)
    /// After the batch's step: `state.gradients` holds the gradient used, `state.parameters` the updated values.
    func batchDidEnd(_ batch: Int, loss: Double, state: TrainingState)
    /// After the epoch's metrics and validation: `logs` holds this epoch's values under the history's keys.
    func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState)
    func trainingDidEnd(_ history: History, state: TrainingState)
}

extension TrainingCallback {
    public func trainingWillBegin(_ state: TrainingState) {}
    public func epochWillBegin(_ epoch: Int, state: TrainingState) {}
    public func batchWillBegin(_ batch: Int, state: TrainingState) {}
    public func batchDidEnd(_ batch: Int, loss: Double, state: TrainingState) {}
    public func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {}
    public func trainingDidEnd(_ history: History, state: TrainingState) {}
}

/// One epoch's values under the history's keys.
public struct EpochLogs: Sendable {
    public let keys: [String]
    public let values: [Double]

    public subscript(key: String) -> Double? {
        keys.firstIndex(of: key).map { values[$0] }
    }
}
