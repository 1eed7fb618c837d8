import NNCore
import TestSupport
import Testing

/// Each optimizer's first steps against values worked out by hand from Keras 3's update rules.
///
/// Keras rounds some coefficients to float32 (`Constants.keras`); the hand values below use
/// coefficients that float32 holds exactly (0.5), or round explicitly where they don't.
@Suite("Optimizers")
struct OptimizerTests {
    let w0 = [1.0, -2.0]
    let g1 = [0.5, -1.0]
    let g2 = [0.25, 2.0]

    func twoSteps(_ optimizer: some Optimizer) -> (first: [Double], second: [Double]) {
        var optimizer = optimizer
        var w = w0
        optimizer.update(&w, gradients: g1)
        let first = w
        optimizer.update(&w, gradients: g2)
        return (first, w)
    }

    @Test func sgdPlain() {
        let (a, b) = twoSteps(SGD(learningRate: 0.1))
        expectClose(a, [1 - 0.05, -2 + 0.1], tolerance: 1e-15)
        expectClose(b, [0.95 - 0.025, -1.9 - 0.2], tolerance: 1e-15)
    }

    @Test func sgdMomentum() {
        // v₁ = −η g₁ = [−0.05, 0.1]; w₁ = w₀ + v₁. v₂ = 0.5 v₁ − η g₂ = [−0.05, −0.15]; w₂ = w₁ + v₂.
        let (a, b) = twoSteps(SGD(learningRate: 0.1, momentum: 0.5))
        expectClose(a, [0.95, -1.9], tolerance: 1e-15)
        expectClose(b, [0.90, -2.05], tolerance: 1e-15)
    }

    @Test func sgdNesterov() {
        // w₁ = w₀ + μ v₁ − η g₁ = [1 − 0.025 − 0.05, −2 + 0.05 + 0.1];
        // w₂ = w₁ + μ v₂ − η g₂ = w₁ + [−0.025 − 0.025, −0.075 − 0.2].
        let (a, b) = twoSteps(SGD(learningRate: 0.1, momentum: 0.5, nesterov: true))
        expectClose(a, [0.925, -1.85], tolerance: 1e-15)
        expectClose(b, [0.875, -2.125], tolerance: 1e-15)
    }

    @Test func sgdMomentumIsRoundedToFloat32LikeKeras() {
        // One step with v₀ = 0 does not see μ; the second does: v₂ = μ v₁ − η g₂ with μ = float32(0.9).
        let (_, b) = twoSteps(SGD(learningRate: 0.1, momentum: 0.9))
        let mu = Double(Float(0.9))
        expectClose(b, [0.95 + (mu * -0.05 - 0.025), -1.9 + (mu * 0.1 - 0.2)], tolerance: 1e-15)
    }

    @Test func adam() {
        // Step 1: m = 0.1 g, v = 0.001 g², α = η √0.001 / 0.1, so the step is
        // η g / (|g| + ε/√0.001) ≈ η sign(g).
        let lr = 0.01
        let (a, b) = twoSteps(Adam(learningRate: lr))
        let eps = 1e-7
        // Inside the bias corrections Keras uses the betas rounded to float32.
        let b1 = Double(Float(0.9)), b2 = Double(Float(0.999))
        func step1(_ g: Double) -> Double {
            let m = 0.1 * g, v = 0.001 * g * g
            return m * (lr * (1 - b2).squareRoot() / (1 - b1)) / (v.squareRoot() + eps)
        }
        expectClose(a, [1 - step1(0.5), -2 - step1(-1)], tolerance: 1e-14)
        // Step 2 by the same rule: m = 0.9 m₁ + 0.1 g₂, v = 0.999 v₁ + 0.001 g₂².
        func step2(_ gOne: Double, _ gTwo: Double) -> Double {
            let m = 0.9 * (0.1 * gOne) + 0.1 * gTwo
            let v = 0.999 * (0.001 * gOne * gOne) + 0.001 * gTwo * gTwo
            let alpha = lr * (1 - b2 * b2).squareRoot() / (1 - b1 * b1)
            return m * alpha / (v.squareRoot() + eps)
        }
        expectClose(b, [a[0] - step2(0.5, 0.25), a[1] - step2(-1, 2)], tolerance: 1e-14)
        #expect(abs(a[0] - (1 - lr)) < 1e-6, "Adam's first step is ≈ η·sign(g)")
    }

    @Test func adamAmsgradKeepsTheLargestSecondMoment() {
        // With g₂ small after a large g₁, v̂ = max(v₁, v₂) = v₁ in the first coordinate.
        var optimizer = Adam(learningRate: 0.1, amsgrad: true)
        var w = [0.0]
        optimizer.update(&w, gradients: [10])
        let afterFirst = w[0]
        optimizer.update(&w, gradients: [0.001])
        let m = 0.9 * 1.0 + 0.1 * 0.001
        let vHat = 0.001 * 100  // v₁ = 0.1 > v₂ = 0.0999…
        let b1 = Double(Float(0.9)), b2 = Double(Float(0.999))
        let alpha = 0.1 * (1 - b2 * b2).squareRoot() / (1 - b1 * b1)
        expectClose([w[0]], [afterFirst - m * alpha / (vHat.squareRoot() + 1e-7)], tolerance: 1e-14)
    }

    @Test func rmsprop() {
        // s₁ = 0.1 g², w₁ = w₀ − η g / √(s₁ + ε)
        let (a, _) = twoSteps(RMSprop(learningRate: 0.01))
        expectClose(a, [1 - 0.01 * 0.5 / (0.1 * 0.25 + 1e-7).squareRoot(), -2 + 0.01 / (0.1 + 1e-7).squareRoot()], tolerance: 1e-15)
    }

    @Test func rmspropCenteredWithMomentum() {
        // s₁ = 0.1 g², ḡ₁ = 0.1 g, d = s₁ − ḡ₁² + ε = 0.09 g² + ε, Δ = η g / √d, m₁ = Δ, w₁ = w₀ − m₁;
        // step 2: m₂ = μ m₁ + Δ₂.
        let (a, b) = twoSteps(RMSprop(learningRate: 0.01, momentum: 0.5, centered: true))
        func delta1(_ g: Double) -> Double { 0.01 * g / (0.09 * g * g + 1e-7).squareRoot() }
        expectClose(a, [1 - delta1(0.5), -2 - delta1(-1)], tolerance: 1e-15)
        func delta2(_ gOne: Double, _ gTwo: Double) -> Double {
            let s = 0.9 * (0.1 * gOne * gOne) + 0.1 * gTwo * gTwo
            let mean = 0.9 * (0.1 * gOne) + 0.1 * gTwo
            return 0.01 * gTwo / (s - mean * mean + 1e-7).squareRoot()
        }
        expectClose(b, [a[0] - (0.5 * delta1(0.5) + delta2(0.5, 0.25)), a[1] - (0.5 * delta1(-1) + delta2(-1, 2))], tolerance: 1e-15)
    }

    @Test func adagrad() {
        // a₁ = a₀ + g², w₁ = w₀ − η g / √(a₁ + ε); a₂ = a₁ + g₂²; a₀ = float32(0.1) as in Keras.
        let (a, b) = twoSteps(Adagrad(learningRate: 0.1))
        let a0 = Double(Float(0.1))
        expectClose(a, [1 - 0.05 / (a0 + 0.25 + 1e-7).squareRoot(), -2 + 0.1 / (a0 + 1 + 1e-7).squareRoot()], tolerance: 1e-15)
        expectClose(b, [a[0] - 0.025 / (a0 + 0.25 + 0.0625 + 1e-7).squareRoot(), a[1] - 0.2 / (a0 + 1 + 4 + 1e-7).squareRoot()], tolerance: 1e-15)
    }

    @Test func adadelta() {
        // E[g²]₁ = 0.05 g², Δ₁ = −√ε / √(E[g²]₁ + ε) · g, w₁ = w₀ + η Δ₁.
        let (a, _) = twoSteps(Adadelta(learningRate: 1.0))
        func delta(_ g: Double) -> Double { -(1e-7).squareRoot() * g / (0.05 * g * g + 1e-7).squareRoot() }
        expectClose(a, [1 + delta(0.5), -2 + delta(-1)], tolerance: 1e-15)
    }

    @Test func kerasDefaults() {
        #expect(SGD().learningRate == 0.01)
        #expect(Adam().learningRate == 0.001 && Adam().beta1 == 0.9 && Adam().beta2 == 0.999 && Adam().epsilon == 1e-7)
        #expect(RMSprop().rho == 0.9 && RMSprop().epsilon == 1e-7 && RMSprop().learningRate == 0.001)
        #expect(Adagrad().initialAccumulatorValue == 0.1 && Adagrad().learningRate == 0.001)
        #expect(Adadelta().rho == 0.95 && Adadelta().learningRate == 0.001)
    }
}
