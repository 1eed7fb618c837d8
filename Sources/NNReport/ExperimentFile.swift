import NNCore
import NNLanguage
import NNData
import NNRecording
import NNRuns
import NNFiles

/// Reads experiment files (YAML) into an `Experiment`.
///
/// ```yaml
/// title: "XOR: which activation?"
/// author: "Ana"
/// sections: [experiments, comparison, reproducibility]
/// experiments:
///   - name: "2-2-1 tanh"
///     data: xor                      # a built-in name, a data file, or {x: [...], y: [...]}
///     model: {input: 2, loss: mse, layers: [{type: dense, units: 2, activation: tanh},
///                                           {type: dense, units: 1, activation: tanh}]}
///     optimizer: {type: sgd, learning_rate: 0.05}
///     epochs: 2000
///     batch_size: 4
///     seeds: [0, 1, 2]               # or seed: 0
///     metrics: [xor_accuracy]
/// comparison:
///   name: "Activations × regularizers"
///   base: <an experiment as above>
///   activations: [tanh, sigmoid, relu]
///   regularizers: [none, {l1: 0.01}, {l2: 0.01}]
///   seeds: [0, 1, 2, 3, 4]
///   target: {metric: xor_accuracy, value: 1}
/// ```
public enum ExperimentFile {

    static let topFields = ["title", "author", "language", "sections", "experiments", "comparison", "image", "report"]
    static let runFields = ["name", "model", "data", "validation", "validation_split", "split_seed", "scaling", "optimizer", "epochs",
                            "batch_size", "shuffle", "seed", "seeds", "metrics", "early_stopping", "constants"]

    /// Reads the experiment file at `path` within the default memory budget.
    public static func load(_ path: String) throws(InputError) -> Experiment {
        var budget = MemoryBudget()
        return try load(path, budget: &budget)
    }

    /// Reads the experiment file at `path`; everything its plan will hold is charged to `budget`
    /// before it is allocated.
    /// - Parameter log: receives a line per data file read and for the image problem's files.
    /// - Parameter language: the report's language when the command line sets it (else the file's `language:`).
    public static func load(_ path: String, budget: inout MemoryBudget, log: ((String) -> Void)? = nil,
                            language: Language? = nil) throws(InputError) -> Experiment {
        let text = try TextFile.readText(path, budget: budget)
        return try experiment(from: text, file: path, budget: &budget, log: log, language: language)
    }

    /// Reads an experiment from YAML `text` within the default memory budget.
    public static func experiment(from text: String, file: String) throws(InputError) -> Experiment {
        var budget = MemoryBudget()
        return try experiment(from: text, file: file, budget: &budget)
    }

    /// Reads an experiment from YAML `text` (`file` names it in errors and anchors relative paths).
    /// - Parameter language: the report's language when the command line sets it (else the file's `language:`);
    ///   the words the file's reading writes (the data's description, default names) are in it.
    public static func experiment(from text: String, file: String, budget: inout MemoryBudget,
                                  log: ((String) -> Void)? = nil, language override: Language? = nil) throws(InputError) -> Experiment {
        let root = JSONField(try YAMLBridge.parse(text, file: file), file: file)
        let object = try root.object(allowing: topFields)
        // The file's language is checked even when the command line overrides it.
        let fileLanguage = try object.optional("language").map { (field: JSONField) throws(InputError) -> Language in
            // As --language, in either case ("ES").
            if let language = Language(rawValue: try field.string().lowercased()) { return language }
            _ = try field.string(oneOf: Language.allCases.map(\.rawValue))
            return .en
        } ?? .en
        let language = override ?? fileLanguage
        var result: Result<Experiment, InputError> = .failure(InputError(file: file, message: "was not read"))
        Language.$current.withValue(language) {
            result = Result { () throws(InputError) -> Experiment in
                try experiment(object, text: text, file: file, language: language, budget: &budget, log: log)
            }
        }
        return try result.get()
    }

    /// The rest of `experiment(from:…)`, in the report's language.
    private static func experiment(_ object: JSONObject, text: String, file: String, language: Language, budget: inout MemoryBudget,
                                   log: ((String) -> Void)?) throws(InputError) -> Experiment {
        // One cache per report: every run that names the same data shares one copy of it.
        let cache = DataCache(log: log)
        let report = try object.optional("report").map { (field: JSONField) throws(InputError) in try ReportSettings.read(field) } ?? ReportSettings()
        let title = try object.optional("title")?.string() ?? "NNLab lab report"
        let author = try object.optional("author")?.string()
        var sections = Experiment.Section.allCases
        if let sectionsField = object.optional("sections") {
            sections = []
            for item in try sectionsField.array() {
                let name = try item.string(oneOf: Experiment.Section.allCases.map(\.rawValue))
                if let section = Experiment.Section(rawValue: name), !sections.contains(section) { sections.append(section) }
            }
        }
        var experiments: [ExperimentRuns] = []
        if let list = object.optional("experiments") {
            for (i, item) in try list.array().enumerated() {
                experiments.append(try runs(from: item, file: file, defaultName: "experiment \(i + 1)",
                                            recording: sections.contains(.experiments) ? LabReport.recorderOptions : nil, budget: &budget,
                                            cache: cache))
            }
        }
        let comparison = try object.optional("comparison").map { (field: JSONField) throws(InputError) -> Comparison in
            try self.comparison(from: field, file: file, budget: &budget, cache: cache)
        }
        let image = try object.optional("image").map { (field: JSONField) throws(InputError) -> ImageProblem in
            try imageProblem(from: field, file: file, budget: &budget, log: log)
        }
        if sections.contains(.image) && image == nil && object.has("sections") {
            throw try object.required("sections", "").error("expected an \"image\" problem for the image section, received none")
        }
        if sections.contains(.experiments) && experiments.isEmpty && object.has("sections") {
            throw try object.required("sections", "").error("expected an \"experiments\" list for the experiments section, received none")
        }
        if sections.contains(.comparison) && comparison == nil && object.has("sections") {
            throw try object.required("sections", "").error("expected a \"comparison\" for the comparison section, received none")
        }
        var experiment = Experiment(title: title, author: author, sections: sections, experiments: experiments, comparison: comparison,
                          image: image, source: text, file: file)
        experiment.dataFiles = cache.files + (image?.sourceFiles ?? []) + experiments.flatMap { $0.external.map(\.file) }
        experiment.report = report
        experiment.language = language
        return experiment
    }

    /// One experiment entry: the run for each seed. Each run's training and what the report keeps of it
    /// (a recording with `recording`, its history and network) are charged to `budget`.
    static func runs(from field: JSONField, file: String, defaultName: String, recording: RecorderOptions?,
                     budget: inout MemoryBudget, cache: DataCache) throws(InputError) -> ExperimentRuns {
        let object = try field.object(allowing: runFields + ["external"])
        let spec = try RunFile.spec(from: field, path: file, budget: budget, extra: ["seeds", "external"])
        var experiment = try runs(of: spec, name: try object.optional("name")?.string() ?? defaultName, seeds: try seeds(object),
                                  recording: recording, field: field, budget: &budget, cache: cache)
        if let external = object.optional("external") {
            for item in try external.array() { experiment.external.append(try ExternalRun.read(item, file: file, budget: budget)) }
        }
        return experiment
    }

    /// The runs of `spec`, one per seed (the seed draws the initial weights and the batch order).
    static func runs(of spec: RunSpec, name: String, seeds: [UInt64], recording: RecorderOptions?, field: JSONField,
                     budget: inout MemoryBudget, cache: DataCache) throws(InputError) -> ExperimentRuns {
        // How the data were prepared, for the section's text.
        var dataName = spec.data.name
        if case .split(let fraction, _) = spec.validation {
            dataName += tr(", \(DisplayText.number((fraction * 1000).rounded() / 10))% held out for validation (stratified by class for class data)")
        }
        switch spec.scaling {
        case .standardize: dataName += tr(", inputs standardized with the training part's mean and deviation")
        case .minmax: dataName += tr(", inputs min–max scaled to the training part's range")
        case .none: break
        }
        var experiment = ExperimentRuns(name: name, dataName: dataName, seeds: seeds, runs: [])
        experiment.dataSettings = spec.data.settings
        experiment.modelSource = spec.model.source
        if case .split(let fraction, _) = spec.validation { experiment.heldOut = fraction }
        for seed in seeds {
            var seeded = spec
            seeded.seed = seed
            let (run, scaler) = try seeded.build(cache: cache, budget: &budget)
            try ReportCost.charge(run, recording: recording, field: field, budget: &budget)
            experiment.runs.append(run)
            experiment.scalers.append(scaler)
        }
        return experiment
    }

    static func seeds(_ object: JSONObject) throws(InputError) -> [UInt64] {
        if let list = object.optional("seeds") {
            if case .number = list.value.kind {
                let count = try list.integer(in: 1...10_000)
                return (0..<count).map(UInt64.init)
            }
            var seeds: [UInt64] = []
            for item in try list.array() { seeds.append(UInt64(try item.integer(in: 0...Int(Int32.max)))) }
            guard !seeds.isEmpty else { throw list.error("expected at least one seed, received an empty list") }
            return seeds
        }
        return [UInt64(try object.optional("seed")?.integer(in: 0...Int(Int32.max)) ?? 0)]
    }

    /// Image data (digits, IDX, CIFAR) in a comparison are split and scaled as the image problem does,
    /// unless the entry (`written`) says how: 20% held out as test data (stratified, split seed 0) and the
    /// inputs standardized with the training part's statistics. Returns whether it applied them.
    static func imageDefaults(_ spec: inout RunSpec, written: JSONValue) -> Bool {
        let images: Bool
        switch spec.data {
        case .builtin(let set, _): images = set == .digits
        case .idx, .cifar: images = true
        default: images = false
        }
        guard images, case .object(let members) = written.kind,
              !members.contains(where: { ["validation", "validation_split", "scaling"].contains($0.key) }) else { return false }
        spec.validation = .split(0.2, seed: 0)
        spec.scaling = .standardize
        return true
    }

    /// The most runs (variants × seeds) one comparison may plan.
    public static let maximumRuns = 100_000

    static let comparisonFields = ["name", "base", "axes", "variants", "activations", "regularizers", "seeds", "target",
                                   "rank_by", "compare", "baseline", "grid"]

    /// A sweep: `axes` (an ordered mapping of axis → levels; the full grid is run) or `variants`
    /// (named overrides of the base), over `seeds`, with a success `target`.
    static func comparison(from field: JSONField, file: String, budget: inout MemoryBudget, cache: DataCache) throws(InputError) -> Comparison {
        let object = try field.object(allowing: comparisonFields)
        let name = try object.optional("name")?.string() ?? tr("Comparison")
        let baseField = try object.required("base", "an experiment (model, data, optimizer, epochs, …)")
        guard case .object = baseField.value.kind else { throw baseField.error("expected an experiment object, received \(baseField.value.summary)") }
        let baseObject = try baseField.object(allowing: runFields)
        // The comparison's seeds, else the base's.
        let seedsList = try seeds(object.has("seeds") || object.has("seed") ? object : baseObject)
        var targetMetric = "xor_accuracy"
        var targetValue = 1.0
        if let target = object.optional("target") {
            let t = try target.object(allowing: ["metric", "value"])
            targetMetric = try t.required("metric", "a metric name").string(oneOf: Metric.allCases.map(\.name) + ["loss", "val_loss"] + Metric.allCases.map { "val_" + $0.name })
            targetValue = try t.required("value", "a number").number()
        }
        var axes: [Comparison.Axis] = []
        var edits: [[SweepAxis.Edit]] = []
        if let axesField = object.optional("axes") {
            guard case .object(let members) = axesField.value.kind, !members.isEmpty else {
                throw axesField.error("expected a mapping of axes to levels such as {activation: [tanh, relu]}, received \(axesField.value.summary)")
            }
            for member in members {
                let axisField = JSONField(member.value, file: file, path: axesField.path + "." + member.key)
                let (axis, axisEdits) = try SweepAxis.parse(name: member.key, levels: axisField, file: file)
                axes.append(axis)
                edits.append(axisEdits)
            }
        }
        // The course's shorthand: activations × regularizers.
        for (key, axisName) in [("activations", "activation"), ("regularizers", "regularizer")] {
            if let list = object.optional(key) {
                guard !axes.contains(where: { $0.name == axisName }) else { throw list.error("expected \(axisName) once, received it in \"axes\" too") }
                let (axis, axisEdits) = try SweepAxis.parse(name: axisName, levels: list, file: file)
                axes.append(axis)
                edits.append(axisEdits)
            }
        }
        try SweepAxis.checkConflicts(axes.map(\.name), field: object.optional("axes") ?? field, levels: object.optional("axes"))
        // Edits apply in SweepAxis.applicationOrder, whatever the order of the axes in the file.
        let order = axes.indices.sorted { SweepAxis.rank(axes[$0].name) < SweepAxis.rank(axes[$1].name) }
        var variants: [Comparison.Variant] = []
        var dataName = ""
        var imageSplit = false
        func makeVariant(label: String, levels: [Int], spec written: RunSpec, object: JSONValue) throws(InputError) {
            var spec = written
            imageSplit = imageDefaults(&spec, written: object) || imageSplit
            let experiment = try runs(of: spec, name: label, seeds: seedsList, recording: LabReport.comparisonRecorderOptions,
                                      field: baseField, budget: &budget, cache: cache)
            dataName = experiment.dataName
            variants.append(Comparison.Variant(label: label, levels: levels, runs: experiment.runs, scalers: experiment.scalers,
                                               dataSettings: experiment.dataSettings, heldOut: experiment.heldOut,
                                               modelSource: experiment.modelSource))
        }
        if let variantsField = object.optional("variants") {
            guard axes.isEmpty else { throw variantsField.error("expected either \"axes\" or \"variants\", received both") }
            let items = try variantsField.array()
            guard items.count * seedsList.count <= maximumRuns else {
                throw variantsField.error("expected at most \(maximumRuns) runs, received \(items.count) variants × \(seedsList.count) seeds")
            }
            for (i, item) in items.enumerated() {
                guard case .object(let members) = item.value.kind else { throw item.error("expected a variant such as {name: Adam, optimizer: {type: adam}}, received \(item.value.summary)") }
                let label = try item.object(allowing: ["name"] + runFields).optional("name")?.string() ?? "variant \(i + 1)"
                guard !variants.contains(where: { $0.label == label }) else { throw item.error("expected unique variant names, received \"\(label)\" twice") }
                // A variant's fields replace the base's fields of the same name, whole.
                var value = baseField.value
                for member in members where member.key != "name" { value.set(member.key, member.value) }
                try makeVariant(label: label, levels: [],
                                spec: try RunFile.spec(from: JSONField(value, file: file, path: item.path), path: file, budget: budget, extra: ["seeds"]),
                                object: value)
            }
        } else {
            guard !axes.isEmpty else { throw field.error("expected \"axes\" (or activations/regularizers) or \"variants\", received neither") }
            // Multiplied with overflow checks: 7 axes of 600 levels overflow an Int before any limit applies.
            var total = 1
            for axis in axes {
                let product = total.multipliedReportingOverflow(by: axis.levels.count)
                guard !product.overflow, product.partialValue <= maximumRuns else {
                    throw field.error("expected at most \(maximumRuns) runs, received \(axes.map { String($0.levels.count) }.joined(separator: " × ")) levels × \(seedsList.count) seeds")
                }
                total = product.partialValue
            }
            guard total * seedsList.count <= maximumRuns else {
                throw field.error("expected at most \(maximumRuns) runs, received \(total) variants × \(seedsList.count) seeds")
            }
            // The base is read (and must be complete) once the axes are known to be well formed. With an optimizer
            // axis every variant takes its optimizer from the axis, so the base needs none: a placeholder is read.
            var baseValue = baseField.value
            if axes.contains(where: { $0.name == "optimizer" }) && !baseObject.has("optimizer") {
                let line = baseField.value.line
                baseValue.set("optimizer", JSONValue(kind: .object([JSONValue.Member(key: "type", value: JSONValue(kind: .string("sgd"), line: line))]), line: line))
            }
            let base = try RunFile.spec(from: JSONField(baseValue, file: file, path: baseField.path), path: file, budget: budget, extra: ["seeds"])
            for index in 0..<total {
                var remainder = index
                var levels = [Int](repeating: 0, count: axes.count)
                for a in stride(from: axes.count - 1, through: 0, by: -1) {
                    levels[a] = remainder % axes[a].levels.count
                    remainder /= axes[a].levels.count
                }
                var spec = base
                for a in order { try edits[a][levels[a]].apply(&spec) }
                let label = levels.enumerated().map { a, level in axes[a].levels[level] }.joined(separator: ", ")
                try makeVariant(label: label, levels: levels, spec: spec, object: baseField.value)
            }
        }
        // Image data are judged on their held-out part: ranked by test (validation) accuracy unless rank_by says otherwise.
        let imageRanking = imageSplit && variants.allSatisfy { $0.runs.allSatisfy { $0.options.metrics.contains(.accuracy) } } ? "val_accuracy" : "success"
        let rankName = try object.optional("rank_by")?.string(oneOf: Comparison.Ranking.allCases.map(\.rawValue)) ?? imageRanking
        // A target or a ranking on something the runs do not record would make every run "never" or rank
        // by another quantity under the stated one: refused, at the field that names it.
        func recorded(_ key: String) -> Bool {
            variants.allSatisfy { variant in
                variant.runs.allSatisfy { run in
                    let validation = key.hasPrefix("val_")
                    let base = validation ? String(key.dropFirst(4)) : key
                    guard !validation || run.validation != nil else { return false }
                    return base == "loss" || run.options.metrics.contains { $0.name == base }
                }
            }
        }
        /// What recording `key` takes: "validation data", "accuracy in metrics", or both.
        func requirement(_ key: String) -> String {
            let base = key.hasPrefix("val_") ? String(key.dropFirst(4)) : key
            return ((key.hasPrefix("val_") ? ["validation data"] : []) + (base == "loss" ? [] : ["\(base) in metrics"])).joined(separator: " and ")
        }
        if let target = object.optional("target"), !recorded(targetMetric) {
            throw try target.object(allowing: ["metric", "value"]).required("metric", "")
                .error("expected a metric the runs record (\(requirement(targetMetric))), received \(targetMetric), which a run does not record")
        }
        if !object.has("target") {
            // The default target is the first accuracy the runs record, reached at 1; without one every run would be "never".
            guard let metric = ["xor_accuracy", "sign_accuracy", "accuracy"].first(where: recorded) else {
                throw field.error("expected a target such as target: {metric: loss, value: 0.01}, or an accuracy in the base's metrics (xor_accuracy, sign_accuracy or accuracy, reached at 1), received neither")
            }
            targetMetric = metric
        }
        if let rankField = object.optional("rank_by"), rankName != "success" {
            let key = rankName == "final_loss" ? "loss" : rankName
            guard recorded(key) else {
                throw rankField.error("expected a ranking by something the runs record, received \(rankName), which needs \(requirement(key))")
            }
        }
        var pairs: [(String, String)] = []
        if let compare = object.optional("compare") {
            for item in try compare.array() {
                let names = try item.array()
                guard names.count == 2 else { throw item.error("expected a pair of variant names, received \(names.count) names") }
                let a = try names[0].string(oneOf: variants.map(\.label)), b = try names[1].string(oneOf: variants.map(\.label))
                pairs.append((a, b))
            }
        }
        let baseline = try object.optional("baseline")?.string(oneOf: variants.map(\.label))
        var rowAxis: Int? = axes.count >= 1 ? 0 : nil
        var columnAxis: Int? = axes.count >= 2 ? 1 : nil
        if let grid = object.optional("grid") {
            let g = try grid.object(allowing: ["rows", "columns"])
            func axisIndex(_ f: JSONField) throws(InputError) -> Int {
                let name = try f.string(oneOf: axes.map(\.name))
                return axes.firstIndex { $0.name == name } ?? 0
            }
            if let rows = g.optional("rows") { rowAxis = try axisIndex(rows) }
            if let columns = g.optional("columns") { columnAxis = try axisIndex(columns) }
        }
        return Comparison(name: name, axes: axes, seeds: seedsList, targetMetric: targetMetric, targetValue: targetValue,
                          variants: variants, dataName: dataName, ranking: Comparison.Ranking(rawValue: rankName) ?? .success,
                          pairs: pairs, rowAxis: rowAxis, columnAxis: columnAxis, baseline: baseline, imageSplit: imageSplit)
    }
}
