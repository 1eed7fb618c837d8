import NNCore
import NNRuns
import NNFiles

/// The settings a sweep can vary, each as an edit of the base run's parsed object.
///
/// | axis | levels | edit |
/// |---|---|---|
/// | activation | names | every dense layer but the last |
/// | regularizer | none, {l1: …}, {l2: …} | every dense layer |
/// | l1, l2 | strengths | that penalty on every dense layer |
/// | optimizer | type names or objects | the optimizer (a name keeps the base's learning rate) |
/// | learning_rate, batch_size, epochs | numbers | that setting |
/// | hidden_units | numbers | every dense layer but the last |
/// | initializer | names | every dense layer |
/// | architecture | {name: …, layers: […]} | the model's layers |
/// | data | names or {name: …, samples: …, noise: …} | the data |
/// | noise | numbers | the built-in data set's noise |
enum SweepAxis {
    static let names = ["activation", "regularizer", "l1", "l2", "optimizer", "learning_rate", "batch_size", "epochs",
                        "hidden_units", "initializer", "architecture", "data", "noise"]

    typealias Edit = (label: String, apply: (inout JSONValue) -> Void)

    /// The order in which axes edit a variant, whatever their order in the file: what replaces a
    /// whole part (the architecture, the optimizer, the data) comes before what edits inside it (the
    /// hidden layers' units and activation, the learning rate, the noise), so no axis undoes another.
    static let applicationOrder = ["architecture", "hidden_units", "activation", "initializer", "regularizer", "l1", "l2",
                                   "optimizer", "learning_rate", "batch_size", "epochs", "data", "noise"]

    static func rank(_ axis: String) -> Int { applicationOrder.firstIndex(of: axis) ?? applicationOrder.count }

    /// Axes that would set the same field are refused: `regularizer` with `l1` or `l2` (l1 × l2 together
    /// combine into one regularizer), and a `learning_rate` axis beside optimizer levels that name their own rate.
    static func checkConflicts(_ names: [String], field: JSONField, levels: JSONField?) throws(InputError) {
        if names.contains("regularizer"), let other = names.first(where: { $0 == "l1" || $0 == "l2" }) {
            throw field.error("expected either a regularizer axis or l1/l2 axes, received regularizer and \(other), which set the same field")
        }
        if names.contains("learning_rate"), names.contains("optimizer"), let levels,
           case .object(let members) = levels.value.kind, let optimizer = members.first(where: { $0.key == "optimizer" }),
           case .array(let items) = optimizer.value.kind,
           items.contains(where: { if case .object(let m) = $0.kind { return m.contains { $0.key == "learning_rate" } } else { return false } }) {
            throw field.error("expected the learning rate from one axis, received it in optimizer levels and in a learning_rate axis")
        }
    }

    static func parse(name: String, levels field: JSONField, base: JSONValue) throws(InputError) -> (Comparison.Axis, [Edit]) {
        guard names.contains(name) else {
            throw field.error("unknown axis; expected one of \(names.joined(separator: ", "))")
        }
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("expected at least one level, received an empty list") }
        var edits: [Edit] = []
        var numbers: [Double] = []
        for item in items {
            let edit = try self.edit(axis: name, level: item, base: base)
            guard !edits.contains(where: { $0.label == edit.label }) else { throw item.error("expected distinct levels, received \(edit.label) twice") }
            edits.append(edit)
            if case .number(let x, _) = item.value.kind { numbers.append(x) }
        }
        let axis = Comparison.Axis(name: name, levels: edits.map(\.label), values: numbers.count == items.count ? numbers : nil)
        return (axis, edits)
    }

    static func edit(axis: String, level: JSONField, base: JSONValue) throws(InputError) -> Edit {
        let value = level.value
        switch axis {
        case "activation":
            let name = try level.string(oneOf: Activation.names)
            return (name, { $0.modifyModel { $0.editDenseLayers(hiddenOnly: true) { $0.set("activation", value); if name != "leaky_relu" { $0.remove("alpha") } } } })
        case "regularizer":
            if case .string = value.kind {
                _ = try level.string(oneOf: ["none"])
                return ("none", { $0.modifyModel { $0.editDenseLayers(hiddenOnly: false) { $0.remove("regularizer") } } })
            }
            let r = try level.object(allowing: ["l1", "l2"])
            var parts: [String] = []
            if let l1 = r.optional("l1") { parts.append("L1 \(readable(try l1.number(in: .nonNegative)))") }
            if let l2 = r.optional("l2") { parts.append("L2 \(readable(try l2.number(in: .nonNegative)))") }
            guard !parts.isEmpty else { throw level.error("expected l1 and/or l2, received an empty object") }
            return (parts.joined(separator: " + "), { $0.modifyModel { $0.editDenseLayers(hiddenOnly: false) { $0.set("regularizer", value) } } })
        case "l1", "l2":
            let x = try level.number(in: .nonNegative)
            let regularizer = JSONValue(kind: .object([JSONValue.Member(key: axis, value: value)]), line: value.line)
            // Sets its own penalty and keeps the other one, so l1 × l2 axes give every combination.
            return ("\(axis.uppercased()) \(readable(x))", { $0.modifyModel { $0.editDenseLayers(hiddenOnly: false) { layer in
                if case .object(let members) = layer.kind, let existing = members.first(where: { $0.key == "regularizer" })?.value,
                   case .object = existing.kind {
                    layer.editMember("regularizer") { $0.set(axis, value) }
                } else {
                    layer.set("regularizer", regularizer)
                }
            } } })
        case "optimizer":
            if case .string(let type) = value.kind {
                _ = try level.string(oneOf: OptimizerFile.typeNames)
                var optimizer = JSONValue(kind: .object([JSONValue.Member(key: "type", value: value)]), line: value.line)
                if case .object(let members) = base.kind, let old = members.first(where: { $0.key == "optimizer" })?.value,
                   case .object(let oldMembers) = old.kind, let rate = oldMembers.first(where: { $0.key == "learning_rate" }) {
                    optimizer.set("learning_rate", rate.value)
                }
                return (type, { $0.set("optimizer", optimizer) })
            }
            let o = try level.object(allowing: ["type", "learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "epsilon",
                                                "amsgrad", "rho", "centered", "initial_accumulator_value"])
            let type = try o.required("type", "an optimizer type").string(oneOf: OptimizerFile.typeNames)
            let rate = try o.optional("learning_rate")?.number(in: .positive)
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
            let label = (rate.map { "\(type) \(readable($0))" } ?? type) + (settings.isEmpty ? "" : " (\(settings.joined(separator: ", ")))")
            return (label, { $0.set("optimizer", value) })
        case "learning_rate":
            let x = try level.number(in: .positive)
            return ("lr \(readable(x))", { $0.editMember("optimizer") { $0.set("learning_rate", value) } })
        case "batch_size":
            let n = try level.integer(in: 1...Int(Int32.max))
            return ("batch \(n)", { $0.set("batch_size", value) })
        case "epochs":
            let n = try level.integer(in: 1...RunFile.maximumEpochs)
            return ("\(n) epochs", { $0.set("epochs", value) })
        case "hidden_units":
            let n = try level.integer(in: 1...ModelFile.maximumUnits)
            return ("\(n) units", { $0.modifyModel { $0.editDenseLayers(hiddenOnly: true) { $0.set("units", value); $0.remove("weights"); $0.remove("bias") } } })
        case "initializer":
            let name = try level.string(oneOf: Initializer.allCases.map(\.name))
            return (name, { $0.modifyModel { $0.editDenseLayers(hiddenOnly: false) { $0.set("initializer", value); $0.remove("weights"); $0.remove("bias") } } })
        case "architecture":
            let o = try level.object(allowing: ["name", "layers"])
            let name = try o.required("name", "a name for this architecture").string()
            let layers = try o.required("layers", "the model's layers").value
            return (name, { $0.modifyModel { $0.set("layers", layers) } })
        case "data":
            if case .string(let name) = value.kind { return (name, { $0.set("data", value) }) }
            let o = try level.object(allowing: ["name", "samples", "noise", "seed", "inputs"])
            var label = try o.required("name", "a built-in data set").string()
            if let noise = o.optional("noise") { label += " (noise \(readable(try noise.number())))" }
            return (label, { $0.set("data", value) })
        default:  // noise
            let x = try level.number(in: .unitClosed)
            return ("noise \(readable(x))", { run in
                guard case .object(let members) = run.kind, let data = members.first(where: { $0.key == "data" })?.value else { return }
                var object = data
                if case .string = data.kind {
                    object = JSONValue(kind: .object([JSONValue.Member(key: "name", value: data)]), line: data.line)
                }
                object.set("noise", value)
                run.set("data", object)
            })
        }
    }
}
