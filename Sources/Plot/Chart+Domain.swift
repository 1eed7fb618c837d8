import Foundation

extension Chart {
    /// Throws when a layer's data cannot be drawn: empty, mismatched lengths, values ≤ 0 on a log axis,
    /// or a fixed range that is empty.
    func validate(_ location: String) throws(PlotError) {
        for (dim, axis) in [(Dimension.x, x), (.y, y)] {
            for end in [axis.range.lower, axis.range.upper].compactMap({ $0 }) where !end.isFinite {
                throw PlotError.invalidValue(what: "\(dim) axis range end", expected: "a finite number", received: "\(end)", location: location)
            }
            if !(axis.range.padding >= 0 && axis.range.padding.isFinite) {
                throw PlotError.invalidValue(what: "\(dim) axis padding", expected: "a finite fraction ≥ 0",
                                             received: "\(axis.range.padding)", location: location)
            }
            if let lo = axis.range.lower, let hi = axis.range.upper, !(lo < hi) {
                throw PlotError.invalidValue(what: "\(dim) axis range", expected: "lower < upper",
                                             received: "\(lo)...\(hi)", location: location)
            }
            for end in [axis.range.lower, axis.range.upper].compactMap({ $0 }) where axis.scale == .log && !(end > 0) {
                throw PlotError.nonPositiveOnLogAxis(axis: dim.rawValue, value: end, index: 0, location: location + " › axis range")
            }
        }
        for mark in marks { try mark.validate(on: self, location: location + " › " + mark.label) }
    }

    /// Throws unless `xs` and `ys` are as long as each other, not empty, and positive on log axes.
    public func checkSeries(x xs: [Double], y ys: [Double], yName: String, location here: String) throws(PlotError) {
        guard !xs.isEmpty else { throw PlotError.empty(what: "x", location: here) }
        guard xs.count == ys.count else {
            throw PlotError.lengthMismatch(what: yName, expected: xs.count, received: ys.count, location: here + " (x has \(xs.count))")
        }
        for (dim, values) in [(Dimension.x, xs), (.y, ys)] where (dim == .x ? x : y).scale == .log {
            if let i = values.firstIndex(where: { $0.isFinite && $0 <= 0 }) {
                throw PlotError.nonPositiveOnLogAxis(axis: dim.rawValue, value: values[i], index: i, location: here)
            }
        }
    }

    /// Throws when an extent (a field's) reaches zero or below on a log axis.
    public func checkExtent(x xr: ClosedRange<Double>, y yr: ClosedRange<Double>, location here: String) throws(PlotError) {
        if x.scale == .log, xr.lowerBound <= 0 {
            throw PlotError.nonPositiveOnLogAxis(axis: "x", value: xr.lowerBound, index: 0, location: here + " › field extent")
        }
        if y.scale == .log, yr.lowerBound <= 0 {
            throw PlotError.nonPositiveOnLogAxis(axis: "y", value: yr.lowerBound, index: 0, location: here + " › field extent")
        }
    }

    /// The finite data extent along `dim`; `exact` when a heatmap pins it (no padding then).
    func extent(_ dim: Dimension) -> (lower: Double, upper: Double, exact: Bool)? {
        var lo = Double.infinity, hi = -Double.infinity, exact = false
        let log = (dim == .x ? x : y).scale == .log
        func add(_ v: Double) { if v.isFinite && (!log || v > 0) { lo = min(lo, v); hi = max(hi, v) } }
        func add(_ vs: [Double]) { for v in vs { add(v) } }
        for mark in marks {
            let (values, pins) = mark.extent(dim, on: self)
            add(values)
            exact = exact || pins
        }
        return lo <= hi ? (lo, hi, exact) : nil
    }

    /// The axis domain: the data extent padded by `range.padding` of its span (in log10 space on log axes),
    /// widened around a single value (±10 %, or ±1 at zero, or ±½ decade), then pinned by fixed ends.
    static func domain(extent: (lower: Double, upper: Double, exact: Bool)?, axis: Axis) -> (Double, Double) {
        if let cats = axis.categories { return (-0.5, Double(max(1, cats.count)) - 0.5) }
        let log = axis.scale == .log
        func t(_ v: Double) -> Double { log ? log10(v) : v }
        func inv(_ v: Double) -> Double { log ? pow(10, v) : v }
        var lo = extent.map { t($0.lower) } ?? 0
        var hi = extent.map { t($0.upper) } ?? 1
        if lo == hi {
            let d = log ? 0.5 : (lo == 0 ? 1 : abs(lo) * 0.1)
            lo -= d; hi += d
        } else if !(extent?.exact ?? false) {
            let pad = (hi - lo) * axis.range.padding
            lo -= pad; hi += pad
        }
        var result = (inv(lo), inv(hi))
        if let l = axis.range.lower { result.0 = l }
        if let u = axis.range.upper { result.1 = u }
        if !(result.0 < result.1) {  // one fixed end beyond all the data
            if axis.range.lower != nil { result.1 = log ? result.0 * 10 : result.0 + max(1, abs(result.0)) }
            else { result.0 = log ? result.1 / 10 : result.1 - max(1, abs(result.1)) }
        }
        return result
    }
}
