import Foundation
/// Stops training when a monitored value reaches a target, or stops improving for
/// `patience` epochs (Keras's `EarlyStopping`, plus a target such as "100% XOR accuracy").
///
/// The direction is inferred from the name: values containing "loss" or "mse" improve
/// downwards, the rest (accuracies) upwards.
public final class EarlyStopping: TrainingCallback {
    public let monitor: String
    public let target: Double?
    public let patience: Int?
    public let minDelta: Double
    /// Keras's `restore_best_weights`.
    public let restoreBestWeights: Bool
    private var best: Double?
    private var wait = 0
    private var bestWeights: [Double] = []
    /// The epoch `bestWeights` hold (0: none kept yet).
    private var bestEpoch = 0

    public init(monitor: String, target: Double? = nil, patience: Int? = nil, minDelta: Double = 0, restoreBestWeights: Bool = false) {
        self.monitor = monitor
        self.target = target
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }

    /// Whether smaller is better for `name`.
    public static func minimizes(_ name: String) -> Bool {
        name.contains("loss") || name.hasSuffix("mse")
    }

    /// "0.01785": four significant digits, for the stop reason a report shows.
    static func fourDigits(_ x: Double) -> String {
        var text = String(format: "%.4g", x)
        if text.contains("e") == false, text.contains(".") { while text.hasSuffix("0") { text.removeLast() } }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    public func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {
        guard let value = logs[monitor], value.isFinite else { return }
        let minimize = EarlyStopping.minimizes(monitor)
        // Keras keeps the first epoch's weights before anything else, so a run that never improves on
        // its first epoch ends with them.
        if restoreBestWeights && bestEpoch == 0 { keepWeights(state, epoch: epoch) }
        let improved = best.map { minimize ? value < $0 - minDelta : value > $0 + minDelta } ?? true
        if improved {
            best = value
            wait = 0
            if restoreBestWeights { keepWeights(state, epoch: epoch) }
        } else {
            wait += 1
        }
        if let target, minimize ? value <= target : value >= target {
            state.stopTraining(reason: "\(monitor) reached \(readable(target)) at epoch \(epoch)",
                               cause: .reachedTarget(monitor: monitor, target: target))
            return
        }
        if let patience, !improved, wait >= patience {
            state.stopTraining(reason: "\(monitor) did not improve for \(patience) epochs (best \(Self.fourDigits(best ?? value)))",
                               cause: .noImprovement(monitor: monitor, patience: patience, best: best ?? value))
        }
    }

    /// Keras's `on_train_end`: with `restoreBestWeights`, the run ends with the best epoch's weights,
    /// whether it stopped early or ran every epoch.
    public func trainingDidEnd(_ history: History, state: TrainingState) {
        guard restoreBestWeights, bestEpoch > 0 else { return }
        state.restoreParameters(bestWeights, fromEpoch: bestEpoch)
    }

    /// Copies the current weights into `bestWeights` (sized once; later copies allocate nothing).
    private func keepWeights(_ state: TrainingState, epoch: Int) {
        let parameters = state.parameters
        if bestWeights.count != parameters.count { bestWeights = Array(repeating: 0, count: parameters.count) }
        bestWeights.withUnsafeMutableBufferPointer { kept in
            for i in 0..<parameters.count { kept[i] = parameters[i] }
        }
        bestEpoch = epoch
    }
}
