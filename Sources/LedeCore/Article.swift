/// An analysed article: its source text, structure, quotations and named parties.
/// Every range is a byte range into `source.utf8`; `source.scalarOffset(ofByte:)` turns
/// one into the Unicode scalar offsets that Lede reports.
public struct Article: Sendable {
    public let source: SourceText
    /// Title, standfirst, byline, dateline and body paragraphs, in source order.
    public var paragraphs: [Paragraph]
    public var date: ArticleDate?
    /// Where the story was filed: the place a dateline names ("PORTSMOUTH —", "NEW YORK
    /// (AP) —", "AFP | PTI Paris"), as a source byte range.
    public var dateline: Range<Int>?
    /// Quotations in source order.
    public var quotes: [Quote]
    /// The parties named, each with its mentions.
    public var parties: [Party]
    /// Every mention in source order.
    public var mentions: [Mention]

    public var title: Paragraph? { paragraphs.first { $0.role == .title } }
    public var standfirst: Paragraph? { paragraphs.first { $0.role == .standfirst } }
    public var byline: Paragraph? { paragraphs.first { $0.role == .byline } }
    public var dateLine: Paragraph? { paragraphs.first { $0.role == .date } }
    public var body: [Paragraph] { paragraphs.filter { $0.role == .body } }

    /// The text of a source byte range.
    public func text(_ range: Range<Int>) -> String { source.string(range) }
}

/// Runs the model layer: blocks, cleaning, structure, quotations, parties.
public struct ArticleAnalyzer: Sendable {
    public var classifier = BoilerplateClassifier()
    public var recognizer = PartyRecognizer()

    public init() {}

    public func analyze(_ source: SourceText) -> Article {
        let blocks = BlockSplitter.split(source)
        var (classes, features) = classifier.classify(blocks)
        let structure = StructureFinder.find(blocks: blocks, classes: &classes, features: features)
        var article = Article(source: source, paragraphs: structure.paragraphs, date: structure.date,
                              dateline: structure.dateline, quotes: [], parties: [], mentions: [])
        // Mentions and quotes index `paragraphs`; date lines hold neither.
        let tokens = structure.paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        let (mentions, parties) = recognizer.recognize(structure.paragraphs, tokens: tokens)
        article.mentions = mentions
        article.parties = parties
        article.quotes = QuoteFinder().find(in: structure.paragraphs, tokens: tokens, mentions: mentions, parties: parties)
        return article
    }
}
