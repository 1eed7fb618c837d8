import NNCore
import NNLanguage

extension Divergence {
    /// `description` in the report's language: "diverged at epoch 3, batch 1: the loss became non-finite (…)".
    var sentence: String {
        let last = lastFiniteLoss.map { tr("last finite loss \(Format.significant($0, 4))") } ?? tr("no finite loss before it")
        let rate = readable(learningRate)
        switch quantity {
        case "loss": return tr("diverged at epoch \(epoch), batch \(batch): the loss became non-finite (\(last), learning rate \(rate))")
        case "weights": return tr("diverged at epoch \(epoch), batch \(batch): the weights became non-finite (\(last), learning rate \(rate))")
        default: return tr("diverged at epoch \(epoch), batch \(batch): the \(quantity) became non-finite (\(last), learning rate \(rate))")
        }
    }
}
