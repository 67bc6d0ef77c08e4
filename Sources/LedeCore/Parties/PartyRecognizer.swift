/// Finds people, organisations and places: the tagger (`PartyTagger`) marks the names,
/// the gazetteers give the canonical form of the ones they know ("U.S." is the United
/// States), and the names that refer to one party within the article are merged ("Kerry"
/// is "John Kerry", "the Post" is "Washington Post", "JIG" is "Joint Implementation
/// Group").
public struct PartyRecognizer: Sendable {
    let gazetteer: Gazetteer
    public let tagger: PartyTagger

    public init(tagger: PartyTagger = PartyTagger(model: Models.shared.tagger, casing: Models.shared.casing),
                gazetteer: Gazetteer = .shared) {
        self.tagger = tagger
        self.gazetteer = gazetteer
    }

    /// A name before merging.
    struct Candidate {
        var paragraph: Int
        var local: Range<Int>
        var text: String
        var type: PartyType?
        /// The gazetteer's name for it, when it knows it as the same type.
        var canonical: String?
    }

    public func recognize(_ paragraphs: [Paragraph], tokens: [[Token]]? = nil) -> ([Mention], [Party]) {
        let tokenized = tokens ?? paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        let input = TaggerInput(paragraphs: paragraphs, tokens: tokenized)
        let spans = PartyTagger.spans(tagger.tag(input))
        let candidates = spans.compactMap { candidate($0, input, paragraphs) }
        return merge(candidates, paragraphs: paragraphs, capitals: input.capitals)
    }

    /// A tagged name as a candidate party, with the gazetteer's canonical form when the
    /// gazetteer knows the name as the same type.
    func candidate(_ span: TaggedSpan, _ input: TaggerInput, _ paragraphs: [Paragraph]) -> Candidate? {
        guard let type = span.type.partyType else { return nil }
        let p = span.paragraph
        let toks = input.tokens[p]
        let text = paragraphs[p].text
        var tokens = span.tokens
        // A possessive ends no name: "the Church of Scientology's" is the Church.
        if tokens.count > 2, toks.isPossessive(at: tokens.upperBound - 2) {
            tokens = tokens.lowerBound..<(tokens.upperBound - 2)
        }
        var c = make(toks, tokens, p, text, type: type)
        if tokens.count == 1, let head = modifierHead(toks[tokens.lowerBound]) {
            // "US-led", "Scientology-related": the name is the part before the hyphen.
            c.local = head
            c.text = text.string(head)
        }
        let name = input.capitals[p] ? c.text.titleCased : c.text
        if let known = gazetteer.knownNames[name] {
            // An organisation the table names is one whatever the context ("an affiliate of
            // Al-Qaeda"); a place name may be a person's or a team's ("Washington").
            if known.type == .org && type != .person { c.type = .org }
            if known.type == c.type { c.canonical = known.canonical }
        }
        return c
    }

    /// The name part of a hyphenated modifier whose tail is a lower-case word ("US-led"
    /// → "US"), as a byte range in the paragraph.
    func modifierHead(_ t: Token) -> Range<Int>? {
        guard t.isWord, t.isCapitalized, t.hasHyphen, let dash = t.text.utf8.lastIndex(of: 0x2D) else { return nil }
        let tail = t.text.utf8[t.text.utf8.index(after: dash)...]
        guard tail.count >= 2, tail.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let headLength = t.text.utf8.distance(from: t.text.utf8.startIndex, to: dash)
        return t.range.lowerBound..<(t.range.lowerBound + headLength)
    }

    /// Whether the sentence ends after token `i`: the paragraph does, or a closing mark
    /// or a common word opening a new sentence follows.
    func endsSentence(_ toks: [Token], after i: Int) -> Bool {
        guard i + 1 < toks.count else { return true }
        let next = toks[i + 1]
        if next.kind == .punct { return ![",", ";", ":", ")", "-", "&"].contains(next.text) }
        return next.isCapitalized && next.classes.contains(.common)
    }

    func make(_ toks: [Token], _ r: Range<Int>, _ p: Int, _ text: MappedText, type: PartyType?) -> Candidate {
        // A name ends with its last token, the full stop of "U.S." or "Corp." included
        // (the tokenizer keeps a full stop only on abbreviations and initials), unless
        // that full stop also ends the sentence ("… from Lear Corp. The company said").
        var end = toks[r.upperBound - 1].range.upperBound
        if toks[r.upperBound - 1].hasDot, endsSentence(toks, after: r.upperBound - 1) { end -= 1 }
        let local = toks[r.lowerBound].range.lowerBound..<end
        return Candidate(paragraph: p, local: local, text: text.string(local), type: type, canonical: nil)
    }
}
