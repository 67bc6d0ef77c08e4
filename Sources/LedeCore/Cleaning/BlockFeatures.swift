import Foundation
/// What the classifier measures about a block.
public struct BlockFeatures: Sendable {
    var scalars = 0
    var wordCount = 0
    var stopWords = 0
    /// Scalars of CJK text, which has no spaces and no stop-word list here.
    var cjk = 0
    var digits = 0
    var linkDensity = 0.0
    /// Call-to-action, credit and footer phrases (counted for short blocks only).
    var callToAction = 0
    var strongCallToAction = false
    var credit = 0
    var endMarker = false
    var currency = false
    var endsLikeSentence = false
    /// One sentence cut off with an ellipsis ("…may soon..."): a teaser of another story.
    var truncated = false
    /// Only a date ("Tuesday November 19, 2019"): a list of stories gives one per story.
    public internal(set) var dateOnly = false
    var sentenceMarks = 0
    /// The first `keptWords` words as `Lexicon` hashes, for the vocabulary phrases (which
    /// only weigh in short blocks).
    var words: [UInt64] = []
    static let keptWords = 64
    /// Stop words of each language of `StopWords.lists` (up to eight), kept in a vector
    /// so that measuring a block allocates nothing for them.
    var stopCounts = SIMD8<Int32>()

    /// The word being read: its hash so far. No closure captures it, so no boxing and no
    /// dynamic exclusivity checks on the hot path.
    struct WordState {
        var hash: UInt64 = 0xcbf29ce484222325
        var inWord = false

        @inline(__always) mutating func feed(_ c: UInt8) {
            hash = (hash ^ UInt64(c)) &* 0x100000001b3
            inWord = true
        }

        @inline(__always) mutating func end(into f: inout BlockFeatures) {
            guard inWord else { return }
            f.wordCount += 1
            let (_, stops) = Lexicon.shared.lookup(hash)
            if f.wordCount <= BlockFeatures.keptWords { f.words.append(hash) }
            if stops != 0 { f.stopCounts &+= BlockFeatures.maskVectors[Int(stops)] }
            hash = 0xcbf29ce484222325
            inWord = false
        }
    }

    /// "…residents may soon..." or "…soon…": an ellipsis right after a word's last letter.
    static func endsInEllipsisAfterAWord(_ b: [UInt8]) -> Bool {
        var i = b.count - 1
        while i >= 0, b[i] == 0x20 { i -= 1 }
        if i >= 2, b[i] == 0xA6, b[i - 1] == 0x80, b[i - 2] == 0xE2 { i -= 3 }           // …
        else if i >= 2, b[i] == 0x2E, b[i - 1] == 0x2E, b[i - 2] == 0x2E { i -= 3 }      // ...
        else { return false }
        guard i >= 0 else { return false }
        let c = b[i]
        return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x80
    }

    /// Stop words per word, in the page's language.
    public var stopDensity: Double { wordCount == 0 ? 0 : Double(stopWords) / Double(wordCount) }

    /// The measures an explanation quotes: "412 chars, 61 words, stop words 0.41, links 0.00".
    public var summary: String {
        var s = "\(scalars) chars, \(wordCount) words, stop words " + String(format: "%.2f", stopDensity)
        if linkDensity > 0 { s += ", links " + String(format: "%.2f", linkDensity) }
        if dateOnly { s += ", only a date" }
        return s
    }

    /// A stop-word mask (a bit per language) as a vector of 0s and 1s.
    static let maskVectors: [SIMD8<Int32>] = (0..<256).map { m in
        SIMD8<Int32>((0..<8).map { Int32((m >> $0) & 1) })
    }

    /// Measures a block's text in one pass over its bytes.
    static func measure(_ block: Block) -> BlockFeatures {
        var f = BlockFeatures()
        let b = block.text.utf8
        var w = WordState()
        var lastNonSpace: Unicode.Scalar = " "
        let expected = min(Self.keptWords, b.count / 5 + 1)
        f.words.reserveCapacity(expected)

        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                f.scalars += 1
                let lower = c | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    w.feed(lower)
                    lastNonSpace = "a"
                } else if c >= 0x30 && c <= 0x39 {
                    f.digits += 1
                    w.feed(c)
                    lastNonSpace = "0"
                } else if (c == 0x27 || c == 0x2D) && w.inWord {
                    // An apostrophe or hyphen inside a word joins it.
                    w.feed(c)
                    lastNonSpace = Unicode.Scalar(c)
                } else {
                    w.end(into: &f)
                    switch c {
                    case 0x24: f.currency = true                       // $
                    case 0x2E, 0x21, 0x3F: f.sentenceMarks += 1        // . ! ?
                    default: break
                    }
                    if c > 0x20 { lastNonSpace = Unicode.Scalar(c) }
                }
                i += 1
                continue
            }
            let (s, len) = UTF8Scan.scalar(in: b, at: i)
            f.scalars += 1
            if UTF8Scan.isCJK(s) {
                f.cjk += 1
                w.end(into: &f)
            } else if UTF8Scan.isLetter(s) || (s == "\u{2019}" && w.inWord) {
                if UTF8Scan.isUpper(s) {
                    var lower: [UInt8] = []
                    for l in s.properties.lowercaseMapping.unicodeScalars { TextDecoder.appendUTF8(l, to: &lower) }
                    for x in lower { w.feed(x) }
                } else {
                    for k in i..<i + len { w.feed(b[k]) }
                }
            } else {
                w.end(into: &f)
                switch s {
                case "\u{20AC}", "\u{A3}", "\u{20B9}", "\u{A5}": f.currency = true
                case "\u{3002}", "\u{FF01}", "\u{FF1F}": f.sentenceMarks += 1
                default: break
                }
            }
            if !UTF8Scan.isSpace(s) { lastNonSpace = s }
            i += len
        }
        w.end(into: &f)
        switch lastNonSpace {
        case ".", "!", "?", "\"", "\u{201D}", "\u{2019}", "\u{2026}", "\u{3002}", ")", "\u{BB}", ":": f.endsLikeSentence = true
        default: break
        }
        f.linkDensity = b.isEmpty ? 0 : Double(block.linkBytes) / Double(b.count)
        // A teaser is one sentence cut off; a paragraph that trails off ("Here's what he
        // had to say…") has finished sentences before.
        if Self.endsInEllipsisAfterAWord(b) {
            let trailingDots = b.last == 0x2E ? 3 : 0
            f.truncated = f.sentenceMarks - trailingDots == 0 && f.wordCount >= 15
        }
        if f.wordCount <= 9, f.digits >= 4 { f.dateOnly = DateParser.isOnlyADate(block.text.string) }
        return f
    }
}
