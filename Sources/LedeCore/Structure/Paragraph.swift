/// What a paragraph is in the article.
public enum ParagraphRole: String, Sendable, Codable {
    /// The headline.
    case title
    /// The summary under the headline.
    case standfirst
    /// Who wrote or sent it ("By Jane Doe", "AFP | PTI Paris").
    case byline
    /// A line giving the date ("Last Updated : Jul 14 2016 | 3:08 PM IST").
    case date
    /// The article's text.
    case body
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
