import NNCore
import NNFiles

/// The dict literal of an `.npy` header: `descr` (the dtype), `fortran_order` and `shape`.
enum NPYHeader {
    /// The element type of an `.npy` array.
    struct DType {
        enum Kind { case float, signed, unsigned, boolean }
        var kind: Kind
        var size: Int
        var bigEndian: Bool
        var descr: String

        /// The element at byte `offset`, as a `Double`.
        func value(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Double {
            var raw: UInt64 = 0
            for k in 0..<size {
                let byte = UInt64(bytes[offset + (bigEndian ? size - 1 - k : k)])
                raw |= byte << (8 * UInt64(k))
            }
            switch (kind, size) {
            case (.float, 4): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case (.float, _): return Double(bitPattern: raw)
            case (.signed, _):
                // Sign-extend from `size` bytes.
                let shift = UInt64(64 - 8 * size)
                return Double(Int64(bitPattern: raw << shift) >> Int64(shift))
            case (.unsigned, _), (.boolean, _): return Double(raw)
            }
        }
    }

    static func parse(_ header: String, file: String) throws(InputError) -> (DType, Bool, [Int]) {
        func error(_ field: String, _ message: String) -> InputError {
            InputError(file: file, field: field, message: message)
        }
        guard let descrText = value(of: "descr", in: header) else {
            throw error("descr", "expected a header dict with 'descr', received \(summary(header))")
        }
        let descr = descrText.filter { $0 != "'" && $0 != "\"" }
        guard let dtype = dtype(descr) else {
            throw error("descr", "expected a numeric dtype such as '<f8', '<f4', '<i8', '<i4', '<i2', '|i1', '|u1' or '<u2', received '\(descr)'")
        }
        guard let fortranText = value(of: "fortran_order", in: header), fortranText == "True" || fortranText == "False" else {
            throw error("fortran_order", "expected True or False, received \(summary(header))")
        }
        guard let shapeText = value(of: "shape", in: header), shapeText.hasPrefix("("), shapeText.hasSuffix(")") else {
            throw error("shape", "expected a tuple of dimensions, received \(summary(header))")
        }
        var shape = [Int]()
        for part in shapeText.dropFirst().dropLast().split(separator: ",") {
            let trimmed = String(part).trimmingBlanks
            if trimmed.isEmpty { continue }
            guard let dimension = Int(trimmed), dimension >= 0 else {
                throw error("shape", "expected non-negative integer dimensions, received \(shapeText)")
            }
            shape.append(dimension)
        }
        return (dtype, fortranText == "True", shape)
    }

    /// The literal after `'key':` up to the next top-level comma or the closing brace.
    private static func value(of key: String, in header: String) -> String? {
        guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\""),
              let colon = header[keyRange.upperBound...].firstIndex(of: ":") else { return nil }
        var depth = 0
        var end = header.index(after: colon)
        while end < header.endIndex {
            let character = header[end]
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && (character == "," || character == "}") { break }
            end = header.index(after: end)
        }
        if depth != 0 { return nil }
        // A tuple's closing parenthesis belongs to the value.
        return String(header[header.index(after: colon)..<end]).trimmingBlanks
    }

    private static func dtype(_ descr: String) -> DType? {
        guard descr.count >= 3, let order = descr.first, let code = descr.dropFirst().first,
              let size = Int(descr.dropFirst(2)) else { return nil }
        guard "<>|=".contains(order) else { return nil }
        let kind: DType.Kind
        switch code {
        case "f": guard size == 4 || size == 8 else { return nil }; kind = .float
        case "i": guard [1, 2, 4, 8].contains(size) else { return nil }; kind = .signed
        case "u": guard [1, 2, 4, 8].contains(size) else { return nil }; kind = .unsigned
        case "b": guard size == 1 else { return nil }; kind = .boolean
        default: return nil
        }
        return DType(kind: kind, size: size, bigEndian: order == ">", descr: descr)
    }

    private static func summary(_ header: String) -> String {
        let trimmed = header.trimmingBlanks.replacingNewlines
        return trimmed.count > 80 ? String(trimmed.prefix(80)) + "…" : trimmed
    }
}

private extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
