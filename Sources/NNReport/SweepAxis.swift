import NNCore
import NNRuns
import NNFiles

/// The settings a sweep can vary, each a typed edit of the base run's `RunSpec` (so an axis edits
/// the model whether it is written inline or in a model file).
///
/// | axis | levels | edit |
/// |---|---|---|
/// | architecture | {name: …, layers: […]} | the model's layers |
/// | hidden_units | numbers | every dense layer but the last (drawn weights) |
/// | activation | names | every dense layer but the last |
/// | initializer | names | every dense layer (drawn weights) |
/// | regularizer | none, {l1: …}, {l2: …} | every dense layer |
/// | l1, l2 | strengths | that penalty on every dense layer (the other one kept) |
/// | optimizer | type names or objects | the optimizer (a name keeps the base's learning rate, if it sets one) |
/// | learning_rate | numbers or schedules ({schedule: …}) | the optimizer's rate and schedule |
/// | batch_size, epochs | numbers | that setting |
/// | constants | keras, exact | whether Keras's float32 roundings are made |
/// | dropout | rates in [0, 1) | every dropout layer's rate |
/// | features | lists of feature names, or none | the first `features` layer (added first when missing, removed by none) |
/// | data | any data source | the data |
/// | noise | numbers | the built-in data set's noise |
enum SweepAxis {
    static let names = ["activation", "regularizer", "l1", "l2", "optimizer", "learning_rate", "batch_size", "epochs",
                        "hidden_units", "initializer", "architecture", "data", "noise", "constants", "dropout", "features"]

    /// One level: its label and its edit (which may find the level does not fit the variant, e.g.
    /// noise on data that are not a built-in set, and say so at the level).
    typealias Edit = (label: String, apply: (inout RunSpec) throws(InputError) -> Void)

    /// The order in which axes edit a variant, whatever their order in the file: what replaces a
    /// whole part (the architecture, the optimizer, the data) comes before what edits inside it (the
    /// hidden layers' units and activation, the learning rate, the noise), so no axis undoes another.
    static let applicationOrder = ["architecture", "features", "dropout", "hidden_units", "activation", "initializer", "regularizer", "l1", "l2",
                                   "optimizer", "learning_rate", "batch_size", "epochs", "data", "noise", "constants"]

    static func rank(_ axis: String) -> Int { applicationOrder.firstIndex(of: axis) ?? applicationOrder.count }

    /// Axes that would set the same field are refused: `regularizer` with `l1` or `l2` (l1 × l2 together
    /// combine into one regularizer), a `learning_rate` axis beside optimizer levels that name their own
    /// rate, and a `noise` axis beside data levels that set their own noise.
    static func checkConflicts(_ names: [String], field: JSONField, levels: JSONField?) throws(InputError) {
        if names.contains("regularizer"), let other = names.first(where: { $0 == "l1" || $0 == "l2" }) {
            throw field.error("expected either a regularizer axis or l1/l2 axes, received regularizer and \(other), which set the same field")
        }
        func levelsSet(_ axis: String, _ key: String) -> Bool {
            guard let levels, case .object(let members) = levels.value.kind, let list = members.first(where: { $0.key == axis }),
                  case .array(let items) = list.value.kind else { return false }
            return items.contains { if case .object(let m) = $0.kind { m.contains { $0.key == key } } else { false } }
        }
        if names.contains("learning_rate"), names.contains("optimizer"), levelsSet("optimizer", "learning_rate") {
            throw field.error("expected the learning rate from one axis, received it in optimizer levels and in a learning_rate axis")
        }
        if names.contains("noise"), names.contains("data"), levelsSet("data", "noise") {
            throw field.error("expected the noise from one axis, received it in data levels and in a noise axis")
        }
    }

    /// The axis `name` with its levels, read against the experiment file `file` (for paths).
    static func parse(name: String, levels field: JSONField, file: String) throws(InputError) -> (Comparison.Axis, [Edit]) {
        guard names.contains(name) else {
            throw field.error("unknown axis; expected one of \(names.joined(separator: ", "))")
        }
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("expected at least one level, received an empty list") }
        var edits: [Edit] = []
        var numbers: [Double] = []
        for item in items {
            let edit = try self.edit(axis: name, level: item, file: file)
            guard !edits.contains(where: { $0.label == edit.label }) else { throw item.error("expected distinct levels, received \(edit.label) twice") }
            edits.append(edit)
            if case .number(let x, _) = item.value.kind { numbers.append(x) }
        }
        let axis = Comparison.Axis(name: name, levels: edits.map(\.label), values: numbers.count == items.count ? numbers : nil)
        return (axis, edits)
    }

    /// An axis on the hidden layers of a model that has none would give identical variants: refused.
    static func requireHiddenLayers(_ spec: RunSpec, level: JSONField, axis: String) throws(InputError) {
        guard spec.model.denseIndices.count >= 2 else {
            throw level.error("expected a model with hidden layers for a \(axis) axis (it sets the dense layers before the output layer), received a model with only its output layer")
        }
    }

    /// A schedule as a level's label: its name and every argument, "exponential_decay (0.1, decay_steps 100, decay_rate 0.5)".
    static func scheduleLabel(_ schedule: any LearningRateSchedule) -> String {
        let arguments = schedule.hyperparameters.compactMap { name, value -> String? in
            if case .flag(false) = value { return nil }
            if name == "initial_learning_rate" { return "\(value)" }
            return "\(name) \(value)"
        }
        return type(of: schedule).typeName + " (" + arguments.joined(separator: ", ") + ")"
    }

    static func edit(axis: String, level: JSONField, file: String) throws(InputError) -> Edit {
        let value = level.value
        switch axis {
        case "activation":
            let name = try level.string(oneOf: Activation.names)
            let activation = ModelFile.activationNamed(name)
            // Labelled by the activation's own name, so an alias (silu for swish) is the same level, not a second one.
            return (activation.name, { spec throws(InputError) in
                try requireHiddenLayers(spec, level: level, axis: axis)
                spec.model.editDense(hiddenOnly: true) { layer in
                    // A leaky_relu level keeps a slope the layer already states.
                    if case .leakyReLU = layer.activation, case .leakyReLU = activation { return }
                    layer.activation = activation
                }
            })
        case "regularizer":
            if case .string = value.kind {
                _ = try level.string(oneOf: ["none"])
                return ("none", { spec throws(InputError) in spec.model.editDense(hiddenOnly: false) { $0.regularizer = nil } })
            }
            let r = try level.object(allowing: ["l1", "l2"])
            let l1 = try r.optional("l1")?.number(in: .nonNegative), l2 = try r.optional("l2")?.number(in: .nonNegative)
            let parts = [l1.map { "L1 \(readable($0))" }, l2.map { "L2 \(readable($0))" }].compactMap { $0 }
            guard !parts.isEmpty else { throw level.error("expected l1 and/or l2, received an empty object") }
            let regularizer = Regularizer(l1: l1 ?? 0, l2: l2 ?? 0)
            return (parts.joined(separator: " + "), { spec throws(InputError) in
                spec.model.editDense(hiddenOnly: false) { $0.regularizer = regularizer }
            })
        case "l1", "l2":
            let x = try level.number(in: .nonNegative)
            // Sets its own penalty and keeps the other one, so l1 × l2 axes give every combination.
            return ("\(axis.uppercased()) \(readable(x))", { spec throws(InputError) in
                spec.model.editDense(hiddenOnly: false) { layer in
                    var r = layer.regularizer ?? Regularizer()
                    if axis == "l1" { r.l1 = x } else { r.l2 = x }
                    layer.regularizer = r
                }
            })
        case "optimizer":
            if case .string(let type) = value.kind {
                _ = try level.string(oneOf: OptimizerFile.typeNames)
                let optimizer = try OptimizerFile.named(type)
                return (type, { spec throws(InputError) in
                    var o = optimizer
                    if spec.learningRateGiven { o.learningRate = spec.optimizer.learningRate } else { spec.learningRateSchedule = nil }
                    spec.optimizer = o
                })
            }
            let optimizer = try OptimizerFile.optimizer(from: level)
            let schedule = try OptimizerFile.schedule(from: level)
            let o = try level.anyObject()
            let type = try o.required("type", "an optimizer type").string()
            let rateField = o.optional("learning_rate")
            var rate = schedule?.initialLearningRate
            if schedule == nil, let rateField { rate = try rateField.number(in: .positive) }
            // Labelled by what the level sets besides its type and rate: "sgd (momentum 0.9)".
            var settings: [String] = []
            if case .object(let members) = value.kind {
                for member in members where member.key != "type" && member.key != "learning_rate" {
                    switch member.value.kind {
                    case .number(let x, _): settings.append("\(member.key) \(readable(x))")
                    case .bool(let b): settings.append("\(member.key) \(b)")
                    default: settings.append(member.key)
                    }
                }
            }
            let written = schedule.map { "\(type) \(scheduleLabel($0))" } ?? rate.map { "\(type) \(readable($0))" } ?? type
            let label = written + (settings.isEmpty ? "" : " (\(settings.joined(separator: ", ")))")
            return (label, { spec throws(InputError) in
                // Like a level given by name, a level that sets no learning rate keeps the base's (and its schedule).
                var o = optimizer
                if rate == nil, spec.learningRateGiven { o.learningRate = spec.optimizer.learningRate }
                if rate != nil || !spec.learningRateGiven { spec.learningRateSchedule = schedule }
                spec.optimizer = o
                spec.learningRateGiven = spec.learningRateGiven || rate != nil
            })
        case "learning_rate":
            if case .object = value.kind {
                let schedule = try ScheduleFile.schedule(from: level)
                return (scheduleLabel(schedule), { spec throws(InputError) in
                    spec.optimizer.learningRate = schedule.initialLearningRate
                    spec.learningRateSchedule = schedule
                    spec.learningRateGiven = true
                })
            }
            let x = try level.number(in: .positive)
            return ("lr \(readable(x))", { spec throws(InputError) in
                spec.optimizer.learningRate = x
                spec.learningRateSchedule = nil
                spec.learningRateGiven = true
            })
        case "constants":
            let name = try level.string(oneOf: Constants.allCases.map(\.rawValue))
            let constants = Constants(rawValue: name) ?? .keras
            return ("\(name) constants", { spec throws(InputError) in spec.constants = constants })
        case "dropout":
            let rate = try level.number(in: .unitHalfOpen)
            return ("dropout \(readable(rate))", { spec throws(InputError) in
                guard spec.model.layers.contains(where: { $0 is DropoutSpec }) else {
                    throw level.error("expected a model with a dropout layer for a dropout axis (it sets every dropout layer's rate), received a model without one")
                }
                for i in spec.model.layers.indices {
                    guard var dropout = spec.model.layers[i] as? DropoutSpec else { continue }
                    dropout.rate = rate
                    spec.model.layers[i] = dropout
                }
            })
        case "features":
            var features: [Features.Feature]?
            if case .string = value.kind { _ = try level.string(oneOf: ["none"]) } else { features = try FeaturesSpec.features(level) }
            let label = features.map { "features " + $0.map(\.name).joined(separator: ", ") } ?? "no features"
            return (label, { spec throws(InputError) in
                if spec.model.layers.first is FeaturesSpec { spec.model.layers.removeFirst() }
                if let features { spec.model.layers.insert(FeaturesSpec(features: features, location: level.location), at: 0) }
                // The first dense layer's inputs change: given weights no longer fit, so they are drawn.
                if let first = spec.model.denseIndices.first, var dense = spec.model.layers[first] as? DenseSpec {
                    (dense.weights, dense.bias, dense.location) = (nil, nil, level.location)
                    spec.model.layers[first] = dense
                }
            })
        case "batch_size":
            let n = try level.integer(in: 1...Int(Int32.max))
            return ("batch \(n)", { spec throws(InputError) in spec.batchSize = n })
        case "epochs":
            let n = try level.integer(in: 1...RunFile.maximumEpochs)
            return (Format.count(n, "epoch"), { spec throws(InputError) in
                spec.epochs = n
                spec.epochsLocation = level.location
            })
        case "hidden_units":
            let n = try level.integer(in: 1...ModelFile.maximumUnits)
            return ("\(n) unit\(n == 1 ? "" : "s")", { spec throws(InputError) in
                try requireHiddenLayers(spec, level: level, axis: axis)
                // Every dense layer draws its weights: given weights no longer fit the new widths.
                spec.model.editDense(hiddenOnly: false) { layer in (layer.weights, layer.bias, layer.location) = (nil, nil, level.location) }
                spec.model.editDense(hiddenOnly: true) { layer in layer.units = n }
            })
        case "initializer":
            let name = try level.string(oneOf: Initializer.allCases.map(\.name))
            let initializer = Initializer(rawValue: name) ?? .glorotUniform
            return (name, { spec throws(InputError) in
                spec.model.editDense(hiddenOnly: false) { layer in (layer.initializer, layer.weights, layer.bias) = (initializer, nil, nil) }
            })
        case "architecture":
            let o = try level.object(allowing: ["name", "layers"])
            let name = try o.required("name", "a name for this architecture").string()
            let layers = try ModelFile.layers(try o.required("layers", "the model's layers"))
            return (name, { spec throws(InputError) in spec.model.layers = layers })
        case "data":
            let source = try DataSource.read(level, base: file)
            var label = source.name
            if case .string(let name) = value.kind { label = name }
            // An object level is labelled by its name or file and every setting it writes: "spiral (samples 100)".
            if case .object(let members) = value.kind {
                let settings = members.filter { !["name", "csv", "npz", "npy", "idx", "cifar", "x", "y"].contains($0.key) }.map { member in
                    "\(member.key) \(DisplayText.shortened(member.value.compactText, limit: 40))"
                }
                let written = members.first { $0.key == "name" }.flatMap { m -> String? in if case .string(let n) = m.value.kind { n } else { nil } }
                let named = written ?? (source.files.isEmpty ? "inline data (line \(value.line))" : source.name)
                label = named + (settings.isEmpty ? "" : " (\(settings.joined(separator: ", ")))")
            }
            return (label, { spec throws(InputError) in
                spec.data = source
                spec.dataLocation = level.location
            })
        default:  // noise
            let x = try level.number(in: .unitClosed)
            return ("noise \(readable(x))", { spec throws(InputError) in
                guard case .builtin(let set, var parameters) = spec.data, set.parameterNames.contains("noise") else {
                    throw level.error("expected a generated data set to add noise to (circle, quadrants, gauss, spiral, plane, multi-gaussian), received \(spec.data.name)")
                }
                parameters.noise = x
                spec.data = .builtin(set, parameters)
            })
        }
    }
}
