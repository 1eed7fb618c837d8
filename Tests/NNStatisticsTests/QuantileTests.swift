import Testing
@testable import NNStatistics

/// Expected values from NumPy 2 (`numpy.percentile`, default method "linear" = Hyndman–Fan 7).
struct QuantileTests {
    static let levels: [Double] = [0, 0.10, 0.25, 0.33, 0.50, 0.75, 0.90, 1]

    /// `a`: the data (unsorted, as given to NumPy); `expected`: the output of
    /// `[float(numpy.percentile(a, q)) for q in [0, 10, 25, 33, 50, 75, 90, 100]]`.
    static let cases: [(name: String, a: [Double], expected: [Double])] = [
        // python3 -c "import numpy as np; print([float(np.percentile([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0], q)) for q in [0,10,25,33,50,75,90,100]])"
        ("odd length", [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0], [1.0, 1.0, 1.5, 1.98, 3.0, 4.5, 6.600000000000001, 9.0]),
        // python3 -c "import numpy as np; print([float(np.percentile([0.5, 2.25, -1.0, 7.0, 3.5, 10.0], q)) for q in [0,10,25,33,50,75,90,100]])"
        ("even length", [0.5, 2.25, -1.0, 7.0, 3.5, 10.0], [-1.0, -0.25, 0.9375, 1.6375000000000002, 2.875, 6.125, 8.5, 10.0]),
        // python3 -c "import numpy as np; print([float(np.percentile([2.0, 2.0, 2.0, 5.0, 5.0, 8.0, 8.0, 8.0], q)) for q in [0,10,25,33,50,75,90,100]])"
        ("repeated values", [2.0, 2.0, 2.0, 5.0, 5.0, 8.0, 8.0, 8.0], [2.0, 2.0, 2.0, 2.93, 5.0, 8.0, 8.0, 8.0]),
        // python3 -c "import numpy as np; print([float(np.percentile([42.0], q)) for q in [0,10,25,33,50,75,90,100]])"
        ("single value", [42.0], [42.0, 42.0, 42.0, 42.0, 42.0, 42.0, 42.0, 42.0]),
        // python3 -c "import numpy as np; print([float(np.percentile([1.0, 2.0], q)) for q in [0,10,25,33,50,75,90,100]])"
        ("two values", [1.0, 2.0], [1.0, 1.1, 1.25, 1.33, 1.5, 1.75, 1.9, 2.0]),
    ]

    @Test(arguments: 0..<5)
    func matchesNumPyPercentile(_ caseIndex: Int) {
        let (name, a, expected) = Self.cases[caseIndex]
        let sorted = a.sorted()
        for (q, value) in zip(Self.levels, expected) {
            let got = quantile(sorted, q)
            #expect(abs(got - value) <= 1e-12 * max(1, abs(value)), "\(name): Q(\(q)) = \(got), NumPy says \(value)")
        }
    }

    @Test func quartilesAndMedianOfShortArray() {
        // python3 -c "import numpy as np; print(np.percentile([0.1, 0.2, 0.3, 0.7], [25, 50, 75]).tolist())"
        // → [0.17500000000000002, 0.25, 0.39999999999999997]
        let sorted = [0.1, 0.2, 0.3, 0.7]
        #expect(quantile(sorted, 0.25) == 0.17500000000000002)
        #expect(median(sorted) == 0.25)
        #expect(quantile(sorted, 0.75) == 0.39999999999999997)
        #expect(interquartileRange(sorted) == 0.39999999999999997 - 0.17500000000000002)
    }

    @Test func infinityIsAnOrderStatistic() {
        // python3 -c "import numpy as np; print(np.percentile([10, 20, 30, np.inf], [25, 50, 75]).tolist())"
        // → [17.5, 25.0, inf]
        let sorted: [Double] = [10, 20, 30, .infinity]
        #expect(quantile(sorted, 0.25) == 17.5)
        #expect(median(sorted) == 25)
        #expect(quantile(sorted, 0.75) == .infinity)
        #expect(interquartileRange(sorted) == .infinity)
        // NumPy returns NaN for all three of [10, 20, ∞, ∞, ∞] (it computes ∞ − ∞);
        // here equal neighbours give the order statistic itself.
        let censored: [Double] = [10, 20, .infinity, .infinity, .infinity]
        #expect(quantile(censored, 0.25) == 20)
        #expect(median(censored) == .infinity)
        #expect(quantile(censored, 0.75) == .infinity)
        #expect(interquartileRange([.infinity, .infinity]) == nil)
    }

    @Test func summaryIgnoresNonFiniteValuesAndCountsThem() {
        // python3 -c "import numpy as np; a=[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]; print(np.percentile(a, [25, 50, 75]).tolist(), np.mean(a))"
        // → [1.5, 3.0, 4.5] 3.5714285714285716
        let values: [Double] = [3.0, .nan, 1.0, 4.0, .infinity, 1.0, 5.0, 9.0, -.infinity, 2.0]
        let summary = try! #require(Summary(values))
        #expect(summary.count == 7)
        #expect(summary.ignored == 3)
        #expect(summary.minimum == 1)
        #expect(summary.q1 == 1.5)
        #expect(summary.median == 3)
        #expect(summary.q3 == 4.5)
        #expect(summary.maximum == 9)
        #expect(abs(summary.mean - 3.5714285714285716) < 1e-15)
        #expect(summary.interquartileRange == 3)
    }

    @Test func summaryOfNothingFiniteIsNil() {
        #expect(Summary([]) == nil)
        #expect(Summary([.nan, .infinity]) == nil)
    }

    @Test func summaryDoesNotDependOnSeedOrder() {
        let values = [0.31, 0.12, 0.5, 0.27, 0.9, 0.11]
        #expect(Summary(values) == Summary(values.reversed()))
    }
}
