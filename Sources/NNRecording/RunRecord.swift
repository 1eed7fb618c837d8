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

    /// JSON with sorted keys (deterministic bytes); without `timing` when `includingTiming` is false, which
    /// is what a reproducible runs.json should hold.
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
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// Reads what `encoder` writes, non-finite strings included.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity",
                                                                        negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
