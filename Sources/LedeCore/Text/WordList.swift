/// The word lists written in code (cues, titles, stop words): one helper to read them.
enum WordList {
    /// The words of a list written as text, separated by spaces and line breaks. Split on
    /// bytes, not `Character`s: the lists are read before every first analysis.
    static func set(_ text: String) -> Set<String> {
        var out = Set<String>()
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) {
            out.insert(String(Substring(word)))
        }
        return out
    }

    /// The phrases of a list written as text, separated by "|" (line breaks inside are
    /// left to the phrase matcher, which splits words on anything but letters). Split on
    /// bytes: `String.split` on a `Character` walks grapheme clusters (6K instructions a
    /// phrase here).
    static func phrases(_ text: String) -> [String] {
        text.utf8.split(separator: 0x7C).map { String(Substring($0)) }
    }
}
