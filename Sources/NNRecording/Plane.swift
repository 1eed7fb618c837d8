import NNCore

/// A rectangle of the input plane.
public struct Plane: Codable, Sendable, Hashable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        precondition(x.lowerBound < x.upperBound && y.lowerBound < y.upperBound,
                     "a plane needs ranges of positive width, received x \(x), y \(y)")
        self.x = x
        self.y = y
    }
}

extension Plane {
    /// The rectangle around the finite points of the two-column `x`, each side padded by `padding`
    /// of the extent. A single value gets a unit margin, so the plane never collapses to a line; far
    /// from zero the margin is at least a millionth of the magnitude (1e16 ± 1 rounds back to 1e16);
    /// the ends stay finite (the extent of ±1e308 overflows). Without finite points: [−1, 1]².
    public static func around(_ x: Matrix, padding: Double) -> Plane {
        func range(_ column: Int) -> ClosedRange<Double> {
            var lo = Double.infinity
            var hi = -Double.infinity
            for r in 0..<x.rows {
                let v = x[r, column]
                guard v.isFinite else { continue }
                lo = min(lo, v)
                hi = max(hi, v)
            }
            guard lo <= hi else { return -1...1 }
            let scale = max(abs(lo), abs(hi))
            let margin = max(hi > lo ? padding * (hi - lo) : 1, scale * 1e-6)
            let limit = Double.greatestFiniteMagnitude / 4
            let lower = max(lo - margin, -limit), upper = min(hi + margin, limit)
            return lower < upper ? lower...upper : -1...1
        }
        guard x.columns == 2 else { return Plane(x: -1...1, y: -1...1) }
        return Plane(x: range(0), y: range(1))
    }
}
