import NNCore
import NNFiles

/// A run file: model, data, optimizer and schedule — the vocabulary of an experiment entry, in
/// JSON or YAML.
///
/// ```json
/// {"model": "xor-model.json", "data": "xor-data.json",
///  "optimizer": {"type": "sgd", "learning_rate": 0.05},
///  "epochs": 2000, "batch_size": 4, "shuffle": false, "seed": 0, "metrics": ["xor_accuracy"],
///  "early_stopping": {"monitor": "xor_accuracy", "target": 1.0}}
/// ```
/// The optimizer's `learning_rate` may be a schedule (`ScheduleFile`); `"constants": "exact"` uses every
/// coefficient as written instead of as Keras rounds it (`Constants`).
/// "model", "data" and "validation" are inline objects or paths relative to the run file.
public enum RunFile {
    public static let maximumEpochs = 100_000_000
    public static let fields = ["name", "model", "data", "validation", "validation_split", "split_seed", "scaling", "optimizer", "epochs",
                                "batch_size", "shuffle", "seed", "metrics", "early_stopping", "constants"]

    /// Reads the run file at `path` (JSON, or YAML for a `.yaml`/`.yml` file: the vocabulary of an
    /// experiment entry); referenced files are resolved relative to it.
    /// - Parameter log: receives a line per data file read (see `DataCache`).
    public static func load(_ path: String, budget: inout MemoryBudget, log: ((String) -> Void)? = nil) throws(InputError) -> Run {
        try spec(path, budget: budget).build(cache: DataCache(log: log), budget: &budget).run
    }

    /// Reads the run file at `path` within the default memory budget.
    public static func load(_ path: String) throws(InputError) -> Run {
        var budget = MemoryBudget()
        return try load(path, budget: &budget)
    }

    /// Reads the run file at `path` into a `RunSpec`.
    public static func spec(_ path: String, budget: MemoryBudget) throws(InputError) -> RunSpec {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            let text = try TextFile.readText(path, budget: budget)
            return try spec(from: JSONField(YAMLBridge.parse(text, file: path), file: path), path: path, budget: budget)
        }
        return try spec(from: TextFile.readJSON(path, budget: budget), path: path, budget: budget)
    }

    /// Reads a run from a parsed object within the default memory budget.
    public static func run(from field: JSONField, path: String) throws(InputError) -> Run {
        var budget = MemoryBudget()
        return try spec(from: field, path: path, budget: budget).build(cache: DataCache(), budget: &budget).run
    }

    /// Reads a parsed run object into a `RunSpec`; `path` anchors relative paths (a model file is
    /// read here, within `budget`). Every field is checked here; what depends on the data is checked
    /// by `RunSpec.build`.
    /// - Parameters:
    ///   - extra: further keys the caller reads itself (an experiment entry's "seeds").
    ///   - data: the data source and validation when the caller reads them itself (the image problem and
    ///     its test split), instead of the "data" and validation fields.
    public static func spec(from field: JSONField, path: String, budget: MemoryBudget, extra: [String] = [],
                            data given: (source: DataSource, location: FieldLocation, validation: RunSpec.Validation)? = nil) throws(InputError) -> RunSpec {
        let object = try field.object(allowing: fields + extra)
        let modelField = try object.required("model", "a model object or a path to a model file")
        let model = try ModelFile.spec(field: modelField, base: path, budget: budget)
        let data: (source: DataSource, location: FieldLocation)
        if let given {
            data = (given.source, given.location)
        } else {
            let dataField = try object.required("data", "a data set name, a data file or a data object")
            data = (try DataSource.read(dataField, base: path), dataField.location)
        }
        let optimizerField = try object.required("optimizer", "an object such as {\"type\": \"sgd\", \"learning_rate\": 0.1}")
        let epochsField = try object.required("epochs", "a positive integer")
        var spec = RunSpec(name: try object.optional("name")?.string(), model: model,
                           data: data.source, dataLocation: data.location,
                           optimizer: try OptimizerFile.optimizer(from: optimizerField),
                           epochs: try epochsField.integer(in: 1...maximumEpochs), epochsLocation: epochsField.location)
        spec.learningRateGiven = (try? optimizerField.anyObject().has("learning_rate")) ?? false
        spec.learningRateSchedule = try OptimizerFile.schedule(from: optimizerField)
        // The run's own "constants", else the model file's (a model saved from an exact run), else keras.
        if let constantsName = try object.optional("constants")?.string(oneOf: Constants.allCases.map(\.rawValue)) {
            spec.constants = Constants(rawValue: constantsName) ?? .keras
        } else {
            spec.constants = model.constants ?? .keras
        }
        spec.seed = UInt64(try object.optional("seed")?.integer(in: 0...Int(Int32.max)) ?? 0)
        spec.batchSize = try object.optional("batch_size")?.integer(in: 1...Int(Int32.max)) ?? 32
        spec.shuffle = try object.optional("shuffle")?.bool() ?? true
        let validationField = object.optional("validation")
        let splitField = object.optional("validation_split")
        if let splitField, validationField != nil {
            throw splitField.error("expected either \"validation\" or \"validation_split\", received both")
        }
        let splitSeed = UInt64(try object.optional("split_seed")?.integer(in: 0...Int(Int32.max)) ?? 0)
        if let given {
            spec.validation = given.validation
        } else if let validationField {
            spec.validation = .data(try DataSource.read(validationField, base: path), validationField.location)
        } else if let splitField {
            spec.validation = .split(try splitField.number(in: NumberRange(lower: 0, upper: 1, lowerInclusive: false, upperInclusive: false)),
                                     seed: splitSeed)
        }
        let scalingName = try object.optional("scaling")?.string(oneOf: DataCache.Scaling.allCases.map(\.rawValue)) ?? "none"
        spec.scaling = DataCache.Scaling(rawValue: scalingName) ?? .none
        if let metricsField = object.optional("metrics") {
            for item in try metricsField.array() {
                let name = try item.string(oneOf: Metric.allCases.map(\.name))
                guard let metric = Metric(name: name) else { continue }
                guard !spec.metrics.contains(metric) else { throw item.error("expected each metric once, received \(name) twice") }
                spec.metrics.append(metric)
                spec.metricLocations.append(item.location)
            }
        }
        if let stopField = object.optional("early_stopping") {
            let stop = try stopField.object(allowing: ["monitor", "target", "patience", "min_delta", "restore_best_weights"])
            let monitorField = try stop.required("monitor", "one of \(spec.historyKeys.joined(separator: ", "))")
            let target = try stop.optional("target")?.number()
            let patience = try stop.optional("patience")?.integer(in: 1...maximumEpochs)
            guard target != nil || patience != nil else { throw stopField.error("expected \"target\" and/or \"patience\", received neither") }
            spec.earlyStopping = EarlyStoppingSettings(monitor: try monitorField.string(), target: target, patience: patience,
                                                       minDelta: try stop.optional("min_delta")?.number(in: .nonNegative) ?? 0,
                                                       restoreBestWeights: try stop.optional("restore_best_weights")?.bool() ?? false)
            spec.earlyStoppingLocation = monitorField.location
            // Checked here too, so a typo is reported before any data are read.
            guard spec.historyKeys.contains(spec.earlyStopping?.monitor ?? "") else {
                throw monitorField.error("expected one of \(spec.historyKeys.joined(separator: ", ")), received \(monitorField.value.summary)")
            }
        }
        return spec
    }
}
