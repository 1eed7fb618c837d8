import NNCore
import NNFiles

/// MNIST's IDX files, raw or gzip-compressed (detected by the gzip magic `1f 8b`).
///
/// An IDX file is a big-endian magic `00 00 tt dd` (tt the element type, `08` for unsigned
/// bytes; dd the number of dimensions), dd big-endian 32-bit dimension sizes, then the data.
/// MNIST labels are `0x00000801` (n labels), images `0x00000803` (n × rows × columns pixels).
/// Pixels are returned as they are stored (0…255); scale them with `MinMaxScaling` or divide by 255.
public enum IDXFile {
    /// The labels of a `0x00000801` file; each must lie in `0..<classCount`.
    public static func loadLabels(_ path: String, classCount: Int = 10, maximumCount: Int = Int.max) throws(InputError) -> [Int] {
        try CIFARFile.checkClassCount(classCount, file: path)
        let (dimensions, data) = try read(path, magic: 0x0000_0801, what: "an IDX label file", maximumElements: maximumCount)
        var labels = [Int]()
        labels.reserveCapacity(dimensions[0])
        for (i, byte) in data.enumerated() {
            guard Int(byte) < classCount else {
                throw InputError(file: path, field: "labels[\(i)]", message: "expected a class index in 0..<\(classCount), received \(byte)")
            }
            labels.append(Int(byte))
        }
        return labels
    }

    /// The images of a `0x00000803` file, one flattened image (row-major pixels) per row.
    /// - Parameter maximumPixels: the most pixels the caller's memory budget leaves room for; the
    ///   header's size is checked against it before any pixel is converted (or inflated past it).
    public static func loadImages(_ path: String, maximumPixels: Int = Int.max) throws(InputError) -> Matrix {
        let (dimensions, data) = try read(path, magic: 0x0000_0803, what: "an IDX image file", maximumElements: maximumPixels)
        return Matrix(rows: dimensions[0], columns: dimensions[1] * dimensions[2], elements: data.map { Double($0) })
    }

    /// An MNIST-style set from an image file and a label file with as many entries.
    public static func loadClassification(images imagesPath: String, labels labelsPath: String,
                                          classCount: Int = 10, maximumPixels: Int = Int.max) throws(InputError) -> ClassificationData {
        let images = try loadImages(imagesPath, maximumPixels: maximumPixels)
        let labels = try loadLabels(labelsPath, classCount: classCount, maximumCount: maximumPixels)
        guard labels.count == images.rows else {
            throw InputError(file: labelsPath, message: "expected \(images.rows) labels (one per image in \(imagesPath)), received \(labels.count)")
        }
        return ClassificationData(features: images, labels: labels, classNames: (0..<classCount).map(String.init))
    }

    /// The dimensions and data bytes of the IDX file at `path`, checking its magic and size.
    static func read(_ path: String, magic: UInt32, what: String, maximumElements: Int = Int.max) throws(InputError) -> ([Int], ArraySlice<UInt8>) {
        var bytes = try TextFile.read(path)
        // The header (magic and at most 255 dimensions) comes first; data beyond the allowed elements is never inflated.
        let limit = maximumElements > TextFile.maximumSize ? TextFile.maximumSize : maximumElements + 4 + 4 * 255
        if Gzip.isCompressed(bytes) {
            bytes = try Gzip.decompress(bytes, file: path, limit: limit, limitReason: PixelLimit.reason)
        } else {
            try PixelLimit.check(path, pixels: bytes.count - 16, maximum: maximumElements)
        }
        let parsed = try parse(bytes, file: path, magic: magic, what: what)
        try PixelLimit.check(path, pixels: parsed.1.count, maximum: maximumElements)
        return parsed
    }

    static func parse(_ bytes: [UInt8], file: String, magic: UInt32, what: String) throws(InputError) -> ([Int], ArraySlice<UInt8>) {
        guard bytes.count >= 4 else {
            throw InputError(file: file, message: "expected \(what) (magic \(hex(magic))), received a file of \(bytes.count) bytes")
        }
        let found = bigEndian(bytes, at: 0)
        guard found == magic else {
            throw InputError(file: file, field: "magic", message: "expected \(hex(magic)) (\(what)), received \(hex(found))")
        }
        let dimensionCount = Int(magic & 0xFF)
        let dataStart = 4 + 4 * dimensionCount
        guard bytes.count >= dataStart else {
            throw InputError(file: file, message: "expected a header of \(dataStart) bytes, received a file of \(bytes.count) bytes")
        }
        let dimensions = (0..<dimensionCount).map { Int(bigEndian(bytes, at: 4 + 4 * $0)) }
        // Three dimensions below 2³² each can overflow an Int: multiply with a check.
        var expected = 1
        var overflow = false
        for dimension in dimensions {
            let product = expected.multipliedReportingOverflow(by: dimension)
            expected = product.partialValue
            overflow = overflow || product.overflow
        }
        guard !overflow, bytes.count - dataStart == expected else {
            let shape = dimensions.map(String.init).joined(separator: " × ")
            let size = overflow ? "more data bytes than fit in memory" : "\(expected) data bytes"
            throw InputError(file: file, message: "expected \(size) for \(shape), received \(bytes.count - dataStart)")
        }
        return (dimensions, bytes[dataStart...])
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
