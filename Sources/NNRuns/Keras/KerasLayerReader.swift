import NNCore
import NNFiles

/// Reads each layer of a `KerasGraph` as NNLab's layer spec: `Dense` (its activation, kernel
/// regularizer and weights), `Activation` and `LeakyReLU` after a linear `Dense` (folded into it),
/// `Dropout`, and `Concatenate` (`concat_input`). Anything else, and any option NNLab would silently
/// change (no bias, a bias regularizer, constraints, a noise shape), is refused naming the layer.
enum KerasLayerReader {
    /// The kernel (inputs × units) and bias of a dense layer, by its name in the config.
    typealias Weights = (_ name: String, _ location: FieldLocation) throws(InputError) -> (kernel: (shape: [Int], values: [Double]), bias: (shape: [Int], values: [Double]))

    /// The layer specs of `graph`, with the dense layers' weights from `weights`.
    /// - Parameter keras2: the file was written by Keras 2, whose `hard_sigmoid` differs from Keras 3's.
    static func layers(_ graph: KerasGraph, keras2: Bool, weights: Weights) throws(InputError) -> [any LayerSpec] {
        var layers: [any LayerSpec] = []
        var width = graph.input
        for layer in graph.layers {
            let location = layer.field.location
            let label = "layer \"\(layer.name)\" (\(layer.className))"
            switch layer.className {
            case "Dense":
                let units = try layer.config.required("units", "a positive integer").integer(in: 1...ModelFile.maximumUnits)
                if let useBias = layer.config.optional("use_bias"), try !useBias.bool() {
                    throw useBias.error("expected use_bias true in \(label) (NNLab's dense layers have a bias), received false")
                }
                for key in ["bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"] {
                    if let field = layer.config.optional(key) {
                        throw field.error("expected \(key) null in \(label) (NNLab has none), received \(field.value.compactText)")
                    }
                }
                let activation = try activationOf(layer, keras2: keras2)
                var regularizer: Regularizer?
                if let field = layer.config.optional("kernel_regularizer") {
                    regularizer = try self.regularizer(field, label)
                }
                guard Double(width) * Double(units) <= Double(ModelFile.maximumParameters) else {
                    throw location.error("expected at most \(ModelFile.maximumParameters) weights, received \(width)×\(units) in \(label)")
                }
                let (kernel, bias) = try weights(layer.name, location)
                guard kernel.shape == [width, units] else {
                    throw location.error("expected a kernel of shape (\(width), \(units)) in \(label), received shape (\(kernel.shape.map(String.init).joined(separator: ", ")))")
                }
                guard bias.shape == [units] else {
                    throw location.error("expected a bias of shape (\(units),) in \(label), received shape (\(bias.shape.map(String.init).joined(separator: ", ")))")
                }
                for (what, values) in [("kernel", kernel.values), ("bias", bias.values)] {
                    if let bad = values.firstIndex(where: { !$0.isFinite }) {
                        throw location.error("expected finite weights in \(label), received \(values[bad]) in its \(what) (value \(bad))")
                    }
                }
                layers.append(DenseSpec(units: units, activation: activation, regularizer: regularizer, initializer: .glorotUniform,
                                        weights: Matrix(rows: width, columns: units, elements: kernel.values), bias: bias.values,
                                        location: location))
                width = units
            case "Activation", "LeakyReLU":
                let activation: Activation
                if layer.className == "Activation" {
                    activation = try activationOf(layer, keras2: keras2)
                } else {
                    let slope = try (layer.config.optional("negative_slope") ?? layer.config.optional("alpha"))?.number(in: .nonNegative) ?? 0.3
                    activation = .leakyReLU(alpha: slope)
                }
                guard var dense = layers.last as? DenseSpec, dense.activation == .linear else {
                    throw location.error("expected \(label) right after a Dense layer without activation (NNLab applies activations inside dense layers), received it after \(layers.last.map { "a \(type(of: $0).typeName) layer" } ?? "the input")")
                }
                dense.activation = activation
                layers[layers.count - 1] = dense
            case "Dropout":
                if let field = layer.config.optional("noise_shape") {
                    throw field.error("expected noise_shape null in \(label) (NNLab drops each value alone), received \(field.value.compactText)")
                }
                let rate = try layer.config.required("rate", "a number in [0, 1)").number(in: .unitHalfOpen)
                layers.append(DropoutSpec(rate: rate, location: location))
            case "Concatenate":
                if let axis = layer.config.optional("axis") {
                    let value = try axis.number()
                    guard value == -1 || value == 1 else { throw axis.error("expected axis -1 in \(label) (columns), received \(axis.value.compactText)") }
                }
                layers.append(ConcatInputSpec(location: location))
                width += graph.input
            default:
                throw location.error("expected one of \(KerasGraph.classes.joined(separator: ", ")), received \(label): NNLab has no such layer")
            }
        }
        return layers
    }

    /// The activation a layer config names (Keras 3's names and defaults: leaky_relu's slope 0.2).
    static func activationOf(_ layer: KerasLayer, keras2: Bool) throws(InputError) -> Activation {
        guard let field = layer.config.optional("activation") else { return .linear }
        guard case .string(let name) = field.value.kind else {
            throw field.error("expected an activation name in layer \"\(layer.name)\" (\(layer.className)), received \(field.value.compactText)")
        }
        switch name {
        case "leaky_relu": return .leakyReLU(alpha: 0.2)
        case "hard_sigmoid" where keras2:
            throw field.error("expected an activation computed as in Keras 3 in layer \"\(layer.name)\", received Keras 2's hard_sigmoid (0.2·z + 0.5, not Keras 3's relu6(z + 3)/6)")
        case "linear", "sigmoid", "tanh", "relu", "softmax", "elu", "selu", "gelu", "softplus", "swish", "silu", "hard_sigmoid":
            return Activation.named(name) ?? .linear
        default:
            throw field.error("expected one of linear, sigmoid, tanh, relu, leaky_relu, softmax, elu, selu, gelu, softplus, swish, silu, hard_sigmoid in layer \"\(layer.name)\", received \(field.value.summary)")
        }
    }

    /// Keras's `L1`, `L2` and `L1L2` kernel regularizers (penalties l1·Σ|w| and l2·Σw², as NNLab's).
    static func regularizer(_ field: JSONField, _ label: String) throws(InputError) -> Regularizer {
        let object = try field.anyObject()
        let className = try object.required("class_name", "L1, L2 or L1L2").string()
        let config = try object.optional("config")?.anyObject()
        func value(_ key: String) throws(InputError) -> Double { try config?.optional(key)?.number(in: .nonNegative) ?? 0 }
        switch className {
        case "L1", "l1": return Regularizer(l1: try value("l1"))
        case "L2", "l2": return Regularizer(l2: try value("l2"))
        case "L1L2", "l1_l2": return Regularizer(l1: try value("l1"), l2: try value("l2"))
        default: throw field.error("expected an L1, L2 or L1L2 kernel regularizer in \(label), received \(className)")
        }
    }

    /// NNLab's loss for a model's compile config (`compile_config` in `.keras`, `training_config` in
    /// `.h5`): its "loss" a name (`"mse"`, `"binary_crossentropy"`), a loss object
    /// (`{"class_name": "MeanSquaredError", …}` with the default reduction, no logits or label smoothing),
    /// a loss function (`{"class_name": "function", "config": "mean_squared_error"}`), or one of those in a
    /// one-element list or object; "loss_weights" absent or 1. Nil when the config has no loss.
    static func loss(compile field: JSONField) throws(InputError) -> Loss? {
        let config = try field.anyObject()
        guard let lossField = config.optional("loss") else { return nil }
        if let weights = config.optional("loss_weights") {
            let values: [Double]
            switch weights.value.kind {
            case .number: values = [try weights.number()]
            case .array: values = try weights.vector()
            default:
                let object = try weights.anyObject()
                var found: [Double] = []
                for key in object.keys { if let value = object.optional(key) { found.append(try value.number()) } }
                values = found
            }
            guard values.allSatisfy({ $0 == 1 }) else {
                throw weights.error("expected loss_weights null or 1 (NNLab's loss is not scaled), received \(weights.value.compactText)")
            }
        }
        return try loss(lossField)
    }

    static func loss(_ field: JSONField) throws(InputError) -> Loss {
        let expected = "mse, binary_crossentropy or categorical_crossentropy (or give \"loss\" beside \"keras\")"
        switch field.value.kind {
        case .string(let name):
            if let loss = Loss(name: name) { return loss }
            throw field.error("expected a compiled loss NNLab trains, \(expected), received \"\(name)\"")
        case .array(let items) where items.count == 1:
            return try loss(try field.array()[0])
        case .object:
            let object = try field.anyObject()
            guard let classField = object.optional("class_name") else {
                // {"output_name": "mse"}: one output's loss.
                guard object.keys.count == 1, let only = object.optional(object.keys[0]) else { break }
                return try loss(only)
            }
            let className = try classField.string()
            if className == "function", let name = object.optional("config"), case .string = name.value.kind {
                return try loss(name)
            }
            let config = try object.optional("config")?.anyObject()
            if let logits = config?.optional("from_logits"), try logits.bool() {
                throw logits.error("expected from_logits false (NNLab's losses take probabilities), received true")
            }
            if let smoothing = config?.optional("label_smoothing"), try smoothing.number() != 0 {
                throw smoothing.error("expected label_smoothing 0, received \(smoothing.value.compactText)")
            }
            if let reduction = config?.optional("reduction") {
                let name = try reduction.string()
                // A model's compiled loss averages what its loss leaves unreduced ("none"), and without sample
                // weights "mean" and "mean_with_sample_weight" are the batch mean too; "sum" is not.
                guard ["sum_over_batch_size", "auto", "mean", "mean_with_sample_weight", "none"].contains(name) else {
                    throw reduction.error("expected the reduction sum_over_batch_size (NNLab averages over the batch), received \"\(name)\"")
                }
            }
            switch className {
            case "MeanSquaredError": return .mse
            case "BinaryCrossentropy": return .binaryCrossentropy
            case "CategoricalCrossentropy": return .categoricalCrossentropy
            default: throw classField.error("expected a compiled loss NNLab trains, \(expected), received the loss class \(className)")
            }
        default: break
        }
        throw field.error("expected a compiled loss NNLab trains, \(expected), received \(field.value.summary)")
    }
}
