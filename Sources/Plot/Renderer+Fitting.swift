extension Renderer {
    /// `text` in `font`, made to fit `width`: the font shrinks down to 70% of its size, then the text
    /// is shortened with "…" (a title never runs off its figure or panel, "ecision boundary as training go").
    func fitted(_ text: String, font: Font, width: Double) -> (text: String, font: Font) {
        guard width > 0, measure(text, font: font).width > width else { return (text, font) }
        var smaller = font
        smaller.size = max(font.size * 0.7, font.size * width / measure(text, font: font).width)
        if measure(text, font: smaller).width <= width { return (text, smaller) }
        var characters = Array(text)
        while characters.count > 1 {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "…"
            if measure(candidate, font: smaller).width <= width { return (candidate, smaller) }
        }
        return ("…", smaller)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
