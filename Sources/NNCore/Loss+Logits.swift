import Foundation

/// Keras computes binary cross-entropy after a sigmoid, and categorical cross-entropy after a
/// softmax, from the output layer's pre-activation z (the "logits" it attaches to the output),
/// without clipping. Measured with Keras 3.15 / TensorFlow 2.21; the results equal the clipped
/// formulas wherever no probability is within 1e-7 of 0 or 1, and stay exact beyond.
extension Loss {
    /// Whether this loss is computed from logits when the output activation is `activation`.
    public func usesLogits(after activation: Activation) -> Bool {
        switch (self, activation) {
        case (.binaryCrossentropy, .sigmoid), (.categoricalCrossentropy, .softmax): true
        default: false
        }
    }

    /// The loss from logits z:
    /// - bce: (1/nk) Σ [max(z, 0) − z y + log(1 + e^(−|z|))]
    /// - cce: (1/n) Σᵢ [logsumexp(zᵢ) Σⱼ yᵢⱼ − Σⱼ yᵢⱼ zᵢⱼ]
    public func value(logits z: UnsafePointer<Double>, targets y: UnsafePointer<Double>, rows: Int, columns: Int) -> Double {
        let count = rows * columns
        guard count > 0 else { return 0 }
        switch self {
        case .binaryCrossentropy:
            var sum = 0.0
            for i in 0..<count {
                sum += max(z[i], 0) - z[i] * y[i] + log1p(exp(-abs(z[i])))
            }
            return sum / Double(count)
        case .categoricalCrossentropy:
            var total = 0.0
            for r in 0..<rows {
                let o = r * columns
                var maximum = -Double.infinity
                for j in 0..<columns where z[o + j] > maximum { maximum = z[o + j] }
                var sum = 0.0
                for j in 0..<columns { sum += exp(z[o + j] - maximum) }
                let logSumExp = maximum + log(sum)
                var rowLoss = 0.0
                for j in 0..<columns { rowLoss += y[o + j] * (logSumExp - z[o + j]) }
                total += rowLoss
            }
            return total / Double(rows)
        case .mse:
            preconditionFailure("mse is never computed from logits")
        }
    }

    /// ∂L/∂z from the output activations a = f(z):
    /// bce: (σ(z) − y)/(nk); cce: (softmax(z)·Σⱼyⱼ − y)/n.
    public func logitGradient(activations a: UnsafePointer<Double>, targets y: UnsafePointer<Double>,
                              into gradient: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        switch self {
        case .binaryCrossentropy:
            let scale = 1 / Double(rows * columns)
            for i in 0..<(rows * columns) { gradient[i] = (a[i] - y[i]) * scale }
        case .categoricalCrossentropy:
            let scale = 1 / Double(rows)
            for r in 0..<rows {
                let o = r * columns
                var targetSum = 0.0
                for j in 0..<columns { targetSum += y[o + j] }
                for j in 0..<columns { gradient[o + j] = (a[o + j] * targetSum - y[o + j]) * scale }
            }
        case .mse:
            preconditionFailure("mse is never computed from logits")
        }
    }
}
