import Testing
@testable import NNStatistics

struct CensoredSummaryTests {
    @Test func majorityNeverReachedGivesMedianNever() {
        // Quartiles with +∞ kept in the sample (method 7 on [10, 20, ∞, ∞, ∞]):
        // h = 4·0.25 = 1 → 20, h = 2 → ∞, h = 3 → ∞.
        let summary = try! #require(CensoredSummary(epochs: [10, 20, nil, nil, nil]))
        #expect(summary.total == 5)
        #expect(summary.reached == 2)
        #expect(summary.notReached == 3)
        #expect(summary.q1 == 20)
        #expect(summary.median == .infinity)
        #expect(summary.q3 == .infinity)
        #expect(summary.interquartileRange == .infinity)
        #expect(CensoredSummary.format(summary.median) == "never")
        #expect(summary.description == "median never (IQR 20–never), reached in 2 of 5 runs")
    }

    @Test func minorityNeverReachedKeepsAFiniteMedian() {
        // python3 -c "import numpy as np; print(np.percentile([12, 8, 30, 15, np.inf], [25, 50, 75]).tolist())"
        // → [12.0, 15.0, 30.0]  (the ∞ is beyond Q(0.75), so NumPy agrees here)
        let summary = try! #require(CensoredSummary(values: [12, 8, 30, 15, .infinity]))
        #expect(summary.reached == 4)
        #expect(summary.q1 == 12)
        #expect(summary.median == 15)
        #expect(summary.q3 == 30)
        #expect(summary.interquartileRange == 18)
        #expect(summary.successRate == 0.8)
    }

    @Test func censoringIsNotMissingness() {
        // Dropping the never-reached runs would report median 15 for a variant that failed 3 of 5 times.
        let censored = try! #require(CensoredSummary(epochs: [10, 20, nil, nil, nil]))
        let dropped = try! #require(CensoredSummary(epochs: [10, 20]))
        #expect(censored.median != dropped.median)
        #expect(dropped.median == 15)
    }

    @Test func noneReachedHasUndefinedSpread() {
        let summary = try! #require(CensoredSummary(epochs: [nil, nil, nil]))
        #expect(summary.reached == 0)
        #expect(summary.median == .infinity)
        #expect(summary.interquartileRange == nil)
    }

    @Test func noRunsIsNil() {
        #expect(CensoredSummary(epochs: []) == nil)
    }

    @Test func formatting() {
        #expect(CensoredSummary.format(12) == "12")
        #expect(CensoredSummary.format(12.5) == "12.5")
        #expect(CensoredSummary.format(.infinity) == "never")
    }
}
