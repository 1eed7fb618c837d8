/// The language a report's generated words are written in: English (the source language, written in
/// the code) or one with a catalogue (`Spanish`). Adding a language is one file with its catalogue and
/// one case here.
///
/// The language in effect is a task-local value, set around building and writing one report
/// (`Language.$current.withValue(.es) { … }`), so reports in two languages can be built at once.
public enum Language: String, Sendable, CaseIterable {
    case en, es

    /// The language of the report being built.
    @TaskLocal public static var current: Language = .en

    /// Collects the phrases asked for in a language that has no translation for them (tests set it).
    @TaskLocal public static var misses: MissedPhrases?

    /// The phrase catalogue: English template → this language's template (nil for English).
    var catalogue: Catalogue? {
        switch self {
        case .en: nil
        case .es: Spanish.catalogue
        }
    }

    /// "English", "español".
    public var name: String {
        switch self {
        case .en: "English"
        case .es: "español"
        }
    }
}

/// A language's translations: phrase templates (`{0}`, `{1}`… for the values) and nouns with their
/// singular and plural.
public struct Catalogue: Sendable {
    public var phrases: [String: String]
    public var nouns: [String: (singular: String, plural: String)]

    public init(phrases: [String: String], nouns: [String: (singular: String, plural: String)]) {
        self.phrases = phrases
        self.nouns = nouns
    }
}
