/// Per-paragraph facts about the tokens, worked out once before decoding; the costlier
/// ones (shapes) only for the tokens that are scored and their neighbours.
struct TokenFacts {
    let text: [UInt8]
    let toks: [Token]
    /// Word shapes, 0 until asked for.
    private var shapes: [UInt64]
    var gazetteerSpan: [UInt64]
    var insideQuote: [Bool]
    /// A token that can open a name: it has a capital letter, or is a particle joined to
    /// one ("al-Assad"), and is not a common word opening a sentence before a lower-case
    /// word ("The talks"). Other tokens outside a name are O without scoring.
    var canStart: [Bool]
    /// The run of capitalised words (and the connectors inside it: "Bank of England",
    /// "Douglas & Lomason") that each token belongs to, as token bounds; -1 outside one.
    /// The tagger decides from left to right, and the run tells it what comes later in
    /// the name: its last word ("Ltd", "Committee") often decides the type.
    var runStart: [Int]
    var runEnd: [Int]
    /// Per token, worked out once per run (so a long run costs linear time): whether its
    /// run holds an organisation word, and whether a role title comes before or after the
    /// token inside the run.
    var runHasOrganisationWord: [Bool]
    var roleEarlierInRun: [Bool]
    var roleLaterInRun: [Bool]

    init(_ toks: [Token], _ text: [UInt8], capitals: Bool, gazetteer: Gazetteer) {
        let n = toks.count
        self.text = text
        self.toks = toks
        shapes = [UInt64](repeating: 0, count: n)
        gazetteerSpan = [UInt64](repeating: 0, count: n)
        insideQuote = [Bool](repeating: false, count: n)
        canStart = [Bool](repeating: false, count: n)
        runStart = [Int](repeating: -1, count: n)
        runEnd = [Int](repeating: -1, count: n)
        runHasOrganisationWord = [Bool](repeating: false, count: n)
        roleEarlierInRun = [Bool](repeating: false, count: n)
        roleLaterInRun = [Bool](repeating: false, count: n)
        var quoted = false
        for i in 0..<n {
            let t = toks[i]
            if t.kind == .punct {
                // Double quote marks, as the quote scanner reads them (" toggles, “ „ « open,
                // ” » close); single marks are left to it.
                let (scalar, length) = UTF8Scan.scalar(in: text, at: t.range.lowerBound)
                if length == t.range.count {
                    switch QuoteScanner.doubleMark(scalar) {
                    case .open: quoted = true
                    case .close: quoted = false
                    case .toggle: quoted.toggle()
                    case .none: break
                    }
                }
                continue
            }
            insideQuote[i] = quoted
            guard t.kind == .word else { continue }
            var start = t.isCapitalized || (t.hasHyphen && t.classes.contains(.nameParticle))
            if !start {
                // "eBay", "iPhone": a capital inside.
                var k = t.range.lowerBound
                while k < t.range.upperBound, !(text[k] >= 0x41 && text[k] <= 0x5A) { k += 1 }
                start = k < t.range.upperBound
            } else if t.classes.contains(.common), !capitals, i + 1 == n || !toks[i + 1].isCapitalized {
                start = false
            }
            canStart[i] = start
        }
        markKnownNames(toks, text, capitals: capitals, gazetteer: gazetteer)
        markRuns(toks)
    }

    /// Whether token `i` is in a transcript label: one to four capitalised words and a
    /// colon opening the paragraph ("JANE ROE:", "Roe:").
    func inLabel(_ i: Int) -> Bool {
        guard i < 4, let colon = toks.prefix(5).firstIndex(where: { $0.kind == .punct }), colon > i,
              toks[colon].range.count == 1, text[toks[colon].range.lowerBound] == 0x3A else { return false }
        return toks[..<colon].allSatisfy { $0.kind == .word && $0.isCapitalized }
    }

    /// The shape of token `i`, worked out the first time it is asked for.
    mutating func shape(_ i: Int) -> UInt64 {
        if shapes[i] == 0 { shapes[i] = Self.shape(text, toks[i].range) | 1 }
        return shapes[i]
    }

    /// The hash of the first or last `count` bytes of a token in lower case (ASCII folded
    /// in place; other text lowered as a string).
    func affix(_ i: Int, count: Int, suffix: Bool) -> UInt64? {
        let r = toks[i].range
        guard r.count >= count else { return nil }
        let bytes = suffix ? text[(r.upperBound - count)..<r.upperBound] : text[r.lowerBound..<(r.lowerBound + count)]
        if bytes.allSatisfy({ $0 < 0x80 }) { return Lexicon.hash(bytes) }
        let lowered = Array(toks[i].text.lowercased().utf8)
        guard lowered.count >= count else { return nil }
        return Lexicon.hash(suffix ? lowered.suffix(count) : lowered.prefix(count))
    }

    /// The word shape, consecutive repeats collapsed: "Xx", "X.X.", "dd-dd" → "d-d", "x-Xx".
    static func shape(_ text: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var last: UInt8 = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let c = text[i]
            let k: UInt8
            if c >= 0x41 && c <= 0x5A { k = 0x58 }            // X
            else if c >= 0x61 && c <= 0x7A { k = 0x78 }       // x
            else if c >= 0x30 && c <= 0x39 { k = 0x64 }       // d
            else if c < 0x80 { k = c }
            else if c >= 0xC0 {
                // A non-ASCII scalar: upper, lower or other.
                let (s, _) = UTF8Scan.scalar(in: text, at: i)
                k = UTF8Scan.isUpper(s) ? 0x58 : UTF8Scan.isLower(s) ? 0x78 : s == "\u{2019}" ? 0x27 : 0x6F
            } else { i += 1; continue }                        // continuation byte
            if k != last { h = (h ^ UInt64(k)) &* 0x100000001b3; last = k }
            i += 1
        }
        return h
    }

    mutating func markRuns(_ toks: [Token]) {
        var i = 0
        while i < toks.count {
            guard canStart[i] else { i += 1; continue }
            var e = i + 1
            while e < toks.count {
                if canStart[e] { e += 1; continue }
                // A connector or an ampersand inside a name, when a capitalised word follows.
                if e + 1 < toks.count, canStart[e + 1],
                   toks[e].classes.contains(.connector) && !toks[e].isCapitalized || toks[e].text == "&" {
                    e += 2
                    continue
                }
                break
            }
            var hasOrganisationWord = false
            var roleSeen = false
            for k in i..<e {
                runStart[k] = i
                runEnd[k] = e
                roleEarlierInRun[k] = roleSeen
                if toks[k].classes.contains(.personTitle) { roleSeen = true }
                if toks[k].classes.contains(.orgWord) { hasOrganisationWord = true }
            }
            roleSeen = false
            for k in stride(from: e - 1, through: i, by: -1) {
                runHasOrganisationWord[k] = hasOrganisationWord
                roleLaterInRun[k] = roleSeen
                if toks[k].classes.contains(.personTitle) { roleSeen = true }
            }
            i = e
        }
    }

    /// Marks the tokens of the longest gazetteer names (places, organisations) found in
    /// the paragraph, with the name's type and the token's place in it (BILU).
    mutating func markKnownNames(_ toks: [Token], _ text: [UInt8], capitals: Bool, gazetteer: Gazetteer) {
        var i = 0
        while i < toks.count {
            guard toks[i].kind == .word, toks[i].isCapitalized else { i += 1; continue }
            var matched = 0
            var type = PartyType.place
            let first = capitals ? toks[i].text.titleCased : toks[i].text
            if gazetteer.nameStarts.contains(first) {
                // Names hold capitalised words and the connectors between them.
                var longest = 1
                while longest < min(5, toks.count - i) {
                    let t = toks[i + longest]
                    guard t.kind == .word, t.isCapitalized || t.classes.contains(.connector) else { break }
                    longest += 1
                }
                for len in stride(from: longest, through: 1, by: -1) {
                    let r = i..<(i + len)
                    guard toks[r.upperBound - 1].kind != .punct else { continue }
                    let name: String
                    if capitals {
                        name = toks[r].map { $0.text.titleCased }.joined(separator: " ")
                    } else {
                        name = String(decoding: text[toks[r.lowerBound].range.lowerBound..<toks[r.upperBound - 1].range.upperBound], as: UTF8.self)
                    }
                    if let known = gazetteer.knownNames[name] { matched = len; type = known.type; break }
                }
            }
            if matched == 0 { i += 1; continue }
            for k in i..<(i + matched) {
                let position: Tag.Position = matched == 1 ? .unit : k == i ? .begin : k == i + matched - 1 ? .last : .inside
                gazetteerSpan[k] = UInt64(type.index * 4 + position.rawValue + 1)
            }
            i += matched
        }
    }
}
