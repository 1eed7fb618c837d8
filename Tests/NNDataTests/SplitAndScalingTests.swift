import Foundation
import NNCore
@testable import NNData
import Testing
import NNFiles

@Suite struct SplitAndScalingTests {
    @Test(arguments: [0.2, 0.25, 0.5, 0.1])
    func stratificationKeepsClassProportions(fraction: Double) throws {
        let digits = try #require(try BuiltinDataset.digits.classificationData())
        let split = TrainTestSplit(digits, testFraction: fraction, seed: 42)
        #expect(split.train.count + split.test.count == digits.count)
        #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
        for k in 0..<10 {
            let exact = Double(digits.classCounts[k]) * fraction
            #expect(abs(Double(split.test.classCounts[k]) - exact) <= 1)
            #expect(split.train.classCounts[k] + split.test.classCounts[k] == digits.classCounts[k])
        }
        #expect(split.test.features.row(0) == digits.features.row(split.testIndices[0]))
        #expect(TrainTestSplit(digits, testFraction: fraction, seed: 42) == split)
        #expect(TrainTestSplit(digits, testFraction: fraction, seed: 43).testIndices != split.testIndices)
    }

    @Test func irisSplitIsExact() throws {
        let iris = try #require(try BuiltinDataset.iris.classificationData())
        let split = TrainTestSplit(iris, testFraction: 0.2, seed: 1)
        #expect(split.test.classCounts == [10, 10, 10])
        #expect(split.train.classCounts == [40, 40, 40])
    }

    @Test func scalersNeverLookAtTheTestSplit() throws {
        let iris = try #require(try BuiltinDataset.iris.classificationData())
        let split = TrainTestSplit(iris, testFraction: 0.3, seed: 5)
        let (scaled, scaler) = split.standardized()
        let (_, minMax) = split.minMaxScaled()
        // Replace the test split with wild values: the fitted scalers do not change.
        var altered = split
        altered.test = split.test.withFeatures(Matrix(rows: split.test.count, columns: 4, repeating: 1e6))
        #expect(altered.standardized().scaler == scaler)
        #expect(altered.minMaxScaled().scaler == minMax)
        #expect(scaler == Standardization(fittedOn: split.train.features))
        // The training part is standardized: mean 0, population deviation 1 per feature.
        for j in 0..<4 {
            let column = (0..<scaled.train.count).map { scaled.train.features[$0, j] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
            #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12)
        }
        // The test part uses the training statistics.
        let expected = (split.test.features[0, 2] - scaler.means[2]) / scaler.standardDeviations[2]
        #expect(abs(scaled.test.features[0, 2] - expected) < 1e-15)
    }

    @Test func constantFeaturesDoNotDivideByZero() throws {
        let x = Matrix([[1, 5], [2, 5], [3, 5]])
        let standard = Standardization(fittedOn: x)
        #expect(standard.standardDeviations == [(2.0 / 3).squareRoot(), 0])
        let z = standard.apply(x)
        #expect(z.elements.allSatisfy { $0.isFinite })
        #expect((0..<3).map { z[$0, 1] } == [0, 0, 0])
        #expect(standard.apply(Matrix([[2, 7]]))[0, 1] == 2)
        let minMax = MinMaxScaling(fittedOn: x, lower: -1, upper: 1)
        let m = minMax.apply(x)
        #expect(m.rowArrays == [[-1, -1], [0, -1], [1, -1]])
    }

    @Test func scalersAreCodable() throws {
        let scaler = Standardization(fittedOn: Matrix([[1, 2], [3, 8]]))
        let data = try JSONEncoder().encode(scaler)
        #expect(try JSONDecoder().decode(Standardization.self, from: data) == scaler)
        let minMax = MinMaxScaling(fittedOn: Matrix([[1, 2], [3, 8]]))
        #expect(try JSONDecoder().decode(MinMaxScaling.self, from: JSONEncoder().encode(minMax)) == minMax)
        #expect(minMax.minimums == [1, 2] && minMax.maximums == [3, 8])
    }

    @Test func oneHotChecksTheClassCount() throws {
        let y = try OneHot.encode([2, 0, 1], classCount: 3)
        #expect(y.rowArrays == [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
        #expect(OneHot.classIndices(y) == [2, 0, 1])
        let error = inputError { () throws(InputError) in try OneHot.encode([0, 3], classCount: 3, file: "labels.csv") }
        #expect(error?.description == "labels.csv: labels[1]: expected a class index in 0..<3, received 3")
    }
}

@Suite struct DatasetSplitTests {
    @Test func randomSplitOfARegressionSet() throws {
        let plane = try BuiltinDataset.plane.dataset(.init(samples: 101, noise: 0.1, seed: 4))
        let split = DatasetSplit(plane, testFraction: 0.3, seed: 9)
        #expect(split.test.count == 30 && split.train.count == 71)
        #expect(Set(split.trainIndices).union(split.testIndices) == Set(0..<101))
        #expect(split.test.x.row(0) == plane.x.row(split.testIndices[0]))
        #expect(split.test.y.elements[0] == plane.y.elements[split.testIndices[0]])
        #expect(DatasetSplit(plane, testFraction: 0.3, seed: 9) == split)
        let (scaled, scaler) = split.standardized()
        var altered = split
        altered.test.x = Matrix(rows: 30, columns: 2, repeating: -1e9)
        #expect(altered.standardized().scaler == scaler && altered.minMaxScaled().scaler == split.minMaxScaled().scaler)
        #expect(scaled.test.y == split.test.y)
    }
}
