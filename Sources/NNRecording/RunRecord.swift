#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNCore

/// Everything a report needs to draw one training run, as plain values.
///
/// Two runs with the same seed give equal records and byte-identical JSON except for `timing`
/// (wall time), which sits in its own field: `withoutTiming` and `jsonData(includingTiming: false)`
/// drop it. Non-finite numbers (a diverged loss) encode as the strings "NaN", "Infinity", "-Infinity".
/// Equality is IEEE equality, so a record holding a NaN is not equal to itself; compare JSON then.
public struct RunRecord: Codable, Sendable, Equatable {
    /// The run's name, if it has one.
    public var name: String?
    public var network: NetworkSummary
    /// The number of epochs asked for, and the number run (fewer after an early stop or divergence).
    public var epochsRequested: Int
    public var epochsRun: Int
    public var batchesPerEpoch: Int
    /// A copy of the training history (every epoch, not sampled).
    public var history: HistoryRecord
    /// Weights, biases and gradient norms at the sampled epochs.
    public var samples: ParameterSamples
    /// The output over the input plane at chosen epochs (two-input networks only; else empty).
    public var snapshots: [Snapshot]
    /// Each hidden unit's activation over the input plane after training (two-input networks only).
    public var unitMaps: [UnitMap]
    public var events: RunEvents
    /// Wall time: the only field that differs between two identical runs. Nil once dropped.
    public var timing: RunTiming?

    public init(name: String?, network: NetworkSummary, epochsRequested: Int, epochsRun: Int, batchesPerEpoch: Int,
                history: HistoryRecord, samples: ParameterSamples, snapshots: [Snapshot], unitMaps: [UnitMap],
                events: RunEvents, timing: RunTiming?) {
        self.name = name
        self.network = network
        self.epochsRequested = epochsRequested
        self.epochsRun = epochsRun
        self.batchesPerEpoch = batchesPerEpoch
        self.history = history
        self.samples = samples
        self.snapshots = snapshots
        self.unitMaps = unitMaps
        self.events = events
        self.timing = timing
    }

    /// The record without its wall time: what must be identical between two runs with the same seed.
    public var withoutTiming: RunRecord {
        var copy = self
        copy.timing = nil
        return copy
    }

    /// JSON with sorted keys (deterministic bytes), optionally without `timing`.
    public func jsonData(includingTiming: Bool = true) throws -> Data {
        try RunRecord.encoder.encode(includingTiming ? self : withoutTiming)
    }

    /// Reads a record written by `jsonData`.
    public static func decode(_ data: Data) throws -> RunRecord {
        try RunRecord.decoder.decode(RunRecord.self, from: data)
    }

    /// Sorted keys make the bytes independent of dictionary order; non-finite numbers become strings.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}

/// The network's shape: its layers and where their parameters sit in the flat parameter vector.
public struct NetworkSummary: Codable, Sendable, Equatable {
    public var inputWidth: Int
    public var outputWidth: Int
    public var parameterCount: Int
    public var loss: String
    public var layers: [LayerSummary]

    public init(_ network: Network) {
        inputWidth = network.inputWidth
        outputWidth = network.outputWidth
        parameterCount = network.parameterCount
        loss = network.loss.name
        var offset = 0
        layers = network.layers.enumerated().map { index, layer in
            guard let dense = layer.dense else {
                return LayerSummary(index: index, type: layer.typeName, inputs: network.outputWidth(ofLayer: index - 1),
                                    units: network.outputWidth(ofLayer: index), activation: nil, l1: 0, l2: 0,
                                    weightOffset: nil, biasOffset: nil)
            }
            let summary = LayerSummary(index: index, type: layer.typeName, inputs: dense.inputs, units: dense.units,
                                       activation: dense.activation.name, l1: dense.regularizer?.l1 ?? 0,
                                       l2: dense.regularizer?.l2 ?? 0, weightOffset: offset,
                                       biasOffset: offset + dense.inputs * dense.units)
            offset += dense.parameterCount
            return summary
        }
    }
}

/// One layer of a `NetworkSummary`.
public struct LayerSummary: Codable, Sendable, Equatable {
    /// The index among all layers.
    public var index: Int
    /// "dense" or "concat_input".
    public var type: String
    /// The widths coming in and going out.
    public var inputs: Int
    public var units: Int
    /// The activation's model-file name (dense layers only).
    public var activation: String?
    /// The regularizer strengths (0 when none).
    public var l1: Double
    public var l2: Double
    /// Where W (row-major, inputs × units) and b start in the flat parameter vector (dense layers only).
    public var weightOffset: Int?
    public var biasOffset: Int?
}

/// A copy of `History`: one series per key, one value per epoch run.
public struct HistoryRecord: Codable, Sendable, Equatable {
    public var keys: [String]
    public var values: [[Double]]

    public init(_ history: History) {
        keys = history.keys
        values = history.values
    }

    /// The series named `key`, if recorded.
    public subscript(key: String) -> [Double]? {
        keys.firstIndex(of: key).map { values[$0] }
    }
}

/// The network's outputs over the input plane after epoch `epoch`.
public struct Snapshot: Codable, Sendable, Equatable {
    public var epoch: Int
    /// One grid per output unit.
    public var outputs: [Grid]

    public init(epoch: Int, outputs: [Grid]) {
        self.epoch = epoch
        self.outputs = outputs
    }
}

/// Wall time of the run (recorder included), kept apart because it is the one non-reproducible value.
public struct RunTiming: Codable, Sendable, Equatable {
    /// From the start of training to its end, in seconds.
    public var totalSeconds: Double
    /// `totalSeconds / epochsRun` (0 when no epoch ran).
    public var meanEpochSeconds: Double

    public init(totalSeconds: Double, meanEpochSeconds: Double) {
        self.totalSeconds = totalSeconds
        self.meanEpochSeconds = meanEpochSeconds
    }
}
