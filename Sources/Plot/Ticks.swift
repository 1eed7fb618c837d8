import Foundation

/// A tick: its data value and label.
public struct Tick: Sendable, Equatable {
    public var value: Double
    public var label: String
    public init(_ value: Double, _ label: String) { self.value = value; self.label = label }
}

/// The tick algorithm.
///
/// Linear: the step is the smallest `m · 10^k` with `m ∈ {1, 2, 5}` such that at most `maxCount`
/// multiples of it fall in `[lower, upper]`; ticks are `i · step` for integer `i` (no drift).
/// Labels use just enough decimals for the step, or `1e-6`-style mantissa/exponent when the
/// values are ≥ 1e6 or all below 1e-3.
///
/// Log: ticks at powers of ten (every `k`-th decade when there are more than `maxCount`); with
/// fewer than three decades in range, at 1×, 2× and 5× each power of ten; linear ticks when even
/// that gives fewer than two.
public enum Ticks {
    static let mantissas: [Double] = [1, 2, 5]

    /// The 1-2-5 step for `[lower, upper]` with at most `maxCount` ticks.
    public static func step(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        precondition(span > 0 && span.isFinite, "Ticks need a positive finite span, got \(lower)...\(upper)")
        let maxCount = max(2, maxCount)
        var k = floor(log10(span / Double(maxCount))) - 1
        while true {
            for m in mantissas {
                let s = m * pow(10, k)
                let count = floor(upper / s + 1e-9) - ceil(lower / s - 1e-9) + 1
                if count <= Double(maxCount) { return s }
            }
            k += 1
        }
    }

    /// Linear ticks in `[lower, upper]`.
    public static func linear(lower: Double, upper: Double, maxCount: Int = 10) -> [Tick] {
        let s = step(lower: lower, upper: upper, maxCount: maxCount)
        let i0 = Int(ceil(lower / s - 1e-9)), i1 = Int(floor(upper / s + 1e-9))
        guard i0 <= i1 else { return [] }
        let values = (i0...i1).map { Double($0) * s }
        let labels = format(values, step: s)
        return zip(values, labels).map { Tick($0, $1) }
    }

    /// Log-scale ticks in `[lower, upper]` (both > 0).
    public static func log(lower: Double, upper: Double, maxCount: Int = 10) -> [Tick] {
        precondition(lower > 0 && upper > lower, "Log ticks need 0 < lower < upper, got \(lower)...\(upper)")
        let e0 = Int(ceil(log10(lower) - 1e-9)), e1 = Int(floor(log10(upper) + 1e-9))
        if e1 - e0 + 1 >= 3 {
            let every = max(1, Int(ceil(Double(e1 - e0 + 1) / Double(max(2, maxCount)))))
            let first = Int((Double(e0) / Double(every)).rounded(.up)) * every
            return stride(from: first, through: e1, by: every).map { Tick(pow(10, Double($0)), powerLabel(1, $0)) }
        }
        var ticks: [Tick] = []
        for e in (e0 - 1)...(e1 + 1) {
            for m in [1, 2, 5] {
                let v = Double(m) * pow(10, Double(e))
                if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { ticks.append(Tick(v, powerLabel(m, e))) }
            }
        }
        if ticks.count > maxCount { ticks = ticks.filter { abs(log10($0.value) - log10($0.value).rounded()) < 1e-9 } }
        return ticks.count >= 2 ? ticks : linear(lower: lower, upper: upper, maxCount: maxCount)
    }

    /// Label for `m · 10^e`: plain decimals for 1e-4 ≤ v < 1e5, otherwise `2e-6` style.
    static func powerLabel(_ m: Int, _ e: Int) -> String {
        if e >= -4 && e <= 4 {
            return e >= 0 ? String(m) + String(repeating: "0", count: e)
                          : "0." + String(repeating: "0", count: -e - 1) + String(m)
        }
        return "\(m)e\(e)"
    }

    /// Labels for `values`, all multiples of `step`, with a shared number of decimals.
    static func format(_ values: [Double], step: Double) -> [String] {
        let maxAbs = values.map(abs).max() ?? 0
        let stepExp = Int(floor(log10(step) + 1e-9))
        if maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-3) {
            let e = Int(floor(log10(maxAbs) + 1e-9))
            let decimals = max(0, e - stepExp)
            return values.map { v in
                if abs(v) < step * 1e-6 { return "0" }
                let mantissa = v / pow(10, Double(e))
                return minus(String(format: "%.\(decimals)f", mantissa)) + "e\(e)"
            }
        }
        let decimals = max(0, -stepExp)
        return values.map { v in
            let s = String(format: "%.\(decimals)f", abs(v) < step * 1e-6 ? 0 : v)
            return minus(s)
        }
    }

    /// Replaces a leading hyphen with a typographic minus sign.
    static func minus(_ s: String) -> String { s.hasPrefix("-") ? "−" + s.dropFirst() : s }

    /// Labels for arbitrary values (e.g. colorbars or cell annotations) with `significant` digits.
    public static func label(_ v: Double, significant: Int = 3) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞") }
        if v == 0 { return "0" }
        let e = Int(floor(log10(abs(v))))
        if e >= 6 || e < -3 {
            var m = String(format: "%.\(max(0, significant - 1))f", v / pow(10, Double(e)))
            if m.contains(".") { while m.hasSuffix("0") { m.removeLast() }; if m.hasSuffix(".") { m.removeLast() } }
            return minus(m) + "e\(e)"
        }
        let decimals = max(0, significant - 1 - e)
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return minus(s)
    }
}
