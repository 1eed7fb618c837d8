extension Renderer {
    /// `text` in `font`, made to fit `width`: the font shrinks down to 70% of its size, then the text
    /// is shortened with "…" (a title never runs off its figure or panel, "ecision boundary as training go").
    func fitted(_ text: String, font: Font, width: Double) -> (text: String, font: Font) {
        guard width > 0, measure(text, font: font).width > width else { return (text, font) }
        let smaller = shrunk(font, toFit: [text], width: width)
        return (shortened(text, font: smaller, width: width), smaller)
    }

    /// `text` broken at spaces into at most `maxLines` lines no wider than `width`, greedily (each line
    /// takes as many words as fit); a word wider than `width`, or what is left for the last line, is
    /// then fitted as `fitted` does, with one font for every line (a tile's caption is never dropped).
    /// - Returns: the lines (at least one) and the font they are drawn in.
    func wrapped(_ text: String, font: Font, width: Double, maxLines: Int) -> (lines: [String], font: Font) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard width > 0, maxLines > 1, words.count > 1 else {
            let one = fitted(text, font: font, width: width)
            return ([one.text], one.font)
        }
        var lines: [String] = []
        var line = words[0]
        for word in words.dropFirst() {
            let candidate = line + " " + word
            if measure(candidate, font: font).width <= width {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines - 1)) + [lines[(maxLines - 1)...].joined(separator: " ")]
        }
        let smaller = shrunk(font, toFit: lines, width: width)
        return (lines.map { shortened($0, font: smaller, width: width) }, smaller)
    }

    /// `font` scaled so the widest of `lines` fits `width`: `size · width / widest`, at least 70% of
    /// its size (below that text stops being readable, and is shortened instead).
    func shrunk(_ font: Font, toFit lines: [String], width: Double) -> Font {
        let widest = lines.map { measure($0, font: font).width }.max() ?? 0
        guard width > 0, widest > width else { return font }
        var smaller = font
        smaller.size = max(font.size * 0.7, font.size * width / widest)
        return smaller
    }

    /// `text` cut at its end and marked "…" until it fits `width` in `font` ("…" alone at worst).
    func shortened(_ text: String, font: Font, width: Double) -> String {
        guard measure(text, font: font).width > width else { return text }
        var characters = Array(text)
        while characters.count > 1 {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "…"
            if measure(candidate, font: font).width <= width { return candidate }
        }
        return "…"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
