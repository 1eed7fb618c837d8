import NNCore
import NNFiles

/// CIFAR-10 binary batches (`data_batch_1.bin` … `test_batch.bin`).
///
/// Each record is 1 label byte then 3,072 pixel bytes: the 32 × 32 red plane, then green, then
/// blue, each row-major. Pixels are returned as stored (0…255), one record per row, in the
/// file's channel-major order.
public enum CIFARFile {
    /// The bytes of one record.
    public static let recordSize = 3073
    /// The CIFAR-10 class names, in label order.
    public static let classNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    /// Reads the batch at `path`; every label must lie in `0..<classCount` (10 for CIFAR-10).
    /// - Parameter maximumPixels: the most pixels the caller's memory budget leaves room for; a
    ///   larger file is refused from its size, before it is read.
    public static func load(_ path: String, classCount: Int = 10, maximumPixels: Int = Int.max) throws(InputError) -> ClassificationData {
        try PixelLimit.check(path, pixels: PixelLimit.fileSize(path) / recordSize * (recordSize - 1), maximum: maximumPixels)
        return try parse(TextFile.read(path), file: path, classCount: classCount)
    }

    /// Several batches joined in order (e.g. `data_batch_1.bin` … `data_batch_5.bin`), with at most
    /// `maximumPixels` pixels in all.
    public static func load(_ paths: [String], maximumPixels: Int = Int.max) throws(InputError) -> ClassificationData {
        var parts: [ClassificationData] = []
        var pixels = 0
        for path in paths {
            let part = try load(path, maximumPixels: maximumPixels - pixels)
            pixels += part.features.elements.count
            parts.append(part)
        }
        guard let first = parts.first else { throw InputError(file: "<cifar>", message: "expected at least one CIFAR-10 batch file, received none") }
        let features = Matrix(rows: parts.reduce(0) { $0 + $1.count }, columns: first.featureCount, elements: parts.flatMap(\.features.elements))
        return ClassificationData(features: features, labels: parts.flatMap(\.labels), classNames: first.classNames)
    }

    /// Parses a batch's bytes, errors naming `file`.
    public static func parse(_ bytes: [UInt8], file: String, classCount: Int = 10) throws(InputError) -> ClassificationData {
        try checkClassCount(classCount, file: file)
        guard !bytes.isEmpty, bytes.count % recordSize == 0 else {
            throw InputError(file: file, message: "expected a whole number of \(recordSize)-byte records, received \(bytes.count) bytes"
                + (bytes.isEmpty ? "" : " (\(bytes.count / recordSize) records and \(bytes.count % recordSize) extra bytes)"))
        }
        let count = bytes.count / recordSize
        let width = recordSize - 1
        var elements = [Double](repeating: 0, count: count * width)
        var labels = [Int](repeating: 0, count: count)
        var badRecord: Int?
        bytes.withUnsafeBufferPointer { input in
            elements.withUnsafeMutableBufferPointer { output in
                for record in 0..<count {
                    let start = record * recordSize
                    let label = Int(input[start])
                    if label >= classCount { badRecord = record; return }
                    labels[record] = label
                    for k in 0..<width { output[record * width + k] = Double(input[start + 1 + k]) }
                }
            }
        }
        if let badRecord {
            throw InputError(file: file, field: "record \(badRecord) (byte offset \(badRecord * recordSize))",
                             message: "expected a label in 0..<\(classCount), received \(bytes[badRecord * recordSize])")
        }
        let names = classCount == 10 ? classNames : (0..<classCount).map(String.init)
        return ClassificationData(features: Matrix(rows: count, columns: width, elements: elements), labels: labels, classNames: names)
    }

    /// Byte labels allow 1…256 classes.
    static func checkClassCount(_ classCount: Int, file: String) throws(InputError) {
        guard (1...256).contains(classCount) else {
            throw InputError(file: file, field: "classCount", message: "expected a class count in 1…256 for byte labels, received \(classCount)")
        }
    }
}
