/// Finds word phrases in a block's words (as `Lexicon` hashes) without building strings:
/// phrases are indexed by their first word, then compared word by word. Only words the
/// lexicon marks as a phrase start are looked up.
struct PhraseMatcher: Sendable {
    private var byFirst: [UInt64: [[UInt64]]] = [:]

    init(_ phrases: [String]) {
        for p in phrases {
            let words = Self.asciiWordHashes(p) ?? Self.words(p).map { Lexicon.hash($0) }
            guard let first = words.first else { continue }
            byFirst[first, default: []].append(words)
        }
    }

    /// The `Lexicon` hashes of an ASCII phrase's words, split as `words` splits them,
    /// without making a String per word; nil for a phrase that is not ASCII.
    static func asciiWordHashes(_ s: String) -> [UInt64]? {
        var out: [UInt64] = []
        var h: UInt64 = 0xcbf29ce484222325
        var length = 0
        for var c in s.utf8 {
            guard c < 0x80 else { return nil }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || ((c == 0x27 || c == 0x2D) && length > 0) {
                h = (h ^ UInt64(c)) &* 0x100000001b3
                length += 1
            } else if length > 0 {
                out.append(h)
                h = 0xcbf29ce484222325
                length = 0
            }
        }
        if length > 0 { out.append(h) }
        return out
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
