extension Matrix {
    /// `opA · opB` with `opA = transposeA ? aᵀ : a` and `opB = transposeB ? bᵀ : b`, computed by
    /// `GEMM` (fixed summation order, so bit-identical to the naive triple loop). Allocates the
    /// result; the training loop calls `GEMM.multiply` on preallocated buffers instead.
    public static func multiply(_ a: Matrix, _ b: Matrix,
                                transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "Matrix product needs matching inner dimensions, received \(m)×\(k) · \(kb)×\(n)")
        var result = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return result }
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                result.elements.withUnsafeMutableBufferPointer { cp in
                    // Non-empty arrays always have a base address.
                    guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                    GEMM.multiply(m: m, n: n, k: k,
                                  a: ab, lda: a.columns, transposeA: transposeA,
                                  b: bb, ldb: b.columns, transposeB: transposeB,
                                  c: cb, ldc: n, accumulate: false)
                }
            }
        }
        return result
    }

    /// `selfᵀ · other` (e.g. `dW = Xᵀ·dZ`) without materialising the transpose.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        Matrix.multiply(self, other, transposeA: true)
    }

    /// `self · otherᵀ` (e.g. `dX = dZ·Wᵀ`) without materialising the transpose.
    public func timesTransposed(_ other: Matrix) -> Matrix {
        Matrix.multiply(self, other, transposeB: true)
    }

    /// The matrix product `lhs · rhs`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        multiply(lhs, rhs)
    }
}
