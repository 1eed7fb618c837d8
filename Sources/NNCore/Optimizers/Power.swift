/// xⁿ for a whole number n ≥ 0 by binary exponentiation: IEEE multiplications only, so the
/// result is the same on every platform (libm's `pow` may differ in the last place).
func power(_ x: Double, _ n: Double) -> Double {
    var result = 1.0
    var base = x
    var exponent = UInt64(n)
    while exponent > 0 {
        if exponent & 1 == 1 { result *= base }
        base *= base
        exponent >>= 1
    }
    return result
}
