// Temporary reference GEMM; replaced by the packed SIMD kernel.
public enum GEMM {
    /// C = (accumulate ? C : 0) + op(A)·op(B), k ascending, separate multiply and add.
    @inline(__always)
    public static func multiply(m: Int, n: Int, k: Int,
                                a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
                                b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
                                c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        for i in 0..<m {
            for j in 0..<n {
                var acc = accumulate ? c[i * ldc + j] : 0
                for p in 0..<k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    acc = acc + x * y
                }
                c[i * ldc + j] = acc
            }
        }
    }
}
