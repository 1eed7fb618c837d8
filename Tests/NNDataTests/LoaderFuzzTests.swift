import NNCore
@testable import NNData
import Testing
import NNRuns
import NNFiles

/// Seeded random mutations of valid files for every in-memory reader: each one loads or throws
/// `InputError`, never traps (a trap would end the test process) — the same classes of input that
/// `scripts/fuzz` sends through the binary, here for the readers no user file reaches yet (CSV, NPY).
@Suite struct LoaderFuzzTests {
    static let tokens: [[UInt8]] = ["1e308", "-9.3e18", "9223372036854775808", "NaN", "-inf", "(", ")", ",", "'", "\"",
                                    "\n", "\r\n", "\u{1B}[31m", "\u{0}", "((99999999999, 99999999999))", "-1", "0", "\u{FEFF}",
                                    "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"].map { Array($0.utf8) }

    /// `count` mutations of `seed`: byte flips, token insertions, truncations, duplicated chunks.
    static func mutations(of seed: [UInt8], count: Int, stream: UInt64) -> [[UInt8]] {
        var random = RandomGenerator(seed: 9, stream: stream)
        var result: [[UInt8]] = []
        for _ in 0..<count {
            var bytes = seed
            for _ in 0...random.nextIndex(below: 3) {
                let position = bytes.isEmpty ? 0 : random.nextIndex(below: bytes.count)
                switch random.nextIndex(below: 5) {
                case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(truncatingIfNeeded: random.next() | 1)
                case 1: bytes.insert(contentsOf: tokens[random.nextIndex(below: tokens.count)], at: position)
                case 2: bytes = Array(bytes.prefix(position))
                case 3 where !bytes.isEmpty:
                    let end = min(bytes.count, position + 1 + random.nextIndex(below: 64))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                default: if !bytes.isEmpty { bytes[position] = UInt8(truncatingIfNeeded: random.next()) }
                }
            }
            result.append(bytes)
        }
        return result
    }

    func expectNoTrap(_ seed: [UInt8], stream: UInt64, _ read: ([UInt8]) throws(InputError) -> Void) {
        var loaded = 0, refused = 0
        for bytes in Self.mutations(of: seed, count: 2000, stream: stream) {
            do throws(InputError) {
                try read(bytes)
                loaded += 1
            } catch {
                refused += 1
                #expect(!error.description.contains("\n") && error.description.count <= 300, "\(error.description)")
            }
        }
        #expect(loaded + refused == 2000)
        #expect(refused > 0, "no mutation was refused: the mutations do not reach the reader")
    }

    @Test func csv() {
        let seed = Array("x1,x2,label\n0.5,1.5,a\n-1,2e3,b\n3,4,a\n".utf8)
        expectNoTrap(seed, stream: 1) { bytes throws(InputError) in _ = try CSVFile.classification(bytes, file: "f.csv") }
        expectNoTrap(seed, stream: 2) { bytes throws(InputError) in
            _ = try CSVFile.regression(bytes, file: "f.csv", options: .init(header: .present, label: .index(1)))
        }
    }

    @Test func npy() {
        let seed = NNDataTests.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                                   littleEndian([Double(1), 2, 3, 4].map(\.bitPattern)))
        expectNoTrap(seed, stream: 3) { bytes throws(InputError) in _ = try NPYFile.parse(bytes, file: "f.npy") }
    }

    @Test func idxAndGzipAndCIFAR() {
        let images = idx(0x0000_0803, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])
        expectNoTrap(images, stream: 4) { bytes throws(InputError) in _ = try IDXFile.parse(bytes, file: "f", magic: 0x0000_0803, what: "images") }
        expectNoTrap(gzipStored(images), stream: 5) { bytes throws(InputError) in _ = try Gzip.decompress(bytes, file: "f.gz", limit: 1 << 20) }
        var cifar: [UInt8] = []
        for label in [UInt8(3), 7] { cifar += [label] + [UInt8](repeating: label, count: CIFARFile.recordSize - 1) }
        expectNoTrap(cifar, stream: 6) { bytes throws(InputError) in _ = try CIFARFile.parse(bytes, file: "f.bin") }
    }

    @Test func json() {
        let seed = Array(#"{"x": [[0.5, -1e-3], [2, 3]], "y": [[1], [0]], "name": "a\u00e9\ud83d\ude00"}"#.utf8)
        expectNoTrap(seed, stream: 7) { bytes throws(InputError) in _ = try DataFile.dataset(from: JSONField(JSONParser.parse(bytes, file: "f.json"), file: "f.json")) }
    }
}
