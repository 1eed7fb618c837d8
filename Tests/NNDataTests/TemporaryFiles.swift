import Foundation
import NNCore
import NNFiles

/// A fresh directory under the system's temporary directory, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "nndata-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// A gzip member holding `data` in one stored (uncompressed) deflate block — enough to test
/// the reader without a compressor.
func gzipStored(_ data: [UInt8]) -> [UInt8] {
    precondition(data.count < 65_536)
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    let length = UInt16(data.count)
    out += [1, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
    out += data
    let crc = crc32(data)
    out += (0..<4).map { UInt8((crc >> (8 * $0)) & 0xFF) }
    out += (0..<4).map { UInt8((UInt32(data.count) >> (8 * UInt32($0))) & 0xFF) }
    return out
}

func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// The `InputError` a throwing call raised, or nil.
func inputError<T>(_ body: () throws(InputError) -> T) -> InputError? {
    do { _ = try body(); return nil } catch { return error }
}
