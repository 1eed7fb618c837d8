import NNCore
import NNFiles

/// NumPy `.npy` arrays (format versions 1.0, 2.0 and 3.0), as written by `numpy.save`.
///
/// Layout: the magic `\x93NUMPY`, the version (major, minor bytes), the header length (2 bytes
/// little-endian in 1.0, 4 bytes in 2.0/3.0), a Python dict literal such as
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (150, 4), }`, then the data. Supported:
/// C or Fortran order (read into row-major), 1-D and 2-D shapes, and the numeric dtypes float (`f4`, `f8`), signed (`i1`, `i2`,
/// `i4`, `i8`) and unsigned (`u1`, `u2`, `u4`, `u8`) integers and `b1`, in either byte order
/// (`<`, `>`, `|`, `=`; `=` means little-endian, the order of every machine NNLab runs on).
public struct NPYArray: Sendable, Hashable {
    /// The array's shape: one or two dimensions.
    public var shape: [Int]
    /// The values in C (row-major) order, converted to `Double`.
    public var values: [Double]

    public init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// The array as a matrix: 2-D as is, 1-D as one column (n × 1).
    public var matrix: Matrix {
        shape.count == 2 ? Matrix(rows: shape[0], columns: shape[1], elements: values)
                         : Matrix(rows: values.count, columns: 1, elements: values)
    }
}

/// Reading `.npy` files (see `NPYArray`).
public enum NPYFile {
    /// Reads the array at `path`.
    public static func load(_ path: String) throws(InputError) -> NPYArray {
        try parse(TextFile.read(path), file: path)
    }

    /// Reads the features (2-D, or 1-D as one column) and the integer class labels (1-D, or
    /// n × 1) of a classification set from two files; every label must lie in `0..<classCount`.
    public static func loadClassification(features featuresPath: String, labels labelsPath: String,
                                          classCount: Int) throws(InputError) -> ClassificationData {
        let features = try load(featuresPath).matrix
        let labelArray = try load(labelsPath)
        guard labelArray.shape.count == 1 || labelArray.shape[1] == 1 else {
            throw InputError(file: labelsPath, field: "shape", message:
                "expected a 1-D array of class labels, received shape \(describe(labelArray.shape))")
        }
        let labels = try classLabels(labelArray.values, classCount: classCount, file: labelsPath)
        guard labels.count == features.rows else {
            throw InputError(file: labelsPath, field: "shape", message:
                "expected \(features.rows) labels (one per row of \(featuresPath)), received \(labels.count)")
        }
        return ClassificationData(features: features, labels: labels, classNames: (0..<classCount).map(String.init))
    }

    /// `values` as class indices, each an integer in `0..<classCount`.
    static func classLabels(_ values: [Double], classCount: Int, file: String) throws(InputError) -> [Int] {
        guard classCount >= 1 else {
            throw InputError(file: file, field: "classCount", message: "expected at least 1 class, received \(classCount)")
        }
        var labels = [Int]()
        labels.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            guard value >= 0, value < Double(classCount), value.rounded(.towardZero) == value else {
                throw InputError(file: file, field: "labels[\(i)]", message: "expected a class index in 0..<\(classCount), received \(value)")
            }
            labels.append(Int(value))
        }
        return labels
    }

    /// Parses the bytes of an `.npy` file, errors naming `file`.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> NPYArray {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw InputError(file: file, message: "expected a NumPy .npy file (magic \\x93NUMPY), received \(Gzip.hexPrefix(bytes, count: 6))")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw truncated(file, bytes.count) }
            headerLength = (8..<12).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
            headerStart = 12
        default:
            throw InputError(file: file, field: "version", message: "expected format version 1.0, 2.0 or 3.0, received \(major).\(bytes[7])")
        }
        guard headerStart + headerLength <= bytes.count else { throw truncated(file, bytes.count) }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let (dtype, fortranOrder, shape) = try NPYHeader.parse(header, file: file)
        guard shape.count == 1 || shape.count == 2 else {
            throw InputError(file: file, field: "shape", message: "expected a 1-D or 2-D array, received shape \(describe(shape))")
        }
        let (count, overflow) = shape.reduce((1, false)) { partial, dimension in
            let product = partial.0.multipliedReportingOverflow(by: dimension)
            return (product.partialValue, partial.1 || product.overflow)
        }
        let dataStart = headerStart + headerLength
        guard !overflow, count <= (bytes.count - dataStart) / dtype.size, count * dtype.size == bytes.count - dataStart else {
            let size = count.multipliedReportingOverflow(by: dtype.size)
            guard !overflow && !size.overflow else {
                throw InputError(file: file, field: "shape", message: "expected a shape that fits in memory, received \(describe(shape))")
            }
            throw InputError(file: file, message:
                "expected \(size.partialValue) data bytes for shape \(describe(shape)) of \(dtype.descr), received \(bytes.count - dataStart)")
        }
        var values = [Double](repeating: 0, count: count)
        // Fortran order (np.save of a transposed view, `dW.T`) stores columns one after another: element
        // (r, c) is the (c·rows + r)-th value; it is read into C (row-major) order.
        let rows = shape[0], columns = shape.count == 2 ? shape[1] : 1
        bytes.withUnsafeBufferPointer { buffer in
            values.withUnsafeMutableBufferPointer { output in
                if fortranOrder && shape.count == 2 {
                    for i in 0..<count { output[(i % rows) * columns + i / rows] = dtype.value(buffer, at: dataStart + i * dtype.size) }
                } else {
                    for i in 0..<count { output[i] = dtype.value(buffer, at: dataStart + i * dtype.size) }
                }
            }
        }
        // NaN or ±inf in data would only show up later as a "divergence" blamed on the learning rate.
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            let position = shape.count == 2 ? "[\(i / max(1, shape[1])), \(i % max(1, shape[1]))]" : "[\(i)]"
            throw InputError(file: file, field: position, message: "expected finite numbers, received \(values[i])")
        }
        return NPYArray(shape: shape, values: values)
    }

    static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    private static func truncated(_ file: String, _ size: Int) -> InputError {
        InputError(file: file, message: "expected a complete .npy header, received a file that ends after \(size) bytes")
    }
}
