import NNCore
import NNData
import NNFiles
import NNReport
import NNRuns
import Testing

@Suite("Data cache")
struct DataCacheTests {
    static func field(_ yaml: String) throws -> JSONField {
        JSONField(try YAMLBridge.parse(yaml, file: "t.yaml"), file: "t.yaml", path: "data")
    }

    @Test func aSplitIsStratifiedSeededAndScaledOnTheTrainingPartOnly() throws {
        let field = try Self.field("{name: circle, samples: 200, noise: 0}")
        let source = try DataSource.read(field, base: "t.yaml")
        var budget = MemoryBudget()
        let cache = DataCache()
        let prepared = try cache.prepare(source, validation: nil, split: 0.25, splitSeed: 4, scaling: .standardize, outputs: 1,
                                         at: field.location, validationAt: nil, budget: &budget)
        let validation = try #require(prepared.validation)
        #expect(prepared.data.count == 150 && validation.count == 50)
        // Playground's circle has 100 points per class: a stratified 25% holds out 25 of each.
        #expect(validation.y.elements.filter { $0 > 0 }.count == 25)
        // Standardized with the training part's statistics: its columns have mean 0, the validation part's do not.
        for column in 0..<2 {
            let trainMean = (0..<prepared.data.count).map { prepared.data.x[$0, column] }.reduce(0, +) / 150
            let validationMean = (0..<validation.count).map { validation.x[$0, column] }.reduce(0, +) / 50
            #expect(abs(trainMean) < 1e-12)
            #expect(abs(validationMean) > 1e-6)
        }
        // The same split seed gives the same rows; another seed other rows.
        let again = try DataCache().prepare(source, validation: nil, split: 0.25, splitSeed: 4, scaling: .standardize, outputs: 1,
                                            at: field.location, validationAt: nil, budget: &budget)
        #expect(again.data.x == prepared.data.x)
        let other = try DataCache().prepare(source, validation: nil, split: 0.25, splitSeed: 5, scaling: .standardize, outputs: 1,
                                            at: field.location, validationAt: nil, budget: &budget)
        #expect(other.data.x != prepared.data.x)
    }

    @Test func seedsAndVariantsShareOneCopyOfTheirData() throws {
        let experiment = try ExperimentFile.experiment(from: """
        sections: [experiments]
        experiments:
          - data: digits
            model: {input: 64, loss: cce, layers: [{type: dense, units: 10, activation: softmax}]}
            optimizer: {type: sgd}
            epochs: 1
            seeds: 3

        """, file: "t.yaml")
        let runs = experiment.experiments[0].runs
        let addresses = runs.map { run in run.data.x.elements.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } }
        #expect(Set(addresses).count == 1, "each seed got its own copy of the digits")
    }
}
