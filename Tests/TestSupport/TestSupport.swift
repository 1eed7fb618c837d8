import NNCore
import Testing

/// The largest absolute difference between two equally long arrays (∞ if the lengths differ).
public func maxAbsoluteDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// Expects `actual` to equal `expected` elementwise within `tolerance` (absolute).
public func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double,
                        _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let difference = maxAbsoluteDifference(actual, expected)
    #expect(difference <= tolerance, "\(what): max |Δ| = \(difference) > \(tolerance)\n actual   \(actual)\n expected \(expected)",
            sourceLocation: sourceLocation)
}

/// Expects two matrices (as rows) to agree within `tolerance`.
public func expectClose(_ actual: Matrix, _ expected: [[Double]], tolerance: Double,
                        _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.rows == expected.count, "\(what): \(actual.rows) rows, expected \(expected.count)", sourceLocation: sourceLocation)
    expectClose(actual.elements, expected.flatMap { $0 }, tolerance: tolerance, what, sourceLocation: sourceLocation)
}

/// Expects `actual` within a relative tolerance of `expected` (absolute near zero).
public func expectRelativelyClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-300,
                                  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let difference = abs(actual - expected)
    #expect(difference <= max(relative * abs(expected), absolute), "\(what): \(actual) vs \(expected) (Δ = \(difference))",
            sourceLocation: sourceLocation)
}

/// Central differences: ∂f/∂θᵢ ≈ (f(θ + heᵢ) − f(θ − heᵢ)) / 2h for every parameter.
public func centralDifferences(_ parameters: [Double], step h: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
    var gradient = [Double](repeating: 0, count: parameters.count)
    var probe = parameters
    for i in parameters.indices {
        probe[i] = parameters[i] + h
        let plus = f(probe)
        probe[i] = parameters[i] - h
        let minus = f(probe)
        probe[i] = parameters[i]
        gradient[i] = (plus - minus) / (2 * h)
    }
    return gradient
}
