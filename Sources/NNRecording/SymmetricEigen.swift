import NNCore
/// The largest eigenpairs of a symmetric positive semi-definite matrix, computed deterministically.
///
/// Small matrices (m ≤ `blockSize`) are diagonalized outright by cyclic Jacobi rotations. Larger ones
/// go through block subspace iteration: with V (m × b, orthonormal),
///
///     W = A V,   B = Vᵀ W = Y Λ Yᵀ (Jacobi),   X = V Y (Ritz vectors),   V ← orth(W Y)
///
/// until the wanted Ritz pairs satisfy ‖A x − λ x‖ ≤ tolerance · λ₁. The error of the i-th pair shrinks
/// like (λ_{b+1}/λ_i)^iterations, so a block a few vectors larger than wanted converges quickly even
/// when λ₂ ≈ λ₃. The start block is a fixed pseudo-random matrix (NNLab's RandomGenerator, fixed seed): the result
/// depends only on A, and repeating the computation gives bit-identical results.
struct SymmetricEigen {
    /// Eigenvalues, descending.
    var values: [Double]
    /// `vectors[i]` is the unit eigenvector of `values[i]` (sign as the solver left it).
    var vectors: [[Double]]

    static let blockSize = 8

    /// The `count` largest eigenpairs of the m × m row-major symmetric matrix `a`.
    init(largest count: Int, of a: [Double], size m: Int, tolerance: Double = 1e-11, maxIterations: Int = 2000) {
        precondition(m > 0 && a.count == m * m, "SymmetricEigen needs an m × m matrix, received \(a.count) values for m = \(m)")
        precondition(count >= 1 && count <= m, "SymmetricEigen can return 1…\(m) eigenpairs, asked for \(count)")
        if m <= SymmetricEigen.blockSize {
            let (values, vectors) = SymmetricEigen.jacobi(a, size: m)
            self.values = Array(values.prefix(count))
            self.vectors = Array(vectors.prefix(count))
            return
        }
        let b = min(m, max(SymmetricEigen.blockSize, count + 4))
        var generator = RandomGenerator(seed: 0x5EED_1A4D_5CA9_E000)
        var v = SymmetricEigen.orthonormalized((0..<b).map { _ in (0..<m).map { _ in generator.nextSigned() } }, generator: &generator)
        var values: [Double] = [], ritz: [[Double]] = []
        for _ in 0..<maxIterations {
            let w = v.map { SymmetricEigen.multiply(a, size: m, $0) }
            var small = [Double](repeating: 0, count: b * b)
            for i in 0..<b { for j in 0..<b { small[i * b + j] = SymmetricEigen.dot(v[i], w[j]) } }
            // Symmetrize: rounding makes B slightly asymmetric, and Jacobi assumes symmetry.
            for i in 0..<b { for j in (i + 1)..<b { let s = 0.5 * (small[i * b + j] + small[j * b + i]); small[i * b + j] = s; small[j * b + i] = s } }
            let (theta, y) = SymmetricEigen.jacobi(small, size: b)
            values = theta
            ritz = y.map { SymmetricEigen.combine(v, $0) }
            let images = y.map { SymmetricEigen.combine(w, $0) }
            let scale = max(abs(theta[0]), .leastNormalMagnitude)
            let converged = (0..<count).allSatisfy { i in
                var residual = 0.0
                for j in 0..<m { let r = images[i][j] - theta[i] * ritz[i][j]; residual += r * r }
                return residual.squareRoot() <= tolerance * scale
            }
            if converged { break }
            v = SymmetricEigen.orthonormalized(images, generator: &generator)
        }
        self.values = Array(values.prefix(count))
        self.vectors = Array(ritz.prefix(count))
    }

    /// All eigenpairs of a small symmetric matrix by cyclic Jacobi rotations, eigenvalues descending
    /// (ties keep the lower index first, so the order is deterministic).
    static func jacobi(_ matrix: [Double], size n: Int) -> (values: [Double], vectors: [[Double]]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0, diagonal = 0.0
            for i in 0..<n {
                diagonal += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<n { off += a[i * n + j] * a[i * n + j] }
            }
            if off <= 1e-32 * diagonal || off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    // The rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1).
                    let tau = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] || (a[$0 * n + $0] == a[$1 * n + $1] && $0 < $1) }
        return (order.map { a[$0 * n + $0] }, order.map { j in (0..<n).map { v[$0 * n + j] } })
    }

    /// Modified Gram–Schmidt; a vector that (numerically) lies in the span of the previous ones is
    /// replaced by a fresh pseudo-random one, so the block keeps its full rank when A is rank-deficient.
    static func orthonormalized(_ vectors: [[Double]], generator: inout RandomGenerator) -> [[Double]] {
        var basis: [[Double]] = []
        for original in vectors {
            var candidate = original
            for attempt in 0..<8 {
                let before = norm(candidate)
                for b in basis { let d = dot(b, candidate); for j in candidate.indices { candidate[j] -= d * b[j] } }
                let after = norm(candidate)
                if after > 1e-10 * before, after > 0 {
                    basis.append(candidate.map { $0 / after })
                    break
                }
                precondition(attempt < 7, "could not complete an orthonormal block of \(vectors.count) vectors")
                candidate = candidate.indices.map { _ in generator.nextSigned() }
            }
        }
        return basis
    }

    static func multiply(_ a: [Double], size m: Int, _ x: [Double]) -> [Double] {
        a.withUnsafeBufferPointer { ab in
            x.withUnsafeBufferPointer { xb in
                (0..<m).map { i in
                    var s = 0.0
                    for j in 0..<m { s += ab[i * m + j] * xb[j] }
                    return s
                }
            }
        }
    }

    /// Σ_j coefficients[j] · vectors[j].
    static func combine(_ vectors: [[Double]], _ coefficients: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: vectors[0].count)
        for (vector, c) in zip(vectors, coefficients) { for j in result.indices { result[j] += c * vector[j] } }
        return result
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
}

extension RandomGenerator {
    /// Uniform in [−1, 1) (start vectors for the eigen solver).
    mutating func nextSigned() -> Double { nextUniform(-1, 1) }
}
