import NNCore
@testable import NNData
import Testing
import NNFiles

@Suite struct BuiltinDatasetTests {
    @Test func xorIsTheCoursesSignedXOR() throws {
        let data = try BuiltinDataset.xor.dataset()
        #expect(data == Dataset.xor)
        #expect(BooleanData.xor() == Dataset.xor)
    }

    @Test func xor01IsTheTruthTable() throws {
        let data = try BuiltinDataset.xor01.dataset()
        #expect(data.x.rowArrays == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(data.y.elements == [0, 1, 1, 0])
    }

    @Test(arguments: 1...5) func parityIsTheProductOfSignedInputs(inputs: Int) throws {
        let data = try BuiltinDataset.parity.dataset(.init(inputs: inputs))
        #expect(data.x.rows == 1 << inputs && data.x.columns == inputs && data.y.columns == 1)
        #expect(Set(data.x.rowArrays).count == 1 << inputs)
        for i in 0..<data.count {
            #expect(data.y.elements[i] == data.x.row(i).reduce(1, *))
        }
        let binary = try BuiltinDataset.parity01.dataset(.init(inputs: inputs))
        for i in 0..<binary.count {
            #expect(binary.y.elements[i] == Double(Int(binary.x.row(i).reduce(0, +)) % 2))
            #expect(binary.x.row(i).allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func booleanSetsAsClassesAndOneHot() throws {
        let data = try BuiltinDataset.xor.dataset(.init(labels: .oneHot))
        #expect(data.y.rowArrays == [[0, 1], [1, 0], [1, 0], [0, 1]])
    }

    @Test(arguments: [BuiltinDataset.circle, .quadrants, .gauss, .spiral])
    func playgroundClassificationShapesAndLabels(set: BuiltinDataset) throws {
        let parameters = BuiltinDataset.Parameters(samples: 301, noise: 0.1, seed: 7)
        let data = try set.dataset(parameters)
        #expect(data.x.rows == 301 && data.x.columns == 2)
        #expect(data.y.columns == 1 && data.y.elements.allSatisfy { $0 == 1 || $0 == -1 })
        #expect(data.x.elements.allSatisfy { $0.isFinite && abs($0) < 20 })
        // Both classes present.
        #expect(Set(data.y.elements).count == 2)
        // Deterministic per seed; a different seed gives different points.
        #expect(try set.dataset(parameters) == data)
        var other = parameters
        other.seed = 8
        #expect(try set.dataset(other).x != data.x)
        // 0/1 and one-hot codings of the same points.
        var binary = parameters
        binary.labels = .binary
        let coded = try set.dataset(binary)
        #expect(coded.x == data.x)
        #expect(coded.y.elements == data.y.elements.map { $0 > 0 ? 1 : 0 })
        binary.labels = .oneHot
        #expect(try set.dataset(binary).y.columns == 2)
    }

    @Test func playgroundGeometryWithoutNoise() throws {
        let circle = try #require(try BuiltinDataset.circle.classificationData(.init(samples: 200, noise: 0, seed: 3)))
        #expect(circle.classCounts == [100, 100])
        for i in 0..<circle.count {
            let r = (circle.features[i, 0] * circle.features[i, 0] + circle.features[i, 1] * circle.features[i, 1]).squareRoot()
            #expect(circle.labels[i] == 1 ? r < 2.5 : (r >= 3.5 && r <= 5))
        }
        let quadrants = try #require(try BuiltinDataset.quadrants.classificationData(.init(samples: 200, noise: 0, seed: 3)))
        for i in 0..<quadrants.count {
            let (x, y) = (quadrants.features[i, 0], quadrants.features[i, 1])
            #expect(abs(x) >= 0.3 && abs(y) >= 0.3)
            #expect(quadrants.labels[i] == (x * y >= 0 ? 1 : 0))
        }
        let gauss = try #require(try BuiltinDataset.gauss.classificationData(.init(samples: 2000, noise: 0, seed: 3)))
        let positives = (0..<gauss.count).filter { gauss.labels[$0] == 1 }
        let meanX = positives.map { gauss.features[$0, 0] }.reduce(0, +) / Double(positives.count)
        #expect(abs(meanX - 2) < 0.1)
        let spiral = try #require(try BuiltinDataset.spiral.classificationData(.init(samples: 100, noise: 0, seed: 3)))
        let radii = (0..<spiral.count).map { (spiral.features[$0, 0] * spiral.features[$0, 0] + spiral.features[$0, 1] * spiral.features[$0, 1]).squareRoot() }
        #expect(radii.allSatisfy { $0 < 5 })
        #expect(spiral.classCounts == [50, 50])
    }

    @Test func playgroundRegression() throws {
        let plane = try BuiltinDataset.plane.dataset(.init(samples: 100, noise: 0, seed: 2))
        #expect(plane.x.columns == 2 && plane.y.columns == 1 && plane.count == 100)
        for i in 0..<plane.count {
            #expect(abs(plane.y.elements[i] - (plane.x[i, 0] + plane.x[i, 1]) / 10) < 1e-12)
        }
        let bumps = try BuiltinDataset.named("reg-gauss").dataset(.init(samples: 500, noise: 0.2, seed: 2))
        #expect(bumps.y.elements.allSatisfy { abs($0) <= 1 })
        #expect(bumps.y.elements.contains { $0 > 0.5 } && bumps.y.elements.contains { $0 < -0.5 })
        #expect(try BuiltinDataset.multiGaussian.dataset(.init(samples: 500, noise: 0.2, seed: 3)) != bumps)
    }

    @Test func digitsMatchTheFile() throws {
        let digits = try #require(try BuiltinDataset.digits.classificationData())
        #expect(digits.count == 1797 && digits.featureCount == 64 && digits.classCount == 10)
        // Counted from the file with awk.
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.features.elements.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
        #expect(digits.features.row(0).prefix(8) == [0, 0, 5, 13, 9, 1, 0, 0])
        #expect(digits.labels.prefix(3) == [0, 1, 2])
        let encoded = try BuiltinDataset.digits.dataset()
        #expect(encoded.y.columns == 10)
    }

    @Test func irisMatchesTheFile() throws {
        let iris = try #require(try BuiltinDataset.iris.classificationData())
        #expect(iris.count == 150 && iris.featureCount == 4)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(iris.classCounts == [50, 50, 50])
        #expect(iris.features.row(0) == [5.1, 3.5, 1.4, 0.2])
    }

    @Test func namesAndParameterErrors() throws {
        #expect(try BuiltinDataset.named("playground-xor") == .quadrants)
        #expect(try BuiltinDataset.named("multi-gaussian") == .multiGaussian)
        let unknown = inputError { () throws(InputError) in try BuiltinDataset.named("spirals", file: "exp.json", field: "train.data") }
        #expect(unknown?.description.hasPrefix("exp.json: train.data: expected a built-in data set (xor, xor01") == true)
        #expect(unknown?.description.hasSuffix("received \"spirals\"") == true)
        let noise = inputError { () throws(InputError) in try BuiltinDataset.circle.dataset(.init(noise: 2), file: "exp.json") }
        #expect(noise?.description == "exp.json: data.noise: expected a noise level in 0…1, received 2.0")
        let coding = inputError { () throws(InputError) in try BuiltinDataset.digits.dataset(.init(labels: .signed), file: "exp.json") }
        #expect(coding?.description == "exp.json: data.labels: expected one-hot or index for 10 classes, received signed")
        let inputs = inputError { () throws(InputError) in try BuiltinDataset.parity.dataset(.init(inputs: 40)) }
        #expect(inputs?.field == "data.inputs")
    }
}
