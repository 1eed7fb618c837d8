import Dispatch
import Foundation
import NNCore
import NNRecording
import NNRuns

/// The outcome of one run: the trained network and its history (or the error that stopped it).
public struct RunResult: Sendable {
    public var network: Network
    public var history: History
    /// Wall-clock seconds (the only value that differs between identical runs).
    public var seconds: Double
    public var failure: String?
    /// The recording, for runs trained with a `Recorder`.
    public var record: RunRecord?
    /// The total L2 norm of all weights at sampled epochs (from the record, or from runs.json on resume).
    public var weightNorms: (epochs: [Int], values: [Double])?
    /// The share of all weights with |w| < 10⁻³ at the same sampled epochs (from the record, or runs.json on resume).
    public var smallWeightShare: [Double]?
    /// Whether this result was read back from an earlier runs.json instead of trained.
    public var resumed = false
}

/// Runs independent trainings on all cores. Each run is deterministic on its own, and results
/// are stored by index, so the outcome is identical to a serial run.
public enum RunPool {
    /// Trains every run; `progress` is called after each finished run with (finished, total).
    /// How a run is recorded, and whether the whole record is kept (or only its weight norms).
    public struct Recording: Sendable {
        public var options: RecorderOptions
        public var keepRecord: Bool

        public init(options: RecorderOptions, keepRecord: Bool) {
            self.options = options
            self.keepRecord = keepRecord
        }
    }

    /// - Parameter recording: which runs to record, and how (nil: none).
    public static func train(_ runs: [Run], recording: (@Sendable (Int) -> Recording?)? = nil,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) -> [RunResult] {
        let slots = ResultSlots(count: runs.count)
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: runs.count) { i in
            let start = DispatchTime.now().uptimeNanoseconds
            let result: RunResult
            let recorder = recording?(i).map { Recorder(options: $0.options, data: runs[i].data) }
            do {
                let (network, history) = try runs[i].train(callbacks: recorder.map { [$0] } ?? [])
                result = RunResult(network: network, history: history,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, failure: nil,
                                   record: recording?(i)?.keepRecord == true ? recorder?.record?.withoutTiming : nil,
                                   weightNorms: recorder?.record.map(RunPool.totalWeightNorms),
                                   smallWeightShare: recorder?.record.map { RunPool.smallWeightShare($0, network: network) })
            } catch {
                result = RunResult(network: runs[i].network, history: History(keys: ["loss"]),
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, failure: String(describing: error), record: nil, weightNorms: nil)
            }
            slots.set(i, result)
            progress?(counter.increment(), runs.count)
        }
        return slots.all()
    }
}

extension RunPool {
    /// The share of all dense weights with |w| < 10⁻³ at each sampled epoch (layers weighted by their weight counts).
    static func smallWeightShare(_ record: RunRecord, network: Network) -> [Double] {
        let counts = record.samples.layers.map { Double(network.layers.indices.contains($0.layer) ? (network.layers[$0.layer] as? Dense)?.weights.elements.count ?? 0 : 0) }
        let total = counts.reduce(0, +)
        return record.samples.epochs.indices.map { i in
            guard total > 0 else { return .nan }
            return zip(record.samples.layers, counts).reduce(0) { $0 + ($1.0.smallWeightShare.indices.contains(i) ? $1.0.smallWeightShare[i] * $1.1 : 0) } / total
        }
    }

    /// √(Σ over layers of ‖W‖²) at each sampled epoch.
    static func totalWeightNorms(_ record: RunRecord) -> (epochs: [Int], values: [Double]) {
        let epochs = record.samples.epochs
        let values = epochs.indices.map { i in
            record.samples.layers.reduce(0) { $0 + ($1.weightNorm.indices.contains(i) ? $1.weightNorm[i] * $1.weightNorm[i] : 0) }.squareRoot()
        }
        return (epochs, values)
    }
}

private final class ResultSlots: @unchecked Sendable {
    private var slots: [RunResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: RunResult) { lock.lock(); slots[i] = r; lock.unlock() }
    func all() -> [RunResult] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
