/// Turns quoted spans into quotations: decides speech from quoted terms and titles, and
/// finds who is speaking — `"...," Kerry said`, `said Kerry`, `Kerry said: "..."`,
/// `"...," said Dr. Jane Doe, the ...`, `he added` (resolved to the person meant), and a
/// paragraph of quotation after an attributed one.
public struct QuoteFinder: Sendable {
    public init() {}

    /// A speaker found in the text around a quote.
    struct Attribution {
        var name: String?
        var party: Int?
        var local: Range<Int>
        var paragraph: Int
        var isPronoun: Bool
    }

    public func find(in paragraphs: [Paragraph], tokens: [[Token]]? = nil, mentions: [Mention], parties: [Party]) -> [Quote] {
        let texts = paragraphs.map { $0.text.utf8 }
        let spans = QuoteScanner().scan(texts).filter { !$0.nested }
        guard !spans.isEmpty else { return [] }
        let tokens = tokens ?? paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        var mentionsByParagraph = [[Int]](repeating: [], count: paragraphs.count)
        for (i, m) in mentions.enumerated() { mentionsByParagraph[m.paragraph].append(i) }
        var spansByParagraph = [[Int]](repeating: [], count: paragraphs.count)
        for (i, s) in spans.enumerated() { spansByParagraph[s.paragraph].append(i) }

        var quotes: [Quote] = []
        var number = 0
        var lastSpeaker: Attribution? = nil
        var lastSpeakerParagraph = -10

        func insideQuote(_ p: Int, _ r: Range<Int>) -> Bool {
            spansByParagraph[p].contains { spans[$0].range.lowerBound <= r.lowerBound && r.upperBound <= spans[$0].range.upperBound }
        }
        func fits(_ party: Int, _ pronoun: String) -> Bool {
            let g = Gazetteer.shared.gender(ofName: parties[party].name)
            return pronoun == "he" ? g != .female : pronoun == "she" ? g != .male : true
        }
        // The most recent person named outside quotes before (p, offset) that the pronoun fits.
        func personBefore(_ p: Int, _ offset: Int, pronoun: String) -> Attribution? {
            var q = p
            while q >= max(0, p - 6) {
                for mi in mentionsByParagraph[q].reversed() {
                    let m = mentions[mi]
                    if q == p && m.local.lowerBound >= offset { continue }
                    if m.type == .person && !insideQuote(q, m.local) && fits(m.party, pronoun) {
                        return Attribution(name: parties[m.party].name, party: m.party, local: m.local, paragraph: q, isPronoun: false)
                    }
                }
                q -= 1
            }
            return nil
        }

        for p in paragraphs.indices {
            let toks = tokens[p]
            for si in spansByParagraph[p] {
                let span = spans[si]
                let b = texts[p]
                let words = wordCount(b, span.range)
                var attribution = attribute(span, toks, p, paragraphs[p].text, mentions, mentionsByParagraph[p], parties)
                var explicit = attribution != nil
                // A pronoun speaker is the person last named (or last quoted) before it.
                func resolvePronoun(_ a0: Attribution) -> Attribution {
                    var a = a0
                    let word = paragraphs[p].text.string(a.local).lowercased()
                    if word == "he" || word == "she" {
                        if let last = lastSpeaker, last.party != nil, lastSpeakerParagraph >= p - 3,
                           let partyIndex = last.party, parties[partyIndex].type == .person, fits(partyIndex, word) {
                            a.name = last.name; a.party = last.party
                        } else if let person = personBefore(p, a.local.lowerBound, pronoun: word) {
                            a.name = person.name; a.party = person.party
                        } else {
                            a.name = nil
                        }
                    } else {
                        a.name = nil
                    }
                    return a
                }
                if let a = attribution, a.isPronoun { attribution = resolvePronoun(a) }
                let inheritFromParagraph = quotes.last { $0.paragraph == p && $0.kind == .speech && $0.speaker != nil }
                let kind: QuoteKind
                if isTermCue(toks, span.range) {
                    kind = .term
                    attribution = nil
                    explicit = false
                } else if explicit {
                    kind = isName(b, span.range, toks) ? .term : .speech
                } else {
                    let cue = hasCueInSentence(toks, span.range)
                    if span.continues || (words >= 5 && !isName(b, span.range, toks)) || (cue && !isName(b, span.range, toks)) {
                        kind = .speech
                    } else {
                        kind = isTitle(toks, span.range) ? .title : .term
                    }
                }
                if kind == .speech && attribution == nil,
                   var a = sentenceSubject(span, toks, p, mentions, mentionsByParagraph[p], parties) {
                    if a.isPronoun { a = resolvePronoun(a) }
                    if a.name != nil { attribution = a; explicit = true }
                }
                if kind == .speech && attribution == nil {
                    // Same speaker as the quote before: in the same paragraph, or the quote
                    // running on from the paragraph before, or a paragraph of pure quotation
                    // after an attributed one.
                    if let prev = inheritFromParagraph {
                        attribution = Attribution(name: prev.speaker, party: prev.speakerParty, local: 0..<0, paragraph: p, isPronoun: false)
                    } else if let last = lastSpeaker, lastSpeakerParagraph >= p - 2,
                              span.continues || isMostlyQuote(b, spansByParagraph[p].map { spans[$0].range }) {
                        attribution = last
                        attribution?.local = 0..<0
                    }
                    explicit = false
                }
                if !span.continues { number += 1 }
                var q = Quote(source: paragraphs[p].text.sourceRange(span.range), paragraph: p, local: span.range,
                              text: paragraphs[p].text.string(span.range), kind: kind, speaker: nil, speakerParty: nil,
                              speakerSource: nil, number: number, closed: span.closed)
                if kind == .speech, let a = attribution {
                    q.speaker = a.name
                    q.speakerParty = a.party
                    if explicit { q.speakerSource = paragraphs[a.paragraph].text.sourceRange(a.local) }
                    else if let s = lastSpeakerSourceFor(a, quotes) { q.speakerSource = s }
                    if a.name != nil { lastSpeaker = a; lastSpeakerParagraph = p }
                }
                quotes.append(q)
            }
        }
        return quotes
    }

    func lastSpeakerSourceFor(_ a: Attribution, _ quotes: [Quote]) -> Range<Int>? {
        quotes.last { $0.speaker == a.name && $0.speakerSource != nil }?.speakerSource
    }

    func wordCount(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        var inWord = false
        for i in r {
            let c = b[i]
            let isSpace = c == 0x20
            if !isSpace && !inWord { n += 1 }
            inWord = !isSpace
        }
        return n
    }

    /// A paragraph that is mostly quotation.
    func isMostlyQuote(_ b: [UInt8], _ spans: [Range<Int>]) -> Bool {
        let quoted = spans.reduce(0) { $0 + $1.count }
        return quoted * 10 >= b.count * 6
    }

    /// Short and every word capitalised: a name in quote marks ("Joint Implementation Group").
    func isName(_ b: [UInt8], _ r: Range<Int>, _ toks: [Token]) -> Bool {
        let inner = toks.filter { $0.range.lowerBound > r.lowerBound && $0.range.upperBound < r.upperBound && $0.isWord }
        guard !inner.isEmpty, inner.count <= 5 else { return false }
        let content = inner.filter { !["of", "the", "and", "for", "a", "in", "on", "to"].contains($0.text) }
        return content.count >= 2 && content.allSatisfy { $0.isCapitalized }
    }

    /// "so-called", "dubbed", "known as" right before the quote.
    func isTermCue(_ toks: [Token], _ r: Range<Int>) -> Bool {
        guard let first = toks.firstIndex(where: { $0.range.lowerBound >= r.lowerBound }) else { return false }
        var k = first - 1
        var seen = 0
        while k >= 0 && seen < 2 {
            if toks[k].isWord {
                if toks[k].classes.contains(.termCue) || toks[k].text.lowercased().hasPrefix("so-called") { return true }
                if toks[k].is("as"), k > 0, toks[k - 1].is("known") { return true }
                seen += 1
            }
            k -= 1
        }
        return false
    }

    func isTitle(_ toks: [Token], _ r: Range<Int>) -> Bool {
        guard let first = toks.firstIndex(where: { $0.range.lowerBound >= r.lowerBound }) else { return false }
        var k = first - 1
        var seen = 0
        while k >= 0 && seen < 3 {
            if toks[k].isWord {
                if toks[k].classes.contains(.titleCue) { return true }
                seen += 1
            }
            k -= 1
        }
        return false
    }

    /// A reporting verb in the sentence around the quote (outside it).
    func hasCueInSentence(_ toks: [Token], _ r: Range<Int>) -> Bool {
        let (lo, hi) = sentenceBounds(toks, r)
        for k in lo..<hi where toks[k].isWord && (toks[k].range.upperBound <= r.lowerBound || toks[k].range.lowerBound >= r.upperBound) {
            if toks[k].classes.contains(.cueVerb) && !toks[k].isCapitalized { return true }
            if toks[k].is("according"), k + 1 < toks.count, toks[k + 1].is("to") { return true }
        }
        return false
    }

    /// Token indices of the sentence holding the quote: from the sentence start before it to
    /// the sentence end after it (quote marks carry sentences on).
    func sentenceBounds(_ toks: [Token], _ r: Range<Int>) -> (Int, Int) {
        var lo = toks.firstIndex { $0.range.lowerBound >= r.lowerBound } ?? toks.count
        var hi = toks.firstIndex { $0.range.lowerBound >= r.upperBound } ?? toks.count
        while lo > 0 {
            let t = toks[lo - 1]
            if t.kind == .punct && (t.text == "." || t.text == "!" || t.text == "?") { break }
            lo -= 1
        }
        // A quotation that ends its own sentence ('.” He touted ...') ends the sentence,
        // unless the words after it attribute it ('.” Kerry said').
        if hi < toks.count, hi > 0, endsWithSentenceMark(toks, hi), toks[hi].isCapitalized {
            let next = (hi + 1..<min(toks.count, hi + 4)).first { toks[$0].isWord }
            let attributes = next.map { toks[$0].classes.contains(.cueVerb) && !toks[$0].isCapitalized } ?? false
            if !attributes { return (lo, hi) }
        }
        while hi < toks.count {
            let t = toks[hi]
            if t.kind == .punct && (t.text == "." || t.text == "!" || t.text == "?") { break }
            // The next quotation begins a new attribution scope.
            if t.kind == .punct && (t.text == "\u{201C}" || t.text == "\"") && hi > 0 && toks[hi - 1].kind == .punct && toks[hi - 1].text != "," { break }
            hi += 1
        }
        return (lo, hi)
    }

    /// The quote's last marks are a sentence end and a closing quote mark: '.”', '?"'.
    func endsWithSentenceMark(_ toks: [Token], _ after: Int) -> Bool {
        var k = after - 1
        var sawQuote = false
        while k >= 0, toks[k].kind == .punct {
            switch toks[k].text {
            case "\u{201D}", "\"", "'", "\u{BB}", "\u{2019}": sawQuote = true
            case ".", "!", "?": return sawQuote
            default: return false
            }
            k -= 1
        }
        return false
    }

    /// The speaker in the same sentence: after the quote (`," said X` / `," X said`), else
    /// before it (`X said: "` / `X told reporters that "`).
    func attribute(_ span: QuoteScanner.Span, _ toks: [Token], _ p: Int, _ text: MappedText,
                   _ mentions: [Mention], _ local: [Int], _ parties: [Party]) -> Attribution? {
        let r = span.range
        let (lo, hi) = sentenceBounds(toks, r)
        let after = toks.firstIndex { $0.range.lowerBound >= r.upperBound } ?? toks.count
        let before = (toks.lastIndex { $0.range.upperBound <= r.lowerBound }).map { $0 + 1 } ?? 0

        func mentionAt(_ k: Int) -> Mention? {
            guard k >= 0 && k < toks.count else { return nil }
            for mi in local where mentions[mi].local.lowerBound <= toks[k].range.lowerBound && toks[k].range.upperBound <= mentions[mi].local.upperBound + 1 {
                return mentions[mi]
            }
            return nil
        }
        func isCue(_ k: Int) -> Bool {
            // Cue verbs run in lower case: "States" is a name, "states" a verb.
            guard k >= 0 && k < toks.count, toks[k].isWord, !toks[k].isCapitalized else { return false }
            return toks[k].classes.contains(.cueVerb) && !toks[k].isCapitalized
        }
        func pronoun(_ k: Int) -> Bool {
            guard k >= 0 && k < toks.count, toks[k].isWord else { return false }
            return toks[k].classes.contains(.pronoun)
        }
        func attribution(_ m: Mention) -> Attribution {
            Attribution(name: parties[m.party].name, party: m.party, local: m.local, paragraph: p, isPronoun: false)
        }
        /// A speaker phrase starting at k: a name (after titles or "the"), a pronoun, or a
        /// description ("the official", "a spokesman for the ministry").
        func speaker(from k: Int, limit: Int) -> Attribution? {
            var j = k
            var steps = 0
            while j < limit && steps < 6 {
                if let m = mentionAt(j), m.type != .place { return attribution(m) }
                // "said that he ...", "saying it is ...": the clause said, not the sayer.
                if toks[j].isWord, toks[j].isAny(["that", "it", "this", "to", "how", "why", "what", "whether", "if"]) { return nil }
                if pronoun(j) { return Attribution(name: nil, party: nil, local: toks[j].range, paragraph: p, isPronoun: true) }
                if toks[j].kind == .punct && toks[j].text != "." { break }
                j += 1
                steps += 1
            }
            // A description: "the campaign", "a senior official", "a spokesman for the party".
            if k < limit, toks[k].isWord, toks[k].isAny(["the", "a", "an", "one", "another"]) {
                var e = k + 1
                while e < limit, toks[e].isWord, e - k < 7, !isCue(e) { e += 1 }
                while e > k + 1, !QuoteCues.isSpeakerNoun(toks[e - 1].lowered) { e -= 1 }
                if e > k + 1 {
                    let range = toks[k].range.lowerBound..<toks[e - 1].range.upperBound
                    return Attribution(name: text.string(range), party: nil, local: range, paragraph: p, isPronoun: false)
                }
            }
            return nil
        }
        /// A subject phrase ending just before k (the cue): "Kerry", "he", "the official".
        func subject(endingBefore k: Int, floor: Int) -> Attribution? {
            var j = k - 1
            var steps = 0
            // Skip auxiliaries and adverbs: "has said", "also told".
            while j >= floor && steps < 3 && toks[j].isWord && toks[j].isAny(["has", "had", "have", "also", "later", "then", "once", "previously", "again", "repeatedly", "reportedly", "recently", "would", "will", "had", "publicly", "often"]) {
                j -= 1; steps += 1
            }
            guard j >= floor else { return nil }
            if pronoun(j) { return Attribution(name: nil, party: nil, local: toks[j].range, paragraph: p, isPronoun: true) }
            if let m = mentionAt(j), m.type != .place { return attribution(m) }
            // "..., a spokesperson for the government said": the longest description
            // ending here that opens with a determiner.
            var s = -1
            var t = j
            while t >= floor, toks[t].isWord, j - t < 7 {
                if toks[t].isAny(["the", "a", "an"]) && t < j { s = t }
                t -= 1
            }
            if s >= floor, QuoteCues.isSpeakerNoun(toks[j].lowered) {
                let range = toks[s].range.lowerBound..<toks[j].range.upperBound
                return Attribution(name: text.string(range), party: nil, local: range, paragraph: p, isPronoun: false)
            }
            // ", who ... , said" — the name before "who".
            return nil
        }

        // After the quote: skip punctuation, then "said X", "X said", "X, the ..., said",
        // "the official said", or a cue further on ("..., like X, said Y").
        var k = after
        while k < hi, toks[k].kind == .punct, toks[k].text != "\u{201C}" { k += 1 }
        if k < hi, let c = (k..<hi).first(where: isCue) {
            if c == k, let s = speaker(from: k + 1, limit: hi) { return s }
            if c > k {
                if pronoun(k) { return Attribution(name: nil, party: nil, local: toks[k].range, paragraph: p, isPronoun: true) }
                var j = k
                while j < c, j < k + 3, toks[j].isWord, toks[j].classes.contains(.personTitle) || toks[j].isCapitalized && mentionAt(j) == nil { j += 1 }
                // "Harbour Authority chief executive Helen Marsh told": the person heads
                // the subject; an organisation before it only qualifies them.
                if let person = (k..<c).lazy.compactMap({ mentionAt($0) }).first(where: { $0.type == .person }) {
                    return attribution(person)
                }
                if let m = mentionAt(j) ?? mentionAt(k) { return attribution(m) }
                if let s = subject(endingBefore: c, floor: k) { return s }
                if let s = speaker(from: c + 1, limit: hi) { return s }
            }
        }
        // Before the quote: the nearest cue in the sentence, its subject before it, or the
        // speaker after it ("said Kerry:").
        var c = before - 1
        while c >= lo {
            if isCue(c) {
                if let s = subject(endingBefore: c, floor: lo) { return s }
                // "X threw her support behind Y, saying ...": the sentence's subject.
                var first = lo
                while first < c, toks[first].kind == .punct { first += 1 }
                if let m = mentionAt(first), m.type == .person || m.type == .org,
                   m.local.lowerBound == toks[first].range.lowerBound { return attribution(m) }
                // "X, who ..., said": the person nearest before the cue.
                for j in stride(from: c - 1, through: lo, by: -1) {
                    if let m = mentionAt(j), m.type == .person { return attribution(m) }
                }
                if let s = speaker(from: c + 1, limit: before) { return s }
            }
            if toks[c].is("according"), c + 2 < before, toks[c + 1].is("to") {
                if let s = speaker(from: c + 2, limit: before) { return s }
            }
            c -= 1
        }
        // "Frank Newport: “...”" — a name right before a colon.
        if before >= 2, toks[before - 1].text == ":", let m = mentionAt(before - 2) { return attribution(m) }
        return nil
    }

    /// The subject that opens the quote's sentence ("Cruz blamed the law on “...”", "He
    /// called it “...”"): a weaker attribution, used only for what is already speech.
    func sentenceSubject(_ span: QuoteScanner.Span, _ toks: [Token], _ p: Int, _ mentions: [Mention],
                         _ local: [Int], _ parties: [Party]) -> Attribution? {
        let (lo, _) = sentenceBounds(toks, span.range)
        var k = lo
        while k < toks.count, toks[k].kind == .punct { k += 1 }
        guard k < toks.count, toks[k].range.upperBound <= span.range.lowerBound else { return nil }
        if toks[k].isWord, toks[k].classes.contains(.pronoun), !toks[k].is("it") {
            return Attribution(name: nil, party: nil, local: toks[k].range, paragraph: p, isPronoun: true)
        }
        var j = k
        while j < min(toks.count, k + 3), toks[j].isWord, toks[j].classes.contains(.personTitle) || toks[j].is("the") { j += 1 }
        for mi in local where mentions[mi].local.lowerBound == toks[j].range.lowerBound && mentions[mi].type != .place {
            let m = mentions[mi]
            return Attribution(name: parties[m.party].name, party: m.party, local: m.local, paragraph: p, isPronoun: false)
        }
        return nil
    }
}
