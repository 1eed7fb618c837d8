import Testing
@testable import NNStatistics

/// Expected values from SciPy 1.17 (`scipy.stats.wilcoxon`, defaults `zero_method='wilcox'`,
/// `correction=False`, `method='auto'`: exact for n ≤ 50 without ties or zeros, a complete
/// permutation test for n ≤ 13 with ties or zeros, the normal approximation otherwise).
/// `W⁺` and `W⁻` are not printed by SciPy; they come from
/// `d = x − y; d = d[d != 0]; r = scipy.stats.rankdata(abs(d)); r[d > 0].sum(), r[d < 0].sum()`.
struct WilcoxonSignedRankTests {
    /// `x = (i·37 mod 101)`, `y = (i·53 mod 97) + offset` for `i = 0..<n`: reproducible in both languages.
    static func modular(_ n: Int, offset: Double) -> (x: [Double], y: [Double]) {
        ((0..<n).map { Double(($0 * 37) % 101) }, (0..<n).map { Double(($0 * 53) % 97) + offset })
    }

    @Test func exactSmallSample() {
        // Two seeds tie at |d| = 0.12 exactly in binary floating point (0.48 − 0.60 == 0.51 − 0.63),
        // so SciPy ran a complete permutation test; method='exact' prints the same p here.
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([0.62, 0.55, 0.71, 0.48, 0.66, 0.59, 0.73, 0.51, 0.64, 0.58], [0.70, 0.61, 0.69, 0.60, 0.75, 0.58, 0.81, 0.63, 0.69, 0.71]))"
        // → statistic=3.0, pvalue=0.009765625;  W⁺ = 3, W⁻ = 52
        let x = [0.62, 0.55, 0.71, 0.48, 0.66, 0.59, 0.73, 0.51, 0.64, 0.58]
        let y = [0.70, 0.61, 0.69, 0.60, 0.75, 0.58, 0.81, 0.63, 0.69, 0.71]
        let test = WilcoxonSignedRank(x, y)
        #expect(test.wPlus == 3)
        #expect(test.wMinus == 52)
        #expect(test.statistic == 3)
        #expect(test.n == 10)
        #expect(test.zeros == 0)
        #expect(test.hasTies)
        #expect(test.method == .exact)
        #expect(test.pValue == 0.009765625)
        #expect(abs(test.rankBiserial - (3.0 - 52.0) / 55.0) < 1e-15)
        // Swapping the variants swaps W⁺ and W⁻ and keeps p.
        let swapped = WilcoxonSignedRank(y, x)
        #expect(swapped.wPlus == 52 && swapped.pValue == test.pValue)
    }

    @Test func exactAllPositive() {
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 1, 1, 1, 1]))"
        // → statistic=0.0, pvalue=0.00390625  (= 2/2⁹)
        let test = WilcoxonSignedRank([2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(test.statistic == 0)
        #expect(test.wPlus == 45)
        #expect(test.pValue == 0.00390625)
        #expect(test.rankBiserial == 1)
        #expect(WilcoxonSignedRank([1, 1, 1], [2, 3, 4]).rankBiserial == -1)
    }

    @Test func exactWithTies() {
        // d = [-1, -2, 2, -2, 1, -3, 1, 3]: average ranks for the tied |d|.
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 1, 6, 4, 9, 6, 5]))"
        // → statistic=16.5, pvalue=0.90625 (complete permutation test, n = 8 ≤ 13)
        let test = WilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 1, 6, 4, 9, 6, 5])
        #expect(test.hasTies)
        #expect(test.wPlus == 16.5)
        #expect(test.wMinus == 19.5)
        #expect(test.statistic == 16.5)
        #expect(test.method == .exact)
        #expect(abs(test.pValue - 0.90625) < 1e-15)
    }

    @Test func exactWithZerosAndTies() {
        // d = [0, 3, -2, 3, 0, 3, 4, 0, -1, 4]: three zeros dropped, n = 7.
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([3, 5, 2, 8, 6, 4, 7, 9, 1, 5], [3, 2, 4, 5, 6, 1, 3, 9, 2, 1]))"
        // → statistic=3.0, pvalue=0.0625;  W⁺ = 25, W⁻ = 3
        let test = WilcoxonSignedRank([3, 5, 2, 8, 6, 4, 7, 9, 1, 5], [3, 2, 4, 5, 6, 1, 3, 9, 2, 1])
        #expect(test.zeros == 3)
        #expect(test.n == 7)
        #expect(test.wPlus == 25)
        #expect(test.wMinus == 3)
        #expect(test.statistic == 3)
        #expect(abs(test.pValue - 0.0625) < 1e-15)
    }

    @Test func exactWithTiesBeyondSciPysPermutationLimit() {
        // n = 16 (2 zeros, 14 used) with ties: SciPy's "auto" would switch to the normal
        // approximation; a complete permutation test over all 2¹⁶ sign patterns is exact:
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([i % 5 - 2 + (0.5 if i % 3 == 0 else 0) for i in range(1, 17)], method=s.PermutationMethod(n_resamples=2**16)))"
        // → statistic=48.0, pvalue=0.7999267578125;  W⁺ = 57, W⁻ = 48
        let d: [Double] = (1...16).map { (i: Int) -> Double in
            let half: Double = i % 3 == 0 ? 0.5 : 0
            return Double(i % 5 - 2) + half
        }
        let test = WilcoxonSignedRank(differences: d)
        #expect(test.n == 14)
        #expect(test.zeros == 2)
        #expect(test.hasTies)
        #expect(test.wPlus == 57)
        #expect(test.statistic == 48)
        #expect(test.method == .exact)
        #expect(abs(test.pValue - 0.7999267578125) < 1e-15)
    }

    @Test func exactAtFifty() {
        // No ties, no zeros, n = 50: SciPy's exact distribution.
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(50)], [float((i*53) % 97) + 0.25 for i in range(50)]))"
        // → statistic=544.0, pvalue=0.3724861917482851;  W⁺ = 731
        let (x, y) = Self.modular(50, offset: 0.25)
        let test = WilcoxonSignedRank(x, y)
        #expect(test.n == 50)
        #expect(!test.hasTies)
        #expect(test.method == .exact)
        #expect(test.wPlus == 731)
        #expect(test.statistic == 544)
        #expect(abs(test.pValue - 0.3724861917482851) < 1e-13)
    }

    @Test func normalApproximationWithTiesAtTwentyFive() {
        // n = 25 with ties: SciPy "auto" uses the normal approximation with tie correction.
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(25)], [float((i*53) % 97) + 0.5 for i in range(25)]))"
        // → statistic=136.0, pvalue=0.47570541006784317;  W⁺ = 189
        let (x, y) = Self.modular(25, offset: 0.5)
        let normal = WilcoxonSignedRank(x, y, exactLimit: 0)
        #expect(normal.method == .normalApproximation)
        #expect(normal.statistic == 136)
        #expect(abs(normal.pValue - 0.47570541006784317) < 1e-12)
        // By default the exact conditional distribution is used instead; checked against a
        // brute-force enumeration of all 2²⁵ sign patterns (`exact_p` below) → 0.4864898920059204.
        let exact = WilcoxonSignedRank(x, y)
        #expect(exact.method == .exact)
        #expect(abs(exact.pValue - 0.4864898920059204) < 1e-15)
    }

    @Test func exactWithTiesAndZeroAtForty() {
        // 40 pairs, one zero (39 used), one tie: SciPy "auto" gives the normal approximation 0.279463422849728
        // (python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(40)], [float((i*53) % 97) for i in range(40)]))");
        // the exact conditional p from `exact_p` below is 0.28446529866414494, W⁺ = 467.5.
        let (x, y) = Self.modular(40, offset: 0)
        let test = WilcoxonSignedRank(x, y)
        #expect(test.n == 39)
        #expect(test.zeros == 1)
        #expect(test.hasTies)
        #expect(test.wPlus == 467.5)
        #expect(test.statistic == 312.5)
        #expect(abs(test.pValue - 0.28446529866414494) < 1e-15)
        #expect(abs(WilcoxonSignedRank(x, y, exactLimit: 0).pValue - 0.279463422849728) < 1e-12)
    }

    // Independent reference for the exact conditional p-value with ties: meet-in-the-middle
    // enumeration of all 2ⁿ sign patterns (no dynamic programming), SciPy 1.17 / NumPy 2:
    //
    //     import numpy as np, scipy.stats as s
    //     def exact_p(d):
    //         d = np.asarray(d, float); d = d[d != 0]
    //         r2 = (2 * s.rankdata(np.abs(d))).astype(np.int64)
    //         obs = int(r2[d > 0].sum()); n = len(r2); h = n // 2
    //         def sums(rs):
    //             out = np.zeros(1, np.int64)
    //             for r in rs: out = np.concatenate([out, out + r])
    //             return out
    //         a = sums(r2[:h]); b = np.sort(sums(r2[h:]))
    //         le = int(np.searchsorted(b, obs - a, side='right').sum())
    //         ge = int((len(b) - np.searchsorted(b, obs - a, side='left')).sum())
    //         return min(1.0, 2 * min(le, ge) / 2**n), obs / 2, n
    //     x = [float((i*37) % 101) for i in range(25)]; y = [float((i*53) % 97) + 0.5 for i in range(25)]
    //     print(exact_p(np.array(x) - np.array(y)))   # (0.4864898920059204, 189.0, 25)
    //     x = [float((i*37) % 101) for i in range(40)]; y = [float((i*53) % 97) for i in range(40)]
    //     print(exact_p(np.array(x) - np.array(y)))   # (0.28446529866414494, 467.5, 39)

    @Test func normalApproximationAtSixty() {
        // n = 60 with one zero (59 used) and ties.
        // python3 -c "import scipy.stats as s; r = s.wilcoxon([float((i*37) % 101) for i in range(60)], [float((i*53) % 97) for i in range(60)], method='asymptotic'); print(r, r.zstatistic)"
        // → statistic=781.0, pvalue=0.43244333496176646, zstatistic=-0.7850174543759851;  W⁺ = 989
        let (x, y) = Self.modular(60, offset: 0)
        let test = WilcoxonSignedRank(x, y)
        #expect(test.method == .normalApproximation)
        #expect(test.n == 59)
        #expect(test.zeros == 1)
        #expect(test.statistic == 781)
        #expect(abs(test.pValue - 0.43244333496176646) < 1e-12)
        #expect(abs(abs(test.z ?? 0) - 0.7850174543759851) < 1e-12)
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(60)], [float((i*53) % 97) for i in range(60)], correction=True))"
        // → statistic=781.0, pvalue=0.4346593923908163
        let corrected = WilcoxonSignedRank(x, y, continuityCorrection: true)
        #expect(abs(corrected.pValue - 0.4346593923908163) < 1e-12)
    }

    @Test func normalApproximationAtSixtyWithoutZeros() {
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(60)], [float((i*53) % 97) + 0.5 for i in range(60)]))"
        // → statistic=821.0, pvalue=0.4889255166358707;  W⁺ = 1009
        let (x, y) = Self.modular(60, offset: 0.5)
        let test = WilcoxonSignedRank(x, y)
        #expect(test.n == 60)
        #expect(test.wPlus == 1009)
        #expect(test.statistic == 821)
        #expect(abs(test.pValue - 0.4889255166358707) < 1e-12)
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([float((i*37) % 101) for i in range(60)], [float((i*53) % 97) + 0.5 for i in range(60)], correction=True))"
        // → statistic=821.0, pvalue=0.49124004621047146
        let corrected = WilcoxonSignedRank(x, y, continuityCorrection: true)
        #expect(abs(corrected.pValue - 0.49124004621047146) < 1e-12)
    }

    @Test func allDifferencesZeroGivesPOne() {
        // Defined here as p = 1 (n = 0). SciPy 1.17 also prints p = 1.0 here:
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]))"
        // → statistic=0.0, pvalue=1.0
        let test = WilcoxonSignedRank([1, 2, 3], [1, 2, 3])
        #expect(test.n == 0)
        #expect(test.zeros == 3)
        #expect(test.wPlus == 0 && test.wMinus == 0)
        #expect(test.pValue == 1)
        #expect(test.rankBiserial == 0)
        #expect(WilcoxonSignedRank(differences: []).pValue == 1)
    }

    @Test func exactDistributionSumsToOneAndIsSymmetric() {
        // Two-sided p at the centre of a symmetric distribution is 1 (clipped).
        let ranks = Array(1...12).map { 2 * $0 }
        #expect(WilcoxonSignedRank.exactPValue(doubledRanks: ranks, observed: 78) == 1)
        // The extreme: only the all-negative pattern has W⁺ = 0, p = 2/2¹².
        #expect(WilcoxonSignedRank.exactPValue(doubledRanks: ranks, observed: 0) == 2.0 / 4096)
    }
}
