/// A metric accumulated over the samples of an epoch (names as in files and histories).
///
/// - `mse`: mean over samples of the mean over outputs of (p − y)².
/// - `accuracy`: with one output, [p > 0.5] = y (Keras's binary accuracy: 0/1 targets);
///   with several, argmax p = argmax y (first maximum wins, as NumPy's argmax).
/// - `xorAccuracy`: the course's XOR accuracy: scores > 0.5 count as 1, < −0.5 as −1, the rest
///   stay as they are; the share of entries equal to their targets in {−1, 1}.
/// - `signAccuracy`: the share of entries whose sign agrees with the target's, sign(p) = sign(y)
///   with p > 0 and y > 0 counting as positive (TensorFlow Playground's reading of ±1 classes: an
///   output of 0.45 on a +1 target is right, though `xor_accuracy` leaves it in its ±0.5 dead zone).
public enum Metric: String, Sendable, Hashable, CaseIterable {
    case mse
    case accuracy
    case xorAccuracy = "xor_accuracy"
    case signAccuracy = "sign_accuracy"

    /// The name in files and histories.
    public var name: String { rawValue }

    public init?(name: String) { self.init(rawValue: name) }

    /// The sum of the per-sample metric over `rows` samples (divide by the sample count for the mean).
    public func sum(predictions p: UnsafePointer<Double>, targets y: UnsafePointer<Double>, rows: Int, columns: Int) -> Double {
        var total = 0.0
        switch self {
        case .mse:
            for r in 0..<rows {
                var s = 0.0
                for j in 0..<columns {
                    let d = p[r * columns + j] - y[r * columns + j]
                    s += d * d
                }
                total += s / Double(columns)
            }
        case .accuracy:
            if columns == 1 {
                // Keras's BinaryAccuracy: the thresholded prediction must equal the target, so
                // only 0/1 targets can count (a −1 target never matches; use xor_accuracy for ±1).
                for r in 0..<rows where (p[r] > 0.5 ? 1.0 : 0.0) == y[r] { total += 1 }
            } else {
                for r in 0..<rows where argmax(p + r * columns, columns) == argmax(y + r * columns, columns) { total += 1 }
            }
        case .xorAccuracy:
            for r in 0..<rows {
                var equal = 0
                for j in 0..<columns {
                    let s = p[r * columns + j]
                    let mapped = s > 0.5 ? 1 : (s < -0.5 ? -1 : s)
                    if mapped == y[r * columns + j] { equal += 1 }
                }
                total += Double(equal) / Double(columns)
            }
        case .signAccuracy:
            for r in 0..<rows {
                var agree = 0
                for j in 0..<columns where (p[r * columns + j] > 0) == (y[r * columns + j] > 0) { agree += 1 }
                total += Double(agree) / Double(columns)
            }
        }
        return total
    }

    /// The metric's mean over all rows of a prediction matrix.
    public func callAsFunction(_ predictions: Matrix, _ targets: Matrix) -> Double {
        precondition(predictions.rows == targets.rows && predictions.columns == targets.columns && predictions.rows > 0 && predictions.columns > 0,
                     "metric needs non-empty predictions and targets of one shape")
        return predictions.elements.withUnsafeBufferPointer { pb in
            targets.elements.withUnsafeBufferPointer { yb in
                sum(predictions: pb.baseAddress!, targets: yb.baseAddress!, rows: predictions.rows, columns: predictions.columns)
            }
        } / Double(predictions.rows)
    }
}

@inline(__always)
private func argmax(_ values: UnsafePointer<Double>, _ count: Int) -> Int {
    var best = 0
    for j in 1..<max(count, 1) where values[j] > values[best] { best = j }
    return best
}
