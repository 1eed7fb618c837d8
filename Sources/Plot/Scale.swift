import Foundation

/// How data values are spaced along an axis.
public enum ScaleKind: Sendable, Equatable { case linear, log }

/// Maps a data domain onto a pixel range: `linear: r0 + (v - d0)/(d1 - d0) (r1 - r0)`,
/// `log: the same on log10(v)`. The pixel range may be reversed (y axes grow upwards).
public struct Scale: Sendable, Equatable {
    public var kind: ScaleKind
    public var domain: (lower: Double, upper: Double)
    public var range: (start: Double, end: Double)

    public init(_ kind: ScaleKind, domain: (Double, Double), range: (Double, Double)) {
        self.kind = kind; self.domain = (domain.0, domain.1); self.range = (range.0, range.1)
    }

    public static func == (a: Scale, b: Scale) -> Bool {
        a.kind == b.kind && a.domain == b.domain && a.range == b.range
    }

    @inline(__always) func transform(_ v: Double) -> Double { kind == .log ? log10(v) : v }

    /// Pixel position of `v` (NaN for values the scale cannot show, e.g. ≤ 0 on a log scale).
    @inline(__always) public func callAsFunction(_ v: Double) -> Double {
        let t0 = transform(domain.lower), t1 = transform(domain.upper)
        let f = (transform(v) - t0) / (t1 - t0)
        return range.start + f * (range.end - range.start)
    }

    /// The data value at pixel position `p`.
    public func invert(_ p: Double) -> Double {
        let t0 = transform(domain.lower), t1 = transform(domain.upper)
        let t = t0 + (p - range.start) / (range.end - range.start) * (t1 - t0)
        return kind == .log ? pow(10, t) : t
    }
}
