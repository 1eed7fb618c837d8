import Foundation

/// How much memory a plan may use (`--memory-limit`, default 4 GiB), and the running estimate of
/// what the plan read and built so far will hold.
///
/// Every allocation whose size a user controls is estimated and charged *before* it is made: the
/// parsed text of data files, networks (weights, gradients, optimizer state), data sets, histories,
/// recordings and the report's files. A plan over the budget is refused with one line naming the
/// field, the estimate and the budget, so no input makes NNLab use more than the budget plus a
/// fixed margin (the program itself, figure rendering).
public struct MemoryBudget: Sendable {
    /// 4 GiB.
    public static let defaultLimit: Double = 4 * 1024 * 1024 * 1024
    /// Bytes the parsed form of JSON or YAML text takes per byte of text (measured: 22.8 MB of
    /// numbers → 265 MB resident; rounded up).
    public static let parsedTextFactor: Double = 16

    /// The budget in bytes.
    public let limit: Double
    /// What has been charged so far, in bytes.
    public private(set) var charged: Double = 0
    /// Estimated floating-point operations of the training planned so far (for the plan summary).
    public private(set) var work: Double = 0

    public init(limit: Double = MemoryBudget.defaultLimit) {
        self.limit = limit
    }

    /// What is left, in bytes.
    public var remaining: Double { max(0, limit - charged) }

    /// Charges `bytes` that stay allocated for the rest of the plan.
    /// - Parameter what: what they hold, e.g. "the history of 100000000 epochs × 5 seeds".
    /// - Throws: `error(message)` when the plan would exceed the budget.
    public mutating func charge(_ bytes: Double, for what: String, error: (String) -> InputError) throws(InputError) {
        try check(bytes, for: what, error: error)
        charged += bytes
    }

    /// Checks that `bytes` more, held only for a while (text being parsed), fit beside what is charged.
    public func check(_ bytes: Double, for what: String, error: (String) -> InputError) throws(InputError) {
        guard bytes.isFinite, charged + bytes <= limit else {
            let total = charged + bytes
            // The plan is counted in order and stops at the first item over the budget: what is printed is
            // a lower bound, so raising the limit to it may not be enough.
            throw error("expected a plan within the memory budget of \(Self.format(limit)) (change it with --memory-limit), received one that needs at least \(Self.format(total.isFinite ? total : .greatestFiniteMagnitude)) (counted up to \(what))")
        }
    }

    /// Adds training work (for the plan summary only).
    public mutating func addWork(_ operations: Double) { work += operations }

    /// "4 GiB", "512 MiB", "12.3 GiB".
    public static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == units.count - 1 && value >= 1024 { return "more than 1024 EiB" }
        let rounded = value >= 100 || value == value.rounded() ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
        return "\(rounded) \(units[unit])"
    }

    /// Reads "4G", "4GiB", "512M", "512MiB", "1.5G", "800K" or a whole number of bytes: decimal digits,
    /// an optional fraction and an optional K, M, G or T (powers of 1024, with or without "B"/"iB").
    /// Budgets below 1 MiB or above 1 PiB are refused (nil).
    public static func parse(_ text: String) -> Double? {
        let upper = text.uppercased()
        var digits = Substring(upper)
        var scale: Double = 1
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = digits.dropLast(suffix.count)
            break
        }
        let k: Double = 1024
        for (letter, factor) in [("K", k), ("M", k * k), ("G", k * k * k), ("T", k * k * k * k)] where digits.hasSuffix(letter) {
            digits = digits.dropLast()
            scale = factor
            break
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let value = Double(digits) else { return nil }
        let bytes = value * scale
        guard bytes >= k * k, bytes <= k * k * k * k * k else { return nil }
        return bytes
    }
}
