/// How a run uses the coefficients Keras 3 rounds to float32 even in float64 arithmetic.
///
/// Keras (TensorFlow backend) casts some Python floats to the variable dtype through a float32
/// tensor, so with `floatx = "float64"` they are rounded to float32 first: 0.01 becomes
/// 0.009999999776482582. Measured with Keras 3.15 (see Tests/NNCoreTests/Fixtures/keras/NOTES.md):
/// regularizer strengths λ₁ and λ₂, LeakyReLU's slope, SGD's momentum, Adam's β₁ and β₂ inside the
/// bias corrections, Adagrad's initial accumulator and weight decay's λ; learning-rate schedules
/// compute entirely in float32 (`LearningRateSchedule`). Learning rates, epsilons and the other
/// coefficients are used exactly.
///
/// | constants | a coefficient c enters the arithmetic as | matches |
/// |---|---|---|
/// | `keras` (default) | `Double(Float(c))` | Keras 3 in float64, to 1e-9 |
/// | `exact` | `c` | a float64 implementation of the formulas (NumPy) |
///
/// NNLab keeps the value the user wrote either way (files round-trip unchanged).
public enum Constants: String, Sendable, Hashable, CaseIterable {
    case keras
    case exact

    /// The coefficient `c` as the arithmetic uses it: `Double(Float(c))` for `keras`, `c` for `exact`.
    @inline(__always)
    public func callAsFunction(_ c: Double) -> Double {
        switch self {
        case .keras: Double(Float(c))
        case .exact: c
        }
    }
}
