import CKernels

/// Float64 matrix multiply (GEMM) on row-major storage with a fixed, documented summation order.
///
/// For `opA` = `transposeA ? Aᵀ : A` (m×k) and `opB` = `transposeB ? Bᵀ : B` (k×n):
///
///     C[i,j] = (accumulate ? C[i,j] : 0) + Σ_{p = 0 ..< k} opA(i,p) · opB(p,j)
///
/// with `opA(i,p) = transposeA ? a[p*lda + i] : a[i*lda + p]`,
/// `opB(p,j) = transposeB ? b[j*ldb + p] : b[p*ldb + j]` and `C[i,j] = c[i*ldc + j]`.
///
/// **Determinism contract.** Every element is computed exactly as
/// `var acc = accumulate ? C[i,j] : +0.0; for p in 0..<k { acc = acc + opA(i,p) * opB(p,j) }`:
/// p ascending, the product and the sum each rounded to `Double` separately (never a fused
/// multiply-add, never reassociated, never split-K partial sums). So the scalar path, the SSE2,
/// AVX2 and AVX-512 kernels and the two-thread split (which divides the rows or columns of C,
/// never k) give bit-identical results, on any machine. The training core relies on this to match
/// a reference to the last bit.
///
/// The training loop uses `Z = X·W` (`multiply`), `dW = Xᵀ·dZ` (`transposeA`) and
/// `dX = dZ·Wᵀ` (`transposeB`).
public enum GEMM {
    /// Instruction set of the packed kernels; all give identical results (only speed differs).
    public enum InstructionSet: Int32, Sendable, CaseIterable {
        /// The best this CPU supports (overridable with `NNLAB_GEMM_ISA=naive|sse2|avx2|avx512`).
        case automatic = 0
        /// The unpacked scalar triple loop.
        case naive = 1
        case sse2 = 2
        case avx2 = 3
        case avx512 = 4
    }

    /// Products with m·n·k at most this size run an inlined scalar loop in Swift: for shapes
    /// like XOR's 4×2·2×2 the packing and call overhead of the blocked kernel would dominate.
    @inlinable static var directLimit: Int { 512 }

    /// `C = (accumulate ? C : 0) + opA · opB`, see the type's documentation for the exact
    /// formula and the determinism contract.
    ///
    /// - Parameters:
    ///   - m: rows of `opA` and `C`; `n`: columns of `opB` and `C`; `k`: the shared dimension.
    ///   - lda: row stride of the stored `a` (≥ k, or ≥ m when `transposeA`).
    ///   - ldb: row stride of the stored `b` (≥ n, or ≥ k when `transposeB`).
    ///   - ldc: row stride of `c` (≥ n). `c` must not overlap `a` or `b`.
    ///
    /// Allocation-free after the first large call on a thread: packing buffers are per thread
    /// and reused. Large products (m·n·k ≥ `parallelThreshold`) use two threads.
    @inlinable
    public static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "GEMM shape must be non-negative, received \(m)×\(k)·\(k)×\(n)")
        precondition(validStrides(m: m, n: n, k: k, lda: lda, transposeA: transposeA, ldb: ldb, transposeB: transposeB, ldc: ldc),
                     "GEMM leading dimensions too small for \(m)×\(k)·\(k)×\(n): lda \(lda), ldb \(ldb), ldc \(ldc)")
        // (All three < 512 first, so the product cannot wrap around.)
        if (m | n | k) < 512 && m &* n &* k <= directLimit {
            direct(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA,
                   b: b, ldb: ldb, transposeB: transposeB, c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        nnlab_dgemm(m, n, k, a, lda, transposeA ? 1 : 0, b, ldb, transposeB ? 1 : 0,
                    c, ldc, accumulate ? 1 : 0)
    }

    /// `multiply` forcing an instruction set and a thread count (`threads <= 0`: automatic),
    /// always through the C kernels (never the inlined direct path). For tests and benchmarks.
    public static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool,
        instructionSet: InstructionSet, threads: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "GEMM shape must be non-negative, received \(m)×\(k)·\(k)×\(n)")
        precondition(validStrides(m: m, n: n, k: k, lda: lda, transposeA: transposeA, ldb: ldb, transposeB: transposeB, ldc: ldc),
                     "GEMM leading dimensions too small for \(m)×\(k)·\(k)×\(n): lda \(lda), ldb \(ldb), ldc \(ldc)")
        nnlab_dgemm_ex(m, n, k, a, lda, transposeA ? 1 : 0, b, ldb, transposeB ? 1 : 0,
                       c, ldc, accumulate ? 1 : 0, instructionSet.rawValue, Int32(clamping: threads))
    }

    /// Whether the leading dimensions can hold the stored rows (anything goes for an empty C).
    @inlinable
    static func validStrides(m: Int, n: Int, k: Int, lda: Int, transposeA: Bool, ldb: Int, transposeB: Bool, ldc: Int) -> Bool {
        if m == 0 || n == 0 { return true }
        if ldc < n { return false }
        if k == 0 { return true }
        return lda >= (transposeA ? m : k) && ldb >= (transposeB ? k : n)
    }

    /// The scalar loop of the contract, inlined into the caller; used for tiny products.
    @inlinable
    public static func direct(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Double>, ldc: Int,
        accumulate: Bool
    ) {
        // opA(i,p) = a[i*ars + p*acs], opB(p,j) = b[p*brs + j*bcs]
        let ars = transposeA ? 1 : lda, acs = transposeA ? lda : 1
        let brs = transposeB ? 1 : ldb, bcs = transposeB ? ldb : 1
        var i = 0
        while i < m {
            var j = 0
            while j < n {
                var acc = accumulate ? c[i &* ldc &+ j] : 0.0
                var p = 0
                while p < k {
                    // Two roundings on purpose: Swift never contracts this into an FMA.
                    let product = a[i &* ars &+ p &* acs] * b[p &* brs &+ j &* bcs]
                    acc = acc + product
                    p &+= 1
                }
                c[i &* ldc &+ j] = acc
                j &+= 1
            }
            i &+= 1
        }
    }

    /// The instruction set `.automatic` resolves to on this machine.
    public static var automaticInstructionSet: InstructionSet {
        InstructionSet(rawValue: nnlab_gemm_auto_isa()) ?? .naive
    }

    /// m·n·k from which `multiply` splits C between two threads.
    public static var parallelThreshold: Int { nnlab_gemm_parallel_threshold() }
}
