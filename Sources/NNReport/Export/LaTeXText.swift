/// Report text as LaTeX source that `pdflatex` (T1, utf8) typesets: the ten special characters
/// escaped, the mathematical symbols NNLab writes (×, ≥, λ, ∂, subscripts…) as LaTeX commands, Latin-1
/// letters (á, ñ, ü…) as they are, and any other character as its code point, so no text — a variant
/// name, a title from a user's file — can stop the document from compiling.
enum LaTeXText {
    /// Running text (paragraphs, captions, table cells, headings).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            // "--" would typeset as a dash (and "--export" as "–export"): keep the hyphens apart.
            if character == "-" && previous == "-" { out += "{}" }
            out += escape(character)
            previous = character
        }
        return out
    }

    /// A section title: as `escape`, with a plain version for the PDF's bookmarks where the title
    /// holds mathematics (bookmarks take no math).
    static func heading(_ text: String) -> String {
        let typeset = escape(text)
        guard typeset.contains("$") || typeset.contains("\\text") else { return typeset }
        var plain = ""
        for character in text {
            let part = escape(transliterations[character] ?? String(character))
            if !part.contains("$") && !part.contains("\\text") { plain += part }
        }
        return "\\texorpdfstring{\(typeset)}{\(plain)}"
    }

    static func escape(_ character: Character) -> String {
        switch character {
        case "\\": return "\\textbackslash{}"
        case "{", "}", "$", "&", "#", "%", "_": return "\\" + String(character)
        case "^": return "\\textasciicircum{}"
        case "~": return "\\textasciitilde{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        case "\"": return "\\textquotedbl{}"
        case "\n", "\r\n", "\r": return " "
        case "\t": return " "
        default: break
        }
        if let mapped = symbols[character] { return mapped }
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return "" }
        if scalars.count == 1 {
            let value = first.value
            if value < 0x20 || value == 0x7F { return "" }
            if value < 0x7F { return String(character) }
            if value >= 0xA0 && value <= 0xFF { return value == 0xA0 ? "~" : String(character) }
            if (0x200B...0x200D).contains(value) { return "\\allowbreak{}" }
            if (0x2000...0x200A).contains(value) { return " " }
            return codePoint(first)
        }
        // A letter with combining accents (y + ̂): the accent commands around the escaped letter.
        var result = escape(Character(first))
        for mark in scalars.dropFirst() {
            if let accent = accents[mark.value] { result = "\(accent){\(result)}" } else { result += codePoint(mark) }
        }
        return result
    }

    /// A character NNLab has no command for, as `[U+2603]` in typewriter type.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\texttt{[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]}"
    }

    /// Code (experiment files, the backprop lab's values) for a `verbatim` environment: ASCII
    /// transliterations of the symbols, lines wrapped at `width` characters (a verbatim line never
    /// breaks by itself), and a `\end{verbatim}` inside the text defused.
    static func verbatim(_ text: String, width: Int = 96) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var plain = ""
            for character in line {
                if let ascii = transliterations[character] {
                    plain += ascii
                } else if character.isASCII || character.unicodeScalars.allSatisfy({ (0xA0...0xFF).contains($0.value) }) {
                    plain.append(character == "\t" ? " " : character)
                } else {
                    plain += "?"
                }
            }
            plain = plain.replacingOccurrences(of: "\\end{verbatim}", with: "\\end {verbatim}")
            var rest = Substring(plain)
            repeat {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            } while !rest.isEmpty
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let accents: [UInt32: String] = [
        0x0300: "\\`", 0x0301: "\\'", 0x0302: "\\^", 0x0303: "\\~", 0x0304: "\\=", 0x0306: "\\u", 0x0307: "\\.",
        0x0308: "\\\"", 0x030C: "\\v",
    ]

    /// Symbols NNLab's text uses, as commands that need no package beyond the preamble's.
    static let symbols: [Character: String] = {
        var map: [Character: String] = [
            "×": "$\\times$", "·": "$\\cdot$", "…": "\\ldots{}", "⋯": "$\\cdots$", "−": "$-$", "±": "$\\pm$",
            "∞": "$\\infty$", "≤": "$\\leq$", "≥": "$\\geq$", "≈": "$\\approx$", "≠": "$\\neq$", "∈": "$\\in$",
            "→": "$\\rightarrow$", "←": "$\\leftarrow$", "↑": "$\\uparrow$", "↓": "$\\downarrow$",
            "∂": "$\\partial$", "√": "$\\surd$", "‖": "$\\|$", "⊕": "$\\oplus$", "⊙": "$\\odot$", "∑": "$\\sum$",
            "⌊": "$\\lfloor$", "⌋": "$\\rfloor$", "○": "$\\circ$", "□": "$\\square$", "█": "\\rule{0.6em}{0.8em}",
            "—": "---", "–": "--", "“": "``", "”": "''", "‘": "`", "’": "'", "›": "\\guilsinglright{}", "‹": "\\guilsinglleft{}",
            "•": "\\textbullet{}", "─": "-", "✓": "$\\surd$", "✗": "$\\times$", "ḡ": "$\\bar{g}$", "ŷ": "$\\hat{y}$",
            "µ": "$\\mu$", "§": "\\S{}", "⋮": "$\\vdots$", "€": "\\texteuro{}", "£": "\\pounds{}", "½": "\\textonehalf{}", "°": "\\textdegree{}",
        ]
        let greek: [(Character, String)] = [
            ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "varepsilon"), ("ζ", "zeta"), ("η", "eta"),
            ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"),
            ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"), ("υ", "upsilon"), ("φ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
            ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"), ("Σ", "Sigma"),
            ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
        ]
        for (letter, name) in greek { map[letter] = "$\\\(name)$" }
        let superscripts: [(Character, String)] = [
            ("⁰", "0"), ("¹", "1"), ("²", "2"), ("³", "3"), ("⁴", "4"), ("⁵", "5"), ("⁶", "6"), ("⁷", "7"), ("⁸", "8"), ("⁹", "9"),
            ("⁺", "+"), ("⁻", "-"), ("ⁿ", "n"), ("ⁱ", "i"), ("ᵀ", "T"), ("ᴺ", "N"), ("ᶻ", "z"), ("ᵗ", "t"), ("ᵉ", "e"), ("ʲ", "j"),
        ]
        for (mark, text) in superscripts { map[mark] = "\\textsuperscript{\(text)}" }
        let subscripts: [(Character, String)] = [
            ("₀", "0"), ("₁", "1"), ("₂", "2"), ("₃", "3"), ("₄", "4"), ("₅", "5"), ("₆", "6"), ("₇", "7"), ("₈", "8"), ("₉", "9"),
            ("₋", "-"), ("ᵢ", "i"), ("ⱼ", "j"), ("ₖ", "k"), ("ₙ", "n"), ("ₘ", "m"), ("ₚ", "p"),
        ]
        for (mark, text) in subscripts { map[mark] = "\\textsubscript{\(text)}" }
        return map
    }()

    /// ASCII for the same symbols, inside verbatim code.
    static let transliterations: [Character: String] = [
        "×": "x", "·": "*", "…": "...", "⋯": "...", "−": "-", "±": "+-", "∞": "inf", "≤": "<=", "≥": ">=", "≈": "~=",
        "≠": "!=", "→": "->", "←": "<-", "—": "--", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'", "─": "-",
        "█": "#", "λ": "lambda", "σ": "sigma", "η": "eta", "α": "alpha", "β": "beta", "ε": "eps", "∂": "d", "Σ": "sum",
        "Δ": "delta", "δ": "delta", "θ": "theta", "μ": "mu", "µ": "mu", "ρ": "rho", "π": "pi", "φ": "phi", "Φ": "Phi", "Λ": "Lambda",
        "√": "sqrt", "‖": "||", "ŷ": "y^", "ḡ": "g-", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6",
        "₇": "7", "₈": "8", "₉": "9", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₙ": "n", "ₘ": "m", "ₚ": "p", "₋": "-", "²": "^2", "³": "^3",
        "¹": "^1", "⁻": "^-", "⁺": "^+", "ᵀ": "^T", "ⁿ": "^n", "\u{200B}": "",
    ]
}
