/// Text from files and arguments made safe to print on one terminal line: control characters,
/// escape sequences and bidirectional overrides are shown escaped (`\n`, `\u{1B}`), never sent raw,
/// and long text is shortened in the middle (`…`), so an error line stays one readable line.
public enum DisplayText {
    /// `text` with unprintable characters escaped, at most `limit` characters long.
    public static func line(_ text: String, limit: Int = 300) -> String {
        shortened(escaped(text), limit: limit)
    }

    /// Escapes C0 and C1 control characters, DEL, and the Unicode format characters that can
    /// reorder or hide text on a terminal (bidirectional overrides, zero-width characters).
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cut to `limit` characters by replacing its middle with `…`.
    public static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 8 else { return text }
        let head = (limit - 1) * 2 / 3
        let tail = limit - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    /// A number for messages: whole numbers without ".0" ("1", "0.3", "1e-07").
    public static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }
}
