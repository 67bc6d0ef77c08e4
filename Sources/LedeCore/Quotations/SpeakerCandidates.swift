/// Who might have said a quotation: the names, pronouns, descriptions and transcript
/// labels near it, the speaker of the quotation before, or nobody. The ranker scores
/// each; the rules that used to pick one ("…,” said X", "X said: “…”") are its features.
struct SpeakerCandidate {
    enum Kind: UInt8, CaseIterable {
        /// Nobody: the quotation is not attributed.
        case none
        case person, organisation, place
        /// "he", "she", "they", "I", "we".
        case pronoun
        /// "the campaign", "a spokesman for the ministry", "officials".
        case description
        /// A transcript label opening the paragraph: "JANE ROE: …".
        case label
        /// The speaker of the quotation before.
        case previous
        /// "who" after a name: "Beck, who called him “…”".
        case relative
    }

    var kind: Kind
    /// Where its words are (none for `none` and `previous`).
    var paragraph: Int
    var tokens: Range<Int>
    /// The mention it is, for a named one.
    var mention: Int?
}

/// How far from a quotation candidates are looked for, in tokens. A bounded window keeps
/// the cost of a quotation constant, so a paragraph packed with quotations costs what its
/// length costs.
enum SpeakerWindow {
    static let before = 40
    static let after = 30
    /// Tokens at the end of the paragraph before.
    static let previousParagraph = 30
}

/// The candidate rules: each looks at one kind of evidence and adds what it finds.
enum SpeakerCandidates {
    /// Every candidate for span `si` of paragraph `p`.
    static func find(_ views: [ParagraphView], _ p: Int, _ si: Int, mentions: [Mention], hasPrevious: Bool) -> [SpeakerCandidate] {
        var out = [SpeakerCandidate(kind: .none, paragraph: p, tokens: 0..<0, mention: nil)]
        if hasPrevious { out.append(SpeakerCandidate(kind: .previous, paragraph: p, tokens: 0..<0, mention: nil)) }
        let v = views[p]
        let q = v.spanTokens[si]
        transcriptLabel(v, p, into: &out)
        let lo = max(0, q.lowerBound - SpeakerWindow.before)
        let hi = min(v.tokens.count, q.upperBound + SpeakerWindow.after)
        nearby(v, p, lo..<q.lowerBound, mentions: mentions, into: &out)
        nearby(v, p, q.upperBound..<hi, mentions: mentions, into: &out)
        // A quotation opening its paragraph may be attributed at the end of the one before
        // ("Kerry said:").
        if q.lowerBound <= 1, p > 0, views[p - 1].role == .body || views[p - 1].role == .standfirst {
            let w = views[p - 1]
            nearby(w, p - 1, max(0, w.tokens.count - SpeakerWindow.previousParagraph)..<w.tokens.count, mentions: mentions, into: &out)
        }
        return out
    }

    /// Names, pronouns and descriptions outside quotations in a range of a paragraph.
    static func nearby(_ v: ParagraphView, _ p: Int, _ range: Range<Int>, mentions: [Mention], into out: inout [SpeakerCandidate]) {
        var i = range.lowerBound
        while i < range.upperBound {
            if v.spanAt[i] >= 0 { i += 1; continue }
            if let c = namedMention(v, p, i, mentions: mentions) {
                out.append(c)
                i = c.tokens.upperBound
                continue
            }
            if let c = pronoun(v, p, i) ?? relative(v, p, i, mentions: mentions) { out.append(c) }
            if let c = description(v, p, i, limit: range.upperBound) ?? bareDescription(v, p, i, limit: range.upperBound) {
                out.append(c)
            }
            i += 1
        }
    }

    /// A party named there ("Kerry", "the Washington Post").
    static func namedMention(_ v: ParagraphView, _ p: Int, _ i: Int, mentions: [Mention]) -> SpeakerCandidate? {
        let m = v.mentionAt[i]
        guard m >= 0, i == 0 || v.mentionAt[i - 1] != m else { return nil }
        var e = i + 1
        while e < v.tokens.count, v.mentionAt[e] == m, v.spanAt[e] < 0 { e += 1 }
        let kind: SpeakerCandidate.Kind
        switch mentions[Int(m)].type {
        case .person: kind = .person
        case .org: kind = .organisation
        case .place: kind = .place
        }
        return SpeakerCandidate(kind: kind, paragraph: p, tokens: i..<e, mention: Int(m))
    }

    /// A personal pronoun that can stand for a speaker. A possessive opens a description
    /// when a noun follows ("his aides said"): then the description is the candidate.
    static func pronoun(_ v: ParagraphView, _ p: Int, _ i: Int) -> SpeakerCandidate? {
        let t = v.tokens[i]
        guard t.kind == .word, t.classes.contains(.pronoun) else { return nil }
        return SpeakerCandidate(kind: .pronoun, paragraph: p, tokens: i..<(i + 1), mention: nil)
    }

    /// "who" right after a name ("Beck, who …"): the name's party speaks.
    static func relative(_ v: ParagraphView, _ p: Int, _ i: Int, mentions: [Mention]) -> SpeakerCandidate? {
        guard v.tokens[i].is("who"), let m = relativeAntecedent(v, i) else { return nil }
        return SpeakerCandidate(kind: .relative, paragraph: p, tokens: i..<(i + 1), mention: m)
    }

    /// The mention a "who" at token `i` refers to: the one ending just before it, over a
    /// comma.
    static func relativeAntecedent(_ v: ParagraphView, _ i: Int) -> Int? {
        var k = i - 1
        if k >= 0, v.tokens[k].text == "," { k -= 1 }
        guard k >= 0, v.mentionAt[k] >= 0 else { return nil }
        return Int(v.mentionAt[k])
    }

    /// A description that opens with a determiner or a possessive ("the", "a", "his") and
    /// ends with a noun: one the table knows as a speaker ("the campaign", "a senior
    /// official", "a spokesperson for the government"), or any noun a reporting verb
    /// follows or precedes ("the gambling tycoon said", "said the 43-year-old").
    static func description(_ v: ParagraphView, _ p: Int, _ i: Int, limit: Int) -> SpeakerCandidate? {
        let t = v.tokens[i]
        guard t.kind == .word, t.classes.contains(.determiner) else { return nil }
        var best: Int? = nil
        var e = i + 1
        let afterCue = i > 0 && ParagraphView.isCue(v.tokens[i - 1])
        while e < min(limit, i + 8), v.tokens[e].kind == .word, v.spanAt[e] < 0, !ParagraphView.isCue(v.tokens[e]) {
            if v.tokens[e].classes.contains(.speakerNoun) { best = e }
            e += 1
        }
        // Without a speaker noun, only a short phrase right before a reporting verb ("the
        // gambling tycoon said") or right after one and ending there ("said the actor.").
        if best == nil, e > i + 1, e - i <= 5 {
            if e < v.tokens.count, ParagraphView.isCue(v.tokens[e]) { best = e - 1 }
            else if afterCue, e == v.tokens.count || v.tokens[e].kind == .punct { best = e - 1 }
        }
        guard let end = best else { return nil }
        return SpeakerCandidate(kind: .description, paragraph: p, tokens: i..<(end + 1), mention: nil)
    }

    /// A plural or a noun phrase without a determiner that a reporting verb follows:
    /// "Aides said", "Law enforcement sources told", "Proponents of the bill argue".
    static func bareDescription(_ v: ParagraphView, _ p: Int, _ i: Int, limit: Int) -> SpeakerCandidate? {
        let t = v.tokens[i]
        guard t.kind == .word, !t.classes.contains(.determiner), !t.classes.contains(.pronoun),
              !t.classes.contains(.common), v.mentionAt[i] < 0,
              i == 0 || !(v.tokens[i - 1].kind == .word && !v.tokens[i - 1].classes.contains(.connector)) else { return nil }
        var e = i
        while e < min(limit, i + 5), v.tokens[e].kind == .word, v.spanAt[e] < 0, !ParagraphView.isCue(v.tokens[e]) { e += 1 }
        guard e > i, e < v.tokens.count, ParagraphView.isCue(v.tokens[e]) || SpeakerFeatures.cueWithin(v, from: e, steps: 2, skippingAppositive: false) else { return nil }
        let head = v.tokens[e - 1]
        guard head.classes.contains(.speakerNoun) || (head.text.hasSuffix("s") && !head.classes.contains(.auxiliary) && head.range.count > 3) else { return nil }
        return SpeakerCandidate(kind: .description, paragraph: p, tokens: i..<e, mention: nil)
    }

    /// "JANE ROE: …", "Roe: …": a name and a colon opening the paragraph.
    static func transcriptLabel(_ v: ParagraphView, _ p: Int, into out: inout [SpeakerCandidate]) {
        guard let colon = labelColon(v) else { return }
        out.append(SpeakerCandidate(kind: .label, paragraph: p, tokens: 0..<colon, mention: v.mentionAt[0] >= 0 ? Int(v.mentionAt[0]) : nil))
    }

    /// The token index of the colon that ends a transcript label, if the paragraph opens
    /// with one: one to four capitalised words (or a title and a name) and a colon.
    static func labelColon(_ v: ParagraphView) -> Int? {
        var i = 0
        while i < min(v.tokens.count, 5), v.tokens[i].kind == .word, v.tokens[i].isCapitalized { i += 1 }
        guard i > 0, i < v.tokens.count, v.tokens[i].text == ":", v.spanAt[0] < 0 else { return nil }
        // A label names a person; "UPDATE:", "CORRECTION:" and "EXCLUSIVE:" do not.
        if v.mentionAt[0] >= 0 { return i }
        return (0..<i).allSatisfy({ v.tokens[$0].isAllCaps }) && !v.tokens[0].classes.contains(.notSpeakerLabel) && i <= 3 ? i : nil
    }
}
