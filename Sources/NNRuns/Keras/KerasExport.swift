import NNCore
import NNData
import NNFiles

/// Writes an NNLab network as Keras model files that `keras.saving.load_model` opens: `.keras`
/// (Keras 3's archive: `metadata.json`, `config.json`, `model.weights.h5`) and legacy `.h5`. Weights
/// are float64 (the layers' dtype policy is float64), so Keras predicts NNLab's values and reading
/// the file back gives NNLab's weights bit for bit.
///
/// A chain of dense and dropout layers is a `Sequential` model; a network with `concat_input` is a
/// `Functional` one whose `Concatenate` takes the input and the layer before. Activations are the
/// Dense layers' own, except a leaky ReLU whose slope is not Keras's 0.2 (a `LeakyReLU` layer after a
/// linear Dense). The compile config holds the loss and Keras's default SGD (NNLab's model files
/// carry no optimizer). The same network always gives the same bytes.
public enum KerasExport {
    /// The `.keras` archive of `network`; errors (a layer Keras cannot express) name `file`.
    public static func keras(_ network: Network, file: String) throws(InputError) -> [UInt8] {
        let model = try plan(network, file: file)
        do {
            var weights = HDF5Writer()
            weights.group("layers")
            for item in model.items {
                let group = "layers/\(item.path)/vars"
                weights.group(group)
                weights.attribute("name", on: group, strings: [item.name], scalar: true)
                if let dense = item.dense {
                    weights.dataset("\(group)/0", shape: [dense.inputs, dense.units], values: dense.weights.elements)
                    weights.dataset("\(group)/1", shape: [dense.units], values: dense.bias)
                }
            }
            // The compiled SGD's own variables (its iteration count and learning rate), as Keras saves them.
            weights.group("optimizer/vars")
            weights.attribute("name", on: "optimizer/vars", strings: ["SGD"], scalar: true)
            weights.dataset("optimizer/vars/0", shape: [], values: [0], storage: .int64)
            weights.dataset("optimizer/vars/1", shape: [], values: [0.01], storage: .float32)
            weights.group("vars")
            weights.attribute("name", on: "vars", strings: [model.name], scalar: true)
            let metadata = "{\"keras_version\": \"\(kerasVersion)\", \"date_saved\": \"1980-01-01@00:00:00\", \"exported_by\": \"nnlab\"}"
            return try ZipArchive.write([("metadata.json", Array(metadata.utf8)), ("config.json", Array(model.config(compile: true).utf8)),
                                         ("model.weights.h5", try weights.bytes())])
        } catch {
            throw InputError(file: file, message: "could not be written: \(error)")
        }
    }

    /// The legacy `.h5` file of `network` (as Keras 3's `model.save("m.h5")` writes it).
    public static func h5(_ network: Network, file: String) throws(InputError) -> [UInt8] {
        let model = try plan(network, file: file)
        do {
            var h5 = HDF5Writer()
            h5.attribute("backend", on: "/", strings: ["tensorflow"], scalar: true)
            h5.attribute("keras_version", on: "/", strings: [kerasVersion], scalar: true)
            h5.attribute("model_config", on: "/", strings: [model.config(compile: false)], scalar: true)
            h5.attribute("training_config", on: "/", strings: ["{\"loss\": \"\(kerasLoss(network.loss))\", \"loss_weights\": null, \"metrics\": null, \"weighted_metrics\": null, \"run_eagerly\": false, \"steps_per_execution\": 1, \"jit_compile\": false, \"optimizer_config\": {\"class_name\": \"SGD\", \"config\": {\"name\": \"SGD\", \"learning_rate\": 0.01, \"momentum\": 0.0, \"nesterov\": false}}}"], scalar: true)
            h5.group("model_weights")
            h5.attribute("backend", on: "model_weights", strings: ["tensorflow"], scalar: true)
            h5.attribute("keras_version", on: "model_weights", strings: [kerasVersion], scalar: true)
            h5.attribute("layer_names", on: "model_weights", strings: model.items.map(\.name))
            for item in model.items {
                let group = "model_weights/\(item.name)"
                h5.group(group)
                if let dense = item.dense {
                    h5.attribute("weight_names", on: group, strings: ["\(item.name)/kernel", "\(item.name)/bias"])
                    h5.dataset("\(group)/\(item.name)/kernel", shape: [dense.inputs, dense.units], values: dense.weights.elements)
                    h5.dataset("\(group)/\(item.name)/bias", shape: [dense.units], values: dense.bias)
                } else {
                    h5.attribute("weight_names", on: group, strings: [])
                }
            }
            h5.group("model_weights/top_level_model_weights")
            h5.attribute("weight_names", on: "model_weights/top_level_model_weights", strings: [])
            return try h5.bytes()
        } catch {
            throw InputError(file: file, message: "could not be written: \(error)")
        }
    }

    /// The Keras version the files declare: the format they follow (Keras 3's).
    static let kerasVersion = "3.0.0"

    /// Keras's path names for a model's layers, in order: the class in snake case, then `_1`, `_2`, …
    /// for each further layer of that class (a functional model counts its input layer first).
    static func variablePaths(_ classNames: [String], sequential: Bool) -> [String] {
        var counts: [String: Int] = sequential ? [:] : ["input_layer": 1]
        return classNames.map { className in
            let base = snakeCase[className] ?? className.lowercased()
            let n = counts[base, default: 0]
            counts[base] = n + 1
            return n == 0 ? base : "\(base)_\(n)"
        }
    }

    private static let snakeCase = ["InputLayer": "input_layer", "Dense": "dense", "Activation": "activation",
                                    "LeakyReLU": "leaky_re_lu", "Dropout": "dropout", "Concatenate": "concatenate"]

    /// One Keras layer of the export.
    struct Item {
        var className: String
        var name: String
        var path: String
        /// The members of its "config" after name, trainable and dtype.
        var fields: String
        var inbound: [(name: String, width: Int)]
        var width: Int
        var dense: Dense?
    }

    struct Model {
        var name: String
        var sequential: Bool
        var input: Int
        var loss: Loss
        /// The input layer (functional models list it among their layers), then the others.
        var items: [Item]

        func config(compile: Bool) -> String {
            let policy = "{\"module\": \"keras\", \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float64\"}, \"registered_name\": null}"
            func tensor(_ t: (name: String, width: Int)) -> String {
                "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, \(t.width)], \"dtype\": \"float64\", \"keras_history\": [\(JSONWriter.string(t.name)), 0, 0]}}"
            }
            let layers = items.filter { !(sequential && $0.className == "InputLayer") }.map { item -> String in
                var text = "{\"module\": \"keras.layers\", \"class_name\": \"\(item.className)\", \"config\": {"
                if item.className == "InputLayer" {
                    text += "\"batch_shape\": [null, \(input)], \"dtype\": \"float64\", \"sparse\": false, \"name\": \(JSONWriter.string(item.name))}, \"registered_name\": null"
                } else {
                    text += "\"name\": \(JSONWriter.string(item.name)), \"trainable\": true, \"dtype\": \(policy)\(item.fields)}, \"registered_name\": null"
                    if item.className == "Concatenate" {
                        text += ", \"build_config\": {\"input_shape\": [" + item.inbound.map { "[null, \($0.width)]" }.joined(separator: ", ") + "]}"
                    } else if let first = item.inbound.first {
                        text += ", \"build_config\": {\"input_shape\": [null, \(first.width)]}"
                    }
                }
                if !sequential {
                    let args = item.inbound.map(tensor)
                    let node = item.inbound.isEmpty ? "" : "{\"args\": [" + (item.className == "Concatenate" ? "[" + args.joined(separator: ", ") + "]" : args.joined(separator: ", ")) + "], \"kwargs\": {}}"
                    text += ", \"name\": \(JSONWriter.string(item.name)), \"inbound_nodes\": [\(node)]"
                }
                return text + "}"
            }
            let last = items.last.map(\.name) ?? ""
            var text: String
            if sequential {
                text = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \(JSONWriter.string(name)), \"trainable\": true, \"dtype\": \(policy), \"layers\": [\n  "
                text += layers.joined(separator: ",\n  ") + "], \"build_input_shape\": [null, \(input)]}, \"registered_name\": null"
            } else {
                text = "{\"module\": \"keras.src.models.functional\", \"class_name\": \"Functional\", \"config\": {\"name\": \(JSONWriter.string(name)), \"trainable\": true, \"dtype\": \(policy), \"layers\": [\n  "
                text += layers.joined(separator: ",\n  ") + "], \"input_layers\": [[\"input_layer\", 0, 0]], \"output_layers\": [[\(JSONWriter.string(last)), 0, 0]]}, \"registered_name\": \"Functional\""
            }
            text += ", \"build_config\": {\"input_shape\": [null, \(input)]}"
            if compile {
                text += ", \"compile_config\": {\"optimizer\": {\"module\": \"keras.optimizers\", \"class_name\": \"SGD\", \"config\": {\"name\": \"SGD\", \"learning_rate\": 0.01, \"momentum\": 0.0, \"nesterov\": false}, \"registered_name\": null}, \"loss\": \"\(kerasLoss(loss))\", \"loss_weights\": null, \"metrics\": null, \"weighted_metrics\": null, \"run_eagerly\": false, \"steps_per_execution\": 1, \"jit_compile\": false}"
            }
            return text + "}\n"
        }
    }

    static func kerasLoss(_ loss: Loss) -> String {
        switch loss {
        case .mse: "mean_squared_error"
        case .binaryCrossentropy: "binary_crossentropy"
        case .categoricalCrossentropy: "categorical_crossentropy"
        }
    }

    /// The Keras layers for `network`, or an error naming the first layer Keras cannot express.
    static func plan(_ network: Network, file: String) throws(InputError) -> Model {
        let sequential = !network.layers.contains { $0 is ConcatInput }
        var kinds: [(className: String, fields: String, dense: Dense?, layerIndex: Int)] = []
        for (index, layer) in network.layers.enumerated() {
            func refuse(_ what: String, _ why: String) -> InputError {
                InputError(file: file, message: "expected layers Keras can hold, received \(what) at layers[\(index)] (\(why))")
            }
            switch layer {
            case let dense as Dense:
                var name: String
                var leaky: Double?
                switch dense.activation {
                case .linear, .sigmoid, .tanh, .relu, .softmax, .selu, .softplus, .hardSigmoid: name = dense.activation.name
                case .swish: name = "silu"
                case .elu(let alpha):
                    guard alpha == 1 else { throw refuse("elu with α = \(alpha)", "Keras's \"elu\" activation has α = 1") }
                    name = "elu"
                case .gelu(let approximate):
                    guard !approximate else { throw refuse("the approximate gelu", "Keras's \"gelu\" activation is the exact one") }
                    name = "gelu"
                case .leakyReLU(let alpha):
                    if alpha == 0.2 { name = "leaky_relu" } else { name = "linear"; leaky = alpha }
                }
                var regularizer = "null"
                if let r = dense.regularizer {
                    regularizer = "{\"module\": \"keras.regularizers\", \"class_name\": \"L1L2\", \"config\": {\"l1\": \(JSONWriter.number(r.l1)), \"l2\": \(JSONWriter.number(r.l2))}, \"registered_name\": null}"
                }
                let fields = ", \"units\": \(dense.units), \"activation\": \"\(name)\", \"use_bias\": true, "
                    + "\"kernel_initializer\": {\"module\": \"keras.initializers\", \"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}, \"registered_name\": null}, "
                    + "\"bias_initializer\": {\"module\": \"keras.initializers\", \"class_name\": \"Zeros\", \"config\": {}, \"registered_name\": null}, "
                    + "\"kernel_regularizer\": \(regularizer), \"bias_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null"
                kinds.append(("Dense", fields, dense, index))
                if let leaky { kinds.append(("LeakyReLU", ", \"negative_slope\": \(JSONWriter.number(leaky))", nil, index)) }
            case let dropout as Dropout:
                kinds.append(("Dropout", ", \"rate\": \(JSONWriter.number(dropout.rate)), \"seed\": null, \"noise_shape\": null", nil, index))
            case is ConcatInput:
                kinds.append(("Concatenate", ", \"axis\": -1", nil, index))
            default:
                throw refuse("a \(layer.typeName) layer", "Keras's files hold Dense, Dropout and the input's Concatenate")
            }
        }
        let paths = variablePaths(kinds.map(\.className), sequential: sequential)
        var items = [Item(className: "InputLayer", name: "input_layer", path: "input_layer", fields: "", inbound: [], width: network.inputWidth, dense: nil)]
        var current = (name: "input_layer", width: network.inputWidth)
        for (k, kind) in kinds.enumerated() {
            let width = kind.dense?.units ?? (kind.className == "Concatenate" ? network.inputWidth + current.width : current.width)
            let inbound = kind.className == "Concatenate" ? [(name: "input_layer", width: network.inputWidth), current] : [current]
            items.append(Item(className: kind.className, name: paths[k], path: paths[k], fields: kind.fields, inbound: inbound, width: width, dense: kind.dense))
            current = (paths[k], width)
        }
        // A Sequential model's weights file lists only the layers after the input.
        if sequential { items.removeFirst() }
        return Model(name: sequential ? "sequential" : "functional", sequential: sequential, input: network.inputWidth,
                     loss: network.loss, items: items)
    }
}
