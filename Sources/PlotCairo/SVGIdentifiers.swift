/// Rewrites the element ids of a cairo SVG document so that several documents can be inlined in one
/// HTML page, and so that identical figures give identical bytes.
///
/// Cairo names glyphs `glyph0-1`, `clip1`, … afresh in every document (a page resolves `#glyph0-1`
/// to the first element with that id, i.e. the glyphs of another figure), and numbers images and
/// sources from a process-wide counter (`image256` in one run, `image276` in the next). Every id is
/// therefore renamed to `<prefix><letters of the old id><n>`, with `n` counted per document in the
/// order ids first appear, and every reference (`xlink:href="#X"`, `url(#X)`) follows.
enum SVGIdentifiers {
    private static let patterns: [[UInt8]] = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]

    static func prefixed(_ svg: [UInt8], with prefix: String) -> [UInt8] {
        let p = Array(prefix.utf8)
        var names: [ArraySlice<UInt8>: [UInt8]] = [:]
        var out = [UInt8]()
        out.reserveCapacity(svg.count + svg.count / 16)
        var i = 0
        while i < svg.count {
            guard let m = match(svg, at: i) else {
                out.append(svg[i])
                i += 1
                continue
            }
            out += m
            i += m.count
            // `id="` must start an attribute (preceded by a space), not end another name such as `xml:id`.
            let isAttribute = m[0] != UInt8(ascii: "i") || (i - m.count > 0 && svg[i - m.count - 1] == UInt8(ascii: " "))
            guard isAttribute else { continue }
            let terminator = m[0] == UInt8(ascii: "u") ? UInt8(ascii: ")") : UInt8(ascii: "\"")
            var end = i
            while end < svg.count, svg[end] != terminator { end += 1 }
            let old = svg[i..<end]
            if let renamed = names[old] {
                out += renamed
            } else {
                let letters = old.prefix { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
                let renamed = p + letters + Array(String(names.count + 1).utf8)
                names[old] = renamed
                out += renamed
            }
            i = end
        }
        return out
    }

    private static func match(_ svg: [UInt8], at i: Int) -> [UInt8]? {
        let first = svg[i]
        guard first == UInt8(ascii: "i") || first == UInt8(ascii: "h") || first == UInt8(ascii: "u") else { return nil }
        for pattern in patterns where i + pattern.count <= svg.count && svg[i..<(i + pattern.count)].elementsEqual(pattern) {
            return pattern
        }
        return nil
    }
}
