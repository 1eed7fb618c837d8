import Foundation
import NNCore
import NNLanguage

/// Number formatting for tables and text.
public enum Format {
    /// Full float64 precision (shortest round-trip form), for golden values.
    static func full(_ x: Double) -> String { x.description }

    /// `digits` significant digits ("%.*g").
    static func significant(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "—" : (x > 0 ? "∞" : "−∞") }
        return String(format: "%.\(digits)g", x).replacingOccurrences(of: "-", with: "−")
    }

    /// A column of numbers with as few significant digits as keep its distinct values apart (between
    /// `minimum` and `maximum`): a table column reads "0.1108, 0.1107" instead of six digits each, and
    /// values that differ only far down keep the digits that tell them apart.
    static func column(_ values: [Double], minimum: Int = 4, maximum: Int = 8) -> [String] {
        let distinct = Set(values.filter(\.isFinite)).count
        var digits = minimum
        while digits < maximum, Set(values.filter(\.isFinite).map { significant($0, digits) }).count < distinct { digits += 1 }
        return values.map { significant($0, digits) }
    }

    /// A scientific form for small errors ("3.1e-17"); zero prints as "0".
    static func error(_ x: Double) -> String {
        x == 0 ? "0" : String(format: "%.1e", x)
    }

    /// A percentage ("80%").
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        return String(format: "%.0f%%", x * 100)
    }

    /// A percentage with two decimals ("97.22%").
    static func percent4(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        return String(format: "%.2f%%", x * 100)
    }

    static func seconds(_ x: Double) -> String {
        x < 0.0005 ? "< 1 ms" : x < 1 ? String(format: "%.0f ms", x * 1000) : String(format: "%.2f s", x)
    }

    /// A count of floating-point operations ("3.2 GFLOP").
    public static func operations(_ x: Double) -> String {
        let units: [(Double, String)] = [(1e15, "PFLOP"), (1e12, "TFLOP"), (1e9, "GFLOP"), (1e6, "MFLOP"), (1e3, "kFLOP")]
        for (scale, name) in units where x >= scale { return String(format: "%.1f", x / scale) + " " + name }
        return String(format: "%.0f FLOP", x)
    }

    /// "1 epoch", "2 epochs": a count with its noun in the right number (`plural` for irregular ones),
    /// in the report's language.
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        counted(n, noun, plural: plural)
    }
}
