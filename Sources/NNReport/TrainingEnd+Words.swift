import NNCore
import NNLanguage

// How a run ended (diverged, stopped early), in the report's language.

extension Divergence {
    /// `description` in the report's language: "diverged at epoch 3, batch 1: the loss became non-finite (…)".
    var sentence: String {
        let last = lastFiniteLoss.map { tr("last finite loss \(Format.significant($0, 4))") } ?? tr("no finite loss before it")
        let rate = learningRate.isFinite ? readable(learningRate) : (learningRate > 0 ? "∞" : (learningRate < 0 ? "−∞" : "NaN"))
        switch quantity {
        case "loss": return tr("diverged at epoch \(epoch), batch \(batch): the loss became non-finite (\(last), learning rate \(rate))")
        case "weights": return tr("diverged at epoch \(epoch), batch \(batch): the weights became non-finite (\(last), learning rate \(rate))")
        default: return tr("diverged at epoch \(epoch), batch \(batch): the \(quantity) became non-finite (\(last), learning rate \(rate))")
        }
    }
}

extension EarlyStop {
    /// `reason` in the report's language when the stop says why as values.
    var sentence: String {
        switch cause {
        case .reachedTarget(let monitor, let target)?:
            return tr("\(translated(monitor)) reached \(readable(target)) at epoch \(epoch)")
        case .noImprovement(let monitor, let patience, let best)?:
            return tr("\(translated(monitor)) did not improve for \(counted(patience, "epoch")) (best \(Format.significant(best, 4)))")
        case nil:
            return reason
        }
    }
}
