import NNCore
import Testing

/// The determinism contract written out: ascending p, product and sum rounded separately.
private func naiveProduct(m: Int, n: Int, k: Int, a: [Double], lda: Int, transposeA: Bool,
                          b: [Double], ldb: Int, transposeB: Bool,
                          c: inout [Double], ldc: Int, accumulate: Bool) {
    for i in 0..<m {
        for j in 0..<n {
            var acc = accumulate ? c[i * ldc + j] : 0.0
            for p in 0..<k {
                let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                let product = x * y
                acc = acc + product
            }
            c[i * ldc + j] = acc
        }
    }
}

/// Deterministic values spread over many binades and both signs, so that any change of
/// rounding (an FMA, a different order) shows up in the low bits.
private struct SplitMix {
    var generator: RandomGenerator
    init(state: UInt64) { generator = RandomGenerator(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func value() -> Double {
        let unit = Double(next() >> 11) * 0x1p-53 * 2 - 1
        let scale = Double(sign: .plus, exponent: Int(next() % 9) - 4, significand: 1)
        return unit * scale
    }
    mutating func values(_ count: Int) -> [Double] { (0..<count).map { _ in value() } }
}

private struct Case: CustomTestStringConvertible, Sendable {
    var m: Int, n: Int, k: Int
    var transposeA: Bool, transposeB: Bool, accumulate: Bool
    var pad: Int  // extra leading-dimension slack on A, B and C
    var testDescription: String {
        "\(m)×\(k)\(transposeA ? "ᵀ" : "")·\(k)×\(n)\(transposeB ? "ᵀ" : "")\(accumulate ? " +=" : "") pad \(pad)"
    }
}

private let shapes: [(Int, Int, Int)] = [
    (1, 1, 1), (1, 1, 7), (4, 2, 2), (4, 1, 2), (2, 4, 1), (3, 5, 7), (7, 3, 5), (8, 16, 8),
    (9, 17, 13), (13, 29, 31), (16, 16, 16), (25, 10, 64), (33, 47, 65), (64, 10, 128),
    (10, 64, 3), (97, 5, 11), (5, 97, 11), (130, 37, 300), (40, 150, 530), (1, 300, 260),
    (300, 1, 260), (2, 2100, 3), (101, 103, 1),
]

private let cases: [Case] = shapes.flatMap { m, n, k in
    [false, true].flatMap { ta in
        [false, true].flatMap { tb in
            [false, true].map { acc in
                Case(m: m, n: n, k: k, transposeA: ta, transposeB: tb, accumulate: acc,
                     pad: (m + n + k + (ta ? 1 : 0) + (tb ? 2 : 0)) % 4)
            }
        }
    }
}

private func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

@Suite("GEMM")
struct GEMMTests {
    @Test("bit-identical to the naive loop for every ISA, thread count and the default path",
          arguments: cases)
    fileprivate func matchesNaive(_ t: Case) {
        var rng = SplitMix(state: UInt64(t.m * 1_000_003 + t.n * 1009 + t.k * 7 + (t.transposeA ? 1 : 0)))
        let aRows = t.transposeA ? t.k : t.m, aCols = t.transposeA ? t.m : t.k
        let bRows = t.transposeB ? t.n : t.k, bCols = t.transposeB ? t.k : t.n
        let lda = aCols + t.pad, ldb = bCols + t.pad, ldc = t.n + t.pad
        let a = rng.values(aRows * lda)
        let b = rng.values(bRows * ldb)
        let c0 = rng.values(t.m * ldc)

        var expected = c0
        naiveProduct(m: t.m, n: t.n, k: t.k, a: a, lda: lda, transposeA: t.transposeA,
                     b: b, ldb: ldb, transposeB: t.transposeB, c: &expected, ldc: ldc, accumulate: t.accumulate)

        func run(_ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
            var c = c0
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        body(ab, bb, cb)
                    }
                }
            }
            return c
        }

        let viaDefault = run { ap, bp, cp in
            GEMM.multiply(m: t.m, n: t.n, k: t.k, a: ap, lda: lda, transposeA: t.transposeA,
                          b: bp, ldb: ldb, transposeB: t.transposeB, c: cp, ldc: ldc, accumulate: t.accumulate)
        }
        #expect(bits(viaDefault) == bits(expected), "default path")
        let viaDirect = run { ap, bp, cp in
            GEMM.direct(m: t.m, n: t.n, k: t.k, a: ap, lda: lda, transposeA: t.transposeA,
                        b: bp, ldb: ldb, transposeB: t.transposeB, c: cp, ldc: ldc, accumulate: t.accumulate)
        }
        #expect(bits(viaDirect) == bits(expected), "direct path")
        // (ISAs the CPU lacks fall back to the best it has, so this runs everywhere.)
        for isa in GEMM.InstructionSet.allCases {
            for threads in [1, 2] {
                let got = run { ap, bp, cp in
                    GEMM.multiply(m: t.m, n: t.n, k: t.k, a: ap, lda: lda, transposeA: t.transposeA,
                                  b: bp, ldb: ldb, transposeB: t.transposeB, c: cp, ldc: ldc,
                                  accumulate: t.accumulate, instructionSet: isa, threads: threads)
                }
                // Also checks that the padding columns of C are untouched.
                #expect(bits(got) == bits(expected), "isa \(isa), \(threads) thread(s)")
            }
        }
    }

    @Test("the MLP's shapes (Z = X·W, dW = Xᵀ·dZ, dX = dZ·Wᵀ) on two threads",
          arguments: [(64, 128, 784, false, false), (784, 128, 64, true, false), (64, 784, 128, false, true)])
    func mlpShapes(_ shape: (Int, Int, Int, Bool, Bool)) {
        let (m, n, k, ta, tb) = shape
        var rng = SplitMix(state: 42)
        let a = rng.values(m * k), b = rng.values(k * n)
        let lda = ta ? m : k, ldb = tb ? k : n
        var expected = [Double](repeating: 0, count: m * n)
        naiveProduct(m: m, n: n, k: k, a: a, lda: lda, transposeA: ta, b: b, ldb: ldb, transposeB: tb,
                     c: &expected, ldc: n, accumulate: false)
        for threads in [1, 2] {
            var c = [Double](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        GEMM.multiply(m: m, n: n, k: k, a: ab, lda: lda, transposeA: ta, b: bb, ldb: ldb, transposeB: tb,
                                      c: cb, ldc: n, accumulate: false, instructionSet: .automatic, threads: threads)
                    }
                }
            }
            #expect(bits(c) == bits(expected), "\(threads) thread(s)")
        }
    }

    @Test("concurrent callers (worker busy → own thread) stay bit-identical")
    func concurrentCallers() async {
        let m = 96, n = 80, k = 200
        var rng = SplitMix(state: 99)
        let a = rng.values(m * k), b = rng.values(k * n)
        var expected = [Double](repeating: 0, count: m * n)
        naiveProduct(m: m, n: n, k: k, a: a, lda: k, transposeA: false, b: b, ldb: n, transposeB: false,
                     c: &expected, ldc: n, accumulate: false)
        let reference = bits(expected)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<4 {
                group.addTask {
                    var bad = 0
                    for round in 0..<10 {
                        var c = [Double](repeating: .nan, count: m * n)
                        a.withUnsafeBufferPointer { ap in
                            b.withUnsafeBufferPointer { bp in
                                c.withUnsafeMutableBufferPointer { cp in
                                    guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                                    GEMM.multiply(m: m, n: n, k: k, a: ab, lda: k, transposeA: false, b: bb, ldb: n,
                                                  transposeB: false, c: cb, ldc: n, accumulate: false,
                                                  instructionSet: .automatic, threads: (task + round) % 2 == 0 ? 2 : 0)
                                }
                            }
                        }
                        if bits(c) != reference { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test("the test data is sensitive: a fused multiply-add gives different bits")
    func fusedDiffers() {
        var rng = SplitMix(state: 7)
        let k = 64, rows = 50
        let a = rng.values(rows * k), b = rng.values(k)
        var differing = 0
        var separateAll: [Double] = []
        for i in 0..<rows {
            var separate = 0.0, fused = 0.0
            for p in 0..<k {
                separate = separate + a[i * k + p] * b[p]
                fused = fused.addingProduct(a[i * k + p], b[p])
            }
            if separate.bitPattern != fused.bitPattern { differing += 1 }
            separateAll.append(separate)
        }
        #expect(differing > rows / 4)
        let c = Matrix(rows: rows, columns: k, elements: a) * Matrix(rows: k, columns: 1, elements: b)
        #expect(bits(c.elements) == bits(separateAll))
    }

    @Test("exact known products")
    func knownProducts() {
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[5, 6], [7, 8]])
        #expect(a * b == Matrix([[19, 22], [43, 50]]))
        #expect(a.transposedTimes(b) == Matrix([[26, 30], [38, 44]]))
        #expect(a.timesTransposed(b) == Matrix([[17, 23], [39, 53]]))
        #expect(Matrix.multiply(a, b, transposeA: true, transposeB: true) == Matrix([[23, 31], [34, 46]]))
        // XOR's forward pass shape: 4×2 · 2×2.
        let x = Matrix([[-1, -1], [-1, 1], [1, -1], [1, 1]])
        let w = Matrix([[0.5, -0.25], [2, 4]])
        #expect(x * w == Matrix([[-2.5, -3.75], [1.5, 4.25], [-1.5, -4.25], [2.5, 3.75]]))
        // 1×3 · 3×1 and an outer product 3×1 · 1×2.
        #expect(Matrix(row: [1, 2, 3]) * Matrix(rows: 3, columns: 1, elements: [4, 5, 6]) == Matrix([[32]]))
        #expect(Matrix(rows: 3, columns: 1, elements: [1, 2, 3]) * Matrix(row: [10, -1])
                == Matrix([[10, -1], [20, -2], [30, -3]]))
        // Identity, larger than one tile.
        var identity = Matrix(rows: 37, columns: 37)
        for i in 0..<37 { identity[i, i] = 1 }
        var rng = SplitMix(state: 3)
        let r = Matrix(rows: 37, columns: 41, elements: rng.values(37 * 41))
        #expect(identity * r == r)
    }

    @Test("k = 0 gives 0 (or leaves C when accumulating); the sum starts from +0.0")
    func edgeValues() {
        var c: [Double] = [1, 2, 3, 4]
        let empty: [Double] = [0]
        empty.withUnsafeBufferPointer { ep in
            c.withUnsafeMutableBufferPointer { cp in
                guard let e = ep.baseAddress, let cb = cp.baseAddress else { return }
                GEMM.multiply(m: 2, n: 2, k: 0, a: e, lda: 1, transposeA: false, b: e, ldb: 2, transposeB: false,
                              c: cb, ldc: 2, accumulate: true)
            }
        }
        #expect(c == [1, 2, 3, 4])
        empty.withUnsafeBufferPointer { ep in
            c.withUnsafeMutableBufferPointer { cp in
                guard let e = ep.baseAddress, let cb = cp.baseAddress else { return }
                GEMM.multiply(m: 2, n: 2, k: 0, a: e, lda: 1, transposeA: false, b: e, ldb: 2, transposeB: false,
                              c: cb, ldc: 2, accumulate: false)
            }
        }
        #expect(c == [0, 0, 0, 0])
        // -1 · 0 = -0.0, and +0.0 + -0.0 = +0.0: every path must start from +0.0, not the first product.
        for isa in GEMM.InstructionSet.allCases {
            var out = [Double](repeating: 0, count: 9 * 17)
            let a = [Double](repeating: -1, count: 9 * 3), b = [Double](repeating: 0, count: 3 * 17)
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        GEMM.multiply(m: 9, n: 17, k: 3, a: ab, lda: 3, transposeA: false, b: bb, ldb: 17, transposeB: false,
                                      c: cb, ldc: 17, accumulate: false, instructionSet: isa, threads: 1)
                    }
                }
            }
            #expect(out.allSatisfy { $0.bitPattern == (0.0).bitPattern }, "isa \(isa)")
        }
        #expect((Matrix([[-1]]) * Matrix([[0]])).elements[0].bitPattern == (0.0).bitPattern)
        #expect((Matrix([[Double.infinity, 1]]) * Matrix([[1], [2]])).elements[0] == .infinity)
    }
}
