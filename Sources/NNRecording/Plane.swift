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
