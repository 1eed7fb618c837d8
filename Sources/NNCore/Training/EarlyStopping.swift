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
    private var best: Double?
    private var wait = 0

    public init(monitor: String, target: Double? = nil, patience: Int? = nil, minDelta: Double = 0) {
        self.monitor = monitor
        self.target = target
        self.patience = patience
        self.minDelta = minDelta
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
        if let target, minimize ? value <= target : value >= target {
            state.stopTraining(reason: "\(monitor) reached \(readable(target)) at epoch \(epoch)",
                               cause: .reachedTarget(monitor: monitor, target: target))
            return
        }
        guard let patience else { return }
        let improved = best.map { minimize ? value < $0 - minDelta : value > $0 + minDelta } ?? true
        if improved {
            best = value
            wait = 0
        } else {
            wait += 1
            if wait >= patience {
                state.stopTraining(reason: "\(monitor) did not improve for \(patience) epochs (best \(Self.fourDigits(best ?? value)))",
                                   cause: .noImprovement(monitor: monitor, patience: patience, best: best ?? value))
            }
        }
    }
}
