/// Full Jacobians, which the backprop lab prints (training uses `backward`, which never forms them).
extension Activation {
    /// The Jacobian of one row: `J[i][j] = ∂aⱼ/∂zᵢ` (the lab's "input × output" convention),
    /// a `columns × columns` matrix. Diagonal for elementwise activations;
    /// for softmax `J = diag(a) − aᵀa`.
    /// - Parameter z: a single-row matrix (1 × n).
    public func jacobian(at z: Matrix) -> Matrix {
        precondition(z.rows == 1 && z.columns > 0, "jacobian(at:) takes one non-empty row, received \(z.rows)×\(z.columns)")
        let n = z.columns
        let a = self(z)
        var jacobian = Matrix(rows: n, columns: n)
        switch self {
        case .softmax:
            for i in 0..<n {
                for j in 0..<n {
                    jacobian[i, j] = (i == j ? a.elements[i] : 0) - a.elements[i] * a.elements[j]
                }
            }
        default:
            // The elementwise derivative is backward() applied to a gradient of ones.
            var ones = Matrix(rows: 1, columns: n, repeating: 1)
            let onesCopy = ones
            z.elements.withUnsafeBufferPointer { zb in
                a.elements.withUnsafeBufferPointer { ab in
                    onesCopy.elements.withUnsafeBufferPointer { gb in
                        ones.elements.withUnsafeMutableBufferPointer { out in
                            backward(z: zb.baseAddress!, a: ab.baseAddress!, gradientA: gb.baseAddress!,
                                     into: out.baseAddress!, rows: 1, columns: n)
                        }
                    }
                }
            }
            for i in 0..<n { jacobian[i, i] = ones.elements[i] }
        }
        return jacobian
    }
}
