import Plot

/// The bytes of an SVG document as they are written, with the few encodings SVG needs: numbers,
/// colours, path data and escaped text.
///
/// Every number is written the same way on every machine: rounded to a fixed number of decimals
/// (`(v · 10ᵈ).rounded()`, halves away from zero), trailing zeros dropped, no exponent, no locale,
/// never "-0". Coordinates are clamped to ±`coordinateLimit`, far outside any figure (cairo's own
/// fixed-point coordinates end at ±8 388 608).
struct SVGWriter {
    private(set) var bytes: [UInt8] = []

    /// Decimals of coordinates, lengths, font sizes and angles (1/100 of a pixel).
    static let decimals = 2
    /// Decimals of opacities (finer than 8-bit alpha's 1/255).
    static let opacityDecimals = 3
    static let coordinateLimit = 1e9

    init(reservingCapacity n: Int = 1 << 16) { bytes.reserveCapacity(n) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// `v` with `decimals` decimals at most; a non-finite value is written as 0 (callers drop elements
    /// holding one, see `pathData`).
    mutating func number(_ v: Double, decimals: Int = SVGWriter.decimals) {
        let limited = v.isFinite ? min(max(v, -Self.coordinateLimit), Self.coordinateLimit) : 0
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let n = Int64((limited * Double(scale)).rounded())
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = n.magnitude
        digits(magnitude / UInt64(scale))
        var fraction = magnitude % UInt64(scale)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        var divisor: UInt64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func digits(_ v: UInt64) {
        var divisor: UInt64 = 1
        while divisor <= v / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
            divisor /= 10
        }
    }

    /// ` name="value"` with `value` a number.
    mutating func attribute(_ name: String, _ value: Double, decimals: Int = SVGWriter.decimals) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(contentsOf: "=\"".utf8)
        number(value, decimals: decimals)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="value"` with `value` written as is (callers pass constants or ids they made).
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(contentsOf: "=\"".utf8)
        append(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="#rrggbb"`, and ` opacityName="a"` when the colour is not opaque. Components are
    /// rounded to 8 bits as in the PNG.
    mutating func paint(_ name: String, _ color: Color, opacity opacityName: String) {
        let (r, g, b) = color.rgb8
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(contentsOf: "=\"#".utf8)
        for c in [r, g, b] { hex(c >> 4); hex(c & 0xF) }
        bytes.append(UInt8(ascii: "\""))
        if color.alpha < 1 { attribute(opacityName, max(0, color.alpha), decimals: Self.opacityDecimals) }
    }

    private mutating func hex(_ nibble: UInt8) {
        bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
    }

    /// `text` as XML character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities;
    /// characters XML 1.0 cannot hold (C0 controls, tab and newlines included, DEL, the C1 controls,
    /// U+FFFE, U+FFFF) dropped.
    mutating func escaped(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"": bytes.append(contentsOf: "&quot;".utf8)
            case "'": bytes.append(contentsOf: "&apos;".utf8)
            default:
                guard Self.isWritable(scalar) else { continue }
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// Whether `scalar` may appear in an SVG text: not a control character nor a non-character XML refuses.
    static func isWritable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return !(v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF)
    }

    /// Whether `path` can be written: not empty, and no non-finite number (cairo's output is undefined
    /// there, and an SVG viewer would refuse the path).
    static func isWritable(_ path: Path) -> Bool { !path.isEmpty && path.elements.allSatisfy(isFinite) }

    /// Appends ` d="…"` for `path` (`isWritable`), as cairo builds it: a line or curve with no current
    /// point starts a sub-path there; a rectangle is a closed sub-path clockwise from its top-left
    /// corner; a circle is a new closed sub-path of two clockwise half arcs (the same winding as
    /// cairo's `cairo_arc`, so nonzero fills agree).
    mutating func pathData(_ path: Path) {
        bytes.append(contentsOf: " d=\"".utf8)
        var hasCurrentPoint = false
        for element in path.elements {
            switch element {
            case .move(let p):
                command("M", p)
                hasCurrentPoint = true
            case .line(let p):
                command(hasCurrentPoint ? "L" : "M", p)
                hasCurrentPoint = true
            case .curve(let a, let b, let p):
                if !hasCurrentPoint { command("M", a) }
                command("C", a); separator(); point(b); separator(); point(p)
                hasCurrentPoint = true
            case .close:
                if hasCurrentPoint { bytes.append(UInt8(ascii: "Z")) }
            case .rect(let r):
                command("M", Point(r.minX, r.minY))
                bytes.append(UInt8(ascii: "H")); number(r.maxX)
                bytes.append(UInt8(ascii: "V")); number(r.maxY)
                bytes.append(UInt8(ascii: "H")); number(r.minX)
                bytes.append(UInt8(ascii: "Z"))
                hasCurrentPoint = true
            case .circle(let c, let radius):
                let r = abs(radius)
                command("M", Point(c.x + r, c.y))
                for end in [Point(c.x - r, c.y), Point(c.x + r, c.y)] {
                    bytes.append(UInt8(ascii: "A")); number(r); separator(); number(r)
                    bytes.append(contentsOf: " 0 1 1 ".utf8); point(end)
                }
                bytes.append(UInt8(ascii: "Z"))
                hasCurrentPoint = true
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func command(_ letter: Unicode.Scalar, _ p: Point) {
        bytes.append(UInt8(ascii: letter))
        point(p)
    }

    private mutating func point(_ p: Point) { number(p.x); separator(); number(p.y) }

    private mutating func separator() { bytes.append(UInt8(ascii: " ")) }

    private static func isFinite(_ e: Path.Element) -> Bool {
        switch e {
        case .move(let p), .line(let p): p.x.isFinite && p.y.isFinite
        case .curve(let a, let b, let p): a.x.isFinite && a.y.isFinite && b.x.isFinite && b.y.isFinite && p.x.isFinite && p.y.isFinite
        case .close: true
        case .rect(let r): r.x.isFinite && r.y.isFinite && r.width.isFinite && r.height.isFinite
        case .circle(let c, let radius): c.x.isFinite && c.y.isFinite && radius.isFinite
        }
    }
}
