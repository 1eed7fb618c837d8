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

    /// The `.npz` bytes of `arrays`, each a member `name.npy`, in order (`ZipArchive.write`).
    public static func npz(_ arrays: [(name: String, array: NPYArray)]) throws -> [UInt8] {
        try ZipArchive.write(arrays.map { (name: $0.name + ".npy", bytes: npy($0.array)) })
    }

    /// The most bytes an archive may hold (the 32-bit ZIP fields; NNLab's parameter limit keeps models far below).
    public static let maximumBytes = Int(UInt32.max)
}
