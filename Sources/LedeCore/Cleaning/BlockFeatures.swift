/// What the classifier measures about a block.
public struct BlockFeatures: Sendable {
    var scalars = 0
    var wordCount = 0
    var stopWords = 0
    /// Scalars of CJK text, which has no spaces and no stop-word list here.
    var cjk = 0
    var digits = 0
    var linkDensity = 0.0
    var callToAction = 0
    var credit = 0
    var endMarker = false
    var currency = false
    var endsLikeSentence = false
    var sentenceMarks = 0
    var startsWithBullet = false
    /// The first `keptWords` words as `Lexicon` hashes, for the vocabulary phrases (which
    /// only weigh in short blocks).
    var words: [UInt64] = []
    /// Which of those words begin a vocabulary phrase.
    var phraseStarts: [Bool] = []
    static let keptWords = 64
    /// Stop words of each language of `StopWords.lists`.
    var stopCounts: [Int] = Array(repeating: 0, count: StopWords.lists.count)

    /// Measures a block's text.
    static func measure(_ block: Block) -> BlockFeatures {
        var f = BlockFeatures()
        let b = block.text.utf8
        var i = 0
        // The current word's hash, folded to lower case as it is read: no String.
        var hash: UInt64 = 0xcbf29ce484222325
        var inWord = false
        var lastNonSpace: Unicode.Scalar = " "
        let lexicon = Lexicon.shared
        func endWord(_ f: inout BlockFeatures) {
            if inWord {
                f.wordCount += 1
                let (classes, stops) = lexicon.lookup(hash)
                if f.wordCount <= Self.keptWords {
                    f.words.append(hash)
                    f.phraseStarts.append(classes.contains(.phraseStart))
                }
                if stops != 0 {
                    for l in 0..<f.stopCounts.count where stops & (1 << l) != 0 { f.stopCounts[l] += 1 }
                }
                hash = 0xcbf29ce484222325
                inWord = false
            }
        }
        func feed(_ bytes: some Collection<UInt8>) {
            for var c in bytes {
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                hash = (hash ^ UInt64(c)) &* 0x100000001b3
            }
            inWord = true
        }
        let expected = min(Self.keptWords, b.count / 5 + 1)
        f.words.reserveCapacity(expected)
        f.phraseStarts.reserveCapacity(expected)
        while i < b.count {
            let c = b[i]
            // ASCII fast path: letters and digits feed the word, spaces end it.
            if c < 0x80 {
                let lower = c | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if c <= 0x39 { f.digits += 1 }
                    f.scalars += 1
                    hash = (hash ^ UInt64(c >= 0x41 && c <= 0x5A ? lower : c)) &* 0x100000001b3
                    inWord = true
                    lastNonSpace = "a"
                    i += 1
                    continue
                }
                if c == 0x20 {
                    f.scalars += 1
                    endWord(&f)
                    i += 1
                    continue
                }
            }
            let (s, len) = UTF8Scan.scalar(in: b, at: i)
            f.scalars += 1
            if UTF8Scan.isCJK(s) {
                f.cjk += 1
                endWord(&f)
            } else if UTF8Scan.isLetter(s) || UTF8Scan.isDigit(s) || ((s == "'" || s == "\u{2019}" || s == "-") && inWord) {
                if UTF8Scan.isDigit(s) { f.digits += 1 }
                if s.value >= 0x80 && UTF8Scan.isUpper(s) {
                    var lower: [UInt8] = []
                    for l in s.properties.lowercaseMapping.unicodeScalars { TextDecoder.appendUTF8(l, to: &lower) }
                    feed(lower)
                } else {
                    feed(b[i..<i + len])
                }
            } else {
                endWord(&f)
                switch s {
                case "$", "\u{20AC}", "\u{A3}", "\u{20B9}", "\u{A5}": f.currency = true
                case ".", "!", "?", "\u{3002}", "\u{FF01}", "\u{FF1F}": f.sentenceMarks += 1
                default: break
                }
            }
            if !UTF8Scan.isSpace(s) { lastNonSpace = s }
            i += len
        }
        endWord(&f)
        if let first = b.first { f.startsWithBullet = first == 0x2A || first == 0x2D || (first == 0xE2 && b.count > 2 && b[1] == 0x80 && b[2] == 0xA2) }
        switch lastNonSpace {
        case ".", "!", "?", "\"", "\u{201D}", "\u{2019}", "\u{2026}", "\u{3002}", ")", "\u{BB}", ":": f.endsLikeSentence = true
        default: break
        }
        f.linkDensity = b.isEmpty ? 0 : Double(block.linkBytes) / Double(b.count)
        return f
    }
}
