import NNCore
import Foundation
import NNFiles

/// The memory and work one training run needs, estimated from its model and data before they are
/// allocated (from a `ModelSpec`'s widths, before its matrices exist).
public struct RunCost: Sendable, Equatable {
    /// Parameters (weights and biases of every dense layer).
    public var parameters: Double
    /// The widths of the input and of every layer's output.
    public var widths: [Double]

    /// 8 bytes per `Double`.
    static let word: Double = 8

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
