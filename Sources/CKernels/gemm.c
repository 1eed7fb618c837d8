// Float64 GEMM with a fixed summation order (see CKernels.h for the contract).
//
// Why the result is bit-identical across ISAs and thread counts: every C element lives in one
// vector lane (or scalar) for its whole life, receives `acc = acc + a*b` for p = 0, 1, ..., k-1
// in that order, and is only ever stored to / reloaded from C between K blocks (an exact double
// round trip). Products and sums are rounded separately because contraction is switched off
// below, so clang can never turn `acc + a*b` into an FMA. Splitting work between threads splits
// the *rows or columns of C*, never K, so no partial sums are ever added together.

// Must come before any code (including the headers' inline functions) so nothing gets fused.
#pragma clang fp contract(off)

#include "CKernels.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NN_X86 1
#else
#define NN_X86 0
#endif

#if !defined(__clang__)
#error "gemm.c relies on clang vector extensions and #pragma clang fp contract(off)"
#endif

// MARK: - Micro-kernels

/// A micro-kernel computes one MR×NR tile of C over `kc` steps of the packed panels:
/// ap holds kc groups of MR values of opA (k-major), bp holds kc groups of NR values of opB.
/// load_c = 0 starts every accumulator at +0.0, otherwise at the current C value.
typedef void (*micro_kernel_fn)(size_t kc, const double *restrict ap, const double *restrict bp,
                                double *restrict c, size_t ldc, int load_c);

// The body is generic over the vector width W (doubles per vector), MR rows and NV vectors per
// row (NR = NV*W); clang unrolls the constant loops and keeps `acc` in registers.
#define NN_UNROLL _Pragma("clang loop unroll(full)")
#define NN_TARGET(T) __attribute__((target(T)))
#define DEFINE_KERNEL(NAME, ATTR, W, MR, NV)                                                    \
    typedef double NAME##_vec __attribute__((vector_size(8 * (W)), aligned(8)));                 \
    static ATTR __attribute__((noinline)) void NAME(                                          \
        size_t kc, const double *restrict ap, const double *restrict bp, double *restrict c,     \
        size_t ldc, int load_c) {                                                                \
        NAME##_vec acc[MR][NV];                                                                  \
        if (load_c) {                                                                            \
            NN_UNROLL for (int r = 0; r < (MR); r++)                                             \
                NN_UNROLL for (int v = 0; v < (NV); v++)                                         \
                    memcpy(&acc[r][v], c + (size_t)r * ldc + v * (W), sizeof(NAME##_vec));       \
        } else {                                                                                 \
            NN_UNROLL for (int r = 0; r < (MR); r++)                                             \
                NN_UNROLL for (int v = 0; v < (NV); v++) acc[r][v] = (NAME##_vec){0};            \
        }                                                                                        \
        for (size_t p = 0; p < kc; p++) {                                                        \
            NAME##_vec bv[NV];                                                                   \
            NN_UNROLL for (int v = 0; v < (NV); v++) memcpy(&bv[v], bp + v * (W), sizeof(NAME##_vec)); \
            NN_UNROLL for (int r = 0; r < (MR); r++) {                                           \
                const double a = ap[r];                                                          \
                /* separate multiply and add: acc = acc + a*b, rounded twice */                  \
                NN_UNROLL for (int v = 0; v < (NV); v++) acc[r][v] = acc[r][v] + a * bv[v];      \
            }                                                                                    \
            ap += (MR);                                                                          \
            bp += (NV) * (W);                                                                    \
        }                                                                                        \
        NN_UNROLL for (int r = 0; r < (MR); r++)                                                 \
            NN_UNROLL for (int v = 0; v < (NV); v++)                                             \
                memcpy(c + (size_t)r * ldc + v * (W), &acc[r][v], sizeof(NAME##_vec));           \
    }

#if NN_X86
DEFINE_KERNEL(kernel_sse2_4x4, NN_TARGET("sse2"), 2, 4, 2)
DEFINE_KERNEL(kernel_avx2_4x12, NN_TARGET("avx2"), 4, 4, 3)
DEFINE_KERNEL(kernel_avx2_6x8, NN_TARGET("avx2"), 4, 6, 2)
DEFINE_KERNEL(kernel_avx512_8x16, NN_TARGET("avx512f"), 8, 8, 2)
DEFINE_KERNEL(kernel_avx512_12x16, NN_TARGET("avx512f"), 8, 12, 2)
DEFINE_KERNEL(kernel_avx512_8x24, NN_TARGET("avx512f"), 8, 8, 3)
DEFINE_KERNEL(kernel_avx512_4x32, NN_TARGET("avx512f"), 8, 4, 4)
// 256-bit vectors with AVX-512VL's 32 registers (on Zen 4 a 512-bit op costs two 256-bit ones).
DEFINE_KERNEL(kernel_avx512vl_8x12, NN_TARGET("avx512f,avx512vl"), 4, 8, 3)
DEFINE_KERNEL(kernel_avx512vl_6x16, NN_TARGET("avx512f,avx512vl"), 4, 6, 4)
#else
// Portable fallback: generic 2-wide vectors, lowered to whatever the target has.
#define kernel_sse2_4x4 kernel_generic_4x4
DEFINE_KERNEL(kernel_generic_4x4, , 2, 4, 2)
#endif

typedef struct {
    const char *name;
    int isa;
    int mr, nr;
    micro_kernel_fn fn;
} kernel_config;

static const kernel_config kernel_table[] = {
    {"sse2_4x4", NNLAB_ISA_SSE2, 4, 4, kernel_sse2_4x4},
#if NN_X86
    {"avx2_4x12", NNLAB_ISA_AVX2, 4, 12, kernel_avx2_4x12},
    {"avx2_6x8", NNLAB_ISA_AVX2, 6, 8, kernel_avx2_6x8},
    {"avx512_8x16", NNLAB_ISA_AVX512, 8, 16, kernel_avx512_8x16},
    {"avx512_12x16", NNLAB_ISA_AVX512, 12, 16, kernel_avx512_12x16},
    {"avx512_8x24", NNLAB_ISA_AVX512, 8, 24, kernel_avx512_8x24},
    {"avx512_4x32", NNLAB_ISA_AVX512, 4, 32, kernel_avx512_4x32},
    {"avx512vl_8x12", NNLAB_ISA_AVX512, 8, 12, kernel_avx512vl_8x12},
    {"avx512vl_6x16", NNLAB_ISA_AVX512, 6, 16, kernel_avx512vl_6x16},
#endif
};
#define KERNEL_COUNT (sizeof(kernel_table) / sizeof(kernel_table[0]))
#define MAX_TILE (12 * 32)

// MARK: - Configuration (resolved once)

typedef struct {
    int supported_isa;          // best ISA this CPU supports
    int auto_isa;               // what NNLAB_ISA_AUTO means (env may lower it)
    const kernel_config *per_isa[NNLAB_ISA_AVX512 + 1];
    size_t kc, mc, nc;          // cache blocking
    size_t parallel_threshold;  // m*n*k from which 2 threads are used
    size_t chunks;              // pieces C is cut into for the two threads
    int max_threads;            // 1 or 2, for automatic calls
} gemm_config;

static gemm_config config;
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static const kernel_config *find_kernel(const char *name) {
    for (size_t i = 0; i < KERNEL_COUNT; i++)
        if (strcmp(kernel_table[i].name, name) == 0) return &kernel_table[i];
    return NULL;
}

static size_t env_size(const char *name, size_t fallback) {
    const char *s = getenv(name);
    if (s == NULL || *s == 0) return fallback;
    char *end = NULL;
    unsigned long long v = strtoull(s, &end, 10);
    return (end != NULL && *end == 0 && v > 0) ? (size_t)v : fallback;
}

static void config_init(void) {
    int best = NNLAB_ISA_SSE2;
#if NN_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) best = NNLAB_ISA_AVX2;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")) best = NNLAB_ISA_AVX512;
#endif
    config.supported_isa = best;
    config.per_isa[NNLAB_ISA_AUTO] = NULL;
    config.per_isa[NNLAB_ISA_NAIVE] = NULL;
    config.per_isa[NNLAB_ISA_SSE2] = find_kernel("sse2_4x4");
#if NN_X86
    config.per_isa[NNLAB_ISA_AVX2] = find_kernel("avx2_6x8");
    config.per_isa[NNLAB_ISA_AVX512] = find_kernel("avx512_8x16");
#else
    config.per_isa[NNLAB_ISA_AVX2] = config.per_isa[NNLAB_ISA_SSE2];
    config.per_isa[NNLAB_ISA_AVX512] = config.per_isa[NNLAB_ISA_SSE2];
#endif
    int auto_isa = best;
    const char *isa = getenv("NNLAB_GEMM_ISA");
    if (isa != NULL) {
        if (strcasecmp(isa, "naive") == 0) auto_isa = NNLAB_ISA_NAIVE;
        else if (strcasecmp(isa, "sse2") == 0) auto_isa = NNLAB_ISA_SSE2;
        else if (strcasecmp(isa, "avx2") == 0 && best >= NNLAB_ISA_AVX2) auto_isa = NNLAB_ISA_AVX2;
        else if (strcasecmp(isa, "avx512") == 0 && best >= NNLAB_ISA_AVX512) auto_isa = NNLAB_ISA_AVX512;
    }
    // Tuning hook (benchmarks only): NNLAB_GEMM_KERNEL=<name from kernel_table> replaces the
    // kernel of its ISA if the CPU supports it.
    const char *kname = getenv("NNLAB_GEMM_KERNEL");
    if (kname != NULL) {
        const kernel_config *kc = find_kernel(kname);
        if (kc != NULL && kc->isa <= best) config.per_isa[kc->isa] = kc;
    }
    config.auto_isa = auto_isa;
    config.kc = env_size("NNLAB_GEMM_KC", 256);
    config.mc = env_size("NNLAB_GEMM_MC", 96);
    config.nc = env_size("NNLAB_GEMM_NC", 2048);
    config.parallel_threshold = env_size("NNLAB_GEMM_PAR", 16384);
    config.chunks = env_size("NNLAB_GEMM_CHUNKS", 2);
    // NNLAB_GEMM_THREADS=1 keeps automatic calls on one thread (e.g. when the other core is
    // busy with another process: the worker then gets preempted and the caller waits for it).
    config.max_threads = env_size("NNLAB_GEMM_THREADS", 2) >= 2 ? 2 : 1;
}

static inline const gemm_config *get_config(void) {
    pthread_once(&config_once, config_init);
    return &config;
}

#if NN_X86
static int fast_transpose_pack(void) { return get_config()->supported_isa >= NNLAB_ISA_AVX2; }
#endif

int nnlab_gemm_auto_isa(void) { return get_config()->auto_isa; }
size_t nnlab_gemm_parallel_threshold(void) { return get_config()->parallel_threshold; }

// MARK: - Problem description

typedef struct {
    size_t m, n, k;
    const double *a;
    size_t ars, acs;  // opA(i,p) = a[i*ars + p*acs]
    const double *b;
    size_t brs, bcs;  // opB(p,j) = b[p*brs + j*bcs]
    double *c;
    size_t ldc;
    int accumulate;
} problem;

/// The reference: the contract written out literally.
static void gemm_naive(const problem *P) {
    for (size_t i = 0; i < P->m; i++) {
        for (size_t j = 0; j < P->n; j++) {
            double acc = P->accumulate ? P->c[i * P->ldc + j] : 0.0;
            for (size_t p = 0; p < P->k; p++) {
                const double prod = P->a[i * P->ars + p * P->acs] * P->b[p * P->brs + j * P->bcs];
                acc = acc + prod;
            }
            P->c[i * P->ldc + j] = acc;
        }
    }
}

// MARK: - Per-thread packing scratch

/// Reused packing buffers; one per thread (thread-local for callers, owned by the worker).
typedef struct {
    double *ap;
    size_t ap_cap;
    double *bp;
    size_t bp_cap;
} scratch;

static int ensure(double **buf, size_t *cap, size_t count) {
    if (*cap >= count) return 1;
    size_t bytes = (count * sizeof(double) + 63) & ~(size_t)63;
    double *p = aligned_alloc(64, bytes);
    if (p == NULL) return 0;
    free(*buf);
    *buf = p;
    *cap = bytes / sizeof(double);
    return 1;
}

static pthread_key_t scratch_key;
static pthread_once_t scratch_key_once = PTHREAD_ONCE_INIT;
static _Thread_local scratch tls_scratch;
static _Thread_local int tls_registered;

static void scratch_destroy(void *p) {
    scratch *s = p;
    free(s->ap);
    free(s->bp);
    s->ap = s->bp = NULL;
    s->ap_cap = s->bp_cap = 0;
}
static void scratch_key_init(void) { (void)pthread_key_create(&scratch_key, scratch_destroy); }

static scratch *thread_scratch(void) {
    if (!tls_registered) {
        pthread_once(&scratch_key_once, scratch_key_init);
        // The destructor frees the buffers when the thread exits.
        (void)pthread_setspecific(scratch_key, &tls_scratch);
        tls_registered = 1;
    }
    return &tls_scratch;
}

// MARK: - Packing

#if NN_X86
/// out[p*w + r] = src[r*rs + p] for r < w (a multiple of 4), p < kc: a transposing copy done in
/// 4×4 blocks with AVX2 shuffles (a scalar gather costs ~20% of a 64×784·784×128 product).
/// Pure data movement, so it cannot change any result.
__attribute__((target("avx2"))) static void transpose_pack_avx2(const double *src, size_t rs, size_t kc,
                                                                size_t w, double *restrict out) {
    size_t p = 0;
    for (; p + 4 <= kc; p += 4) {
        for (size_t r = 0; r < w; r += 4) {
            const double *s = src + r * rs + p;
            const __m256d r0 = _mm256_loadu_pd(s), r1 = _mm256_loadu_pd(s + rs);
            const __m256d r2 = _mm256_loadu_pd(s + 2 * rs), r3 = _mm256_loadu_pd(s + 3 * rs);
            const __m256d t0 = _mm256_unpacklo_pd(r0, r1), t1 = _mm256_unpackhi_pd(r0, r1);
            const __m256d t2 = _mm256_unpacklo_pd(r2, r3), t3 = _mm256_unpackhi_pd(r2, r3);
            double *o = out + p * w + r;
            _mm256_storeu_pd(o, _mm256_permute2f128_pd(t0, t2, 0x20));
            _mm256_storeu_pd(o + w, _mm256_permute2f128_pd(t1, t3, 0x20));
            _mm256_storeu_pd(o + 2 * w, _mm256_permute2f128_pd(t0, t2, 0x31));
            _mm256_storeu_pd(o + 3 * w, _mm256_permute2f128_pd(t1, t3, 0x31));
        }
    }
    for (; p < kc; p++)
        for (size_t r = 0; r < w; r++) out[p * w + r] = src[r * rs + p];
}
#endif


/// Packs opA rows [0, mc) × cols [0, kc) into MR-row panels, k-major, zero-padding short panels.
static void pack_a(const double *a, size_t ars, size_t acs, size_t mc, size_t kc, int mr,
                   double *restrict out) {
    for (size_t ir = 0; ir < mc; ir += (size_t)mr) {
        const size_t rows = (mc - ir < (size_t)mr) ? mc - ir : (size_t)mr;
        const double *src = a + ir * ars;
        if (ars == 1) {
            // opA is Aᵀ: the MR values of one k step are contiguous.
            for (size_t p = 0; p < kc; p++) {
                const double *s = src + p * acs;
                size_t r = 0;
                for (; r < rows; r++) out[r] = s[r];
                for (; r < (size_t)mr; r++) out[r] = 0.0;
                out += mr;
            }
        } else {
#if NN_X86
            if (acs == 1 && rows == (size_t)mr && mr % 4 == 0 && fast_transpose_pack()) {
                transpose_pack_avx2(src, ars, kc, (size_t)mr, out);
                out += kc * (size_t)mr;
                continue;
            }
#endif
            for (size_t p = 0; p < kc; p++) {
                size_t r = 0;
                for (; r < rows; r++) out[r] = src[r * ars + p * acs];
                for (; r < (size_t)mr; r++) out[r] = 0.0;
                out += mr;
            }
        }
    }
}

/// Packs opB rows [0, kc) × cols [0, nc) into NR-column panels, k-major, zero-padding.
static void pack_b(const double *b, size_t brs, size_t bcs, size_t kc, size_t nc, int nr,
                   double *restrict out) {
    for (size_t jr = 0; jr < nc; jr += (size_t)nr) {
        const size_t cols = (nc - jr < (size_t)nr) ? nc - jr : (size_t)nr;
        const double *src = b + jr * bcs;
        if (bcs == 1) {
            for (size_t p = 0; p < kc; p++) {
                memcpy(out, src + p * brs, cols * sizeof(double));
                for (size_t c = cols; c < (size_t)nr; c++) out[c] = 0.0;
                out += nr;
            }
        } else {
#if NN_X86
            if (brs == 1 && cols == (size_t)nr && nr % 4 == 0 && fast_transpose_pack()) {
                transpose_pack_avx2(src, bcs, kc, (size_t)nr, out);
                out += kc * (size_t)nr;
                continue;
            }
#endif
            for (size_t p = 0; p < kc; p++) {
                size_t c = 0;
                for (; c < cols; c++) out[c] = src[c * bcs + p * brs];
                for (; c < (size_t)nr; c++) out[c] = 0.0;
                out += nr;
            }
        }
    }
}

// MARK: - Blocked driver (one thread)

static size_t round_up(size_t x, size_t q) { return (x + q - 1) / q * q; }

static void gemm_packed(const problem *P, const kernel_config *K, scratch *S) {
    const gemm_config *cfg = get_config();
    const size_t mr = (size_t)K->mr, nr = (size_t)K->nr;
    const size_t KC = cfg->kc;
    const size_t MC = round_up(cfg->mc, mr);
    const size_t NC = round_up(cfg->nc, nr);
    // Equal K blocks (784 → 4 × 196, not 3 × 256 + 16): a short last block wastes a C round trip.
    const size_t kc_even = (P->k + (P->k + KC - 1) / KC - 1) / ((P->k + KC - 1) / KC);
    const size_t kc_max = kc_even;
    const size_t mc_max = P->m < MC ? round_up(P->m, mr) : MC;
    const size_t nc_max = P->n < NC ? round_up(P->n, nr) : NC;
    if (!ensure(&S->ap, &S->ap_cap, mc_max * kc_max) || !ensure(&S->bp, &S->bp_cap, nc_max * kc_max)) {
        gemm_naive(P);  // out of memory: same result, just slower
        return;
    }
    double tile[MAX_TILE] __attribute__((aligned(64)));

    for (size_t jc = 0; jc < P->n; jc += NC) {
        const size_t nc = (P->n - jc < NC) ? P->n - jc : NC;
        for (size_t pc = 0; pc < P->k; pc += kc_even) {
            const size_t kc = (P->k - pc < kc_even) ? P->k - pc : kc_even;
            // The first K block starts from 0 unless accumulating; later blocks continue from
            // the partial sums stored in C (an exact round trip), so the order stays p ascending.
            const int load_c = P->accumulate || pc > 0;
            pack_b(P->b + pc * P->brs + jc * P->bcs, P->brs, P->bcs, kc, nc, K->nr, S->bp);
            for (size_t ic = 0; ic < P->m; ic += MC) {
                const size_t mc = (P->m - ic < MC) ? P->m - ic : MC;
                pack_a(P->a + ic * P->ars + pc * P->acs, P->ars, P->acs, mc, kc, K->mr, S->ap);
                for (size_t jr = 0; jr < nc; jr += nr) {
                    const size_t cols = (nc - jr < nr) ? nc - jr : nr;
                    const double *bp = S->bp + jr * kc;
                    for (size_t ir = 0; ir < mc; ir += mr) {
                        const size_t rows = (mc - ir < mr) ? mc - ir : mr;
                        const double *ap = S->ap + ir * kc;
                        double *cp = P->c + (ic + ir) * P->ldc + jc + jr;
                        if (rows == mr && cols == nr) {
                            K->fn(kc, ap, bp, cp, P->ldc, load_c);
                        } else {
                            // Edge tile: run the full kernel on a scratch tile, copy the valid part.
                            if (load_c)
                                for (size_t r = 0; r < rows; r++)
                                    memcpy(tile + r * nr, cp + r * P->ldc, cols * sizeof(double));
                            K->fn(kc, ap, bp, tile, nr, load_c);
                            for (size_t r = 0; r < rows; r++)
                                memcpy(cp + r * P->ldc, tile + r * nr, cols * sizeof(double));
                        }
                    }
                }
            }
        }
    }
}

static void gemm_serial(const problem *P, const kernel_config *K, scratch *S) {
    if (K == NULL) gemm_naive(P);
    else gemm_packed(P, K, S);
}

// MARK: - Second thread

// C is cut into a few chunks of whole rows (or whole columns) at tile boundaries; the caller
// and one persistent worker thread claim chunks from a shared counter until none are left.
// K is never split, so the result does not depend on who computes which chunk. Claiming
// (rather than a fixed half each) means the caller never waits for a worker that the OS has
// not scheduled yet: it simply computes the remaining chunks itself.
//
// The worker spins briefly after each job (training calls GEMM back to back), then sleeps on a
// condition variable, so an idle process costs no CPU.

typedef struct {
    problem whole;
    const kernel_config *kernel;
    int split_rows;     // 1: chunks are row ranges of C, 0: column ranges
    size_t chunk;       // rows or columns per chunk (a multiple of MR or NR)
    unsigned chunks;
} parallel_job;

static pthread_mutex_t pool_claim = PTHREAD_MUTEX_INITIALIZER;  // held by the caller using the worker
static pthread_mutex_t wake_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cond = PTHREAD_COND_INITIALIZER;
// The live job in one word: ticket (high 32 bits) | chunk count (16 bits) | next chunk (16 bits).
// Claims compare the whole word, so a worker that wakes up late can never claim a chunk of a
// finished job, and nobody ever claims past the last chunk.
static _Atomic uint64_t job_word = 0;
static _Atomic unsigned job_chunks_done = 0;
static _Atomic int worker_sleeping = 0;
static parallel_job job;  // written before the ticket is published (release), read after a claim
static pthread_once_t worker_once = PTHREAD_ONCE_INIT;
// Contention back-off for automatic calls (see run_parallel): until when to run on one thread,
// and the current length of the pause.
static _Atomic uint64_t backoff_until_ns = 0;
static _Atomic uint64_t backoff_length_ns = 0;
static int worker_ok = 0;

static inline void cpu_relax(void) {
#if NN_X86
    _mm_pause();
#endif
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void run_chunk(const parallel_job *J, unsigned index, scratch *S) {
    problem P = J->whole;
    const size_t start = (size_t)index * J->chunk;
    if (J->split_rows) {
        P.m = (P.m - start < J->chunk) ? P.m - start : J->chunk;
        P.a += start * P.ars;
        P.c += start * P.ldc;
    } else {
        P.n = (P.n - start < J->chunk) ? P.n - start : J->chunk;
        P.b += start * P.bcs;
        P.c += start;
    }
    gemm_serial(&P, J->kernel, S);
}

/// Claims the next chunk of job `ticket`; returns 0 when none is left or the job is gone.
static int claim(uint32_t ticket, unsigned *index) {
    uint64_t word = atomic_load(&job_word);
    for (;;) {
        const unsigned chunks = (unsigned)((word >> 16) & 0xFFFF), next = (unsigned)(word & 0xFFFF);
        if ((uint32_t)(word >> 32) != ticket || next >= chunks) return 0;
        if (atomic_compare_exchange_weak(&job_word, &word, word + 1)) {
            *index = next;
            return 1;
        }
    }
}

static void *worker_main(void *unused) {
    (void)unused;
    scratch own = {0};
    uint32_t seen = 0;
    for (;;) {
        uint32_t ticket;
        const uint64_t start = now_ns();
        unsigned spins = 0;
        while ((ticket = (uint32_t)(atomic_load_explicit(&job_word, memory_order_acquire) >> 32)) == seen) {
            cpu_relax();
            if ((++spins & 255) != 0) continue;
            // Give the core away if anything else wants it (a caller sharing this core must not
            // lose its time slice to our spinning).
            sched_yield();
            if (now_ns() - start > 300000) {  // spin ≤ 0.3 ms, then sleep
                pthread_mutex_lock(&wake_mutex);
                atomic_store(&worker_sleeping, 1);
                while ((ticket = (uint32_t)(atomic_load(&job_word) >> 32)) == seen)
                    pthread_cond_wait(&wake_cond, &wake_mutex);
                atomic_store(&worker_sleeping, 0);
                pthread_mutex_unlock(&wake_mutex);
                break;
            }
        }
        seen = ticket;
        unsigned index;
        while (claim(ticket, &index)) {
            // Reading `job` is safe here: a successful claim means the caller is still waiting.
            run_chunk(&job, index, &own);
            atomic_fetch_add(&job_chunks_done, 1);
        }
    }
    return NULL;
}

static void worker_start(void) {
    pthread_t t;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) return;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    worker_ok = pthread_create(&t, &attr, worker_main, NULL) == 0;
    pthread_attr_destroy(&attr);
}

/// Computes all chunks of `J` with the worker's help; returns 0 (nothing done) if the worker is
/// unavailable (busy with another caller, or could not be created).
static int run_parallel(const parallel_job *J, int adaptive) {
    pthread_once(&worker_once, worker_start);
    if (!worker_ok || pthread_mutex_trylock(&pool_claim) != 0) return 0;
    job = *J;
    atomic_store(&job_chunks_done, 0);
    uint32_t ticket = (uint32_t)(atomic_load(&job_word) >> 32) + 1;
    if (ticket == 0) ticket = 1;  // 0 is the worker's initial "seen"
    // seq_cst store then load: pairs with the worker's store of worker_sleeping and reload of
    // job_word, so either the worker sees this job or we see that it sleeps and wake it.
    atomic_store(&job_word, ((uint64_t)ticket << 32) | ((uint64_t)J->chunks << 16));
    if (atomic_load(&worker_sleeping)) {
        pthread_mutex_lock(&wake_mutex);
        pthread_cond_signal(&wake_cond);
        pthread_mutex_unlock(&wake_mutex);
    }
    scratch *S = thread_scratch();
    const uint64_t t0 = now_ns();
    unsigned index, mine = 0;
    while (claim(ticket, &index)) {
        run_chunk(J, index, S);
        mine++;
    }
    const uint64_t t1 = now_ns();
    // All chunks are claimed; wait for the ones the worker is still computing.
    unsigned spins = 0;
    while (atomic_load(&job_chunks_done) + mine < J->chunks) {
        cpu_relax();
        if ((++spins & 1023) == 0) sched_yield();  // the worker may have been descheduled
    }
    if (adaptive) {
        // If we waited for the worker longer than we computed ourselves, one thread alone would
        // have been faster (≈ 2 × own): the worker is not getting a core because another
        // process is busy. Run automatic calls on one thread for a while; the pause doubles
        // each time the next probe fails too (2 ms … 1 s), so failed probes (each can cost a
        // scheduler time slice) stay a small fraction of the run time.
        const uint64_t end = now_ns(), waited = end - t1, own = t1 - t0;
        uint64_t pause = atomic_load_explicit(&backoff_length_ns, memory_order_relaxed);
        if (waited > own + 10000) {
            pause = pause == 0 ? 2000000 : (pause < 1000000000 ? 2 * pause : pause);
            atomic_store_explicit(&backoff_length_ns, pause, memory_order_relaxed);
            atomic_store_explicit(&backoff_until_ns, end + pause, memory_order_relaxed);
        } else if (pause != 0) {
            atomic_store_explicit(&backoff_length_ns, 0, memory_order_relaxed);
        }
    }
    pthread_mutex_unlock(&pool_claim);
    return 1;
}

// MARK: - Entry points

void nnlab_dgemm_ex(size_t m, size_t n, size_t k,
                    const double *a, size_t lda, int transpose_a,
                    const double *b, size_t ldb, int transpose_b,
                    double *c, size_t ldc, int accumulate,
                    int isa, int threads) {
    if (m == 0 || n == 0) return;
    if (k == 0) {
        if (!accumulate)
            for (size_t i = 0; i < m; i++) memset(c + i * ldc, 0, n * sizeof(double));
        return;
    }
    const gemm_config *cfg = get_config();
    problem P = {
        .m = m, .n = n, .k = k,
        .a = a, .ars = transpose_a ? 1 : lda, .acs = transpose_a ? lda : 1,
        .b = b, .brs = transpose_b ? 1 : ldb, .bcs = transpose_b ? ldb : 1,
        .c = c, .ldc = ldc, .accumulate = accumulate != 0,
    };
    if (isa == NNLAB_ISA_AUTO) isa = cfg->auto_isa;
    if (isa > cfg->supported_isa) isa = cfg->supported_isa;
    if (isa < NNLAB_ISA_NAIVE) isa = NNLAB_ISA_NAIVE;
    const kernel_config *K = cfg->per_isa[isa];

    const double work = (double)m * (double)n * (double)k;
    int two = threads >= 2 ||
              (threads <= 0 && cfg->max_threads >= 2 && work >= (double)cfg->parallel_threshold);
    if (two && threads <= 0 && now_ns() < atomic_load_explicit(&backoff_until_ns, memory_order_relaxed))
        two = 0;
    if (two && K != NULL) {
        // Split the larger side of C at tile boundaries; K is never split.
        const int split_rows = m >= n;
        const size_t extent = split_rows ? m : n;
        const size_t unit = (size_t)(split_rows ? K->mr : K->nr);
        const size_t tiles = (extent + unit - 1) / unit;
        size_t chunks = cfg->chunks < tiles ? cfg->chunks : tiles;
        if (chunks > 0xFFFF) chunks = 0xFFFF;
        if (chunks >= 2) {
            const size_t per = (tiles + chunks - 1) / chunks * unit;
            parallel_job J = {
                .whole = P, .kernel = K, .split_rows = split_rows, .chunk = per,
                .chunks = (unsigned)((extent + per - 1) / per),
            };
            if (run_parallel(&J, threads <= 0)) return;
        }
    }
    gemm_serial(&P, K, thread_scratch());
}

void nnlab_dgemm(size_t m, size_t n, size_t k,
                 const double *a, size_t lda, int transpose_a,
                 const double *b, size_t ldb, int transpose_b,
                 double *c, size_t ldc, int accumulate) {
    nnlab_dgemm_ex(m, n, k, a, lda, transpose_a, b, ldb, transpose_b, c, ldc, accumulate,
                   NNLAB_ISA_AUTO, 0);
}
