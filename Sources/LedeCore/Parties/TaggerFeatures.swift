/// The one feature extractor of the named-party tagger: `lede-train` calls it to learn the
/// weights and `PartyTagger` to apply them. Each template is a rule of the old recogniser
/// turned into evidence with a learned weight: a word list (titles, organisation words,
/// place prepositions), a gazetteer, a case pattern, a context. Change a template and the
/// version, and retrain: models trained for another version are not used.
public enum TaggerFeatures {
    /// The version of the templates below; a model records the one it was trained with.
    public static let version: UInt32 = 8

    /// What a feature looks at. The names say what the old rules said; `lede-train
    /// --explain` prints the heaviest weights by these names.
    public enum Template: UInt16, CaseIterable, Sendable {
        case bias = 1
        case word, shape, prefix3, suffix2, suffix3, suffix4, length
        case previousWord, nextWord, secondPreviousWord, secondNextWord
        case previousShape, nextShape, previousAndWord, wordAndNext
        case wordClass, previousClass, nextClass
        case givenName, surnameRank, placeKind, organisation, demonym, knownNameStart, knownNameSpan
        case sentenceStart, sentenceStartSeenLowerCase, seenLowerCase, seenCapitalisedMidSentence
        case capitalsParagraph, capitalsParagraphWord, paragraphRole, allCapitalsToken, insideQuote, abbreviation
        case previousTag, previousTwoTags, previousTagAndWord, previousTagAndShape, earlierTagOfWord
        case runPosition, runLength, runLastWord, runFirstWord, runHasOrganisationWord, runEndsWithPlaceWord
        case runOpensWithTitle, runPositionAndLength
        case usualCase, titleCaseParagraph, titleCaseUsualCase, sentenceStartUsualCase, transcriptLabel
        case roleEarlierInRun, roleLaterInRun
    }

    static let boundary: UInt64 = 0x5EED_0000_0000_0001
}

/// What the tagger reads: an article's paragraphs as tokens, and what the document as a
/// whole says about its words (a capitalised word that also occurs in lower case is
/// probably a common word opening a sentence).
public struct TaggerInput: Sendable {
    public var tokens: [[Token]]
    public var texts: [[UInt8]]
    public var roles: [ParagraphRole]
    /// Paragraphs written in capitals (a wire headline, a subhead, a label).
    public var capitals: [Bool]
    /// Short paragraphs in Title Case (a headline, a subhead): a capital there says little.
    public var titleCase: [Bool]
    var seenLowerCase = HashSet64()
    var seenCapitalisedMidSentence = HashSet64()

    public init(paragraphs: [Paragraph], tokens: [[Token]]) {
        self.tokens = tokens
        texts = paragraphs.map { $0.text.utf8 }
        roles = paragraphs.map(\.role)
        let capitals = tokens.map(Self.isCapitals)
        self.capitals = capitals
        titleCase = tokens.indices.map { !capitals[$0] && Self.isTitleCase(tokens[$0]) }
        for (p, toks) in tokens.enumerated() {
            for t in toks where t.kind == .word {
                if !t.isCapitalized {
                    seenLowerCase.insert(t.hash)
                } else if !t.sentenceStart && !capitals[p] {
                    seenCapitalisedMidSentence.insert(t.hash)
                }
            }
        }
    }

    /// A short line whose longer words are (nearly) all capitalised.
    static func isTitleCase(_ toks: [Token]) -> Bool {
        var words = 0, long = 0, capitalised = 0
        for t in toks where t.kind == .word {
            words += 1
            guard t.range.count >= 4 else { continue }
            long += 1
            if t.isCapitalized { capitalised += 1 }
        }
        return words <= 25 && long >= 3 && capitalised * 10 >= long * 8
    }

    /// Most words in capitals, and at least three words.
    static func isCapitals(_ toks: [Token]) -> Bool {
        var words = 0, caps = 0
        for t in toks where t.kind == .word {
            words += 1
            if t.isAllCaps || (t.range.count == 1 && t.isCapitalized) { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 8
    }
}

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
                // Quote marks, by their bytes: " toggles, “ „ « open, ” » close.
                let b = text[t.range.lowerBound]
                if b == 0x22 { quoted.toggle() }
                else if t.range.count == 3, b == 0xE2, text[t.range.lowerBound + 1] == 0x80 {
                    let c = text[t.range.lowerBound + 2]
                    if c == 0x9C || c == 0x9E { quoted = true } else if c == 0x9D { quoted = false }
                } else if t.range.count == 2, b == 0xC2 {
                    let c = text[t.range.lowerBound + 1]
                    if c == 0xAB { quoted = true } else if c == 0xBB { quoted = false }
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
            let first = capitals ? Self.titleCase(toks[i].text) : toks[i].text
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
                        name = toks[r].map { Self.titleCase($0.text) }.joined(separator: " ")
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

    static func titleCase(_ s: String) -> String {
        s.split(separator: "-", omittingEmptySubsequences: false).map { part in
            part.prefix(1).uppercased() + part.dropFirst().lowercased()
        }.joined(separator: "-")
    }
}

extension TaggerFeatures {
    typealias T = Template

    /// The features of token `i` of paragraph `p` that do not depend on earlier tags.
    static func addStatic(_ f: inout FeatureVector, _ input: TaggerInput, _ p: Int, _ i: Int, _ facts: inout TokenFacts,
                          gazetteer: Gazetteer, casing: WordCasing) {
        let toks = input.tokens[p]
        let t = toks[i]
        let w = t.hash
        f.add(T.bias.rawValue)
        f.add(T.word.rawValue, w)
        f.add(T.shape.rawValue, facts.shape(i))
        if let a = facts.affix(i, count: 3, suffix: false) { f.add(T.prefix3.rawValue, a) }
        if let a = facts.affix(i, count: 2, suffix: true) { f.add(T.suffix2.rawValue, a) }
        if let a = facts.affix(i, count: 3, suffix: true) { f.add(T.suffix3.rawValue, a) }
        if let a = facts.affix(i, count: 4, suffix: true) { f.add(T.suffix4.rawValue, a) }
        f.add(T.length.rawValue, UInt64(min(t.range.count, 8)))

        let prev = i > 0 ? toks[i - 1].hash : boundary
        let next = i + 1 < toks.count ? toks[i + 1].hash : boundary
        f.add(T.previousWord.rawValue, prev)
        f.add(T.nextWord.rawValue, next)
        f.add(T.secondPreviousWord.rawValue, i > 1 ? toks[i - 2].hash : boundary)
        f.add(T.secondNextWord.rawValue, i + 2 < toks.count ? toks[i + 2].hash : boundary)
        f.add(T.previousShape.rawValue, i > 0 ? facts.shape(i - 1) : boundary)
        f.add(T.nextShape.rawValue, i + 1 < toks.count ? facts.shape(i + 1) : boundary)
        f.add(T.previousAndWord.rawValue, prev, w)
        f.add(T.wordAndNext.rawValue, w, next)

        addClasses(&f, T.wordClass, t.classes)
        if i > 0 { addClasses(&f, T.previousClass, toks[i - 1].classes) }
        if i + 1 < toks.count { addClasses(&f, T.nextClass, toks[i + 1].classes) }

        if t.kind == .word {
            let capitals = input.capitals[p]
            let name = capitals && t.isAllCaps ? TokenFacts.titleCase(t.text) : t.text
            if let g = gazetteer.givenNames[name] { f.add(T.givenName.rawValue, UInt64(g.code)) }
            if let rank = gazetteer.surnames[name] { f.add(T.surnameRank.rawValue, rank <= 500 ? 1 : rank <= 2000 ? 2 : rank <= 5000 ? 3 : 4) }
            if let kind = gazetteer.places[name] { f.add(T.placeKind.rawValue, kind.fnvHash) }
            if gazetteer.organisations[name] != nil { f.add(T.organisation.rawValue) }
            if gazetteer.demonyms.contains(name) { f.add(T.demonym.rawValue) }
            if gazetteer.nameStarts.contains(name) { f.add(T.knownNameStart.rawValue) }
            let seenLower = input.seenLowerCase.contains(w)
            if seenLower { f.add(T.seenLowerCase.rawValue) }
            if input.seenCapitalisedMidSentence.contains(w) { f.add(T.seenCapitalisedMidSentence.rawValue) }
            if t.sentenceStart {
                f.add(T.sentenceStart.rawValue)
                f.add(T.sentenceStartSeenLowerCase.rawValue, seenLower ? 1 : 0)
            }
            if t.isAllCaps && !capitals { f.add(T.allCapitalsToken.rawValue) }
            let usual = casing.bucket(w) ?? 0
            f.add(T.usualCase.rawValue, usual)
            if input.titleCase[p] {
                f.add(T.titleCaseParagraph.rawValue)
                f.add(T.titleCaseUsualCase.rawValue, usual)
            }
            if t.sentenceStart { f.add(T.sentenceStartUsualCase.rawValue, usual) }
            if facts.inLabel(i) { f.add(T.transcriptLabel.rawValue) }
            if t.hasDot { f.add(T.abbreviation.rawValue) }
            if capitals {
                f.add(T.capitalsParagraph.rawValue)
                f.add(T.capitalsParagraphWord.rawValue, w)
            }
        }
        if facts.gazetteerSpan[i] != 0 { f.add(T.knownNameSpan.rawValue, facts.gazetteerSpan[i]) }
        if facts.runStart[i] >= 0 {
            let s = facts.runStart[i], e = facts.runEnd[i]
            let length = e - s
            let position: UInt64 = length == 1 ? 4 : i == s ? 1 : i == e - 1 ? 3 : 2
            let lengthBucket = UInt64(min(length, 5))
            f.add(T.runPosition.rawValue, position)
            f.add(T.runLength.rawValue, lengthBucket)
            f.add(T.runPositionAndLength.rawValue, position, lengthBucket)
            if length > 1 {
                f.add(T.runLastWord.rawValue, toks[e - 1].hash)
                f.add(T.runFirstWord.rawValue, toks[s].hash)
                if facts.runHasOrganisationWord[i] { f.add(T.runHasOrganisationWord.rawValue) }
                if toks[e - 1].classes.contains(.placeWord) { f.add(T.runEndsWithPlaceWord.rawValue) }
                if toks[s].classes.contains(.personTitle) { f.add(T.runOpensWithTitle.rawValue) }
                // "US Secretary of State John Kerry": a role inside a run splits it into a
                // qualifier before (a place, an organisation) and a person after.
                let isRole = t.classes.contains(.personTitle) ? 1 as UInt64 : 0
                if facts.roleEarlierInRun[i] { f.add(T.roleEarlierInRun.rawValue, isRole) }
                if facts.roleLaterInRun[i] { f.add(T.roleLaterInRun.rawValue, isRole) }
            }
        }
        f.add(T.paragraphRole.rawValue, input.roles[p].code)
        if facts.insideQuote[i] { f.add(T.insideQuote.rawValue) }
    }

    /// The features that depend on the tags already given: the two before, and the tag
    /// the same word was given earlier in the article.
    static func addDynamic(_ f: inout FeatureVector, word: UInt64, shape: UInt64, previous: Tag, secondPrevious: Tag,
                           earlier: UInt8) {
        let p = UInt64(previous.rawValue)
        f.add(T.previousTag.rawValue, p)
        f.add(T.previousTwoTags.rawValue, UInt64(secondPrevious.rawValue), p)
        f.add(T.previousTagAndWord.rawValue, p, word)
        f.add(T.previousTagAndShape.rawValue, p, shape)
        f.add(T.earlierTagOfWord.rawValue, UInt64(earlier))
    }

    @inline(__always)
    static func addClasses(_ f: inout FeatureVector, _ template: Template, _ classes: WordClass) {
        var bits = classes.rawValue & WordClass.taggerBits
        while bits != 0 {
            let b = bits.trailingZeroBitCount
            f.add(template.rawValue, UInt64(b))
            bits &= bits - 1
        }
    }
}

extension WordClass {
    /// The word classes the tagger looks at (not the boilerplate or stop-word ones).
    static let taggerBits: UInt32 = WordClass([
        .personTitle, .orgWord, .placeWord, .connector, .nameParticle, .placePreposition, .personVerb, .common,
        .notName, .cueVerb, .pronoun, .speakerNoun,
    ]).rawValue
}

extension Gender {
    var code: Int {
        switch self {
        case .male: 1
        case .female: 2
        case .unknown: 3
        }
    }
}

extension ParagraphRole {
    var code: UInt64 {
        switch self {
        case .title: 1
        case .standfirst: 2
        case .byline: 3
        case .date: 4
        case .body: 5
        }
    }
}
