/// What a quoted span is.
public enum QuoteKind: String, Sendable, Codable {
    /// Words someone said or wrote.
    case speech
    /// A quoted word or phrase held at arm's length ("caliphate").
    case term
    /// The name of a work or a proper name in quote marks.
    case title
}

/// A quoted span, quote marks included, with the speaker it is attributed to.
public struct Quote: Sendable, Equatable {
    /// Byte range in the source text, quote marks included.
    public var source: Range<Int>
    /// The analysed paragraph and the byte range in its cleaned text.
    public var paragraph: Int
    public var local: Range<Int>
    public var text: String
    public var kind: QuoteKind
    /// The speaker's full name (a party's canonical name) or, where no name is given, the
    /// words that name them ("the official"); nil when unattributed.
    public var speaker: String?
    /// The party spoken for, when the speaker is a named party.
    public var speakerParty: Int?
    /// The attributing words ("he" of "he added", "Kerry" of "Kerry said"), in source bytes.
    public var speakerSource: Range<Int>?
    /// The quotation's number, 1…n over the article's speech; quotations running over
    /// several paragraphs share one. 0 for a quoted term or title.
    public var number: Int
    /// The number, or nil for a quoted term or title.
    public var quotationNumber: Int? { number > 0 ? number : nil }
    /// False when the paragraph ended before the closing mark.
    public var closed: Bool
}
