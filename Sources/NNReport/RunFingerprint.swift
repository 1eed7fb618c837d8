import NNCore
import NNRuns
import NNFiles

/// A 128-bit fingerprint of everything that determines a run's numbers: NNLab's version, the
/// network with its initial weights, the data, the optimizer, the schedule and what is recorded.
/// `--resume` reuses a finished run from an earlier runs.json only when the fingerprints match.
enum RunFingerprint {
    /// Data hashes already computed, by the storage they hash (runs that share a data set share its arrays).
    struct DataMemo {
        struct Key: Hashable { var x: Int, xCount: Int, y: Int, yCount: Int }
        var hashes: [Key: String] = [:]
    }

    static func of(_ run: Run, recording: String) -> String {
        var memo = DataMemo()
        return of(run, recording: recording, memo: &memo)
    }

    static func of(_ run: Run, recording: String, memo: inout DataMemo) -> String {
        var text = "nnlab \(NNLabInfo.version)\nrecording \(recording)\n"
        text += ModelFile.encode(run.network)
        text += "data " + dataHash(run.data, memo: &memo) + "\n"
        if let validation = run.validation { text += "validation " + dataHash(validation, memo: &memo) + "\n" }
        text += OptimizerFile.encode(run.optimizer, schedule: run.options.learningRateSchedule) + "\n"
        // Only when not the default, so runs without it keep their fingerprints.
        if run.network.constants != .keras { text += "constants \(run.network.constants.rawValue)\n" }
        let o = run.options
        text += "epochs \(o.epochs) batch \(o.batchSize) shuffle \(o.shuffle) seed \(o.seed) metrics \(o.metrics.map(\.name).joined(separator: ","))\n"
        if let e = run.earlyStopping {
            text += "early \(e.monitor) \(e.target.map(shortest) ?? "-") \(e.patience.map(String.init) ?? "-") \(shortest(e.minDelta))\n"
            if e.restoreBestWeights { text += "restore best weights\n" }
        }
        return hex(fnv1a(text, offset: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(text, offset: 0x84222325_cbf29ce4))
    }

    /// A data set's shape and the bit patterns of its values, hashed a 64-bit word at a time (the data
    /// are not written out as text: a CIFAR batch is 30 million numbers).
    static func dataHash(_ data: Dataset, memo: inout DataMemo) -> String {
        let key = data.x.elements.withUnsafeBufferPointer { x in
            data.y.elements.withUnsafeBufferPointer { y in
                DataMemo.Key(x: Int(bitPattern: x.baseAddress), xCount: x.count, y: Int(bitPattern: y.baseAddress), yCount: y.count)
            }
        }
        if let known = memo.hashes[key] { return known }
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        // Each word goes through SplitMix64's finalizer first: FNV's multiply only carries differences
        // upwards, so a word-wise FNV would never see a flipped sign bit (±1 targets hashed alike).
        func scramble(_ word: UInt64) -> UInt64 {
            var z = word &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func mix(_ word: UInt64) {
            let z = scramble(word)
            a = (a ^ z) &* 0x0000_0100_0000_01B3
            b = (b ^ (z >> 32 | z << 32)) &* 0x0000_0100_0000_01B3
            a ^= a >> 29
            b ^= b >> 31
        }
        for dimension in [data.x.rows, data.x.columns, data.y.rows, data.y.columns] { mix(UInt64(dimension)) }
        for value in data.x.elements { mix(value.bitPattern) }
        for value in data.y.elements { mix(value.bitPattern) }
        let hash = hex(a) + hex(b)
        memo.hashes[key] = hash
        return hash
    }

    /// FNV-1a over the UTF-8 bytes.
    static func fnv1a(_ text: String, offset: UInt64) -> UInt64 {
        var hash = offset
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ x: UInt64) -> String {
        let digits = String(x, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Finished runs read back from an earlier runs.json (through `RunsFile.read`), by fingerprint.
public struct ResumeStore: Sendable {
    var entries: [String: RunsFile.Entry]

    /// Reads `path`. A missing file is an error (the user asked to resume from it); a file written by
    /// another NNLab version holds nothing to reuse (the version is part of every fingerprint).
    /// - Parameter budget: the parsed runs.json must fit beside what the plan holds (`--memory-limit`).
    public static func load(_ path: String, budget: MemoryBudget = MemoryBudget()) throws(InputError) -> ResumeStore {
        let root = try TextFile.readJSON(path, budget: budget)
        guard try RunsFile.version(root) == NNLabInfo.version else { return ResumeStore(entries: [:]) }
        var entries: [String: RunsFile.Entry] = [:]
        for entry in try RunsFile.read(root).entries where entry.failure == nil {
            if let fingerprint = entry.fingerprint { entries[fingerprint] = entry }
        }
        return ResumeStore(entries: entries)
    }
}
