/// Turns quoted spans into quotations: for each span, the speaker ranker scores who might
/// have said it (`SpeakerCandidates`, `SpeakerFeatures`), the speech classifier decides
/// whether it is speech or a quoted term or title (`SpeechFeatures`), and a pronoun or a
/// "same as before" is resolved to the party meant (`PronounResolver`). Every quotation
/// costs a bounded amount of work, so a paragraph packed with quotations costs what its
/// length costs.
public struct QuoteFinder: Sendable {
    public let speakerModel: LinearModel?
    public let speechModel: LinearModel?
    let gazetteer: Gazetteer

    public init(models: Models = .shared, gazetteer: Gazetteer = .shared) {
        speakerModel = models.speaker?.ifCompatible(version: SpeakerFeatures.version, labels: 1)
        speechModel = models.speech?.ifCompatible(version: SpeechFeatures.version, labels: 1)
        self.gazetteer = gazetteer
    }

    public func find(in paragraphs: [Paragraph], tokens: [[Token]]? = nil, mentions: [Mention], parties: [Party]) -> [Quote] {
        let tokens = tokens ?? paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        let decoder = QuoteDecoder(paragraphs: paragraphs, tokens: tokens, mentions: mentions, parties: parties, gazetteer: gazetteer)
        let speaker = speakerModel, speech = speechModel
        return decoder.run(rank: { features in
            guard let speaker else { return 0 }
            return speaker.realScore(features)
        }, isSpeech: { _, features in
            guard let speech else { return false }
            return speech.score(features) > 0
        })
    }
}

/// What the decoder decided about one quoted span, for training to learn from.
struct SpanDecision {
    var paragraph: Int
    var span: Int
    var candidates: [SpeakerCandidate]
    var features: [[UInt64]]
    var scores: [Double]
    /// The candidate chosen.
    var chosen: Int
    /// The speaker each candidate would give, as a name (for lenient matching) and the
    /// source bytes of its attributing words; worked out only when the pass asks for every
    /// speaker (training), empty otherwise.
    var names: [String?]
    var sources: [Range<Int>?]
}

/// One pass over an article's quoted spans, in order, with the state the ranker reads
/// (who spoke last). Inference and training run the same pass; training passes closures
/// that also learn.
struct QuoteDecoder {
    let views: [ParagraphView]
    let mentions: [Mention]
    let parties: [Party]
    let resolver: PronounResolver

    init(paragraphs: [Paragraph], tokens: [[Token]], mentions: [Mention], parties: [Party], gazetteer: Gazetteer) {
        let spans = QuoteScanner().scan(paragraphs.map { $0.text.utf8 }).filter { !$0.nested }
        views = ParagraphView.views(paragraphs, tokens: tokens, spans: spans, mentions: mentions)
        self.mentions = mentions
        self.parties = parties
        resolver = PronounResolver(mentions: mentions, parties: parties, gazetteer: gazetteer)
    }

    /// The speaker a candidate gives.
    struct Speaker {
        var name: String?
        var party: Int?
        var source: Range<Int>?
    }

    /// What the pass carries from one quotation to the next.
    struct PassState {
        var features = SpeakerFeatures.State()
        /// The speaker of the last attributed quotation.
        var last: Speaker?
        /// The last quotation number given.
        var number = 0
        var previousWasSpeech: Bool?
        /// Mentions before this one have been seen (for the person named last).
        var mentionCursor = 0
    }

    /// Runs the pass. `rank` scores a candidate's features; `isSpeech` decides a span given
    /// the ranker's decision and the speech features. `everySpeaker` fills each decision's
    /// `names` and `sources` (training reads them).
    func run(rank: ([UInt64]) -> Double, everySpeaker: Bool = false, isSpeech: (SpanDecision, [UInt64]) -> Bool) -> [Quote] {
        var quotes: [Quote] = []
        var state = PassState()
        var features = FeatureVector(capacity: 64)
        for p in views.indices {
            for si in views[p].spans.indices {
                notePeopleNamed(before: p, views[p].spans[si].range.lowerBound, &state)
                let (decision, speaker) = rankSpeakers(p, si, state, &features, everySpeaker: everySpeaker, rank: rank)
                let speech = decideSpeech(decision, state, &features, isSpeech: isSpeech)
                quotes.append(record(decision, speaker, speech: speech, after: quotes.last, &state))
            }
        }
        return quotes
    }

    /// Brings "the person named last" up to a place in the text.
    func notePeopleNamed(before p: Int, _ offset: Int, _ state: inout PassState) {
        while state.mentionCursor < mentions.count,
              (mentions[state.mentionCursor].paragraph, mentions[state.mentionCursor].local.lowerBound) < (p, offset) {
            let m = mentions[state.mentionCursor]
            if m.type == .person, !resolver.isQuoted(m, views) { state.features.lastPersonGender = resolver.gender(m.party) }
            state.mentionCursor += 1
        }
    }

    /// The candidates for span `si` of paragraph `p`, their features and scores, the one
    /// chosen and the speaker it gives (and, when `everySpeaker`, the speaker each would give).
    func rankSpeakers(_ p: Int, _ si: Int, _ state: PassState, _ features: inout FeatureVector,
                      everySpeaker: Bool, rank: ([UInt64]) -> Double) -> (SpanDecision, Speaker) {
        let v = views[p]
        let q = v.spanTokens[si]
        let hasPrevious = state.last != nil && p - state.features.lastParagraph <= 3
        let candidates = SpeakerCandidates.find(views, p, si, mentions: mentions, hasPrevious: hasPrevious)
        let nearest = Self.nearestOfEachSide(candidates, p, q)
        let explicit = SpeakerFeatures.explicitAttribution(candidates, v, p, q)
        let quotation = SpeakerFeatures.Quotation(v, q, mentions: mentions)
        var candidateFeatures: [[UInt64]] = []
        var scores: [Double] = []
        candidateFeatures.reserveCapacity(candidates.count)
        for (ci, c) in candidates.enumerated() {
            features.removeAll()
            SpeakerFeatures.add(&features, c, views, p, si, quotation, nearest: nearest.contains(ci), explicit: explicit == ci,
                                mentions: mentions, parties: parties, state: state.features)
            candidateFeatures.append(features.keys)
            scores.append(rank(features.keys))
        }
        var chosen = 0
        for ci in scores.indices where scores[ci] > scores[chosen] { chosen = ci }
        let speakers = everySpeaker ? candidates.map { speaker(of: $0, last: state.last) } : []
        return (SpanDecision(paragraph: p, span: si, candidates: candidates, features: candidateFeatures, scores: scores,
                             chosen: chosen, names: speakers.map(\.name), sources: speakers.map(\.source)),
                everySpeaker ? speakers[chosen] : speaker(of: candidates[chosen], last: state.last))
    }

    /// Speech, or a quoted term or title: the classifier, given the best speaker it could
    /// have and by how much it beats nobody; "so-called “caliphate”" is always a term (the
    /// writer holds the word at arm's length, whoever is speaking in the sentence).
    func decideSpeech(_ d: SpanDecision, _ state: PassState, _ features: inout FeatureVector,
                      isSpeech: (SpanDecision, [UInt64]) -> Bool) -> Bool {
        let v = views[d.paragraph]
        if Self.isSoCalled(v, v.spanTokens[d.span]) || Self.isNameWithoutSpeech(v, v.spanTokens[d.span]) { return false }
        var bestNamed = 0
        for ci in d.scores.indices where d.candidates[ci].kind != .none && (bestNamed == 0 || d.scores[ci] > d.scores[bestNamed]) {
            bestNamed = ci
        }
        features.removeAll()
        SpeechFeatures.add(&features, views, d.paragraph, d.span, best: d.candidates[bestNamed].kind,
                           margin: bestNamed == 0 ? 0 : d.scores[bestNamed] - d.scores[0], previousWasSpeech: state.previousWasSpeech)
        return isSpeech(d, features.keys)
    }

    /// The quotation the decisions make, numbered; the state carried on.
    func record(_ d: SpanDecision, _ s: Speaker, speech: Bool, after previous: Quote?, _ state: inout PassState) -> Quote {
        let v = views[d.paragraph]
        let span = v.spans[d.span]
        state.previousWasSpeech = speech
        let kind: QuoteKind = speech ? .speech : (Self.hasTitleCue(v, v.spanTokens[d.span]) ? .title : .term)
        // A quotation that runs on from the paragraph before keeps its number.
        if speech && !(span.continues && previous?.kind == .speech) { state.number += 1 }
        var quote = Quote(source: v.text.sourceRange(span.range), paragraph: d.paragraph, local: span.range,
                          text: v.text.string(span.range), kind: kind, speaker: nil, speakerParty: nil,
                          speakerSource: nil, number: speech ? state.number : 0, closed: span.closed)
        guard speech else { return quote }
        quote.speaker = s.name
        quote.speakerParty = s.party
        quote.speakerSource = s.source
        if s.name != nil {
            state.last = s
            state.features.lastParty = s.party
            state.features.lastParagraph = d.paragraph
            state.features.lastGender = s.party.map { resolver.gender($0) } ?? .unknown
            if let party = s.party { state.features.quotationsOf[party, default: 0] += 1 }
        }
        return quote
    }

    /// The candidate nearest the quotation on each side.
    static func nearestOfEachSide(_ candidates: [SpeakerCandidate], _ p: Int, _ q: Range<Int>) -> Set<Int> {
        var before: (Int, Int)? = nil, after: (Int, Int)? = nil
        for (ci, c) in candidates.enumerated() where c.paragraph == p && c.kind != .none && c.kind != .previous && c.kind != .label {
            if c.tokens.upperBound <= q.lowerBound {
                let d = q.lowerBound - c.tokens.upperBound
                if before == nil || d < before!.1 { before = (ci, d) }
            } else {
                let d = c.tokens.lowerBound - q.upperBound
                if after == nil || d < after!.1 { after = (ci, d) }
            }
        }
        return Set([before?.0, after?.0].compactMap { $0 })
    }

    /// Who a candidate says the speaker is.
    func speaker(of c: SpeakerCandidate, last: Speaker?) -> Speaker {
        let v = views[c.paragraph]
        let source = c.tokens.isEmpty ? nil : v.text.sourceRange(v.tokens[c.tokens.lowerBound].range.lowerBound..<v.tokens[c.tokens.upperBound - 1].range.upperBound)
        switch c.kind {
        case .none:
            return Speaker()
        case .previous:
            return last ?? Speaker()
        case .person, .organisation, .place:
            guard let m = c.mention else { return Speaker() }
            return Speaker(name: parties[mentions[m].party].name, party: mentions[m].party, source: mentions[m].source)
        case .relative:
            guard let m = c.mention else { return Speaker() }
            return Speaker(name: parties[mentions[m].party].name, party: mentions[m].party, source: source)
        case .pronoun:
            let word = v.tokens[c.tokens.lowerBound]
            // "I" and "we" in a transcript turn are its speaker.
            if word.classes.contains(.firstPerson), let colon = SpeakerCandidates.labelColon(v) {
                var label = speaker(of: SpeakerCandidate(kind: .label, paragraph: c.paragraph, tokens: 0..<colon,
                                                         mention: v.mentionAt[0] >= 0 ? Int(v.mentionAt[0]) : nil), last: last)
                label.source = source
                return label
            }
            let before = firstMention(atOrAfter: c.paragraph, v.tokens[c.tokens.lowerBound].range.lowerBound)
            let party = resolver.resolve(v.tokens[c.tokens.lowerBound], paragraph: c.paragraph, before: before, views: views,
                                         lastSpeaker: last?.party)
            return Speaker(name: party.map { parties[$0].name }, party: party, source: source)
        case .description:
            // "the Post": a determiner and a name is the name's party.
            let i = c.tokens.lowerBound
            if c.tokens.count >= 2, v.mentionAt[i + 1] >= 0, (i + 1..<c.tokens.upperBound).allSatisfy({ v.mentionAt[$0] == v.mentionAt[i + 1] }) {
                let m = mentions[Int(v.mentionAt[i + 1])]
                return Speaker(name: parties[m.party].name, party: m.party, source: source)
            }
            // "O'Hara, an economist at …": a description set beside a name is that party.
            if i >= 2, v.tokens[i - 1].text == ",", v.mentionAt[i - 2] >= 0 {
                let m = mentions[Int(v.mentionAt[i - 2])]
                if m.type != .place { return Speaker(name: parties[m.party].name, party: m.party, source: source) }
            }
            let local = v.tokens[i].range.lowerBound..<v.tokens[c.tokens.upperBound - 1].range.upperBound
            // "the Wisconsin Republican", "the 43-year-old": a definite description of one
            // person stands for the person the article is speaking of.
            if Self.isAnaphoric(v, c.tokens) {
                let before = firstMention(atOrAfter: c.paragraph, v.tokens[i].range.lowerBound)
                if let party = resolver.resolveDescription(paragraph: c.paragraph, before: before, views: views, lastSpeaker: last?.party) {
                    return Speaker(name: parties[party].name, party: party, source: source)
                }
            }
            return Speaker(name: v.text.string(local), party: nil, source: source)
        case .label:
            if let m = c.mention { return Speaker(name: parties[mentions[m].party].name, party: mentions[m].party, source: source) }
            let local = v.tokens[c.tokens.lowerBound].range.lowerBound..<v.tokens[c.tokens.upperBound - 1].range.upperBound
            return Speaker(name: v.text.string(local).titleCased, party: nil, source: source)
        }
    }

    /// "the" and a singular noun that names a person's role, with no "of" or "for" after
    /// it: a description that refers back ("the senator"), not one that introduces
    /// someone ("a spokesman for the ministry") or speaks for many ("officials").
    static func isAnaphoric(_ v: ParagraphView, _ t: Range<Int>) -> Bool {
        guard v.tokens[t.lowerBound].is("the"), t.count >= 2 else { return false }
        let head = v.tokens[t.upperBound - 1]
        if head.text.hasSuffix("s") || head.classes.contains(.orgWord) || head.classes.contains(.notAPerson) { return false }
        return !v.tokens[t].contains { $0.is("of") || $0.is("for") }
    }

    /// The index of the first mention at or after a place in the text.
    func firstMention(atOrAfter p: Int, _ offset: Int) -> Int {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (mentions[mid].paragraph, mentions[mid].local.lowerBound) < (p, offset) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// A distancing word ("so-called") right before the quotation.
    static func isSoCalled(_ v: ParagraphView, _ q: Range<Int>) -> Bool {
        q.lowerBound > 0 && v.tokens[q.lowerBound - 1].classes.contains(.distancing)
    }

    /// "set up a “Joint Implementation Group”", "told NBC’s “Meet the Press.”": a few
    /// words in Title Case in quote marks is a name or a title, not words someone said,
    /// when it follows a possessive or a preposition ("on", "of", "in"; a comma or a full
    /// stop may end it), or when no reporting verb stands in its sentence (a comma may end it).
    static func isNameWithoutSpeech(_ v: ParagraphView, _ q: Range<Int>) -> Bool {
        var words = 0, capitalised = 0
        var fullStop = false
        for k in q {
            let t = v.tokens[k]
            if t.kind == .word {
                if t.isCapitalized { capitalised += 1 }
                // Short function words may stand inside ("Guardians of the Galaxy").
                else if words == 0 || t.range.count > 4 || k + 1 >= q.upperBound || v.tokens[k + 1].kind != .word { return false }
                words += 1
            } else if k != q.lowerBound && k != q.upperBound - 1 {
                // Only a comma or a full stop before the closing mark.
                guard k == q.upperBound - 2, t.text == "," || t.text == "." else { return false }
                fullStop = t.text == "."
            }
        }
        guard words >= 1, words <= 6, capitalised * 2 > words else { return false }
        if q.lowerBound >= 2, v.tokens[q.lowerBound - 1].is("s"), v.tokens[q.lowerBound - 2].kind == .punct { return true }
        if q.lowerBound >= 1, v.tokens[q.lowerBound - 1].classes.contains(.titlePreposition) { return true }
        // Alone, words that end with a full stop are more often said ("Sanity.").
        if fullStop { return false }
        return v.cuesInSentence(around: q) == 0
    }

    /// "the book “…”", "titled “…”": a quoted title rather than a term.
    static func hasTitleCue(_ v: ParagraphView, _ q: Range<Int>) -> Bool {
        v.wordsBefore(q.lowerBound, count: 3).contains { v.tokens[$0].classes.contains(.titleCue) }
    }
}
