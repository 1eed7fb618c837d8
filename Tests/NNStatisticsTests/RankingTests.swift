import Testing
@testable import NNStatistics

struct RankingTests {
    let never = Double.infinity

    @Test func successRateThenMedianEpochs() {
        let variants = [
            VariantResults(name: "slow", epochsToTarget: [40, 50, 60, 45]),        // 4/4, median 47.5
            VariantResults(name: "flaky", epochsToTarget: [10, never, 12, never]), // 2/4
            VariantResults(name: "fast", epochsToTarget: [20, 25, 30, 22]),        // 4/4, median 23.5
            VariantResults(name: "dead", epochsToTarget: [never, never, never, never]),
            VariantResults(name: "unrun"),
        ]
        let names = Ranking.rank(variants, by: .successThenEpochs).map(\.name)
        #expect(names == ["fast", "slow", "flaky", "dead", "unrun"])
    }

    @Test func medianFinalLossLowerFirst() {
        let variants = [
            VariantResults(name: "b", finalLoss: [0.3, 0.2, 0.4]),
            VariantResults(name: "a", finalLoss: [0.5, .nan, 0.6]),
            VariantResults(name: "c", finalLoss: [0.1, 0.9, 0.15]),
            VariantResults(name: "diverged", finalLoss: [.nan, .nan]),
        ]
        #expect(Ranking.rank(variants, by: .medianFinalLoss).map(\.name) == ["c", "b", "a", "diverged"])
    }

    @Test func medianValidationAccuracyHigherFirst() {
        let variants = [
            VariantResults(name: "b", validationAccuracy: [0.90, 0.92]),
            VariantResults(name: "a", validationAccuracy: [0.95, 0.97]),
        ]
        #expect(Ranking.rank(variants, by: .medianValidationAccuracy).map(\.name) == ["a", "b"])
    }

    @Test func tiesBrokenByNameThenInputOrder() {
        let variants = [
            VariantResults(name: "zeta", finalLoss: [0.2]),
            VariantResults(name: "alpha", finalLoss: [0.2]),
            VariantResults(name: "mid", finalLoss: [0.2], validationAccuracy: [1]),
            VariantResults(name: "mid", finalLoss: [0.2], validationAccuracy: [2]),
        ]
        let ranked = Ranking.rank(variants, by: .medianFinalLoss)
        #expect(ranked.map(\.name) == ["alpha", "mid", "mid", "zeta"])
        #expect(ranked[1].validationAccuracy == [1])
        // Deterministic whatever the input order.
        #expect(Ranking.rank(variants.reversed(), by: .medianFinalLoss).map(\.name) == ["alpha", "mid", "mid", "zeta"])
    }

    @Test func identicalVariantsHaveIdenticalSummaries() {
        let seeds: [Double] = [0.21, 0.19, 0.25, 0.22, 0.2]
        let a = VariantResults(name: "a", finalLoss: seeds, epochsToTarget: [12, 15, never, 11, 14])
        let b = VariantResults(name: "b", finalLoss: seeds, epochsToTarget: [12, 15, never, 11, 14])
        #expect(Summary(a.finalLoss) == Summary(b.finalLoss))
        #expect(CensoredSummary(values: a.epochsToTarget) == CensoredSummary(values: b.epochsToTarget))
        #expect(PairedComparison(a.finalLoss, b.finalLoss).wilcoxon.pValue == 1)
        #expect(Ranking.rank([b, a], by: .successThenEpochs).map(\.name) == ["a", "b"])
    }
}
