/// What the classifier measures about a block.
public struct BlockFeatures: Sendable {
    var scalars = 0
    var words = 0
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
    /// Lower-cased words, for the stop-word and vocabulary lookups.
    var lowered: [String] = []

    /// Measures a block's text.
    static func measure(_ block: Block) -> BlockFeatures {
        var f = BlockFeatures()
        let b = block.text.utf8
        var i = 0
        var word = String.UnicodeScalarView()
        var lastNonSpace: Unicode.Scalar = " "
        func endWord(_ f: inout BlockFeatures) {
            if !word.isEmpty {
                f.words += 1
                f.lowered.append(String(word))
                word.removeAll(keepingCapacity: true)
            }
        }
        while i < b.count {
            let (s, len) = UTF8Scan.scalar(in: b, at: i)
            f.scalars += 1
            if UTF8Scan.isCJK(s) {
                f.cjk += 1
                endWord(&f)
            } else if UTF8Scan.isLetter(s) || UTF8Scan.isDigit(s) || ((s == "'" || s == "\u{2019}" || s == "-") && !word.isEmpty) {
                if UTF8Scan.isDigit(s) { f.digits += 1 }
                if s.value < 0x80 { word.append(Unicode.Scalar(UInt8(s.value | (UTF8Scan.isUpper(s) ? 0x20 : 0)))) }
                else { word.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
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
