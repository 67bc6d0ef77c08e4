/// What a paragraph is in the article.
public enum ParagraphRole: String, Sendable, Codable {
    case title, standfirst, byline, dateline, body
}

/// A paragraph of the cleaned article, mapped to its source.
public struct Paragraph: Sendable {
    public var role: ParagraphRole
    /// The cleaned text, mapped back to source bytes.
    public var text: MappedText
    /// Index of the block it came from.
    public var block: Int
    /// The source byte range of the cleaned text.
    public var source: Range<Int> { text.sourceSpan }
}
