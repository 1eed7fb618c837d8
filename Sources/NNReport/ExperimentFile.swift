import NNCore
import NNData

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

    static let topFields = ["title", "author", "sections", "experiments", "comparison", "image"]
    static let runFields = ["name", "model", "data", "validation", "optimizer", "epochs", "batch_size", "shuffle", "seed", "seeds",
                            "metrics", "early_stopping"]

    /// Reads the experiment file at `path`.
    public static func load(_ path: String) throws(InputError) -> Experiment {
        let text = String(decoding: try TextFile.read(path), as: UTF8.self)
        return try experiment(from: text, file: path)
    }

    /// Reads an experiment from YAML `text` (`file` names it in errors and anchors relative paths).
    public static func experiment(from text: String, file: String) throws(InputError) -> Experiment {
        let root = JSONField(try YAMLBridge.parse(text, file: file), file: file)
        let object = try root.object(allowing: topFields)
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
                experiments.append(try runs(from: item, file: file, defaultName: "experiment \(i + 1)"))
            }
        }
        let comparison = try object.optional("comparison").map { (field: JSONField) throws(InputError) -> Comparison in
            try self.comparison(from: field, file: file)
        }
        let image = try object.optional("image").map { (field: JSONField) throws(InputError) -> ImageProblem in
            try imageProblem(from: field, file: file)
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
        return Experiment(title: title, author: author, sections: sections, experiments: experiments, comparison: comparison,
                          image: image, source: text, file: file)
    }

    /// One experiment entry: the run for each seed.
    static func runs(from field: JSONField, file: String, defaultName: String) throws(InputError) -> ExperimentRuns {
        let object = try field.object(allowing: runFields)
        let name = try object.optional("name")?.string() ?? defaultName
        let seeds = try self.seeds(object)
        let (data, dataName) = try resolveData(object, file: file)
        var runs: [Run] = []
        for seed in seeds {
            var value = field.value
            value.set("seed", JSONValue(kind: .number(Double(seed), literal: String(seed)), line: field.value.line))
            value.remove("seeds")
            value.remove("name")
            if let data { value.set("data", data) }
            runs.append(try RunFile.run(from: JSONField(value, file: file, path: field.path), path: file))
        }
        return ExperimentRuns(name: name, dataName: dataName, seeds: seeds, runs: runs)
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

    /// A built-in data name becomes an inline data object; paths and objects pass through.
    static func resolveData(_ object: JSONObject, file: String) throws(InputError) -> (JSONValue?, String) {
        guard let field = object.optional("data") else { return (nil, "") }
        if case .object(let members) = field.value.kind, members.contains(where: { $0.key == "name" }) {
            return try builtin(field, file: file)
        }
        guard case .string(let name) = field.value.kind else { return (nil, "inline data") }
        // A bare word names a built-in set (a typo gets the list of names); anything with "/" or "." is a file.
        if !name.contains("/") && !name.contains(".") {
            let dataset = try BuiltinDataset.named(name, file: file, field: field.path).dataset(file: file, field: field.path)
            let text = DataFile.encode(dataset)
            let value = try JSONParser.parse(Array(text.utf8), file: file)
            var located = value
            located.line = field.value.line
            return (located, name)
        }
        return (nil, name)
    }

    /// `data: {name: spiral, samples: 300, noise: 0.1, seed: 2, inputs: 3}`: a built-in set with parameters.
    static func builtin(_ field: JSONField, file: String) throws(InputError) -> (JSONValue?, String) {
        let object = try field.object(allowing: ["name", "samples", "noise", "seed", "inputs"])
        let name = try object.required("name", "a built-in data set").string()
        var parameters = BuiltinDataset.Parameters()
        if let f = object.optional("samples") { parameters.samples = try f.integer(in: 1...1_000_000) }
        if let f = object.optional("noise") { parameters.noise = try f.number(in: .unitClosed) }
        if let f = object.optional("seed") { parameters.seed = UInt64(try f.integer(in: 0...Int(Int32.max))) }
        if let f = object.optional("inputs") { parameters.inputs = try f.integer(in: 1...16) }
        let dataset = try BuiltinDataset.named(name, file: file, field: field.path + ".name").dataset(parameters, file: file, field: field.path)
        var value = try JSONParser.parse(Array(DataFile.encode(dataset).utf8), file: file)
        value.line = field.value.line
        return (value, name)
    }

    static func comparison(from field: JSONField, file: String) throws(InputError) -> Comparison {
        let object = try field.object(allowing: ["name", "base", "activations", "regularizers", "seeds", "target"])
        let name = try object.optional("name")?.string() ?? "Comparison"
        let baseField = try object.required("base", "an experiment (model, data, optimizer, epochs, …)")
        let activations = try object.required("activations", "a list of activation names").array().map { (item: JSONField) throws(InputError) -> String in
            try item.string(oneOf: Activation.names)
        }
        guard !activations.isEmpty else { throw try object.required("activations", "").error("expected at least one activation") }
        var regularizerLabels: [String] = []
        var regularizerValues: [JSONValue?] = []
        for item in try object.required("regularizers", "a list such as [none, {l1: 0.01}, {l2: 0.01}]").array() {
            if case .string(let s) = item.value.kind {
                guard s == "none" else { throw item.error("expected none or an object such as {l2: 0.01}, received \(item.value.summary)") }
                regularizerLabels.append("none")
                regularizerValues.append(nil)
            } else {
                let r = try item.object(allowing: ["l1", "l2"])
                var parts: [String] = []
                if let l1 = r.optional("l1") { parts.append("L1 \(readable(try l1.number(in: .nonNegative)))") }
                if let l2 = r.optional("l2") { parts.append("L2 \(readable(try l2.number(in: .nonNegative)))") }
                guard !parts.isEmpty else { throw item.error("expected l1 and/or l2, received an empty object") }
                regularizerLabels.append(parts.joined(separator: " + "))
                regularizerValues.append(item.value)
            }
        }
        let seedsList = try seeds(object)
        var targetMetric = "xor_accuracy"
        var targetValue = 1.0
        if let target = object.optional("target") {
            let t = try target.object(allowing: ["metric", "value"])
            targetMetric = try t.required("metric", "a metric name").string(oneOf: Metric.allCases.map(\.name) + ["loss"])
            targetValue = try t.required("value", "a number").number()
        }
        var variants: [Comparison.Variant] = []
        var dataName = ""
        for activation in activations {
            for (label, regularizer) in zip(regularizerLabels, regularizerValues) {
                var base = baseField.value
                guard case .object = base.kind else { throw baseField.error("expected an experiment object, received \(baseField.value.summary)") }
                base.modifyModel { model in model.varyHiddenLayers(activation: activation, regularizer: regularizer) }
                base.set("seeds", JSONValue(kind: .array(seedsList.map { JSONValue(kind: .number(Double($0), literal: String($0)), line: 0) }),
                                            line: base.line))
                base.remove("seed")
                let experiment = try runs(from: JSONField(base, file: file, path: baseField.path), file: file, defaultName: name)
                dataName = experiment.dataName
                variants.append(Comparison.Variant(activation: activation, regularizer: label, runs: experiment.runs))
            }
        }
        return Comparison(name: name, activations: activations, regularizers: regularizerLabels, seeds: seedsList,
                          targetMetric: targetMetric, targetValue: targetValue, variants: variants, dataName: dataName)
    }
}
