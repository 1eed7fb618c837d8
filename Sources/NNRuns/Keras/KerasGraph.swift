import NNFiles

/// One layer of a Keras model's config (`config.json` in `.keras`, the `model_config` attribute of
/// `.h5`), in the order the config lists it.
struct KerasLayer {
    var className: String
    var name: String
    /// The layer's own "config" object.
    var config: JSONObject
    /// The layer object in the config, for errors.
    var field: JSONField
}

/// A Keras model's config read as the chain of layers NNLab models are: `Sequential`, or a
/// `Functional` model whose every layer takes the layer before, except a `Concatenate` of the model's
/// input with the layer before (the course's skip, `concat_input`). Keras 3 and Keras 2 configs
/// alike (their tensors are written `{"keras_history": [name, 0, 0]}` and `[name, 0, 0, {}]`).
struct KerasGraph {
    /// The width of the model's input (its `(None, d)` shape).
    var input: Int
    /// The layers after the input, in order.
    var layers: [KerasLayer]
    /// Whether the model is `Sequential` (its weights file does not list the input layer).
    var sequential: Bool

    static let classes = ["InputLayer", "Dense", "Activation", "LeakyReLU", "Dropout", "Concatenate"]

    init(_ root: JSONField) throws(InputError) {
        let object = try root.anyObject()
        let classField = try object.required("class_name", "Sequential or Functional")
        let className = try classField.string()
        let config = try object.required("config", "the model's config").anyObject()
        let layersField = try config.required("layers", "the model's layers")
        var all: [(layer: KerasLayer, inbound: [String]?)] = []
        for (i, field) in try layersField.array().enumerated() {
            let o = try field.anyObject()
            let layerClass = try o.required("class_name", "a layer class").string()
            let layerConfig = try o.required("config", "the layer's config").anyObject()
            var name = "\(layerClass.lowercased())_\(i)"
            if let field = o.optional("name") ?? layerConfig.optional("name") { name = try field.string() }
            var inbound: [String]?
            if let nodes = o.optional("inbound_nodes") {
                let list = try nodes.array()
                guard list.count <= 1 else { throw nodes.error("expected the layer called once, received \(list.count) calls (a shared layer)") }
                inbound = list.first.map { Self.historyNames($0.value) } ?? []
            }
            all.append((KerasLayer(className: layerClass, name: name, config: layerConfig, field: field), inbound))
        }
        switch className {
        case "Sequential":
            sequential = true
            var layers = all.map(\.layer)
            var width: Int?
            if let first = layers.first, first.className == "InputLayer" {
                width = try Self.width(first.config, first.field)
                layers.removeFirst()
            } else if let first = layers.first, first.config.has("batch_input_shape") {
                width = try Self.width(first.config, first.field)
            } else if let shape = config.optional("build_input_shape") {
                width = try Self.width(shape)
            } else if let shape = try object.optional("build_config")?.anyObject().optional("input_shape") {
                width = try Self.width(shape)
            }
            guard let width else { throw root.error("expected the model's input shape (an InputLayer or build_input_shape), received none") }
            if let misplaced = layers.first(where: { $0.className == "InputLayer" }) {
                throw misplaced.field.error("expected the InputLayer first, received layer \"\(misplaced.name)\" (InputLayer) later")
            }
            self.layers = layers
            input = width
        case "Functional", "Model":
            sequential = false
            let inputs = all.filter { $0.layer.className == "InputLayer" }
            guard inputs.count == 1, let inputLayer = inputs.first?.layer else {
                throw layersField.error("expected one InputLayer (NNLab models have one input), received \(inputs.count)")
            }
            input = try Self.width(inputLayer.config, inputLayer.field)
            var current = inputLayer.name
            var layers: [KerasLayer] = []
            for (layer, inbound) in all where layer.className != "InputLayer" {
                let takes = inbound ?? []
                let expected = layer.className == "Concatenate" ? [inputLayer.name, current] : [current]
                guard takes == expected else {
                    let received = takes.isEmpty ? "no input" : takes.map { "\"\($0)\"" }.joined(separator: ", ")
                    let wanted = expected.map { "\"\($0)\"" }.joined(separator: ", ")
                    let why = layer.className == "Concatenate" ? "Concatenate joins the input and the layer before, input first"
                        : "a branching model; NNLab models are a chain"
                    throw layer.field.error("expected layer \"\(layer.name)\" (\(layer.className)) to take \(wanted), received \(received) (\(why))")
                }
                layers.append(layer)
                current = layer.name
            }
            if let outputs = config.optional("output_layers") {
                let names = Self.historyNames(outputs.value)
                guard names == [current] else {
                    throw outputs.error("expected one output, the chain's last layer \"\(current)\", received \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
            }
            self.layers = layers
        default:
            throw classField.error("expected a Sequential or Functional model, received \(classField.value.summary)")
        }
    }

    /// The layer names a node or tensor list refers to, in order: Keras 3's
    /// `{"class_name": "__keras_tensor__", "config": {"keras_history": [name, 0, 0]}}` and Keras 2's
    /// `[name, 0, 0, {}]` (also `input_layers`' `[name, 0, 0]`).
    static func historyNames(_ value: JSONValue) -> [String] {
        switch value.kind {
        case .array(let items):
            if items.count >= 3, case .string(let name) = items[0].kind, case .number = items[1].kind { return [name] }
            return items.flatMap(historyNames)
        case .object(let members):
            if let config = members.first(where: { $0.key == "config" })?.value,
               case .object(let inner) = config.kind,
               let history = inner.first(where: { $0.key == "keras_history" })?.value {
                return historyNames(history)
            }
            // A Keras 3 node: {"args": [...], "kwargs": {...}}; only its args are inputs.
            if let args = members.first(where: { $0.key == "args" })?.value { return historyNames(args) }
            return []
        default:
            return []
        }
    }

    /// The width d of a layer config's `batch_shape` / `batch_input_shape` `[null, d]`.
    static func width(_ config: JSONObject, _ field: JSONField) throws(InputError) -> Int {
        guard let shape = config.optional("batch_shape") ?? config.optional("batch_input_shape") else {
            throw field.error("expected the input layer's batch_shape [null, d], received none")
        }
        return try width(shape)
    }

    /// d of a shape `[null, d]`.
    static func width(_ shape: JSONField) throws(InputError) -> Int {
        let items = try shape.array()
        guard items.count == 2, case .null = items[0].value.kind else {
            throw shape.error("expected inputs of shape [null, d] (rows of d numbers; NNLab has no Flatten or convolution layers), received \(shape.value.compactText)")
        }
        return try items[1].integer(in: 1...ModelFile.maximumInput)
    }
}
