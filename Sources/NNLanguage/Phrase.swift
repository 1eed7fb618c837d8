import Foundation

/// A sentence written as an English string with interpolated values, translated as a whole:
/// `tr("seed \(seed), after \(epochs)")` looks up the template "seed {0}, after {1}" in the current
/// language's catalogue and puts the values back in its placeholders (in the order the translation
/// wants them). Values are inserted as they are; translate words among them with their own `tr`.
public struct Phrase: ExpressibleByStringInterpolation, Sendable {
    public var template: String
    public var values: [String]

    public init(stringLiteral value: String) {
        template = value
        values = []
    }

    public init(stringInterpolation: StringInterpolation) {
        template = stringInterpolation.template
        values = stringInterpolation.values
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var template = ""
        var values: [String] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 4 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { template += literal }

        public mutating func appendInterpolation<Value>(_ value: Value) {
            template += "{\(values.count)}"
            values.append(String(describing: value))
        }
    }

    /// The template with its values, in the current language.
    public var text: String { text(context: nil) }

    /// The template in the current language where `context` picks among translations of the same English
    /// ("diverged" as a status, and as the header of a column of counts: `context: "count"`): the catalogue's
    /// "count|diverged" when it has one.
    public func text(context: String?) -> String {
        let language = Language.current
        guard let catalogue = language.catalogue else { return Phrase.fill(template, values) }
        let key = context.map { $0 + "|" + template } ?? template
        guard let translated = catalogue.phrases[key] else {
            Language.misses?.add(key)
            return Phrase.fill(template, values)
        }
        return Phrase.fill(translated, values)
    }

    /// `template` with `{k}` replaced by `values[k]`.
    static func fill(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let k = Int(after[..<close]), values.indices.contains(k) {
                out += values[k]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}

/// The phrase in the current language.
public func tr(_ phrase: Phrase) -> String { phrase.text }

/// The phrase in the current language, translated as `context` says (see `Phrase.text(context:)`).
public func tr(_ phrase: Phrase, context: String) -> String { phrase.text(context: context) }

/// "1 epoch", "3 epochs" — or the current language's singular and plural of `noun` (its English
/// singular; the English plural adds "s" unless given).
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? word(noun) : word(noun, plural: plural ?? noun + "s", many: true))
}

/// `noun` in the current language, singular (or its plural with `many`).
public func word(_ noun: String, plural: String? = nil, many: Bool = false) -> String {
    let english = many ? (plural ?? noun + "s") : noun
    guard let catalogue = Language.current.catalogue else { return english }
    guard let forms = catalogue.nouns[noun] else {
        Language.misses?.add("noun: " + noun)
        return english
    }
    return many ? forms.plural : forms.singular
}

/// The phrases a report asked for that its language has no translation for.
public final class MissedPhrases: @unchecked Sendable {
    private let lock = NSLock()
    private var phrases = Set<String>()

    public init() {}

    func add(_ template: String) {
        lock.lock()
        phrases.insert(template)
        lock.unlock()
    }

    /// The missing templates, sorted.
    public var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return phrases.sorted()
    }
}

extension String {
    /// The text with its first letter in upper case (a translated sentence may start with a placeholder's
    /// lower-case word: "pérdida de entrenamiento …").
    public var sentenceCased: String {
        guard let first = first, first.isLowercase else { return self }
        return first.uppercased() + dropFirst()
    }
}

/// A text known only at run time (a metric's or an axis's human name), in the current language when
/// its catalogue has it; else as it is.
public func translated(_ text: String) -> String { Phrase(stringLiteral: text).text }
