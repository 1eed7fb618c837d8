import Testing
@testable import NNStatistics

struct PairedComparisonTests {
    // Final losses of two variants over the same 10 seeds (the Wilcoxon exact example).
    static let l2: [Double] = [0.62, 0.55, 0.71, 0.48, 0.66, 0.59, 0.73, 0.51, 0.64, 0.58]
    static let none: [Double] = [0.70, 0.61, 0.69, 0.60, 0.75, 0.58, 0.81, 0.63, 0.69, 0.71]

    @Test func effectSizesAndTests() {
        let comparison = PairedComparison(Self.l2, Self.none)
        #expect(comparison.pairs == 10)
        #expect(comparison.firstLower == 8)
        #expect(comparison.firstHigher == 2)
        #expect(comparison.equal == 0)
        // python3 -c "import numpy as np; print(np.median(np.array([0.62, 0.55, 0.71, 0.48, 0.66, 0.59, 0.73, 0.51, 0.64, 0.58]) - np.array([0.70, 0.61, 0.69, 0.60, 0.75, 0.58, 0.81, 0.63, 0.69, 0.71])))"
        // → -0.08000000000000002
        #expect(abs((comparison.medianDifference ?? 0) - -0.08000000000000002) < 1e-15)
        // Kerby (2014): r = (W⁺ − W⁻)/(W⁺ + W⁻) = (3 − 52)/55.
        #expect(abs(comparison.rankBiserial - -49.0 / 55.0) < 1e-15)
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([0.62, 0.55, 0.71, 0.48, 0.66, 0.59, 0.73, 0.51, 0.64, 0.58], [0.70, 0.61, 0.69, 0.60, 0.75, 0.58, 0.81, 0.63, 0.69, 0.71]).pvalue)"
        // → 0.009765625
        #expect(comparison.wilcoxon.pValue == 0.009765625)
        // python3 -c "import scipy.stats as s; print(s.binomtest(2, 10, 0.5).pvalue)" → 0.109375
        #expect(comparison.signTest.pValue == 0.109375)
    }

    @Test func verdict() {
        let comparison = PairedComparison(Self.l2, Self.none)
        #expect(comparison.verdict(first: "L2 0.01", second: "none", quantity: "final loss")
            == "L2 0.01 has lower final loss than none in 8 of 10 seeds (Wilcoxon signed-rank, p = 0.010, r = −0.89)")
        // The same signed r as the table: (W⁺ − W⁻)/(W⁺ + W⁻) of first − second.
        #expect(PairedComparison.formatR(comparison.rankBiserial) == "−0.89")
        #expect(PairedComparison.formatPValue(comparison.wilcoxon.pValue) == "0.010")
        let reversed = PairedComparison(Self.none, Self.l2)
        #expect(reversed.verdict(first: "none", second: "L2 0.01", quantity: "final loss")
            == "none has higher final loss than L2 0.01 in 8 of 10 seeds (Wilcoxon signed-rank, p = 0.010, r = 0.89)")
    }

    @Test func rankBiserialIsOneWhenAllPositive() {
        let comparison = PairedComparison([2, 3, 4, 5], [1, 1, 1, 1])
        #expect(comparison.rankBiserial == 1)
        #expect(comparison.verdict(first: "a", second: "b", quantity: "accuracy")
            == "a has higher accuracy than b in 4 of 4 seeds (Wilcoxon signed-rank, p = 0.125, r = 1.00)")
    }

    @Test func identicalVariantsGivePOne() {
        let values = [0.31, 0.12, 0.5, 0.27, 0.9]
        let comparison = PairedComparison(values, values)
        #expect(comparison.equal == 5)
        #expect(comparison.wilcoxon.pValue == 1)
        #expect(comparison.signTest.pValue == 1)
        #expect(comparison.rankBiserial == 0)
        #expect(comparison.medianDifference == 0)
        #expect(comparison.verdict(first: "a", second: "b", quantity: "final loss")
            == "a and b have identical final loss in all 5 seeds (p = 1)")
    }

    /// A diverged seed (+∞) is the worst value and stays in the test; only NaN (no value) drops a pair.
    @Test func divergedSeedsCountAsTheWorstValue() {
        let comparison = PairedComparison([1, .nan, 3, 4], [2, 1, .infinity, 5])
        #expect(comparison.pairs == 3)
        #expect(comparison.droppedPairs == 1)
        #expect(comparison.firstLower == 3)
        // python3 -c "import scipy.stats as s; print(s.wilcoxon([-1, -1e9, -1]).pvalue)" → 0.25 (the +∞ difference ranks largest)
        #expect(comparison.wilcoxon.pValue == 0.25)
        #expect(comparison.verdict(first: "a", second: "b", quantity: "final loss")
            == "a has lower final loss than b in 3 of 3 seeds (Wilcoxon signed-rank, p = 0.250, r = −1.00, 1 seed without a value left out)")
        // Two diverged seeds are equal; the median difference keeps the infinity.
        let both = PairedComparison([.infinity, 1, 2], [.infinity, 3, .infinity])
        #expect(both.equal == 1 && both.firstLower == 2)
        #expect(both.medianDifference == -2)
        #expect(PairedComparison([1, 2], [.infinity, 3]).medianDifference == -.infinity)
        #expect(PairedComparison([.nan], [1]).medianDifference == nil)
    }

    @Test func evenSplit() {
        let comparison = PairedComparison([1, 2, 3, 4], [2, 1, 4, 3])
        #expect(comparison.verdict(first: "a", second: "b", quantity: "final loss")
            == "a and b do not differ consistently in final loss: a is lower in 2, higher in 2 of 4 seeds (Wilcoxon signed-rank, p = 1, r = 0.00)")
    }

    @Test func pFormatting() {
        #expect(PairedComparison.formatP(0.0039) == "p = 0.004")
        #expect(PairedComparison.formatP(0.0004) == "p < 0.001")
        #expect(PairedComparison.formatP(1) == "p = 1")
        #expect(PairedComparison.formatP(0.9996) == "p = 1")
        #expect(PairedComparison.formatP(0.05) == "p = 0.050")
    }
}
