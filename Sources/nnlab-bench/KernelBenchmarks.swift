import NNCore

/// GFLOP/s of `GEMM` on the shapes the training core uses (`nnlab-bench kernels`).
///
/// Each product is timed as the best of 15 runs of enough repetitions to last ≥ 20 ms, on 1 and
/// 2 threads and through the default entry point (which picks the thread count itself). Many
/// short runs rather than a few long ones: the two cores are shared, and the best run is the one
/// where nobody else wanted the second core.
/// FLOPs are counted as 2·m·n·k. Environment knobs for tuning: `NNLAB_GEMM_ISA`,
/// `NNLAB_GEMM_KERNEL`, `NNLAB_GEMM_KC`, `NNLAB_GEMM_MC`, `NNLAB_GEMM_PAR` (read by the C kernel).
enum KernelBenchmarks {
    struct Shape {
        var name: String
        var m: Int, n: Int, k: Int
        var transposeA: Bool, transposeB: Bool
    }

    static let shapes: [Shape] = [
        Shape(name: "mlp fwd1 X·W1     64×784·784×128", m: 64, n: 128, k: 784, transposeA: false, transposeB: false),
        Shape(name: "mlp dW1  Xᵀ·dZ1   784×64ᵀ·64×128", m: 784, n: 128, k: 64, transposeA: true, transposeB: false),
        Shape(name: "mlp fwd2 A1·W2    64×128·128×10", m: 64, n: 10, k: 128, transposeA: false, transposeB: false),
        Shape(name: "mlp dW2  A1ᵀ·dZ2  128×64ᵀ·64×10", m: 128, n: 10, k: 64, transposeA: true, transposeB: false),
        Shape(name: "mlp dA1  dZ2·W2ᵀ  64×10·128×10ᵀ", m: 64, n: 128, k: 10, transposeA: false, transposeB: true),
        Shape(name: "mlp dX   dZ1·W1ᵀ  64×128·784×128ᵀ", m: 64, n: 784, k: 128, transposeA: false, transposeB: true),
        Shape(name: "digits fwd1       32×64·64×64", m: 32, n: 64, k: 64, transposeA: false, transposeB: false),
        Shape(name: "digits dW1        64×32ᵀ·32×64", m: 64, n: 64, k: 32, transposeA: true, transposeB: false),
        Shape(name: "digits fwd2       32×64·64×10", m: 32, n: 10, k: 64, transposeA: false, transposeB: false),
        Shape(name: "square            512×512·512×512", m: 512, n: 512, k: 512, transposeA: false, transposeB: false),
        Shape(name: "xor fwd1          4×2·2×2", m: 4, n: 2, k: 2, transposeA: false, transposeB: false),
    ]

    static func run() {
        print("GEMM float64, automatic ISA = \(GEMM.automaticInstructionSet), parallel threshold m·n·k ≥ \(GEMM.parallelThreshold)")
        print(pad("shape", 36) + pad("1 thread", 12) + pad("2 threads", 12) + pad("default", 12) + "µs/call (default)")
        var epochSeconds = 0.0
        for shape in shapes {
            let one = measure(shape, threads: 1)
            let two = measure(shape, threads: 2)
            let auto = measure(shape, threads: nil)
            let flops = 2.0 * Double(shape.m * shape.n * shape.k)
            print(pad(shape.name, 36) + pad(gflops(flops, one), 12) + pad(gflops(flops, two), 12)
                  + pad(gflops(flops, auto), 12) + format(auto * 1e6, 3))
            // The 784-128-10 MLP epoch: 10,000 samples in 157 batches of 64, one fwd1, dW1, fwd2,
            // dW2 and dA1 per batch (the first layer needs no dX).
            if shape.name.hasPrefix("mlp") && !shape.name.hasPrefix("mlp dX") { epochSeconds += auto * 157 }
        }
        print("XOR 2-2-1 epoch, GEMM time only (Z1 = X·W1, Z2 = A1·W2, dW2 = A1ᵀ·dZ2, dA1 = dZ2·W2ᵀ, dW1 = Xᵀ·dZ1): \(format(xorEpochGEMMs() * 1e9, 1)) ns")
        print("MLP 784-128-10 epoch, GEMM time only (157 batches × 5 products, default path): \(format(epochSeconds * 1e3, 2)) ms")
    }

    /// Seconds for the five tiny products of one XOR 2-2-1 full-batch epoch, called directly
    /// (no closure), best of 5 runs of 1,000,000 epochs.
    static func xorEpochGEMMs() -> Double {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: 64)
        defer { buffer.deallocate() }
        for i in 0..<64 { buffer[i] = Double(i % 7) * 0.25 - 0.75 }
        let x = buffer, w1 = buffer + 8, w2 = buffer + 12, z1 = buffer + 16, z2 = buffer + 24
        let dz2 = buffer + 28, dw2 = buffer + 32, da1 = buffer + 36, dw1 = buffer + 44
        let clock = ContinuousClock()
        let epochs = 1_000_000
        var best = Double.infinity
        for _ in 0..<5 {
            let t = clock.measure {
                for _ in 0..<epochs {
                    GEMM.multiply(m: 4, n: 2, k: 2, a: x, lda: 2, transposeA: false, b: w1, ldb: 2, transposeB: false, c: z1, ldc: 2, accumulate: false)
                    GEMM.multiply(m: 4, n: 1, k: 2, a: z1, lda: 2, transposeA: false, b: w2, ldb: 1, transposeB: false, c: z2, ldc: 1, accumulate: false)
                    GEMM.multiply(m: 2, n: 1, k: 4, a: z1, lda: 2, transposeA: true, b: dz2, ldb: 1, transposeB: false, c: dw2, ldc: 1, accumulate: false)
                    GEMM.multiply(m: 4, n: 2, k: 1, a: dz2, lda: 1, transposeA: false, b: w2, ldb: 1, transposeB: true, c: da1, ldc: 2, accumulate: false)
                    GEMM.multiply(m: 2, n: 2, k: 4, a: x, lda: 2, transposeA: true, b: da1, ldb: 2, transposeB: false, c: dw1, ldc: 2, accumulate: false)
                }
            }
            best = min(best, seconds(t) / Double(epochs))
        }
        return best
    }

    /// Seconds per call, best of 15.
    static func measure(_ s: Shape, threads: Int?) -> Double {
        let aCount = s.m * s.k, bCount = s.k * s.n
        var seed: UInt64 = 0x1234_5678
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) * 0x1p-53 - 0.5
        }
        let a = UnsafeMutablePointer<Double>.allocate(capacity: aCount)
        let b = UnsafeMutablePointer<Double>.allocate(capacity: bCount)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: s.m * s.n)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        for i in 0..<aCount { a[i] = next() }
        for i in 0..<bCount { b[i] = next() }
        c.initialize(repeating: 0, count: s.m * s.n)
        let lda = s.transposeA ? s.m : s.k, ldb = s.transposeB ? s.k : s.n

        func call() {
            if let threads {
                GEMM.multiply(m: s.m, n: s.n, k: s.k, a: a, lda: lda, transposeA: s.transposeA,
                              b: b, ldb: ldb, transposeB: s.transposeB, c: c, ldc: s.n, accumulate: false,
                              instructionSet: .automatic, threads: threads)
            } else {
                GEMM.multiply(m: s.m, n: s.n, k: s.k, a: a, lda: lda, transposeA: s.transposeA,
                              b: b, ldb: ldb, transposeB: s.transposeB, c: c, ldc: s.n, accumulate: false)
            }
        }
        call()  // warm up (allocates the per-thread packing buffers, starts the worker)
        let clock = ContinuousClock()
        var reps = 1
        while true {
            let t = clock.measure { for _ in 0..<reps { call() } }
            if seconds(t) >= 0.02 { break }
            reps *= 2
        }
        var best = Double.infinity
        for _ in 0..<15 {
            let t = clock.measure { for _ in 0..<reps { call() } }
            best = min(best, seconds(t) / Double(reps))
        }
        return best
    }

    static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }

    static func gflops(_ flops: Double, _ seconds: Double) -> String { format(flops / seconds / 1e9, 2) }

    static func format(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // (Int conversion instead of rounded(): avoids pulling libm into this target.)
        let scaled = Int(x * scale + 0.5)
        var s = "\(scaled / Int(scale))"
        if decimals > 0 {
            let frac = String(scaled % Int(scale))
            s += "." + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
