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
    public var isCapitalized: Bool { shape & Self.capitalizedBit != 0 }

    /// Two or more letters, all upper case.
    public var isAllCaps: Bool { shape & Self.allCapsBit != 0 }

    /// Case facts worked out once by the tokenizer.
    var shape: UInt8 = 0
    static let capitalizedBit: UInt8 = 1
    static let allCapsBit: UInt8 = 2
    static let hyphenBit: UInt8 = 4

    /// Holds a hyphen ("al-Assad", "US-led").
    public var hasHyphen: Bool { shape & Self.hyphenBit != 0 }


    /// The text in lower case (made on demand: compare with `is(_:)` on hot paths).
    public var lowered: String { text.lowercased() }

    /// Is this word one of `ws`?
    public func isAny(_ ws: [StaticString]) -> Bool { ws.contains { self.is($0) } }

    /// Is this word `w` (an ASCII literal), in any case? Compares word hashes.
    @inline(__always)
    public func `is`(_ w: StaticString) -> Bool {
        w.withUTF8Buffer { hash == Lexicon.hash($0) }
    }
    /// What the word tables say about the word (`Lexicon`).
    public var classes: WordClass = []
    /// The `Lexicon` hash of the lower-case word.
    public var hash: UInt64 = 0
}

extension [Token] {
    /// An apostrophe at `i` and an "s" right after it: a possessive ("Roe's", "Roe’s").
    func isPossessive(at i: Int) -> Bool {
        guard i >= 0, i + 1 < count, self[i].text == "'" || self[i].text == "\u{2019}" else { return false }
        return self[i + 1].is("s") && self[i + 1].range.lowerBound == self[i].range.upperBound
    }
}

extension String {
    /// Each hyphen-separated part capitalised, the rest lower case: "ROE-SMITH" → "Roe-Smith".
    var titleCased: String {
        split(separator: "-", omittingEmptySubsequences: false).map { part in
            part.prefix(1).uppercased() + part.dropFirst().lowercased()
        }.joined(separator: "-")
    }
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

    static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    public static func tokenize(_ b: [UInt8]) -> [Token] {
        let asciiStrings = Self.asciiStrings
        let lexicon = Lexicon.shared
        var out: [Token] = []
        out.reserveCapacity(b.count / 5)
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
                var ascii = s.value < 0x80
                var upper = UTF8Scan.isUpper(s) ? 1 : 0
                var letters = UTF8Scan.isLetter(s) ? 1 : 0
                var hyphen = false
                while j < n {
                    let c = b[j]
                    if c < 0x80 {
                        // ASCII fast path.
                        let l = c | 0x20
                        if l >= 0x61 && l <= 0x7A {
                            allDigits = false
                            letters += 1
                            if c < 0x61 { upper += 1 }
                            j += 1; continue
                        }
                        if c >= 0x30 && c <= 0x39 { j += 1; continue }
                    }
                    let (t, tl) = UTF8Scan.scalar(in: b, at: j)
                    if UTF8Scan.isWordScalar(t) {
                        if !UTF8Scan.isDigit(t) { allDigits = false }
                        if UTF8Scan.isLetter(t) { letters += 1; if UTF8Scan.isUpper(t) { upper += 1 } }
                        ascii = false
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
                            if t == "\u{2019}" { ascii = false }
                            if t == "-" { hyphen = true }
                            j += tl; continue
                        }
                    }
                    break
                }
                var hasDot = false
                var end = j
                if j < n, b[j] == 0x2E {  // '.'
                    let isAbbreviation = lexicon.classes(Lexicon.hash(b[start..<j])).contains(.abbreviation)
                    let isInitials = isInitialRun(b, start, j) && j - start <= 6
                    let singleUpper = j - start == 1 && UTF8Scan.isUpper(s)
                    if isAbbreviation || isInitials || singleUpper {
                        hasDot = true
                        end = j + 1
                    }
                }
                let text = String(decoding: b[start..<end], as: UTF8.self)
                // A curly apostrophe is the straight one set differently: "O’Hara" is the
                // word "O'Hara" to every table and model.
                let hash = ascii ? Lexicon.hash(b[start..<end])
                    : Lexicon.hash(String(text.lowercased().unicodeScalars.map { $0 == "\u{2019}" ? "'" : Character($0) }).utf8)
                let kind: Token.Kind = allDigits ? .number : .word
                var shape: UInt8 = 0
                if hyphen { shape |= Token.hyphenBit }
                if kind == .word {
                    if UTF8Scan.isUpper(s) { shape |= Token.capitalizedBit }
                    if letters >= 2 && upper == letters { shape |= Token.allCapsBit }
                }
                out.append(Token(range: start..<end, text: text, kind: kind,
                                 sentenceStart: sentenceStart, hasDot: hasDot,
                                 shape: shape, classes: lexicon.classes(hash), hash: hash))
                sentenceStart = false
                i = end
                continue
            }
            // Punctuation: one scalar a token (ASCII marks share ready-made strings).
            let text = s.value < 0x80 ? asciiStrings[Int(s.value)] : String(s)
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
