/// Writes numbers, vectors and matrices as JSON text in shortest round-trip form.
public enum JSONWriter {
    /// A finite number in shortest round-trip form (`0.1`, `1e-07`); non-finite values, which
    /// JSON cannot hold, are written as `null`.
    public static func number(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }

    public static func vector(_ values: [Double]) -> String {
        // One string grown in place (a sweep's runs.json is millions of numbers).
        var out = "["
        out.reserveCapacity(values.count * 21 + 2)
        for (i, x) in values.enumerated() {
            if i > 0 { out += ", " }
            out += x.isFinite ? x.description : "null"
        }
        return out + "]"
    }

    /// A JSON string literal with the required escapes.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
