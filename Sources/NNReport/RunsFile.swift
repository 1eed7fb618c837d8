import NNCore
import NNRuns
import NNFiles

/// runs.json and history.csv: the one schema of a report's results. `json` writes what `read`
/// reads back (`--resume` uses `read`), so the two cannot drift apart.
///
/// ```json
/// {"nnlab": "0.4.0", "title": "…", "runs": [
///  {"section": "comparison", "experiment": "…", "variant": "tanh, L2 0.01", "seed": 0,
///   "fingerprint": "…", "data": "circle (samples 300, noise 0.1, seed 1)", "optimizer": {"type": "sgd", …},
///   "batch_size": 4, "shuffle": true, "epochs": 300, "history": {"loss": […], …},
///   "divergence": {…}, "early_stop": {…}, "failure": "…",
///   "split": {"test_fraction": 0.2, "train": 1437, "test": 360}, "scaling": {"kind": "standardize", …},
///   "weight_norm": {"epochs": […], "values": […], "small_share": […]}, "model": {…}}]}
/// ```
/// Optional fields are written only when they hold something; non-finite numbers are `null` (and
/// `nan` in history.csv).
enum RunsFile {
    /// One run's results.
    struct Entry: Sendable {
        var section: String
        var experiment: String
        var variant: String?
        var seed: UInt64
        /// The settings' fingerprint, for `--resume`.
        var fingerprint: String?
        var history: History
        var failure: String?
        /// The held-out part: the image problem's test split, or a `validation_split` (train and validation rows).
        var split: Split?
        /// The scaler fitted on the run's training part.
        var scaler: FittedScaler?
        /// The total L2 norm of the weights at sampled epochs (comparison runs).
        var weightNorms: (epochs: [Int], values: [Double])?
        /// The share of weights with |w| < 10⁻³ at the same epochs (comparison runs).
        var smallWeightShare: [Double]?
        /// The final network.
        var network: Network
        /// What the run trained with, for reading a result without the experiment file: the data source
        /// with its settings, the optimizer as configured (before its first step) and the batch size.
        var data: String?
        var optimizer: (any Optimizer)?
        /// The optimizer's learning-rate schedule, when it has one (written as its `learning_rate`).
        var schedule: (any LearningRateSchedule)?
        /// `constants`, written only when not the default `keras`.
        var constants: Constants = .keras
        var batchSize: Int?
        var shuffle: Bool?

        struct Split: Sendable, Hashable {
            var testFraction: Double
            var train: Int
            var test: Int
        }

        /// A run's entry from its result; weight norms are kept for comparison runs.
        init(section: String, experiment: String, variant: String?, seed: UInt64, result: RunResult, fingerprint: String?,
             scaler: FittedScaler? = nil, split: Split? = nil, run: Run? = nil, data: String? = nil, heldOut: Double? = nil) {
            self.init(section: section, experiment: experiment, variant: variant, seed: seed, fingerprint: fingerprint,
                      history: result.history, failure: result.failure, split: split, scaler: scaler,
                      weightNorms: section == "comparison" ? result.weightNorms : nil, network: result.network)
            if section == "comparison" { smallWeightShare = result.smallWeightShare }
            self.data = data
            optimizer = run?.optimizer
            schedule = run?.options.learningRateSchedule
            constants = run?.network.constants ?? .keras
            batchSize = run?.options.batchSize
            shuffle = run?.options.shuffle
            if self.split == nil, let heldOut, let run, let validation = run.validation {
                self.split = Split(testFraction: heldOut, train: run.data.count, test: validation.count)
            }
        }

        init(section: String, experiment: String, variant: String?, seed: UInt64, fingerprint: String?, history: History,
             failure: String?, split: Split?, scaler: FittedScaler?, weightNorms: (epochs: [Int], values: [Double])?, network: Network) {
            self.section = section
            self.experiment = experiment
            self.variant = variant
            self.seed = seed
            self.fingerprint = fingerprint
            self.history = history
            self.failure = failure
            self.split = split
            self.scaler = scaler
            self.weightNorms = weightNorms
            self.network = network
        }
    }

    static let topFields = ["nnlab", "title", "runs"]
    static let entryFields = ["section", "experiment", "variant", "seed", "fingerprint", "data", "optimizer", "constants", "batch_size", "shuffle", "epochs", "history", "divergence",
                              "early_stop", "failure", "split", "scaling", "weight_norm", "model"]

    // MARK: Writing

    /// Every history and final model, without wall times, so equal seeds give equal bytes.
    static func json(_ entries: [Entry], title: String) -> String {
        var out = "{\"nnlab\": \(JSONWriter.string(NNLabInfo.version)), \"title\": \(JSONWriter.string(title)),\n \"runs\": [\n"
        for (index, entry) in entries.enumerated() {
            let history = zip(entry.history.keys, entry.history.values)
                .map { "\(JSONWriter.string($0)): \(JSONWriter.vector($1))" }.joined(separator: ", ")
            var fields = [
                "\"section\": \(JSONWriter.string(entry.section))",
                "\"experiment\": \(JSONWriter.string(entry.experiment))",
            ]
            if let variant = entry.variant { fields.append("\"variant\": \(JSONWriter.string(variant))") }
            fields.append("\"seed\": \(entry.seed)")
            if let fingerprint = entry.fingerprint { fields.append("\"fingerprint\": \(JSONWriter.string(fingerprint))") }
            if let data = entry.data { fields.append("\"data\": \(JSONWriter.string(data))") }
            if let optimizer = entry.optimizer { fields.append("\"optimizer\": " + OptimizerFile.encode(optimizer, schedule: entry.schedule)) }
            if entry.constants != .keras { fields.append("\"constants\": \(JSONWriter.string(entry.constants.rawValue))") }
            if let batchSize = entry.batchSize { fields.append("\"batch_size\": \(batchSize)") }
            if let shuffle = entry.shuffle { fields.append("\"shuffle\": \(shuffle)") }
            fields.append("\"epochs\": \(entry.history.epochCount)")
            fields.append("\"history\": {\(history)}")
            if let d = entry.history.divergence {
                fields.append("\"divergence\": {\"epoch\": \(d.epoch), \"batch\": \(d.batch), \"quantity\": \(JSONWriter.string(d.quantity)), \"last_finite_loss\": \(d.lastFiniteLoss.map(JSONWriter.number) ?? "null"), \"learning_rate\": \(JSONWriter.number(d.learningRate))}")
            }
            if let stop = entry.history.earlyStop {
                fields.append("\"early_stop\": {\"epoch\": \(stop.epoch), \"reason\": \(JSONWriter.string(stop.reason))}")
            }
            if let failure = entry.failure { fields.append("\"failure\": \(JSONWriter.string(failure))") }
            if let split = entry.split {
                fields.append("\"split\": {\"test_fraction\": \(JSONWriter.number(split.testFraction)), \"train\": \(split.train), \"test\": \(split.test)}")
            }
            if let scaler = entry.scaler { fields.append("\"scaling\": \(scaler.json)") }
            if let norms = entry.weightNorms {
                let small = entry.smallWeightShare.map { ", \"small_share\": \(JSONWriter.vector($0))" } ?? ""
                fields.append("\"weight_norm\": {\"epochs\": [\(norms.epochs.map(String.init).joined(separator: ", "))], \"values\": \(JSONWriter.vector(norms.values))\(small)}")
            }
            fields.append("\"model\": " + ModelFile.encode(entry.network).trimmingCharacters(in: .whitespacesAndNewlines))
            if index > 0 { out += ",\n" }
            out += "{" + fields.joined(separator: ",\n  ") + "}"
        }
        return out + "]}\n"
    }

    /// One row per run and epoch: `run` is the index into runs.json's "runs", then the comparison
    /// variant's label (empty outside a comparison), the seed, the epoch and every history series
    /// (empty where a run does not record it).
    static func csv(_ entries: [Entry]) -> String {
        var keys: [String] = []
        for entry in entries { for key in entry.history.keys where !keys.contains(key) { keys.append(key) } }
        var out = (["run", "variant", "seed", "epoch"] + keys).map(csvField).joined(separator: ",") + "\n"
        for (index, entry) in entries.enumerated() {
            let series = keys.map { entry.history[$0] }
            let names = csvField(entry.variant ?? "")
            for epoch in 0..<entry.history.epochCount {
                out += "\(index),\(names),\(entry.seed),\(epoch + 1)"
                for s in series {
                    out += ","
                    // Non-finite values as runs.json can say them (null there, nan here), so a resumed report is the same.
                    if let s, epoch < s.count { out += s[epoch].isFinite ? s[epoch].description : "nan" }
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

    // MARK: Reading

    /// The NNLab version that wrote the file, its title and its runs.
    static func read(_ root: JSONField) throws(InputError) -> (version: String, title: String, entries: [Entry]) {
        let object = try root.object(allowing: topFields)
        let version = try object.required("nnlab", "the NNLab version that wrote the file").string()
        let title = try object.required("title", "the report's title").string()
        var entries: [Entry] = []
        for run in try object.required("runs", "the runs array").array() { entries.append(try entry(run)) }
        return (version, title, entries)
    }

    /// The NNLab version a runs.json was written by, read without reading its runs.
    static func version(_ root: JSONField) throws(InputError) -> String {
        try root.object(allowing: topFields).required("nnlab", "the NNLab version that wrote the file").string()
    }

    static func entry(_ field: JSONField) throws(InputError) -> Entry {
        let o = try field.object(allowing: entryFields)
        let historyField = try o.required("history", "the run's history")
        guard case .object(let series) = historyField.value.kind else {
            throw historyField.error("expected an object of series such as {\"loss\": [...]}, received \(historyField.value.summary)")
        }
        let epochsField = try o.required("epochs", "the number of epochs run")
        let epochs = try epochsField.integer(in: 0...RunFile.maximumEpochs)
        var pairs: [(key: String, values: [Double])] = []
        for member in series {
            let seriesField = JSONField(member.value, file: field.file, path: historyField.path + "." + member.key)
            let values = try nullableVector(seriesField)
            guard values.count == epochs else {
                throw seriesField.error("expected \(epochs) values (\"epochs\"), received \(values.count)")
            }
            pairs.append((member.key, values))
        }
        var history = History(series: pairs)
        if let d = o.optional("divergence") {
            let v = try d.object(allowing: ["epoch", "batch", "quantity", "last_finite_loss", "learning_rate"])
            history.divergence = Divergence(epoch: try v.required("epoch", "an epoch").integer(in: 1...RunFile.maximumEpochs),
                                            batch: try v.required("batch", "a batch").integer(in: 1...Int(Int32.max)),
                                            quantity: try v.required("quantity", "loss or weights").string(),
                                            lastFiniteLoss: try v.optional("last_finite_loss")?.number(),
                                            learningRate: try v.required("learning_rate", "a learning rate").number())
        }
        if let e = o.optional("early_stop") {
            let v = try e.object(allowing: ["epoch", "reason"])
            history.earlyStop = EarlyStop(epoch: try v.required("epoch", "an epoch").integer(in: 1...RunFile.maximumEpochs),
                                          reason: try v.required("reason", "a reason").string())
        }
        var split: Entry.Split?
        if let s = o.optional("split") {
            let v = try s.object(allowing: ["test_fraction", "train", "test"])
            split = Entry.Split(testFraction: try v.required("test_fraction", "a fraction").number(in: .unitClosed),
                                train: try v.required("train", "a count").integer(in: 0...Int(Int32.max)),
                                test: try v.required("test", "a count").integer(in: 0...Int(Int32.max)))
        }
        var norms: (epochs: [Int], values: [Double])?
        var small: [Double]?
        if let w = o.optional("weight_norm") {
            let v = try w.object(allowing: ["epochs", "values", "small_share"])
            var sampled: [Int] = []
            for item in try v.required("epochs", "the sampled epochs").array() { sampled.append(try item.integer(in: 0...RunFile.maximumEpochs)) }
            let valuesField = try v.required("values", "one norm per sampled epoch")
            let values = try nullableVector(valuesField)
            guard values.count == sampled.count else {
                throw valuesField.error("expected \(sampled.count) values (one per epoch in \"epochs\"), received \(values.count)")
            }
            norms = (sampled, values)
            if let smallField = v.optional("small_share") {
                let shares = try nullableVector(smallField)
                guard shares.count == sampled.count else {
                    throw smallField.error("expected \(sampled.count) values (one per epoch in \"epochs\"), received \(shares.count)")
                }
                small = shares
            }
        }
        var entry = Entry(section: try o.required("section", "the report section").string(),
                     experiment: try o.required("experiment", "the experiment's name").string(),
                     variant: try o.optional("variant")?.string(),
                     seed: UInt64(try o.required("seed", "the run's seed").integer(in: 0...Int(Int32.max))),
                     fingerprint: try o.optional("fingerprint")?.string(),
                     history: history, failure: try o.optional("failure")?.string(), split: split,
                     scaler: try o.optional("scaling").map { (f: JSONField) throws(InputError) in try FittedScaler.read(f) },
                     weightNorms: norms,
                     network: try ModelFile.network(from: try o.required("model", "the final model"), seed: 0))
        entry.smallWeightShare = small
        entry.data = try o.optional("data")?.string()
        entry.optimizer = try o.optional("optimizer").map { (f: JSONField) throws(InputError) in try OptimizerFile.optimizer(from: f) }
        entry.schedule = try o.optional("optimizer").flatMap { (f: JSONField) throws(InputError) in try OptimizerFile.schedule(from: f) }
        let constants = try o.optional("constants")?.string(oneOf: Constants.allCases.map(\.rawValue))
        entry.constants = constants.flatMap(Constants.init(rawValue:)) ?? .keras
        entry.network.constants = entry.constants
        entry.batchSize = try o.optional("batch_size")?.integer(in: 1...Int(Int32.max))
        entry.shuffle = try o.optional("shuffle")?.bool()
        return entry
    }

    /// Numbers with `null` read as NaN (non-finite values are written as null).
    static func nullableVector(_ field: JSONField) throws(InputError) -> [Double] {
        try field.array().map { item throws(InputError) -> Double in
            if case .null = item.value.kind { return .nan }
            return try item.number()
        }
    }
}
