import NNCore
import NNRuns
import NNFiles

/// One run in runs.json and history.csv.
struct RunEntry {
    var section: String
    var name: String
    var variant: String?
    var seed: UInt64
    var result: RunResult
    /// The settings' fingerprint, for `--resume`.
    var fingerprint: String?
    /// Further (key, JSON value) pairs for runs.json, e.g. the image problem's fitted scaler.
    var extraFields: [(String, String)] = []

    /// Every history and final model, without wall times, so equal seeds give equal bytes.
    static func json(_ entries: [RunEntry], title: String) -> String {
        var out = "{\"nnlab\": \(JSONWriter.string(NNLabInfo.version)), \"title\": \(JSONWriter.string(title)),\n \"runs\": [\n"
        for (index, entry) in entries.enumerated() {
            let history = zip(entry.result.history.keys, entry.result.history.values)
                .map { "\(JSONWriter.string($0)): \(JSONWriter.vector($1))" }.joined(separator: ", ")
            var fields = [
                "\"section\": \(JSONWriter.string(entry.section))",
                "\"experiment\": \(JSONWriter.string(entry.name))",
            ]
            if let variant = entry.variant { fields.append("\"variant\": \(JSONWriter.string(variant))") }
            fields.append("\"seed\": \(entry.seed)")
            if let fingerprint = entry.fingerprint { fields.append("\"fingerprint\": \"\(fingerprint)\"") }
            fields.append("\"epochs\": \(entry.result.history.epochCount)")
            fields.append("\"history\": {\(history)}")
            if let d = entry.result.history.divergence {
                fields.append("\"divergence\": {\"epoch\": \(d.epoch), \"batch\": \(d.batch), \"quantity\": \(JSONWriter.string(d.quantity)), \"last_finite_loss\": \(d.lastFiniteLoss.map(JSONWriter.number) ?? "null"), \"learning_rate\": \(JSONWriter.number(d.learningRate))}")
            }
            if let stop = entry.result.history.earlyStop {
                fields.append("\"early_stop\": {\"epoch\": \(stop.epoch), \"reason\": \(JSONWriter.string(stop.reason))}")
            }
            if let failure = entry.result.failure { fields.append("\"failure\": \(JSONWriter.string(failure))") }
            for (key, value) in entry.extraFields { fields.append("\(JSONWriter.string(key)): \(value)") }
            if entry.section == "comparison", let norms = entry.result.weightNorms {
                fields.append("\"weight_norm\": {\"epochs\": [\(norms.epochs.map(String.init).joined(separator: ", "))], \"values\": \(JSONWriter.vector(norms.values))}")
            }
            fields.append("\"model\": " + ModelFile.encode(entry.result.network).trimmingCharacters(in: .whitespacesAndNewlines))
            if index > 0 { out += ",\n" }
            out += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += ",\n  " }
                out += field
            }
            out += "}"
        }
        return out + "]}\n"
    }

    /// One row per run and epoch: `run` is the index into runs.json's "runs", then the seed,
    /// the epoch and every history series (empty where a run does not record it).
    static func csv(_ entries: [RunEntry]) -> String {
        var keys: [String] = []
        for entry in entries { for key in entry.result.history.keys where !keys.contains(key) { keys.append(key) } }
        // One row per run and epoch, with the comparison variant's label (empty outside a comparison), so the
        // file can be grouped by variant without runs.json; the run index leads to the rest in runs.json.
        var out = (["run", "variant", "seed", "epoch"] + keys).map(csvField).joined(separator: ",") + "\n"
        for (index, entry) in entries.enumerated() {
            let series = keys.map { entry.result.history[$0] }
            let names = csvField(entry.variant ?? "")
            for epoch in 0..<entry.result.history.epochCount {
                out += "\(index),\(names),\(entry.seed),\(epoch + 1)"
                for s in series {
                    out += ","
                    if let s, epoch < s.count { out += s[epoch].description }
                }
                out += "\n"
            }
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
