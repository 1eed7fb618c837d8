#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction-set choice for `nnlab_dgemm_ex`. Every choice gives bit-identical results
/// (see the determinism contract on `nnlab_dgemm`); they differ only in speed.
typedef enum {
    NNLAB_ISA_AUTO = 0,     ///< Best available on this CPU (AVX-512 > AVX2 > SSE2).
    NNLAB_ISA_NAIVE = 1,    ///< Unpacked scalar triple loop (the reference).
    NNLAB_ISA_SSE2 = 2,     ///< Packed, 2-wide vectors (x86-64 baseline / portable vector code).
    NNLAB_ISA_AVX2 = 3,     ///< Packed, 4-wide vectors, 16 registers.
    NNLAB_ISA_AVX512 = 4,   ///< Packed, 8-wide vectors, 32 registers.
} nnlab_isa;

/// Row-major float64 matrix product with a fixed summation order:
///
///     C[i,j] = (accumulate ? C[i,j] : 0) + Σ_{p=0..<k} opA(i,p) · opB(p,j)
///
/// opA(i,p) = transpose_a ? A[p*lda + i] : A[i*lda + p]   (opA is m×k)
/// opB(p,j) = transpose_b ? B[j*ldb + p] : B[p*ldb + j]   (opB is k×n)
/// C[i,j] lives at c[i*ldc + j].
///
/// Determinism contract: each element is computed as `acc = start; for p in 0..<k { acc = acc + a*b }`
/// with the product and the sum each rounded to double separately (never fused), p ascending,
/// start = +0.0 or C[i,j]. Any ISA and any thread count give bit-identical results.
/// Uses two threads when m·n·k ≥ nnlab_gemm_parallel_threshold() (and the second core is not
/// busy elsewhere); packing buffers are per thread and reused. c must not overlap a or b.
/// Environment (read once): NNLAB_GEMM_ISA, NNLAB_GEMM_THREADS=1 (never use the worker).
void nnlab_dgemm(size_t m, size_t n, size_t k,
                 const double *a, size_t lda, int transpose_a,
                 const double *b, size_t ldb, int transpose_b,
                 double *c, size_t ldc, int accumulate);

/// `nnlab_dgemm` with an explicit instruction set (falls back to the best supported one below
/// it if the CPU lacks it) and thread count (<= 0: automatic, otherwise 1 or 2).
void nnlab_dgemm_ex(size_t m, size_t n, size_t k,
                    const double *a, size_t lda, int transpose_a,
                    const double *b, size_t ldb, int transpose_b,
                    double *c, size_t ldc, int accumulate,
                    int isa, int threads);

/// The instruction set `NNLAB_ISA_AUTO` resolves to on this CPU (honours the environment variable
/// NNLAB_GEMM_ISA=naive|sse2|avx2|avx512 read once at first use).
int nnlab_gemm_auto_isa(void);

/// The product size m·n·k from which `threads <= 0` uses two threads.
size_t nnlab_gemm_parallel_threshold(void);

#ifdef __cplusplus
}
#endif
#endif
