extension Matrix {
    /// A·B (allocates; the training loop calls `GEMM` on its own buffers).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "matrix product needs \(columns) rows on the right, received \(other.rows)")
        var result = Matrix(rows: rows, columns: other.columns)
        guard rows > 0, other.columns > 0, columns > 0 else { return result }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    GEMM.multiply(m: rows, n: other.columns, k: columns,
                                  a: a.baseAddress!, lda: columns, transposeA: false,
                                  b: b.baseAddress!, ldb: other.columns, transposeB: false,
                                  c: c.baseAddress!, ldc: other.columns, accumulate: false)
                }
            }
        }
        return result
    }

    /// [A, B]: the columns of A, then those of B (same row count).
    public func concatenatingColumns(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows, "column concatenation needs equal row counts, received \(rows) and \(other.rows)")
        var result = Matrix(rows: rows, columns: columns + other.columns)
        for r in 0..<rows {
            for j in 0..<columns { result.elements[r * result.columns + j] = elements[r * columns + j] }
            for j in 0..<other.columns { result.elements[r * result.columns + columns + j] = other.elements[r * other.columns + j] }
        }
        return result
    }
}
