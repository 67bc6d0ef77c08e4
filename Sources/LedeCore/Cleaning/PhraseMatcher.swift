/// Finds word phrases in a block's words (as `Lexicon` hashes) without building strings:
/// phrases are indexed by their first word, then compared word by word. Only words the
/// lexicon marks as a phrase start are looked up.
struct PhraseMatcher: Sendable {
    private var byFirst: [UInt64: [[UInt64]]] = [:]

    init(_ phrases: [String]) {
        for p in phrases {
            let words = Self.words(p).map { Lexicon.hash($0) }
            guard let first = words.first else { continue }
            byFirst[first, default: []].append(words)
        }
    }

    /// Splits text into lower-case words the way `BlockFeatures` does.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        for u in s.lowercased().unicodeScalars {
            if UTF8Scan.isLetter(u) || UTF8Scan.isDigit(u) || ((u == "'" || u == "\u{2019}" || u == "-") && !cur.isEmpty) {
                cur.append(u)
            } else if !cur.isEmpty { out.append(String(cur)); cur.removeAll() }
        }
        if !cur.isEmpty { out.append(String(cur)) }
        return out
    }

    /// How many phrase occurrences the words hold.
    func count(in words: [UInt64]) -> Int {
        var n = 0
        let lexicon = Lexicon.shared
        for i in words.indices where lexicon.classes(words[i]).contains(.phraseStart) {
            guard let candidates = byFirst[words[i]] else { continue }
            for phrase in candidates where i + phrase.count <= words.count {
                var ok = true
                for k in 1..<phrase.count where words[i + k] != phrase[k] { ok = false; break }
                if ok { n += 1 }
            }
        }
        return n
    }

    /// The words are exactly one phrase.
    func isExactly(_ words: [UInt64]) -> Bool {
        guard let first = words.first, let candidates = byFirst[first] else { return false }
        return candidates.contains { $0 == words }
    }
}
