import Foundation
@testable import Plot
import Testing

@Suite struct MarchingSquaresTests {
    @Test func circleContourLiesOnTheCircle() {
        let f = Field(x: -2...2, y: -2...2, columns: 81, rows: 81) { x, y in x * x + y * y }
        let lines = MarchingSquares.contours(of: f, level: 1)
        #expect(lines.count == 1, "one closed loop")
        let loop = lines[0]
        #expect(loop.count > 50)
        for p in loop { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 0.01) }
        // Closed: ends where it starts.
        #expect(abs(loop.first!.x - loop.last!.x) < 1e-9 && abs(loop.first!.y - loop.last!.y) < 1e-9)
    }

    @Test func straightBoundaryAndSaddle() {
        let f = Field(x: 0...1, y: 0...1, columns: 20, rows: 10) { x, _ in x }
        let lines = MarchingSquares.contours(of: f, level: 0.5)
        #expect(lines.count == 1)
        #expect(lines[0].allSatisfy { abs($0.x - 0.5) < 1e-9 })
        // Saddle: two of four corners above; must give two segments, not crash or cross.
        let s = Field(x: 0...1, y: 0...1, columns: 2, rows: 2, values: [1, 0, 0, 1])
        #expect(MarchingSquares.contours(of: s, level: 0.5).count == 2)
        // Constant and NaN fields have no contour.
        #expect(MarchingSquares.contours(of: Field(x: 0...1, y: 0...1, columns: 3, rows: 3, values: Array(repeating: 2, count: 9)), level: 1).isEmpty)
        #expect(MarchingSquares.contours(of: Field(x: 0...1, y: 0...1, columns: 2, rows: 2, values: [.nan, 0, 1, 1]), level: 0.5).isEmpty)
    }
}
