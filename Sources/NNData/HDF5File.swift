internal import CHDF5
import Foundation
import NNFiles

/// A read-only HDF5 file: groups, their members and attributes, and numeric datasets as float64
/// (HDF5 converts float32 exactly).
///
/// libhdf5 can crash or loop on a damaged file, so it never reads a user's bytes in NNLab's process:
/// a forked child reads the whole file (`nn_h5_snapshot`, with CPU and memory limits) and sends back
/// everything it holds, which this type then answers from. A crash or a loop there is one error.
/// Every error names the file and the object path; a dataset is bounded before its values are kept.
public struct HDF5File {
    /// An attribute's value: strings (variable- or fixed-length), or numbers (an empty attribute
    /// h5py writes for `[]` is an empty float64 array).
    public enum Value: Equatable {
        case strings([String])
        case numbers([Double])

        /// The strings, with an empty numeric array read as no strings.
        public var strings: [String]? {
            switch self {
            case .strings(let s): s
            case .numbers(let n): n.isEmpty ? [] : nil
            }
        }
    }

    public let file: String
    private var groups: Set<String> = [""]
    private var datasets: [String: (shape: [Int], values: [Double]?)] = [:]
    private var attributes: [String: [(name: String, value: Value?)]] = [:]

    /// The largest dataset whose values are read (NNLab's parameter limit; larger ones are refused).
    static let maximumValues = 200_000_000

    /// Reads the HDF5 image `bytes`; errors name `file`.
    public init(_ bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        // The signature every HDF5 file starts with (at byte 0 here; user blocks are not read).
        guard bytes.count >= 8, bytes[0..<8].elementsEqual([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw InputError(file: file, message: "expected an HDF5 file (starting \\x89HDF), received \(bytes.count < 8 ? "\(bytes.count) bytes" : Gzip.hexPrefix(bytes))")
        }
        // Reading a model file takes well under a second per 100 MB; a damaged one can make libhdf5 loop.
        let seconds = 5 + bytes.count / 50_000_000
        // float32 data double in size as float64: the snapshot is bounded by twice the file, and more.
        let maximumBytes = UInt64(64 << 20) + 3 * UInt64(bytes.count)
        var snapshot: UnsafeMutablePointer<UInt8>?
        var length = 0
        // No other thread may be inside libhdf5 when the child is forked (it would inherit its state).
        HDF5Lock.lock.lock()
        defer { HDF5Lock.lock.unlock() }
        let outcome = bytes.withUnsafeBytes {
            nn_h5_snapshot($0.baseAddress, $0.count, UInt64(Self.maximumValues), UInt32(seconds), maximumBytes, &snapshot, &length)
        }
        defer { free(snapshot) }
        switch outcome {
        case 0: break
        case 2:
            throw InputError(file: file, message: "expected an HDF5 file, received \(bytes.count) bytes that libhdf5 cannot open (a damaged or truncated file)")
        case Int32(SIGXCPU), Int32(SIGKILL):
            throw InputError(file: file, message: "expected an HDF5 file libhdf5 reads, received one it was still reading after \(seconds) s of CPU time (a damaged file)")
        case -1:
            throw InputError(file: file, message: "could not be read: no process could be started to read it (fork failed)")
        case -2:
            throw InputError(file: file, message: "expected an HDF5 file whose contents fit in \(maximumBytes) bytes, received one that holds more (a damaged file)")
        default:
            throw InputError(file: file, message: "expected an HDF5 file libhdf5 reads, received one that makes it crash (signal \(outcome): a damaged file)")
        }
        guard let snapshot else { return }
        try read(UnsafeBufferPointer(start: snapshot, count: length))
    }

    /// Parses the child's snapshot (its format is in CHDF5's shim.h).
    private mutating func read(_ data: UnsafeBufferPointer<UInt8>) throws(InputError) {
        var p = 0
        let damaged = InputError(file: file, message: "expected a complete snapshot of the HDF5 file, received a damaged one")
        func take(_ n: Int) throws(InputError) -> UnsafeBufferPointer<UInt8> {
            guard n >= 0, n <= data.count - p else { throw damaged }
            defer { p += n }
            return UnsafeBufferPointer(rebasing: data[p..<(p + n)])
        }
        func u32() throws(InputError) -> Int { try take(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) } }
        func u64() throws(InputError) -> UInt64 { try take(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        func text() throws(InputError) -> String { String(decoding: try take(try u32()), as: UTF8.self) }
        func doubles(_ n: UInt64) throws(InputError) -> [Double] {
            guard n <= UInt64(data.count - p) / 8 else { throw damaged }
            let bytes = try take(Int(n) * 8)
            return [Double](unsafeUninitializedCapacity: Int(n)) { buffer, count in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
                count = Int(n)
            }
        }
        func normal(_ path: String) -> String { path == "." ? "" : path }
        while p < data.count {
            let kind = try take(1)[0]
            let path = normal(try text())
            switch kind {
            case UInt8(ascii: "G"):
                groups.insert(path)
            case UInt8(ascii: "D"):
                let read = try take(1)[0] == 1
                let rank = try u32()
                guard rank <= 32 else { throw damaged }
                var shape: [Int] = []
                var count: UInt64 = 1
                for _ in 0..<rank {
                    let d = try u64()
                    guard d <= UInt64(Int.max) else { throw damaged }
                    shape.append(Int(d))
                    count = count.multipliedReportingOverflow(by: d).overflow ? UInt64.max : count * d
                }
                datasets[path] = (shape, read ? try doubles(count) : nil)
            case UInt8(ascii: "A"):
                let name = try text()
                var value: Value?
                switch try take(1)[0] {
                case UInt8(ascii: "S"):
                    let n = try u64()
                    guard n <= UInt64(data.count - p) / 4 else { throw damaged }
                    var strings: [String] = []
                    for _ in 0..<n { strings.append(try text()) }
                    value = .strings(strings)
                case UInt8(ascii: "N"):
                    value = .numbers(try doubles(try u64()))
                default:
                    value = nil
                }
                attributes[path, default: []].append((name, value))
            default:
                throw damaged
            }
        }
    }

    private func fail(_ path: String, _ message: String) -> InputError { InputError(file: file, field: path, message: message) }

    private static func key(_ path: String) -> String {
        path.split(separator: "/").joined(separator: "/")
    }

    /// Whether the object at `path` ("a/b/c") exists.
    public func exists(_ path: String) -> Bool {
        let key = Self.key(path)
        return groups.contains(key) || datasets[key] != nil
    }

    /// The names of the members of the group at `path` ("/" for the root), in name order.
    public func members(of path: String) throws(InputError) -> [String] {
        let key = Self.key(path)
        guard groups.contains(key) else { throw fail(path, "expected a group, received none") }
        let prefix = key.isEmpty ? "" : key + "/"
        let children = (Array(groups) + Array(datasets.keys)).filter { $0.hasPrefix(prefix) && $0.count > prefix.count }
            .map { String($0.dropFirst(prefix.count)) }.filter { !$0.contains("/") }
        return Set(children).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The attribute `name` of the object at `path`, or nil when it has none.
    public func attribute(_ name: String, of path: String = "/") throws(InputError) -> Value? {
        guard let found = attributes[Self.key(path)]?.first(where: { $0.name == name }) else { return nil }
        guard let value = found.value else { throw fail("\(path) @\(name)", "expected strings or numbers, received another HDF5 type or a damaged attribute") }
        return value
    }

    /// The attribute `name` of `path` as one string (a scalar or a one-element array).
    public func string(_ name: String, of path: String = "/") throws(InputError) -> String? {
        guard let value = try attribute(name, of: path) else { return nil }
        guard case .strings(let s) = value, s.count == 1 else { throw fail("\(path) @\(name)", "expected one string, received another value") }
        return s[0]
    }

    /// The shape and float64 values (row-major) of the numeric dataset at `path`, which may hold at
    /// most `maximumValues` values.
    public func dataset(_ path: String, maximumValues: Int) throws(InputError) -> (shape: [Int], values: [Double]) {
        guard let dataset = datasets[Self.key(path)] else { throw fail(path, "expected a dataset, received none") }
        var count: UInt64 = 1
        for d in dataset.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: UInt64(d))
            guard !overflow, product <= UInt64(max(0, maximumValues)) else {
                throw fail(path, "expected at most \(maximumValues) values, received shape (\(dataset.shape.map(String.init).joined(separator: ", ")))")
            }
            count = product
        }
        guard let values = dataset.values else { throw fail(path, "expected numbers (float or integer), received another HDF5 type or unreadable data") }
        return (dataset.shape, values)
    }
}
