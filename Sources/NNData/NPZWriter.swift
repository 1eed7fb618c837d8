internal import CZlib

/// Writes NumPy files: `.npy` (format 1.0, little-endian float64, C order) and `.npz` (a ZIP archive of
/// `.npy` members, stored uncompressed as `numpy.savez` does), byte for byte the same for the same arrays:
/// every member's time is 1980-01-01 00:00, the ZIP epoch.
public enum NPZWriter {
    /// The `.npy` bytes of `array` (1-D or 2-D): `np.load` gives back the same float64 values.
    public static func npy(_ array: NPYArray) -> [UInt8] {
        let shape = array.shape.count == 1 ? "(\(array.shape[0]),)" : "(" + array.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }"
        // Magic (6) + version (2) + length (2) + header + "\n", padded with spaces to a multiple of 64.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0]
        let length = header.utf8.count
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + 8 * array.values.count)
        for value in array.values {
            let bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes += $0 }
        }
        return bytes
    }

    /// The `.npz` bytes of `arrays`, each a member `name.npy`, in order.
    public static func npz(_ arrays: [(name: String, array: NPYArray)]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (name, array) in arrays {
            let data = npy(array)
            let fileName = Array((name + ".npy").utf8)
            let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let offset = out.count
            // Local file header: version 2.0 (ZIP64 is not needed below 4 GiB), stored, DOS time 0, date 1980-01-01.
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(fileName.count)) + le16(0)
            out += fileName + data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            directory += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(fileName.count))
            directory += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + fileName
        }
        let start = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(arrays.count)) + le16(UInt16(arrays.count))
        out += le32(UInt32(directory.count)) + le32(UInt32(start)) + le16(0)
        return out
    }

    /// The most bytes an archive may hold (the 32-bit ZIP fields; NNLab's parameter limit keeps models far below).
    public static let maximumBytes = Int(UInt32.max)

    private static func le16(_ x: UInt16) -> [UInt8] { [UInt8(x & 0xFF), UInt8(x >> 8)] }
    private static func le32(_ x: UInt32) -> [UInt8] { (0..<4).map { UInt8((x >> (8 * $0)) & 0xFF) } }
}
