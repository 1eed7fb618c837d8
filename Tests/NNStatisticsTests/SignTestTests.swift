import Testing
@testable import NNStatistics

/// Expected values from SciPy 1.17: `scipy.stats.binomtest(k, n, 0.5).pvalue` (two-sided).
struct SignTestTests {
    static let cases: [(k: Int, n: Int, p: Double)] = [
        (9, 10, 0.021484375),               // python3 -c "import scipy.stats as s; print(s.binomtest(9, 10, 0.5).pvalue)"
        (1, 10, 0.021484375),               // python3 -c "import scipy.stats as s; print(s.binomtest(1, 10, 0.5).pvalue)"
        (2, 10, 0.109375),                  // python3 -c "import scipy.stats as s; print(s.binomtest(2, 10, 0.5).pvalue)"
        (5, 10, 1.0),                       // python3 -c "import scipy.stats as s; print(s.binomtest(5, 10, 0.5).pvalue)"
        (0, 12, 0.00048828125),             // python3 -c "import scipy.stats as s; print(s.binomtest(0, 12, 0.5).pvalue)"
        (20, 30, 0.09873714670538905),      // python3 -c "import scipy.stats as s; print(s.binomtest(20, 30, 0.5).pvalue)"
        (13, 40, 0.03847730828420026),      // python3 -c "import scipy.stats as s; print(s.binomtest(13, 40, 0.5).pvalue)"
        (30, 100, 7.85013964559367e-05),    // python3 -c "import scipy.stats as s; print(s.binomtest(30, 100, 0.5).pvalue)"
        (0, 1, 1.0),                        // python3 -c "import scipy.stats as s; print(s.binomtest(0, 1, 0.5).pvalue)"
        (150, 400, 6.531819212838477e-07),  // python3 -c "import scipy.stats as s; print(s.binomtest(150, 400, 0.5).pvalue)"
    ]

    @Test(arguments: 0..<10)
    func matchesSciPyBinomtest(_ index: Int) {
        let (k, n, p) = Self.cases[index]
        let test = SignTest(positive: k, negative: n - k)
        #expect(abs(test.pValue - p) <= 1e-12 * p, "\(k) of \(n): \(test.pValue) vs \(p)")
    }

    @Test func dropsZeros() {
        let test = SignTest([3, 5, 2, 8, 6], [3, 2, 4, 5, 6])
        #expect(test.zeros == 2)
        #expect(test.positive == 2)
        #expect(test.negative == 1)
        #expect(test.pValue == 1)
    }

    @Test func allZerosGivesPOne() {
        #expect(SignTest(differences: [0, 0, 0]).pValue == 1)
    }
}
