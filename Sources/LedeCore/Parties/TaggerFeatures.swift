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
            let name = capitals && t.isAllCaps ? t.text.titleCased : t.text
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
