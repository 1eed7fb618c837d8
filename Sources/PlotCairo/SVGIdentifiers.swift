/// Rewrites the element ids of a cairo SVG document so that several documents can be inlined in one
/// HTML page: cairo names glyphs `glyph0-1`, `clip1`, … afresh in every document, and a page
/// resolves `#glyph0-1` to the first element with that id, i.e. the glyphs of another figure.
enum SVGIdentifiers {
    /// `id="X"` → `id="<prefix>X"`, and the references `#X` in `xlink:href="#X"` and `url(#X)` alike.
    static func prefixed(_ svg: [UInt8], with prefix: String) -> [UInt8] {
        let p = Array(prefix.utf8)
        let patterns: [[UInt8]] = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        var out = [UInt8]()
        out.reserveCapacity(svg.count + svg.count / 16)
        var i = 0
        while i < svg.count {
            var matched: [UInt8]?
            if svg[i] == UInt8(ascii: "i") || svg[i] == UInt8(ascii: "h") || svg[i] == UInt8(ascii: "u") {
                for pattern in patterns where i + pattern.count <= svg.count && svg[i..<(i + pattern.count)].elementsEqual(pattern) {
                    matched = pattern
                    break
                }
            }
            if let m = matched {
                // `id="` must start an attribute (preceded by a space), not end another name such as `xml:id`.
                out += m
                if m[0] != UInt8(ascii: "i") || (i > 0 && svg[i - 1] == UInt8(ascii: " ")) { out += p }
                i += m.count
            } else {
                out.append(svg[i])
                i += 1
            }
        }
        return out
    }
}
