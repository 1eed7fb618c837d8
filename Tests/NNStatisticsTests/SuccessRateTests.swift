import Testing
@testable import NNStatistics

/// Expected intervals from SciPy 1.17:
/// `scipy.stats.binomtest(k, n).proportion_ci(method='wilson')` (95%, no continuity correction),
/// which is the hand formula in ``SuccessRate``'s doc comment.
struct SuccessRateTests {
    static let cases: [(k: Int, n: Int, lower: Double, upper: Double)] = [
        // python3 -c "import scipy.stats as s; print(s.binomtest(0, 10).proportion_ci(method='wilson'))"
        (0, 10, 0.0, 0.27753279986288926),
        // python3 -c "import scipy.stats as s; print(s.binomtest(10, 10).proportion_ci(method='wilson'))"
        (10, 10, 0.7224672001371109, 1.0),
        // python3 -c "import scipy.stats as s; print(s.binomtest(7, 10).proportion_ci(method='wilson'))"
        (7, 10, 0.39677814746114526, 0.892208732593699),
        // Newcombe (1998), Stat. Med. 17:857, Wilson score method without continuity correction: 81/263 → 0.2553–0.3662.
        // python3 -c "import scipy.stats as s; print(s.binomtest(81, 263).proportion_ci(method='wilson'))"
        (81, 263, 0.2552885198782742, 0.36620957698280004),
        // Another of Newcombe's (1998) examples, 15/148 (checked here against SciPy only).
        // python3 -c "import scipy.stats as s; print(s.binomtest(15, 148).proportion_ci(method='wilson'))"
        (15, 148, 0.06238639953073629, 0.16048724172330803),
        // Another of Newcombe's (1998) examples, 0/20 (checked here against SciPy only).
        // python3 -c "import scipy.stats as s; print(s.binomtest(0, 20).proportion_ci(method='wilson'))"
        (0, 20, 0.0, 0.16112515805281935),
        // Another of Newcombe's (1998) examples, 1/29 (checked here against SciPy only).
        // python3 -c "import scipy.stats as s; print(s.binomtest(1, 29).proportion_ci(method='wilson'))"
        (1, 29, 0.006113214292762667, 0.17175521879320282),
    ]

    @Test(arguments: 0..<7)
    func matchesSciPyWilson(_ index: Int) {
        let (k, n, lower, upper) = Self.cases[index]
        let rate = try! #require(SuccessRate(successes: k, trials: n))
        #expect(abs(rate.lower - lower) < 1e-14, "\(k)/\(n) lower \(rate.lower) vs \(lower)")
        #expect(abs(rate.upper - upper) < 1e-14, "\(k)/\(n) upper \(rate.upper) vs \(upper)")
        #expect(rate.rate == Double(k) / Double(n))
    }

    @Test func publishedFourDecimals() {
        let rate = try! #require(SuccessRate(successes: 81, trials: 263))
        #expect((rate.lower * 10_000).rounded() == 2553)
        #expect((rate.upper * 10_000).rounded() == 3662)
    }

    @Test func boundsAreExactAtTheEnds() {
        #expect(SuccessRate(successes: 0, trials: 10)?.lower == 0)
        #expect(SuccessRate(successes: 10, trials: 10)?.upper == 1)
        #expect(SuccessRate(successes: 0, trials: 1)?.lower == 0)
        #expect(SuccessRate(successes: 1, trials: 1)?.upper == 1)
    }

    @Test func noTrialsIsNil() {
        #expect(SuccessRate(successes: 0, trials: 0) == nil)
    }

    @Test func description() {
        #expect(SuccessRate(successes: 7, trials: 10)?.description == "7/10 (70%, 95% CI 40–89%)")
    }
}
