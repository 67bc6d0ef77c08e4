/// What the quote finder reads of each paragraph, worked out once so that every question
/// it asks about a quotation's neighbourhood costs the same however long the paragraph
/// is: which mention or quoted span covers a token, which sentence a token is in, how many
/// reporting verbs stand before it.
struct ParagraphView {
    let tokens: [Token]
    let text: MappedText
    let role: ParagraphRole
    /// The quoted spans of the paragraph (outer ones), in order.
    let spans: [QuoteScanner.Span]
    /// The token range of each span, marks included.
    let spanTokens: [Range<Int>]
    /// The span covering each token, or -1.
    let spanAt: [Int32]
    /// The mention (index into the article's mentions) covering each token, or -1.
    let mentionAt: [Int32]
    /// The sentence of each token (sentences end at . ! ? outside quotes).
    let sentence: [Int32]
    /// Reporting verbs in lower case outside quotes before each token (cueCount[i] counts
    /// those at tokens before i), so that "is there a cue between" is a subtraction.
    let cueCount: [Int32]
    /// Bytes of the paragraph inside quoted spans.
    let quotedBytes: Int

    init(tokens: [Token], text: MappedText, role: ParagraphRole, spans: [QuoteScanner.Span],
         mentions: ArraySlice<Mention>, mentionBase: Int) {
        self.tokens = tokens
        self.text = text
        self.role = role
        self.spans = spans
        let n = tokens.count
        var spanAt = [Int32](repeating: -1, count: n)
        var spanTokens: [Range<Int>] = []
        var k = 0
        for (si, s) in spans.enumerated() {
            while k < n, tokens[k].range.lowerBound < s.range.lowerBound { k += 1 }
            let start = k
            while k < n, tokens[k].range.lowerBound < s.range.upperBound { spanAt[k] = Int32(si); k += 1 }
            spanTokens.append(start..<k)
        }
        self.spanAt = spanAt
        self.spanTokens = spanTokens
        quotedBytes = spans.reduce(0) { $0 + $1.range.count }
        var mentionAt = [Int32](repeating: -1, count: n)
        var t = 0
        for (offset, m) in mentions.enumerated() {
            while t < n, tokens[t].range.upperBound <= m.local.lowerBound { t += 1 }
            var u = t
            while u < n, tokens[u].range.lowerBound < m.local.upperBound {
                mentionAt[u] = Int32(mentionBase + offset)
                u += 1
            }
        }
        self.mentionAt = mentionAt
        var sentence = [Int32](repeating: 0, count: n)
        var cueCount = [Int32](repeating: 0, count: n + 1)
        var s: Int32 = 0
        for i in 0..<n {
            sentence[i] = s
            let tok = tokens[i]
            cueCount[i + 1] = cueCount[i] + (spanAt[i] < 0 && Self.isCue(tok) ? 1 : 0)
            if tok.kind == .punct, spanAt[i] < 0, tok.text == "." || tok.text == "!" || tok.text == "?" { s += 1 }
        }
        self.sentence = sentence
        self.cueCount = cueCount
    }

    /// A reporting verb in lower case ("said", "told"; "States" is a name).
    static func isCue(_ t: Token) -> Bool {
        t.kind == .word && !t.isCapitalized && t.classes.contains(.cueVerb)
    }

    /// Reporting verbs outside quotes between two token positions.
    func cues(between a: Int, _ b: Int) -> Int {
        let lo = max(0, min(a, b)), hi = min(tokens.count, max(a, b))
        return Int(cueCount[hi] - cueCount[lo])
    }

    /// Reporting verbs outside quotation `q` in the sentences it touches (looking at most
    /// 60 tokens either side).
    func cuesInSentence(around q: Range<Int>) -> Int {
        var lo = q.lowerBound, hi = q.upperBound
        let s0 = q.lowerBound > 0 ? sentence[q.lowerBound - 1] : sentence[q.lowerBound]
        while lo > 0, sentence[lo - 1] == s0, q.lowerBound - lo < 60 { lo -= 1 }
        let s1 = sentence[max(q.lowerBound, q.upperBound - 1)]
        while hi < tokens.count, sentence[hi] == s1, hi - q.upperBound < 60 { hi += 1 }
        return cues(between: lo, q.lowerBound) + cues(between: q.upperBound, hi)
    }

    /// The words just before token `k`, nearest first: at most `count` of them, looking
    /// back over at most `reach` tokens (a run of marks or dashes does not make it scan the
    /// paragraph).
    func wordsBefore(_ k: Int, count: Int, reach: Int = 8) -> [Int] {
        var found: [Int] = []
        var i = k - 1
        while i >= 0, k - i <= reach, found.count < count {
            if tokens[i].kind == .word { found.append(i) }
            i -= 1
        }
        return found
    }

    /// Whether the paragraph is mostly quotation.
    var isMostlyQuote: Bool { quotedBytes * 10 >= text.count * 6 }
}

extension ParagraphView {
    /// The views of an article's paragraphs, with their quoted spans and mentions.
    static func views(_ paragraphs: [Paragraph], tokens: [[Token]], spans: [QuoteScanner.Span],
                      mentions: [Mention]) -> [ParagraphView] {
        var spansByParagraph = [[QuoteScanner.Span]](repeating: [], count: paragraphs.count)
        for s in spans { spansByParagraph[s.paragraph].append(s) }
        var views: [ParagraphView] = []
        views.reserveCapacity(paragraphs.count)
        var m = 0
        for p in paragraphs.indices {
            let start = m
            while m < mentions.count, mentions[m].paragraph == p { m += 1 }
            views.append(ParagraphView(tokens: tokens[p], text: paragraphs[p].text, role: paragraphs[p].role,
                                       spans: spansByParagraph[p], mentions: mentions[start..<m], mentionBase: start))
        }
        return views
    }
}
