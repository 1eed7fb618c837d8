/// A hyperparameter as Keras 3 (TensorFlow backend) uses it in float64 arithmetic:
/// `Double(Float(x))`.
///
/// Keras casts some Python floats to the variable dtype through a float32 tensor, so even
/// with `floatx = "float64"` they are rounded to float32 first: 0.01 becomes
/// 0.009999999776482582. Measured with Keras 3.15 (see Tests/NNCoreTests/Fixtures/keras/NOTES.md):
/// regularizer strengths λ₁ and λ₂, LeakyReLU's slope, SGD's momentum, Adam's β₁ and β₂ inside
/// the bias corrections, and Adagrad's initial accumulator. Learning rates, epsilons and the
/// other coefficients are used exactly. NNLab keeps the value the user wrote (files round-trip
/// unchanged) and rounds only where Keras does, so its numbers match Keras's to 1e-9.
@inline(__always)
public func kerasConstant(_ x: Double) -> Double {
    Double(Float(x))
}
