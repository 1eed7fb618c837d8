import NNCore
import NNFiles

/// A run file: model, data, optimizer and schedule.
///
/// ```json
/// {"model": "xor-model.json", "data": "xor-data.json",
///  "optimizer": {"type": "sgd", "learning_rate": 0.05},
///  "epochs": 2000, "batch_size": 4, "shuffle": false, "seed": 0, "metrics": ["xor_accuracy"],
///  "early_stopping": {"monitor": "xor_accuracy", "target": 1.0}}
/// ```
/// "model", "data" and "validation" are inline objects or paths relative to the run file.
public enum RunFile {
    public static let maximumEpochs = 100_000_000
    static let fields = ["name", "model", "data", "validation", "validation_split", "split_seed", "scaling", "optimizer", "epochs",
                         "batch_size", "shuffle", "seed", "metrics", "early_stopping"]

    /// Reads the run file at `path` (JSON, or YAML for a `.yaml`/`.yml` file: the vocabulary of an
    /// experiment entry); referenced files are resolved relative to it.
    public static func load(_ path: String, budget: inout MemoryBudget) throws(InputError) -> Run {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            let text = try TextFile.readText(path, budget: budget)
            return try run(from: JSONField(YAMLBridge.parse(text, file: path), file: path), path: path, budget: &budget)
        }
        return try run(from: TextFile.readJSON(path, budget: budget), path: path, budget: &budget)
    }

    /// Reads the run file at `path` within the default memory budget.
    public static func load(_ path: String) throws(InputError) -> Run {
        var budget = MemoryBudget()
        return try load(path, budget: &budget)
    }

    /// Reads a run from a parsed object within the default memory budget.
    public static func run(from field: JSONField, path: String) throws(InputError) -> Run {
        var budget = MemoryBudget()
        return try run(from: field, path: path, budget: &budget)
    }

    /// Reads a run from a parsed object; `path` anchors relative paths. The network, the data, the
    /// training workspace and the history are charged to `budget` before they are allocated.
    /// - Parameter prebuilt: data and validation already built (and charged) by the caller, used
    ///   instead of the object's "data" and "validation" fields.
    ///   - cache: resolves each data source once and shares it between the runs that use it.
    public static func run(from field: JSONField, path: String, budget: inout MemoryBudget,
                           prebuilt: (data: Dataset, validation: Dataset?)? = nil, cache: DataCache = DataCache()) throws(InputError) -> Run {
        let object = try field.object(allowing: fields)
        let seedField = object.optional("seed")
        let seed = UInt64(try seedField?.integer(in: 0...Int(Int32.max)) ?? 0)
        let modelField = try object.required("model", "a model object or a path to a model file")
        let model = try referenced(modelField, base: path, budget: budget)
        let cost = RunCost.model(model)
        if let cost {
            try budget.charge(cost.networkBytes, for: "a network of \(RunCost.count(cost.parameters)) parameters",
                              error: { modelField.error($0) })
        }
        let network = try ModelFile.network(from: model, seed: seed)
        let data: Dataset
        let validation: Dataset?
        if let prebuilt {
            (data, validation) = prebuilt
            for (what, set) in [("data", data), ("validation", validation ?? data)] {
                guard set.x.columns == network.inputWidth, set.y.columns == network.outputWidth else {
                    throw modelField.error("expected a model with \(set.x.columns) inputs and \(set.y.columns) outputs (as the \(what)), received \(network.inputWidth) and \(network.outputWidth)")
                }
            }
        } else {
            (data, validation) = try prepareData(object, path: path, network: network, cache: cache, budget: &budget)
        }
        let optimizer = try OptimizerFile.optimizer(from: try object.required("optimizer", "an object such as {\"type\": \"sgd\", \"learning_rate\": 0.1}"))
        let epochs = try object.required("epochs", "a positive integer").integer(in: 1...maximumEpochs)
        let batchSize = try object.optional("batch_size")?.integer(in: 1...Int(Int32.max)) ?? 32
        let shuffle = try object.optional("shuffle")?.bool() ?? true
        var metrics: [Metric] = []
        if let metricsField = object.optional("metrics") {
            for item in try metricsField.array() {
                let name = try item.string(oneOf: Metric.allCases.map(\.name))
                guard let metric = Metric(name: name) else { continue }
                guard !metrics.contains(metric) else { throw item.error("expected each metric once, received \(name) twice") }
                metrics.append(metric)
                // Keras's BinaryAccuracy counts [p > 0.5] = y: a −1 target never matches, so accuracy on ±1 data is wrong.
                if metric == .accuracy, network.outputWidth == 1,
                   let row = ([data] + (validation.map { [$0] } ?? [])).lazy.compactMap({ $0.y.elements.firstIndex(of: -1) }).first {
                    throw item.error("expected 0/1 targets for accuracy (a −1 target never counts as correct), received −1 in row \(row); use xor_accuracy for ±1 targets, or labels: \"01\" with a sigmoid output")
                }
            }
        }
        var earlyStopping: EarlyStoppingSettings?
        if let stopField = object.optional("early_stopping") {
            let stop = try stopField.object(allowing: ["monitor", "target", "patience", "min_delta"])
            var keys = ["loss"] + metrics.map(\.name)
            if validation != nil { keys += keys.map { "val_" + $0 } }
            let monitor = try stop.required("monitor", "one of \(keys.joined(separator: ", "))").string(oneOf: keys)
            let target = try stop.optional("target")?.number()
            let patience = try stop.optional("patience")?.integer(in: 1...maximumEpochs)
            guard target != nil || patience != nil else { throw stopField.error("expected \"target\" and/or \"patience\", received neither") }
            earlyStopping = EarlyStoppingSettings(monitor: monitor, target: target, patience: patience,
                                                  minDelta: try stop.optional("min_delta")?.number(in: .nonNegative) ?? 0)
        }
        if let cost {
            let samples = Double(data.x.rows + (validation?.x.rows ?? 0))
            let keys = Double((1 + metrics.count) * (validation == nil ? 1 : 2))
            let epochsField = try object.required("epochs", "")
            try budget.charge(cost.workspaceBytes(batch: Double(min(batchSize, data.x.rows)), samples: samples), for: "the training workspace",
                              error: { epochsField.error($0) })
            try budget.charge(Double(epochs) * keys * RunCost.word, for: "a history of \(epochs) epochs × \(Int(keys)) values",
                              error: { epochsField.error($0) })
            budget.addWork(cost.work(epochs: Double(epochs), samples: Double(data.x.rows)))
        }
        return Run(name: try object.optional("name")?.string(), network: network, data: data, validation: validation,
                   optimizer: optimizer,
                   options: TrainingOptions(epochs: epochs, batchSize: batchSize, shuffle: shuffle, seed: seed, metrics: metrics),
                   earlyStopping: earlyStopping)
    }

    /// The run's data and validation from its "data", "validation", "validation_split", "split_seed"
    /// and "scaling" fields, through `cache`; widths are checked against `network` and targets against its loss.
    static func prepareData(_ object: JSONObject, path: String, network: Network, cache: DataCache,
                            budget: inout MemoryBudget) throws(InputError) -> (Dataset, Dataset?) {
        let dataField = try object.required("data", "a data set name, a data file or a data object")
        let source = try DataSource.read(dataField, base: path)
        let validationField = object.optional("validation")
        let validationSource = try validationField.map { (f: JSONField) throws(InputError) -> DataSource in try DataSource.read(f, base: path) }
        let splitField = object.optional("validation_split")
        let split = try splitField?.number(in: NumberRange(lower: 0, upper: 1, lowerInclusive: false, upperInclusive: false))
        if let splitField, validationField != nil {
            throw splitField.error("expected either \"validation\" or \"validation_split\", received both")
        }
        let splitSeed = UInt64(try object.optional("split_seed")?.integer(in: 0...Int(Int32.max)) ?? 0)
        let scalingName = try object.optional("scaling")?.string(oneOf: DataCache.Scaling.allCases.map(\.rawValue)) ?? "none"
        let prepared = try cache.prepare(source, validation: validationSource, split: split, splitSeed: splitSeed,
                                         scaling: DataCache.Scaling(rawValue: scalingName) ?? .none, outputs: network.outputWidth,
                                         field: dataField, validationField: validationField, budget: &budget)
        let validationWhere = validationField ?? dataField, validationOf = validationSource ?? source
        for (set, field, of) in [(prepared.data, dataField, source)] + (prepared.validation.map { [($0, validationWhere, validationOf)] } ?? []) {
            let what = of.name
            guard set.x.columns == network.inputWidth else {
                throw field.error("expected data with \(network.inputWidth) inputs (the model's input), received \(set.x.columns) from \(what)")
            }
            guard set.y.columns == network.outputWidth else {
                throw field.error("expected data with \(network.outputWidth) target column\(network.outputWidth == 1 ? "" : "s") (the model's outputs), received \(set.y.columns) from \(of.targetsName)")
            }
            try checkTargets(set.y, loss: network.loss, field: field, what: of.targetsName)
        }
        return (prepared.data, prepared.validation)
    }

    /// bce needs targets in [0, 1]; cce one-hot rows (each in [0, 1], summing to 1).
    static func checkTargets(_ y: Matrix, loss: Loss, field: JSONField, what: String) throws(InputError) {
        switch loss {
        case .binaryCrossentropy:
            if let i = y.elements.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw field.error("expected targets in [0, 1] for bce, received \(DisplayText.number(y.elements[i])) in row \(i / max(1, y.columns)) of \(what); code two classes as 0/1 with labels: \"01\"")
            }
        case .categoricalCrossentropy:
            for r in 0..<y.rows {
                let row = y.row(r)
                guard row.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(row.reduce(0, +) - 1) <= 1e-6 else {
                    throw field.error("expected one-hot target rows for cce, received \(JSONWriter.vector(row)) in row \(r) of \(what)")
                }
            }
        default:
            break
        }
    }

    /// An inline object, or the parsed file a string names (relative to `base`).
    static func referenced(_ field: JSONField, base: String, budget: MemoryBudget) throws(InputError) -> JSONField {
        switch field.value.kind {
        case .object: return field
        case .string(let relative):
            guard !relative.isEmpty else { throw field.error("expected a path or an object, received an empty string") }
            return try TextFile.readJSON(field.filePath(relativeTo: base), budget: budget)
        default:
            throw field.error("expected an object or a path, received \(field.value.summary)")
        }
    }
}
