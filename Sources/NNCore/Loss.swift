import Foundation

/// A data loss with Keras's conventions (reduction: mean over the batch).
///
/// With n rows, k outputs, prediction p and target y:
/// - `mse`: L = (1/nk) Σ (p − y)²
/// - `binaryCrossentropy`: L = −(1/nk) Σ [y log p̂ + (1 − y) log(1 − p̂)], p̂ = clip(p, ε, 1 − ε)
/// - `categoricalCrossentropy`: L = −(1/n) Σᵢ Σⱼ yᵢⱼ log clip(pᵢⱼ / Σₖ pᵢₖ, ε, 1 − ε)
///
/// with ε = 1e-7 (Keras's `epsilon()`); a clipped entry passes no gradient, as with
/// `clip_by_value`.
public enum Loss: String, Sendable, Hashable, CaseIterable {
    case mse
    case binaryCrossentropy = "bce"
    case categoricalCrossentropy = "cce"

    /// Keras's fuzz factor.
    public static let epsilon = 1e-7

    /// The name in model files (`mse`, `bce`, `cce`).
    public var name: String { rawValue }

    /// Reads a name from a model file; Keras's long names are accepted too.
    public init?(name: String) {
        switch name {
        case "mse", "mean_squared_error": self = .mse
        case "bce", "binary_crossentropy": self = .binaryCrossentropy
        case "cce", "categorical_crossentropy": self = .categoricalCrossentropy
        default: return nil
        }
    }

    /// Every name a model file accepts.
    public static let names = ["mse", "bce", "cce", "mean_squared_error", "binary_crossentropy", "categorical_crossentropy"]

    /// The loss value of predictions `p` against targets `y`, both `rows × columns`.
    public func value(predictions p: UnsafePointer<Double>, targets y: UnsafePointer<Double>, rows: Int, columns: Int) -> Double {
        let count = rows * columns
        guard count > 0 else { return 0 }
        switch self {
        case .mse:
            var sum = 0.0
            for i in 0..<count {
                let d = p[i] - y[i]
                sum += d * d
            }
            return sum / Double(count)
        case .binaryCrossentropy:
            var sum = 0.0
            for i in 0..<count {
                let q = clipProbability(p[i])
                sum += y[i] * log(q) + (1 - y[i]) * log(1 - q)
            }
            return -sum / Double(count)
        case .categoricalCrossentropy:
            var total = 0.0
            for r in 0..<rows {
                let o = r * columns
                var s = 0.0
                for j in 0..<columns { s += p[o + j] }
                var rowLoss = 0.0
                for j in 0..<columns { rowLoss += y[o + j] * log(clipProbability(p[o + j] / s)) }
                total -= rowLoss
            }
            return total / Double(rows)
        }
    }

    /// ∂L/∂p into `gradient` (`rows × columns`).
    public func gradient(predictions p: UnsafePointer<Double>, targets y: UnsafePointer<Double>,
                         into gradient: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let count = rows * columns
        guard count > 0 else { return }
        switch self {
        case .mse:
            let scale = 2 / Double(count)
            for i in 0..<count { gradient[i] = scale * (p[i] - y[i]) }
        case .binaryCrossentropy:
            let scale = 1 / Double(count)
            for i in 0..<count {
                let q = p[i]
                if q < Loss.epsilon || q > 1 - Loss.epsilon {
                    gradient[i] = 0
                } else {
                    gradient[i] = -scale * (y[i] / q - (1 - y[i]) / (1 - q))
                }
            }
        case .categoricalCrossentropy:
            // L = −Σⱼ yⱼ log clip(qⱼ), qⱼ = pⱼ/s: with hⱼ = −yⱼ/qⱼ where unclipped (else 0),
            // ∂L/∂pₘ = hₘ/s − Σⱼ hⱼ pⱼ / s².
            let scale = 1 / Double(rows)
            for r in 0..<rows {
                let o = r * columns
                var s = 0.0
                for j in 0..<columns { s += p[o + j] }
                var weighted = 0.0
                for j in 0..<columns {
                    let q = p[o + j] / s
                    let h = (q < Loss.epsilon || q > 1 - Loss.epsilon) ? 0 : -y[o + j] / q
                    gradient[o + j] = h
                    weighted += h * p[o + j]
                }
                let correction = weighted / (s * s)
                for j in 0..<columns { gradient[o + j] = scale * (gradient[o + j] / s - correction) }
            }
        }
    }

    /// The loss of a prediction matrix (allocation-free wrapper for the lab and tests).
    public func callAsFunction(_ predictions: Matrix, _ targets: Matrix) -> Double {
        precondition(predictions.rows == targets.rows && predictions.columns == targets.columns,
                     "loss needs predictions and targets of one shape, received \(predictions.rows)×\(predictions.columns) and \(targets.rows)×\(targets.columns)")
        return predictions.elements.withUnsafeBufferPointer { pb in
            targets.elements.withUnsafeBufferPointer { yb in
                guard let p = pb.baseAddress, let y = yb.baseAddress else { return 0 }
                return value(predictions: p, targets: y, rows: predictions.rows, columns: predictions.columns)
            }
        }
    }

    /// ∂L/∂p as a matrix (for the lab and tests).
    public func gradient(_ predictions: Matrix, _ targets: Matrix) -> Matrix {
        precondition(predictions.rows == targets.rows && predictions.columns == targets.columns,
                     "loss gradient needs predictions and targets of one shape")
        var result = Matrix(rows: predictions.rows, columns: predictions.columns)
        predictions.elements.withUnsafeBufferPointer { pb in
            targets.elements.withUnsafeBufferPointer { yb in
                result.elements.withUnsafeMutableBufferPointer { gb in
                    guard let p = pb.baseAddress, let y = yb.baseAddress, let g = gb.baseAddress else { return }
                    gradient(predictions: p, targets: y, into: g, rows: predictions.rows, columns: predictions.columns)
                }
            }
        }
        return result
    }
}

@inline(__always)
func clipProbability(_ p: Double) -> Double {
    min(max(p, Loss.epsilon), 1 - Loss.epsilon)
}
