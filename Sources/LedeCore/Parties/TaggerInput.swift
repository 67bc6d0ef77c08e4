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
