import NNCore
import Foundation
import NNFiles

/// The memory and work one training run needs, estimated from its model and data before they are
/// allocated (the run's files are parsed JSON at this point, not yet matrices).
public struct RunCost: Sendable, Equatable {
    /// Parameters (weights and biases of every dense layer).
    public var parameters: Double
    /// The widths of the input and of every layer's output.
    public var widths: [Double]

    /// 8 bytes per `Double`.
    static let word: Double = 8

    /// The shape a model object describes, read without allocating it; nil when the object is
    /// malformed (the model reader then reports the mistake).
    public static func model(_ field: JSONField) -> RunCost? {
        guard case .object(let members) = field.value.kind,
              let inputValue = members.first(where: { $0.key == "input" })?.value, case .number(let input, _) = inputValue.kind,
              let layersValue = members.first(where: { $0.key == "layers" })?.value, case .array(let layers) = layersValue.kind,
              input.isFinite, input >= 1, input <= Double(ModelFile.maximumInput) else { return nil }
        var widths = [input]
        var parameters: Double = 0
        for layer in layers {
            guard case .object(let fields) = layer.kind else { return nil }
            let type = fields.first { $0.key == "type" }.flatMap { member -> String? in
                if case .string(let s) = member.value.kind { return s }
                return nil
            }
            let incoming = widths[widths.count - 1]
            if type == "concat_input" {
                widths.append(incoming + input)
                continue
            }
            guard let unitsValue = fields.first(where: { $0.key == "units" })?.value, case .number(let units, _) = unitsValue.kind,
                  units.isFinite, units >= 1, units <= Double(ModelFile.maximumUnits) else { return nil }
            parameters += incoming * units + units
            // Beyond the model reader's own limits it names the mistake better than a budget could.
            guard parameters <= Double(ModelFile.maximumParameters) else { return nil }
            widths.append(units)
        }
        return RunCost(parameters: parameters, widths: widths)
    }

    /// Weights, gradients, the trained copy and up to two optimizer slots per parameter (Adam's m and v).
    public var networkBytes: Double { 5 * parameters * Self.word }

    /// The workspace for a batch of `rows` (activations, pre-activations and deltas of every layer)
    /// plus a full pass over `samples` rows for the epoch's metrics.
    public func workspaceBytes(batch rows: Double, samples: Double) -> Double {
        let total = widths.reduce(0, +)
        return (3 * rows * total + 2 * samples * (widths.max() ?? 0)) * Self.word
    }

    /// Multiply-adds of forward and backward passes: about 6 operations per parameter and sample.
    public func work(epochs: Double, samples: Double) -> Double { 6 * parameters * samples * epochs }

    /// A count for messages: "4000001", or "3.0e+12" when it is too large to spell out.
    public static func count(_ x: Double) -> String {
        x < 1e15 && x == x.rounded() ? String(Int(x)) : String(format: "%.1e", x)
    }
}
