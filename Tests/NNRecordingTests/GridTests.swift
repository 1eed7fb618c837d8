import NNCore
@testable import NNRecording
import TestSupport
import Testing

/// Input-plane grids equal the network evaluated at each cell center.
@Suite("Grids")
struct GridTests {
    static func network() -> Network {
        var generator = RandomGenerator(seed: 3)
        var network = Network(inputWidth: 2, loss: .mse)
        network.addDense(units: 3, activation: .tanh, using: &generator)
        network.addConcatInput()
        network.addDense(units: 2, activation: .relu, using: &generator)
        network.addDense(units: 2, activation: .sigmoid, using: &generator)
        return network
    }

    static let probes = [(0, 0), (6, 2), (9, 4), (3, 7)]

    @Test func decisionGridEqualsPredictAtCellCenters() {
        let network = Self.network()
        let grid = decisionGrid(network: network, xRange: -2...3, yRange: -1...1, columns: 10, rows: 8, output: 1)
        #expect(grid.values.count == 80 && grid.columns == 10 && grid.rows == 8)
        for (c, r) in Self.probes {
            let p = grid.center(column: c, row: r)
            #expect(p.x == -2 + (Double(c) + 0.5) * 0.5 && p.y == -1 + (Double(r) + 0.5) * 0.25)
            let expected = network.predict(Matrix(row: [p.x, p.y]))[0, 1]
            #expect(grid[c, r] == expected, "cell (\(c), \(r))")
        }
    }

    @Test func unitMapsEqualTracedHiddenOutputs() {
        let network = Self.network()
        let maps = hiddenUnitGrids(network: network, xRange: -1...1, yRange: -1...1, columns: 10, rows: 8)
        // Dense layers 0 (3 units) and 2 (2 units) are hidden; the concat layer and the output layer are not.
        #expect(maps.map(\.layer) == [0, 0, 0, 2, 2])
        #expect(maps.map(\.unit) == [0, 1, 2, 0, 1])
        for map in maps {
            for (c, r) in Self.probes {
                let p = map.grid.center(column: c, row: r)
                let traced = network.trace(Matrix(row: [p.x, p.y]))[map.layer].output[0, map.unit]
                #expect(map.grid[c, r] == traced, "layer \(map.layer) unit \(map.unit) cell (\(c), \(r))")
            }
        }
    }

    @Test func planeFromDataIsPaddedBoundingBox() {
        let options = RecorderOptions(padding: 0.25)
        let plane = options.resolvedPlane(data: .xor)
        #expect(plane == Plane(x: -1.5...1.5, y: -1.5...1.5))
        #expect(RecorderOptions(plane: Plane(x: 0...1, y: 2...3)).resolvedPlane(data: .xor) == Plane(x: 0...1, y: 2...3))
        let point = Dataset(x: Matrix([[2, 5]]), y: Matrix([[0]]))
        #expect(options.resolvedPlane(data: point) == Plane(x: 1...3, y: 4...6))
    }

    @Test func planesOfExtremeDataStayFiniteAndWide() {
        // 1e16 ± 1 rounds back to 1e16; the extent of ±1e308 overflows to infinity.
        for rows in [[[1e16, 0.0]], [[1e308, -1e308], [-1e308, 1e308]], [[.nan, 1], [.infinity, 2]]] {
            let plane = RecorderOptions().resolvedPlane(data: Dataset(x: Matrix(rows), y: Matrix(rows.map { _ in [0] })))
            for range in [plane.x, plane.y] {
                #expect(range.lowerBound.isFinite && range.upperBound.isFinite && range.lowerBound < range.upperBound, "\(rows): \(range)")
            }
        }
    }

    @Test func defaultSnapshotEpochsAreLogSpaced() {
        #expect(RecorderOptions.defaultSnapshotEpochs(epochs: 100, count: 8) == [1, 2, 5, 10, 20, 50, 100])
        let long = RecorderOptions.defaultSnapshotEpochs(epochs: 100_000, count: 8)
        #expect(long.count == 8 && long.first == 1 && long.last == 100_000 && long.dropLast().last == 50_000)
        #expect(long == long.sorted() && Set(long).count == 8)
        #expect(RecorderOptions.defaultSnapshotEpochs(epochs: 1, count: 8) == [1])
        #expect(RecorderOptions.defaultSnapshotEpochs(epochs: 0, count: 8) == [])
    }
}
