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
}
