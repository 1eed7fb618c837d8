import NNCore
@testable import NNRecording
import TestSupport
import Testing
import NNRuns

/// The loss landscape: its plane, the projected paths and the surface.
@Suite("LossLandscape")
struct LossLandscapeTests {
    /// The XOR run trained from the same initial weights by SGD, Adam and RMSprop, each path starting
    /// at the initial weights.
    static func optimizerPaths(epochs: Int) throws -> (run: Run, paths: [LossLandscape.Path]) {
        var run = try xorRun(epochs: epochs)
        let optimizers: [(String, any Optimizer)] = [("SGD", SGD(learningRate: 0.05)), ("Adam", Adam(learningRate: 0.05)),
                                                     ("RMSprop", RMSprop(learningRate: 0.01))]
        var paths: [LossLandscape.Path] = []
        for (name, optimizer) in optimizers {
            run.optimizer = optimizer
            let probe = ParameterProbe()
            _ = try run.train(callbacks: [probe])
            paths.append(LossLandscape.Path(name: name, points: [run.network.parameterVector] + probe.parameters))
        }
        return (run, paths)
    }

    @Test func surfaceIsTheTotalLossAtTheReconstructedParameters() throws {
        let (run, paths) = try Self.optimizerPaths(epochs: 150)
        let landscape = LossLandscape(network: run.network, data: run.data, paths: paths, columns: 21, rows: 17)
        #expect(landscape.surface.columns == 21 && landscape.surface.rows == 17)
        #expect(landscape.center == paths[0].points.last)
        // (0, 0) is a node, and the loss there is the loss at the center.
        let column = try #require(landscape.alphas.firstIndex(of: 0)), row = try #require(landscape.betas.firstIndex(of: 0))
        var network = run.network
        network.parameterVector = landscape.center
        #expect(landscape[column, row] == network.evaluate(run.data.x, run.data.y))
        #expect(landscape.centerLoss == landscape[column, row])
        // Every node: the surface is Network.evaluate at c + α d₁ + β d₂ (total loss, penalties included).
        for (c, r) in [(0, 0), (20, 16), (3, 11), (17, 2)] {
            network.parameterVector = landscape.parameters(alpha: landscape.alphas[c], beta: landscape.betas[r])
            #expect(landscape[c, r] == network.evaluate(run.data.x, run.data.y))
        }
        #expect(landscape.surface.values.allSatisfy { $0.isFinite && $0 > 0 })
        // The nodes are the surface grid's cell centers.
        for c in [0, 10, 20] { #expect(abs(landscape.surface.center(column: c, row: 0).x - landscape.alphas[c]) < 1e-12) }
        // Every projected point lies inside the grid.
        for path in landscape.paths {
            #expect(path.alpha.allSatisfy { landscape.alphas[0] < $0 && $0 < landscape.alphas[20] })
            #expect(path.beta.allSatisfy { landscape.betas[0] < $0 && $0 < landscape.betas[16] })
        }
        #expect(landscape.paths.map(\.name) == ["SGD", "Adam", "RMSprop"])
        #expect(landscape.paths[0].alpha.last == 0 && landscape.paths[0].beta.last == 0)
    }

    @Test func principalDirectionsAreOrthonormalAndExplainTheSpread() throws {
        let (run, paths) = try Self.optimizerPaths(epochs: 150)
        let landscape = LossLandscape(network: run.network, data: run.data, paths: paths, columns: 5, rows: 5)
        let d = landscape.directions
        #expect(abs(dot(d[0], d[0]) - 1) < 1e-12 && abs(dot(d[1], d[1]) - 1) < 1e-12 && abs(dot(d[0], d[1])) < 1e-12)
        let shares = landscape.explainedShare
        #expect(shares[0] >= shares[1] && shares[1] >= 0 && shares[0] + shares[1] <= 1 + 1e-12)
        // d₁ maximizes the spread: no coordinate axis explains more.
        let offsets = paths.flatMap { $0.points.map { zip($0, landscape.center).map { $0 - $1 } } }
        let total = offsets.map { dot($0, $0) }.reduce(0, +)
        for j in 0..<9 {
            let along = offsets.map { $0[j] * $0[j] }.reduce(0, +) / total
            #expect(along <= shares[0] + 1e-12)
        }
        // Agrees with the scatter matrix: Σ (d₁ᵀx)² is its largest Rayleigh quotient, λ₁ = d₁ᵀ MᵀM d₁.
        let lambda1 = offsets.map { dot($0, d[0]) * dot($0, d[0]) }.reduce(0, +)
        #expect(abs(lambda1 / total - shares[0]) < 1e-12)
    }

    @Test func aPathOnALineIsFullyExplainedByTheFirstDirection() throws {
        let run = try xorRun(epochs: 1)
        let end = run.network.parameterVector
        let step = [0.3, -0.1, 0.2, 0.05, -0.4, 0.1, 0.25, -0.2, 0.15]
        let points = (0...10).map { t in zip(end, step).map { $0 + Double(10 - t) * 0.1 * $1 } }
        let landscape = LossLandscape(network: run.network, data: run.data, paths: [.init(name: "line", points: points)],
                                      columns: 7, rows: 7)
        #expect(abs(landscape.explainedShare[0] - 1) < 1e-12 && abs(landscape.explainedShare[1]) < 1e-12)
        let length = dot(step, step).squareRoot()
        // Along the step, signed so that its largest component (−0.4) turns positive.
        #expect(maxAbsoluteDifference(landscape.directions[0], step.map { -$0 / length }) < 1e-12)
        let d = landscape.directions
        #expect(abs(dot(d[1], d[1]) - 1) < 1e-12 && abs(dot(d[0], d[1])) < 1e-12)
        // Points in the plane are reconstructed from their coordinates.
        let path = landscape.paths[0]
        for i in points.indices {
            #expect(maxAbsoluteDifference(landscape.parameters(alpha: path.alpha[i], beta: path.beta[i]), points[i]) < 1e-12)
        }
        #expect(path.maxResidual < 1e-12)
        // The degenerate β axis still gets an extent, and the surface is finite.
        #expect(landscape.betas[0] < 0 && landscape.betas[6] > 0)
        #expect(landscape.surface.values.allSatisfy { $0.isFinite })
    }

    @Test func aTwoParameterSliceMovesOnlyThoseParameters() throws {
        let (run, paths) = try Self.optimizerPaths(epochs: 50)
        let landscape = LossLandscape(network: run.network, data: run.data, paths: paths, plane: .parameters(6, 8),
                                      columns: 9, rows: 7, margin: 0.1)
        #expect(landscape.directions[0] == (0..<9).map { $0 == 6 ? 1 : 0 })
        #expect(landscape.directions[1] == (0..<9).map { $0 == 8 ? 1 : 0 })
        #expect(landscape.axisNames == ["W2[0,0]", "b2[0]"])
        let center = landscape.center
        for (path, projected) in zip(paths, landscape.paths) {
            #expect(projected.alpha == path.points.map { $0[6] - center[6] })
            #expect(projected.beta == path.points.map { $0[8] - center[8] })
        }
        let theta = landscape.parameters(alpha: landscape.alphas[2], beta: landscape.betas[5])
        for j in 0..<9 where j != 6 && j != 8 { #expect(theta[j] == center[j]) }
        var network = run.network
        network.parameterVector = theta
        #expect(landscape[2, 5] == network.evaluate(run.data.x, run.data.y))
    }

    @Test func pointsInThePlaneAreReconstructed() throws {
        let run = try xorRun(epochs: 1)
        let c = run.network.parameterVector
        let u = [1.0, 2, 0, -1, 0, 0.5, 0, 0, 1], v = [0.0, 1, 1, 1, 0, -1, 2, 0, 0]
        let coordinates = [(0.0, 0.0), (1.0, 0.5), (-0.3, 0.2), (0.7, -1.1), (0.1, 0.9)]
        let points = coordinates.map { a, b in (0..<9).map { c[$0] + a * u[$0] + b * v[$0] } }
        let landscape = LossLandscape(network: run.network, data: run.data, paths: [.init(name: "plane", points: points)],
                                      center: c, columns: 5, rows: 5)
        #expect(landscape.paths[0].maxResidual < 1e-12)
        for (i, point) in points.enumerated() {
            let path = landscape.paths[0]
            #expect(maxAbsoluteDifference(landscape.parameters(alpha: path.alpha[i], beta: path.beta[i]), point) < 1e-12)
        }
        #expect(abs(landscape.explainedShare[0] + landscape.explainedShare[1] - 1) < 1e-12)
    }

    @Test func theComputationIsDeterministic() throws {
        let (run, paths) = try Self.optimizerPaths(epochs: 100)
        let a = LossLandscape(network: run.network, data: run.data, paths: paths, columns: 11, rows: 11)
        let b = LossLandscape(network: run.network, data: run.data, paths: paths, columns: 11, rows: 11)
        #expect(a == b)
        // Sign normalization: each direction's largest component is positive.
        for d in a.directions {
            let largest = try #require(d.indices.max { abs(d[$0]) < abs(d[$1]) })
            #expect(d[largest] > 0)
        }
    }

    @Test func theGramRouteAgreesWithTheScatterRoute() throws {
        // Fewer points than parameters goes through MMᵀ; the directions must match those of MᵀM
        // (computed with the points repeated, which leaves the directions unchanged).
        let run = try xorRun(epochs: 1)
        let c = run.network.parameterVector
        let points = [[0.5, 0.1, -0.3, 0.2, 0.0, 0.4, -0.1, 0.3, 0.2], [0.1, -0.6, 0.2, 0.0, 0.3, 0.1, 0.2, -0.2, 0.1],
                      [-0.2, 0.2, 0.1, 0.5, -0.1, 0.0, 0.3, 0.1, -0.4]].map { zip($0, c).map { $0 + $1 } }
        let few = LossLandscape(network: run.network, data: run.data, paths: [.init(name: "few", points: points)],
                                center: c, columns: 3, rows: 3)
        let many = LossLandscape(network: run.network, data: run.data,
                                 paths: [.init(name: "many", points: points + points + points + points)], center: c, columns: 3, rows: 3)
        #expect(maxAbsoluteDifference(few.directions[0], many.directions[0]) < 1e-9)
        #expect(maxAbsoluteDifference(few.directions[1], many.directions[1]) < 1e-9)
        #expect(abs(few.explainedShare[0] - many.explainedShare[0]) < 1e-12)
    }

    @Test func pathsFromARecordStartAtTheInitialWeights() throws {
        let run = try xorRun(epochs: 20)
        let (network, record) = try Recorder.record(run: run, options: RecorderOptions(gridColumns: 4, gridRows: 4))
        let path = try #require(LossLandscape.Path(name: "SGD", record: record, initial: run.network.parameterVector))
        #expect(path.points.count == record.samples.epochs.count + 1)
        #expect(path.points.first == run.network.parameterVector && path.points.last == network.parameterVector)
    }

    @Test func timeOfTheDefaultXORLandscape() throws {
        let (run, paths) = try Self.optimizerPaths(epochs: 2000)
        let clock = ContinuousClock()
        var landscape: LossLandscape?
        let elapsed = clock.measure {
            landscape = LossLandscape(network: run.network, data: run.data, paths: paths)
        }
        #expect(landscape?.surface.values.count == 61 * 61)
        print("LossLandscape 61×61 for XOR, \(paths.map(\.points.count).reduce(0, +)) path points: \(elapsed)")
    }

    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { $0 * $1 }.reduce(0, +) }
}

/// Edge cases: diverged paths and the eigen solver on its own.
@Suite("LossLandscape edge cases")
struct LossLandscapeEdgeTests {
    @Test func nonFinitePointsAreLeftOut() throws {
        let run = try xorRun(epochs: 1)
        let c = run.network.parameterVector
        let u = [1.0, 2, 0, -1, 0, 0.5, 0, 0, 1], v = [0.0, 1, 1, 1, 0, -1, 2, 0, 0]
        let coordinates: [(Double, Double)] = [(0.5, 0.2), (0.2, -0.3), (0, 0)]
        var points: [[Double]] = coordinates.map { a, b in (0..<9).map { (j: Int) -> Double in c[j] + a * u[j] + b * v[j] } }
        points.append([Double](repeating: .nan, count: 9))
        points.append([Double](repeating: .infinity, count: 9))
        let landscape = LossLandscape(network: run.network, data: run.data, paths: [.init(name: "diverged", points: points)],
                                      columns: 5, rows: 5)
        // The center is the last finite point.
        #expect(landscape.center == points[2])
        let path = landscape.paths[0]
        #expect(path.alpha[3].isNaN && path.beta[4].isNaN)
        #expect(path.alpha[..<3].allSatisfy { $0.isFinite } && path.maxResidual < 1e-12)
        #expect(landscape.alphas.allSatisfy { $0.isFinite } && landscape.surface.values.allSatisfy { $0.isFinite })
        #expect(abs(landscape.explainedShare[0] + landscape.explainedShare[1] - 1) < 1e-12)
    }

    @Test func aPathThatNeverMovesGetsCoordinateAxes() throws {
        let run = try xorRun(epochs: 1)
        let c = run.network.parameterVector
        let landscape = LossLandscape(network: run.network, data: run.data, paths: [.init(name: "still", points: [c, c])],
                                      columns: 3, rows: 3)
        #expect(landscape.directions[0] == (0..<9).map { $0 == 0 ? 1 : 0 })
        #expect(landscape.explainedShare == [0, 0])
        #expect(landscape.alphas.contains(0) && landscape.betas.contains(0))
    }

    @Test func subspaceIterationFindsTheLeadingPairs() {
        // A = Q diag(λ) Qᵀ with a Householder Q and close λ₂, λ₃: the iteration must still separate them.
        let m = 40
        var lambdas: [Double] = (0..<m).map { 4.0 / Double(max($0, 1)) }
        lambdas[0] = 10; lambdas[1] = 5; lambdas[2] = 4.9
        let w = (0..<m).map { Double(($0 * 7) % 11) - 5 }
        let ww = w.map { $0 * $0 }.reduce(0, +)
        let q = (0..<m).map { i in (0..<m).map { j in (i == j ? 1 : 0) - 2 * w[i] * w[j] / ww } }
        var a = [Double](repeating: 0, count: m * m)
        for i in 0..<m { for j in 0..<m { for k in 0..<m { a[i * m + j] += q[i][k] * lambdas[k] * q[j][k] } } }
        let eigen = SymmetricEigen(largest: 2, of: a, size: m)
        #expect(abs(eigen.values[0] - 10) < 1e-9 && abs(eigen.values[1] - 5) < 1e-9)
        for (i, vector) in eigen.vectors.enumerated() {
            let column = (0..<m).map { q[$0][i] }
            let overlap = zip(vector, column).map { $0 * $1 }.reduce(0, +)
            #expect(abs(abs(overlap) - 1) < 1e-9)
        }
        // Full Jacobi agrees on a small matrix.
        let (values, _) = SymmetricEigen.jacobi([2, 1, 0, 1, 2, 0, 0, 0, 5], size: 3)
        expectClose(values, [5, 3, 1], tolerance: 1e-14)
    }
}
