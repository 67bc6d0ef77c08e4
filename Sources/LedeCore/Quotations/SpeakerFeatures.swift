/// The one feature extractor of the speaker ranker, used by `lede-train` and by
/// `QuoteFinder` alike. Each template is one of the old attribution rules turned into
/// evidence with a learned weight: "…,” said X", "X said: “…”", a pronoun that agrees with
/// the speaker before, a paragraph of pure quotation after an attributed one.
enum SpeakerFeatures {
    public static let version: UInt32 = 6

    enum Template: UInt16, CaseIterable {
        case kind = 1
        case kindSide, distance, cuesBetween, nearestOfSide
        case saidThenCandidate, candidateThenSaid, candidateSaidThenQuote, accordingTo
        case cueRightAfter, cueRightBefore, sameSentence, opensSentence
        case wordBefore, wordAfter, possessive, insideParentheses
        case isLastSpeaker, lastSpeakerParagraphs, salience
        case pronounWord, pronounAgreesWithLastSpeaker, pronounAgreesWithLastPerson
        case descriptionHead, descriptionDeterminer
        case quoteOpensParagraph, quoteClosesParagraph, quoteContinues, paragraphMostlyQuote, quoteLength
        case quoteInTitle, labelParagraph, otherNamesBetween, candidateInLabelParagraph
        case cuesInParagraph, quotesBeforeInParagraph
        case namedInsideQuote, quotedBefore, sentencesAway, firstPersonQuote
        case explicitAttribution
    }

    /// What the ranker knows besides the text: who spoke last and how often each party is
    /// named.
    struct State {
        /// The party of the last attributed quotation, its paragraph, and its gender.
        var lastParty: Int?
        var lastParagraph = -100
        var lastGender: Gender?
        /// The gender of the person named last before the quotation.
        var lastPersonGender: Gender?
        /// How many quotations each party has been given so far.
        var quotationsOf: [Int: Int] = [:]
    }

    /// What the features ask of the quotation itself, worked out once for all its
    /// candidates: whether it speaks in the first person, and the parties named inside.
    struct Quotation {
        var firstPerson = false
        var partiesNamed: Set<Int> = []
        /// Whether the paragraph opens with a transcript label, and its reporting verbs.
        let labelParagraph: Bool
        let cuesInParagraph: Int

        init(_ v: ParagraphView, _ q: Range<Int>, mentions: [Mention]) {
            labelParagraph = SpeakerCandidates.labelColon(v) != nil
            cuesInParagraph = v.cues(between: 0, v.tokens.count)
            for k in q {
                if v.tokens[k].classes.contains(.firstPerson) { firstPerson = true }
                let m = v.mentionAt[k]
                if m >= 0, k == q.lowerBound || v.mentionAt[k - 1] != m { partiesNamed.insert(mentions[Int(m)].party) }
            }
        }
    }

    /// The side of the quotation a candidate stands on.
    enum Side: UInt64 { case none = 0, before = 1, after = 2, previousParagraph = 3, label = 4 }

    static func side(_ c: SpeakerCandidate, quoteParagraph p: Int, quote q: Range<Int>) -> Side {
        switch c.kind {
        case .none, .previous: return .none
        case .label: return .label
        default:
            if c.paragraph != p { return .previousParagraph }
            return c.tokens.upperBound <= q.lowerBound ? .before : .after
        }
    }

    static func bucket(_ d: Int) -> UInt64 {
        switch d {
        case ..<1: 0
        case 1: 1
        case 2: 2
        case 3: 3
        case 4...5: 4
        case 6...8: 5
        case 9...12: 6
        case 13...20: 7
        default: 8
        }
    }

    typealias T = Template

    /// The features of one candidate for quoted span `si` of paragraph `p`.
    static func add(_ f: inout FeatureVector, _ c: SpeakerCandidate, _ views: [ParagraphView], _ p: Int, _ si: Int,
                    _ quotation: Quotation, nearest: Bool, explicit: Bool, mentions: [Mention], parties: [Party], state: State) {
        let v = views[p]
        let q = v.spanTokens[si]
        let kind = UInt64(c.kind.rawValue)
        let side = side(c, quoteParagraph: p, quote: q)
        f.add(T.kind.rawValue, kind)
        f.add(T.kindSide.rawValue, kind, side.rawValue)
        addQuotation(&f, kind, v, si, quotation)
        switch c.kind {
        case .none:
            return
        case .previous:
            f.add(T.lastSpeakerParagraphs.rawValue, UInt64(min(max(p - state.lastParagraph, 0), 4)))
            return
        default:
            break
        }
        if nearest { f.add(T.nearestOfSide.rawValue, kind, side.rawValue) }
        if explicit { f.add(T.explicitAttribution.rawValue, kind) }
        if c.paragraph == p && c.kind != .label { addPlace(&f, kind, side, v, q, c.tokens) }
        if c.kind == .label { return addLabel(&f, c, kind) }
        addWordsAround(&f, kind, views[c.paragraph], c.tokens)
        addKind(&f, c, kind, views[c.paragraph], quotation, mentions: mentions, parties: parties, state: state)
    }

    /// What the quotation is like: it matters only together with who might have said it.
    static func addQuotation(_ f: inout FeatureVector, _ kind: UInt64, _ v: ParagraphView, _ si: Int, _ quotation: Quotation) {
        let q = v.spanTokens[si]
        if q.lowerBound == 0 || (q.lowerBound == 1 && v.tokens[0].kind == .punct) { f.add(T.quoteOpensParagraph.rawValue, kind) }
        if q.upperBound >= v.tokens.count - 1 { f.add(T.quoteClosesParagraph.rawValue, kind) }
        if v.spans[si].continues { f.add(T.quoteContinues.rawValue, kind) }
        if v.isMostlyQuote { f.add(T.paragraphMostlyQuote.rawValue, kind) }
        f.add(T.quoteLength.rawValue, kind, bucket(q.count / 3))
        if v.role == .title { f.add(T.quoteInTitle.rawValue, kind) }
        if quotation.firstPerson { f.add(T.firstPersonQuote.rawValue, kind) }
        if quotation.labelParagraph { f.add(T.labelParagraph.rawValue, kind) }
        // An attribution elsewhere in the paragraph: a quotation there is seldom the
        // speaker-before's or nobody's.
        f.add(T.cuesInParagraph.rawValue, kind, UInt64(min(quotation.cuesInParagraph, 2)))
        f.add(T.quotesBeforeInParagraph.rawValue, kind, UInt64(min(si, 2)))
    }

    /// Where a candidate in the quotation's paragraph stands: how far, which side, what
    /// lies between (reporting verbs, other names, sentence ends).
    static func addPlace(_ f: inout FeatureVector, _ kind: UInt64, _ side: Side, _ v: ParagraphView, _ q: Range<Int>, _ t: Range<Int>) {
        let distance = t.upperBound <= q.lowerBound ? q.lowerBound - t.upperBound : t.lowerBound - q.upperBound
        f.add(T.distance.rawValue, kind, side.rawValue &* 16 &+ bucket(distance))
        let cues = t.upperBound <= q.lowerBound ? v.cues(between: t.upperBound, q.lowerBound) : v.cues(between: q.upperBound, t.lowerBound)
        f.add(T.cuesBetween.rawValue, kind, side.rawValue &* 16 &+ UInt64(min(cues, 2)))
        if v.sentence[t.lowerBound] == v.sentence[q.lowerBound] || v.sentence[t.lowerBound] == v.sentence[q.upperBound - 1] {
            f.add(T.sameSentence.rawValue, kind)
        }
        let apart = side == .after ? v.sentence[t.lowerBound] - v.sentence[q.upperBound - 1] : v.sentence[q.lowerBound] - v.sentence[t.lowerBound]
        f.add(T.sentencesAway.rawValue, kind, side.rawValue &* 16 &+ UInt64(min(max(Int(apart), 0), 3)))
        if side == .after { addAfter(&f, kind, v, q, t) } else { addBefore(&f, kind, v, q, t) }
        // Other names between: the nearer one is more likely the speaker.
        var between = 0
        let gap = side == .after ? q.upperBound..<max(q.upperBound, t.lowerBound) : min(t.upperBound, q.lowerBound)..<q.lowerBound
        var k = gap.lowerBound
        while k < gap.upperBound {
            if v.mentionAt[k] >= 0 && (k == gap.lowerBound || v.mentionAt[k] != v.mentionAt[k - 1]) { between += 1 }
            k += 1
        }
        f.add(T.otherNamesBetween.rawValue, kind, UInt64(min(between, 3)))
    }

    /// The words around the candidate in its own paragraph: a reporting verb right after
    /// or before it, "according to", a possessive, brackets, a sentence start.
    static func addWordsAround(_ f: inout FeatureVector, _ kind: UInt64, _ w: ParagraphView, _ t: Range<Int>) {
        let before = t.lowerBound > 0 ? w.tokens[t.lowerBound - 1] : nil
        let after = t.upperBound < w.tokens.count ? w.tokens[t.upperBound] : nil
        f.add(T.wordBefore.rawValue, kind, before?.hash ?? 1)
        f.add(T.wordAfter.rawValue, kind, after?.hash ?? 1)
        if let after, after.text == "'" || after.text == "\u{2019}", t.upperBound + 1 < w.tokens.count, w.tokens[t.upperBound + 1].is("s") {
            f.add(T.possessive.rawValue, kind)
        }
        if let before, before.text == "(" { f.add(T.insideParentheses.rawValue, kind) }
        if t.lowerBound == 0 || (before.map { $0.kind == .punct && ($0.text == "." || $0.text == "!" || $0.text == "?") } ?? true) {
            f.add(T.opensSentence.rawValue, kind)
        }
        if cueWithin(w, from: t.upperBound, steps: 4, skippingAppositive: true) { f.add(T.cueRightAfter.rawValue, kind) }
        if t.lowerBound > 0, ParagraphView.isCue(w.tokens[t.lowerBound - 1]) || (t.lowerBound > 1 && ParagraphView.isCue(w.tokens[t.lowerBound - 2]) && w.tokens[t.lowerBound - 1].classes.contains(.determiner)) {
            f.add(T.cueRightBefore.rawValue, kind)
        }
        if t.lowerBound >= 2, w.tokens[t.lowerBound - 2].is("according"), w.tokens[t.lowerBound - 1].is("to") { f.add(T.accordingTo.rawValue, kind) }
    }

    /// What only one kind of candidate has: a named party's standing in the article, a
    /// pronoun's agreement with who was named or spoke last, a description's words.
    static func addKind(_ f: inout FeatureVector, _ c: SpeakerCandidate, _ kind: UInt64, _ w: ParagraphView, _ quotation: Quotation,
                        mentions: [Mention], parties: [Party], state: State) {
        let t = c.tokens
        switch c.kind {
        case .person, .organisation, .place, .relative:
            if let m = c.mention {
                let party = mentions[m].party
                if party == state.lastParty { f.add(T.isLastSpeaker.rawValue, kind) }
                f.add(T.salience.rawValue, kind, bucket(parties[party].mentions.count))
                f.add(T.quotedBefore.rawValue, kind, bucket(state.quotationsOf[party] ?? 0))
                // "“Cruz is a liar,” Trump said": who is named inside is spoken of.
                if quotation.partiesNamed.contains(party) { f.add(T.namedInsideQuote.rawValue, kind) }
            }
        case .pronoun:
            let word = w.tokens[t.lowerBound]
            f.add(T.pronounWord.rawValue, word.hash)
            f.add(T.pronounAgreesWithLastSpeaker.rawValue, word.hash, UInt64(state.lastGender?.code ?? 0))
            f.add(T.pronounAgreesWithLastPerson.rawValue, word.hash, UInt64(state.lastPersonGender?.code ?? 0))
        case .description:
            f.add(T.descriptionDeterminer.rawValue, w.tokens[t.lowerBound].hash)
            f.add(T.descriptionHead.rawValue, w.tokens[t.upperBound - 1].hash)
        default:
            break
        }
    }

    /// The candidate the old attribution rules would have chosen, if any: the nearest one
    /// after the quotation in `”, said X` or `”, X said`, else the nearest before it in
    /// `X said: “` (the reporting verb right after it, in the same sentence). A newly named
    /// subject takes over from the speaker before this way.
    static func explicitAttribution(_ candidates: [SpeakerCandidate], _ v: ParagraphView, _ p: Int, _ q: Range<Int>) -> Int? {
        var after: (Int, Int)? = nil, before: (Int, Int)? = nil
        for (ci, c) in candidates.enumerated() where c.paragraph == p && !c.tokens.isEmpty && c.kind != .label {
            let t = c.tokens
            if t.lowerBound >= q.upperBound {
                let (saidX, xSaid) = attributionAfter(v, q, t)
                if (saidX || xSaid), after == nil || t.lowerBound < after!.1 { after = (ci, t.lowerBound) }
            } else if t.upperBound <= q.lowerBound, q.lowerBound - t.upperBound <= 8,
                      v.sentence[t.lowerBound] == v.sentence[q.lowerBound],
                      cueWithin(v, from: t.upperBound, steps: 4, skippingAppositive: true) {
                if before == nil || t.upperBound > before!.1 { before = (ci, t.upperBound) }
            }
        }
        return after?.0 ?? before?.0
    }

    /// After the quotation: `”, said X` or `”, X said`.
    static func addAfter(_ f: inout FeatureVector, _ kind: UInt64, _ v: ParagraphView, _ q: Range<Int>, _ t: Range<Int>) {
        let (saidX, xSaid) = attributionAfter(v, q, t)
        if saidX { f.add(T.saidThenCandidate.rawValue, kind) }
        if xSaid { f.add(T.candidateThenSaid.rawValue, kind) }
    }

    /// Whether candidate `t`, after quotation `q`, is attributed as in `”, said X` (a cue,
    /// perhaps after an auxiliary, between the marks and the name) or `”, X said` (the name
    /// right after the marks, a cue right after the name).
    static func attributionAfter(_ v: ParagraphView, _ q: Range<Int>, _ t: Range<Int>) -> (saidX: Bool, xSaid: Bool) {
        var k = q.upperBound
        while k < t.lowerBound, v.tokens[k].kind == .punct { k += 1 }
        let saidX = k < t.lowerBound && t.lowerBound - k <= 3 && cueWithin(v, from: k, steps: 2, skippingAppositive: false)
        let xSaid = k == t.lowerBound && cueWithin(v, from: t.upperBound, steps: 4, skippingAppositive: true)
        return (saidX, xSaid)
    }

    /// Before the quotation: `X said: “` or `X told reporters that “`.
    static func addBefore(_ f: inout FeatureVector, _ kind: UInt64, _ v: ParagraphView, _ q: Range<Int>, _ t: Range<Int>) {
        guard q.lowerBound - t.upperBound <= 8 else { return }
        if v.cues(between: t.upperBound, q.lowerBound) > 0, v.sentence[t.lowerBound] == v.sentence[q.lowerBound] {
            f.add(T.candidateSaidThenQuote.rawValue, kind)
        }
    }

    static func addLabel(_ f: inout FeatureVector, _ c: SpeakerCandidate, _ kind: UInt64) {
        f.add(T.candidateInLabelParagraph.rawValue, kind, c.mention == nil ? 0 : 1)
    }

    /// A reporting verb within `steps` words from `i`, over auxiliaries and adverbs ("has
    /// also said") and, when asked, over an appositive (", the mayor,").
    static func cueWithin(_ v: ParagraphView, from i: Int, steps: Int, skippingAppositive: Bool) -> Bool {
        var k = i
        var left = steps
        if skippingAppositive, k < v.tokens.count, v.tokens[k].text == "(" {
            // "Roe (D-Nev.) said": skip a party code or any short aside in brackets.
            var e = k + 1
            while e < min(v.tokens.count, k + 8), v.tokens[e].text != ")" { e += 1 }
            if e < v.tokens.count, v.tokens[e].text == ")" { k = e + 1 }
        }
        if skippingAppositive, k < v.tokens.count, v.tokens[k].text == "," {
            // ", the county engineer, said": skip to the next comma, within a few words.
            var e = k + 1
            while e < min(v.tokens.count, k + 10), v.tokens[e].text != "," { e += 1 }
            if e < v.tokens.count, v.tokens[e].text == ",", e < k + 10 { k = e + 1 }
        }
        while k < v.tokens.count, left > 0 {
            let t = v.tokens[k]
            if ParagraphView.isCue(t) { return true }
            guard t.kind == .word, t.classes.contains(.auxiliary) else { return false }
            k += 1
            left -= 1
        }
        return false
    }
}
