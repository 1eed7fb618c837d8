@testable import Plot
import Testing

@Suite struct TicksTests {
    struct Case: Sendable, CustomStringConvertible {
        var lower: Double, upper: Double, maxCount: Int, labels: [String]
        var description: String { "\(lower)...\(upper) max \(maxCount)" }
    }

    static let linearCases: [Case] = [
        Case(lower: 0, upper: 1, maxCount: 10, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(lower: 0, upper: 100, maxCount: 10, labels: ["0", "20", "40", "60", "80", "100"]),
        Case(lower: -3.7, upper: 8.2, maxCount: 6, labels: ["−2", "0", "2", "4", "6", "8"]),
        Case(lower: -50, upper: -10, maxCount: 5, labels: ["−50", "−40", "−30", "−20", "−10"]),
        Case(lower: 0.001, upper: 0.005, maxCount: 5, labels: ["0.001", "0.002", "0.003", "0.004", "0.005"]),
        Case(lower: 0, upper: 5e-6, maxCount: 6, labels: ["0", "1e-6", "2e-6", "3e-6", "4e-6", "5e-6"]),
        Case(lower: 1e-7, upper: 5e-7, maxCount: 5, labels: ["1e-7", "2e-7", "3e-7", "4e-7", "5e-7"]),
        Case(lower: 0, upper: 3e9, maxCount: 4, labels: ["0", "1e9", "2e9", "3e9"]),
        Case(lower: 1.5e7, upper: 2.05e7, maxCount: 10, labels: ["1.5e7", "1.6e7", "1.7e7", "1.8e7", "1.9e7", "2.0e7"]),
        Case(lower: 0.9999, upper: 1.0001, maxCount: 5, labels: ["0.99990", "0.99995", "1.00000", "1.00005", "1.00010"]),
        Case(lower: -1, upper: 1, maxCount: 10, labels: ["−1.0", "−0.5", "0.0", "0.5", "1.0"]),
    ]

    @Test(arguments: linearCases) func linear(_ c: Case) {
        let ticks = Ticks.linear(lower: c.lower, upper: c.upper, maxCount: c.maxCount)
        #expect(ticks.map(\.label) == c.labels)
        #expect(ticks.count <= c.maxCount)
        #expect(ticks.allSatisfy { $0.value >= c.lower - 1e-12 * abs(c.lower) && $0.value <= c.upper + 1e-12 * abs(c.upper) })
    }

    @Test func stepsAreOneTwoFive() {
        for (lo, hi) in [(0.0, 1.0), (-7.0, 3.0), (1e-9, 9e-9), (0.0, 12345.0), (-1e12, 1e12), (3.14, 3.15)] {
            for maxCount in 2...10 {
                let s = Ticks.step(lower: lo, upper: hi, maxCount: maxCount)
                let m = s / pow10(floor(log10(s)))
                #expect([1, 2, 5].contains { abs(m - $0) < 1e-9 }, "\(lo)...\(hi): step \(s)")
                #expect(Ticks.linear(lower: lo, upper: hi, maxCount: maxCount).count <= maxCount)
                #expect(Ticks.linear(lower: lo, upper: hi, maxCount: maxCount).count >= 1)
            }
        }
    }

    static let logCases: [Case] = [
        Case(lower: 1e-6, upper: 1, maxCount: 10, labels: ["1e-6", "1e-5", "0.0001", "0.001", "0.01", "0.1", "1"]),
        Case(lower: 1, upper: 1e12, maxCount: 10, labels: ["1", "100", "10000", "1e6", "1e8", "1e10", "1e12"]),
        Case(lower: 0.2, upper: 3, maxCount: 10, labels: ["0.2", "0.5", "1", "2"]),
        Case(lower: 0.05, upper: 30, maxCount: 10, labels: ["0.1", "1", "10"]),
        Case(lower: 2, upper: 3, maxCount: 10, labels: ["2.0", "2.2", "2.4", "2.6", "2.8", "3.0"]),
    ]

    @Test(arguments: logCases) func log(_ c: Case) {
        #expect(Ticks.log(lower: c.lower, upper: c.upper, maxCount: c.maxCount).map(\.label) == c.labels)
    }

    @Test func domainsPadAndWidenDegenerateData() {
        let a = Chart.domain(extent: (0, 10, false), axis: Axis())
        #expect(abs(a.0 + 0.5) < 1e-12 && abs(a.1 - 10.5) < 1e-12)
        #expect(Chart.domain(extent: (3, 3, false), axis: Axis()) == (2.7, 3.3))
        #expect(Chart.domain(extent: (0, 0, false), axis: Axis()) == (-1, 1))
        let empty = Chart.domain(extent: nil, axis: Axis())  // no finite data: 0…1, padded
        #expect(abs(empty.0 + 0.05) < 1e-12 && abs(empty.1 - 1.05) < 1e-12)
        let l = Chart.domain(extent: (10, 10, false), axis: Axis(scale: .log))
        #expect(abs(l.0 - 10 / 10.0.squareRoot()) < 1e-9 && abs(l.1 - 10 * 10.0.squareRoot()) < 1e-9)
        #expect(Chart.domain(extent: (0, 10, true), axis: Axis()) == (0, 10))
        #expect(Chart.domain(extent: (2, 5, false), axis: Axis(range: .fixed(0, 8))) == (0, 8))
        // A fixed end beyond all the data still yields a non-empty domain.
        let f = Chart.domain(extent: (-5, -2, false), axis: Axis(range: AxisRange(lower: 0)))
        #expect(f.0 == 0 && f.1 > 0)
    }

    @Test func annotationLabels() {
        #expect(Ticks.label(0.012345) == "0.0123")
        #expect(Ticks.label(1234.5) == "1234")
        #expect(Ticks.label(-2.5e-7) == "−2.5e-7")
        #expect(Ticks.label(.nan) == "NaN")
    }

    private func pow10(_ e: Double) -> Double { Foundation.pow(10, e) }
}

import Foundation
