/// A word or punctuation token of a paragraph's cleaned text.
public struct Token: Sendable {
    /// Byte range in the paragraph's cleaned text.
    public var range: Range<Int>
    public var text: String
    public var kind: Kind
    /// First word of a sentence.
    public var sentenceStart: Bool
    /// Ends with a full stop that belongs to it ("U.S.", "Mr.", "Gen.").
    public var hasDot: Bool

    public enum Kind: Sendable, Equatable { case word, number, punct }

    public var isWord: Bool { kind == .word }

    /// Starts with an upper-case letter.
    public var isCapitalized: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        return UTF8Scan.isUpper(f)
    }

    /// Two or more letters, all upper case.
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in text.unicodeScalars where UTF8Scan.isLetter(s) {
            if !UTF8Scan.isUpper(s) { return false }
            letters += 1
        }
        return letters >= 2
    }

    public var lowered: String { text.lowercased() }
}

/// Splits cleaned paragraph text into tokens, keeping "U.S.", "al-Assad", "O'Brien" and
/// "don't" whole and splitting off a possessive 's.
public enum Tokenizer {
    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "maj", "adm", "cmdr", "st", "jr", "sr", "rev", "hon", "pres", "gov", "atty", "supt", "insp",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "u.s", "u.k", "u.n", "e.u",
        "d.c", "a.m", "p.m", "mass", "calif", "fla", "ill", "pa", "va", "vt", "md", "n.y", "wash",
        "conn", "ariz", "colo", "ga", "ky", "la", "mich", "minn", "mo", "nev", "okla", "ore",
        "tenn", "tex", "wis", "ala", "ark", "del", "ind", "kan", "neb", "n.c", "s.c", "n.h", "n.j",
        "n.m", "r.i", "w.va", "i.e", "e.g", "approx", "dept", "univ", "assn", "bros",
    ]

    public static func tokenize(_ b: [UInt8]) -> [Token] {
        var out: [Token] = []
        var i = 0
        let n = b.count
        var sentenceStart = true
        while i < n {
            let (s, len) = UTF8Scan.scalar(in: b, at: i)
            if UTF8Scan.isSpace(s) { i += len; continue }
            if UTF8Scan.isLetter(s) || UTF8Scan.isDigit(s) {
                let start = i
                var j = i + len
                var allDigits = UTF8Scan.isDigit(s)
                while j < n {
                    let (t, tl) = UTF8Scan.scalar(in: b, at: j)
                    if UTF8Scan.isWordScalar(t) {
                        if !UTF8Scan.isDigit(t) { allDigits = false }
                        j += tl; continue
                    }
                    // Joiners inside a word: ' ’ - . , (3,000 / 1.5 / U.S / al-Assad / O'Brien)
                    if j + tl < n, t == "'" || t == "\u{2019}" || t == "-" || t == "." || t == "," || t == "&" {
                        let (u, _) = UTF8Scan.scalar(in: b, at: j + tl)
                        let bothDigits = UTF8Scan.isDigit(u) && allDigits
                        if t == "," && !bothDigits { break }
                        if t == "." && !(bothDigits || (UTF8Scan.isLetter(u) && isInitialRun(b, start, j))) { break }
                        if t == "&" && !(UTF8Scan.isUpper(u) && j - start <= 2) { break }
                        if UTF8Scan.isWordScalar(u) {
                            // A possessive 's is its own token.
                            if (t == "'" || t == "\u{2019}") && (u == "s" || u == "S") {
                                let after = j + tl + 1
                                if after >= n || !UTF8Scan.isWordScalar(UTF8Scan.scalar(in: b, at: after).0) { break }
                            }
                            j += tl; continue
                        }
                    }
                    break
                }
                var hasDot = false
                var end = j
                if j < n, b[j] == 0x2E {  // '.'
                    let word = String(decoding: b[start..<j], as: UTF8.self).lowercased()
                    let isInitials = isInitialRun(b, start, j) && j - start <= 6
                    let singleUpper = j - start == 1 && UTF8Scan.isUpper(s)
                    if abbreviations.contains(word) || isInitials || singleUpper {
                        hasDot = true
                        end = j + 1
                    }
                }
                let text = String(decoding: b[start..<end], as: UTF8.self)
                out.append(Token(range: start..<end, text: text, kind: allDigits ? .number : .word,
                                 sentenceStart: sentenceStart, hasDot: hasDot))
                sentenceStart = false
                i = end
                continue
            }
            // Punctuation: one scalar a token.
            let text = String(s)
            out.append(Token(range: i..<i + len, text: text, kind: .punct, sentenceStart: false, hasDot: false))
            switch s {
            case ".", "!", "?", "\u{2026}", ":", "\u{3002}":
                sentenceStart = true
            case "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "(", ")", "\u{AB}", "\u{BB}", "\u{201E}", "-", "\u{2014}", "\u{2013}":
                break  // sentence start carries over quote marks and dashes
            default:
                sentenceStart = false
            }
            i += len
        }
        return out
    }

    /// "U.S", "D.C", "a.m": single letters joined by full stops.
    static func isInitialRun(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var k = start
        var letters = 0
        while k < end {
            let (s, len) = UTF8Scan.scalar(in: b, at: k)
            if !UTF8Scan.isLetter(s) { return false }
            letters += 1
            k += len
            if k < end { if b[k] != 0x2E { return false }; k += 1 }
        }
        return letters >= 1
    }
}
