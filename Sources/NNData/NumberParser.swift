/// Decimal numbers parsed straight from bytes (no `String` per field).
///
/// The common case — at most 15 significant digits and a decimal exponent within ±22 — is
/// computed as one exact integer times or divided by one exact power of ten, which IEEE
/// arithmetic rounds correctly (Clinger's fast path). Anything longer falls back to the
/// standard library's correctly rounded parser, so every result is the nearest `Double`.
enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number in `bytes[start..<end]` after trimming spaces and tabs, or nil when it is not
    /// a finite decimal number (`inf`, `nan` and hexadecimal are rejected).
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var (i, end) = trimmed(bytes, start, end)
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var exponent = 0
        while i < end, let digit = digitValue(bytes[i]) {
            if mantissa != 0 || digit != 0 { significantDigits += 1 }
            if significantDigits <= 19 { mantissa = mantissa &* 10 &+ UInt64(digit) } else { exponent += 1 }
            digitCount += 1
            i += 1
        }
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, let digit = digitValue(bytes[i]) {
                if mantissa != 0 || digit != 0 { significantDigits += 1 }
                if significantDigits <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    exponent -= 1
                }
                digitCount += 1
                i += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var exponentDigits = 0
            while i < end, let digit = digitValue(bytes[i]) {
                if written < 100_000 { written = written * 10 + digit }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == end else { return nil }
        if significantDigits <= 15 && abs(exponent) <= 22 {
            let magnitude = exponent >= 0 ? Double(mantissa) * powersOfTen[exponent] : Double(mantissa) / powersOfTen[-exponent]
            return negative ? -magnitude : magnitude
        }
        // Long or extreme literals: the standard library's correctly rounded parser.
        let (from, to) = trimmed(bytes, start, end)
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)),
              value.isFinite else { return nil }
        return value
    }

    /// The integer in `bytes[start..<end]` after trimming, or nil (no fraction, no exponent,
    /// within ±2⁶² to leave room for arithmetic).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var (i, end) = trimmed(bytes, start, end)
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < end else { return nil }
        var value = 0
        while i < end {
            guard let digit = digitValue(bytes[i]), value < (1 << 58) else { return nil }
            value = value * 10 + digit
            i += 1
        }
        return negative ? -value : value
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start, end = end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return (start, end)
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }
}
