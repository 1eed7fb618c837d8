/// ln(x) for x > 0, computed with IEEE arithmetic only, so it gives the same bits everywhere.
///
/// libm's `log` may differ in the last place between platforms; random normals must not.
/// With x = m·2ᵉ, m ∈ [√½, √2): ln x = e·ln 2 + 2·atanh(t), t = (m − 1)/(m + 1),
/// atanh(t) = t + t³/3 + t⁵/5 + …, |t| ≤ 0.172, so 14 terms reach double precision.
func naturalLog(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "naturalLog needs a finite positive argument, received \(x)")
    var exponent = Double(x.exponent)
    var mantissa = x.significand  // in [1, 2)
    if mantissa > 1.4142135623730951 {
        mantissa /= 2
        exponent += 1
    }
    let t = (mantissa - 1) / (mantissa + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    for _ in 0..<14 {
        sum += term / k
        term *= t2
        k += 2
    }
    return exponent * 0.6931471805599453 + 2 * sum
}
