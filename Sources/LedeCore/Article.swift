/// An analysed article: its source text, structure, quotations and named parties.
/// Every range is a byte range into `source.utf8`; `source.scalarOffset(ofByte:)` turns
/// one into the Unicode scalar offsets that Lede reports.
public struct Article: Sendable {
    public let source: SourceText
    /// Title, standfirst, byline, dateline and body paragraphs, in source order.
    public var paragraphs: [Paragraph]
    public var date: ArticleDate?
    /// When the page says it was last updated ("Updated Nov 21, 2019"), kept apart from the
    /// date it was published.
    public var updated: ArticleDate?
    /// Where the story was filed: the place a dateline names ("PORTSMOUTH —", "NEW YORK
    /// (AP) —", "AFP | PTI Paris"), as a source byte range.
    public var dateline: Range<Int>?
    /// The site that published it, named after the headline in the page's title line
    /// ("… | TheHill"), as a source byte range.
    public var publication: Range<Int>?
    /// The writers' names in the byline ("Jane Roe and Ali Khan" of "By Jane Roe and Ali
    /// Khan | May 1, 2019"), as a source byte range.
    public var bylineNames: Range<Int>?
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
    /// The publication's name.
    public var publicationName: String? { publication.map { source.string($0) } }
    /// Who wrote it: the byline's names.
    public var writers: String? { bylineNames.map { source.string($0) } }

    /// The text of a source byte range.
    public func text(_ range: Range<Int>) -> String { source.string(range) }
}

/// Runs the model layer: blocks, cleaning, structure, quotations, parties.
public struct ArticleAnalyzer: Sendable {
    public var classifier = BoilerplateClassifier()
    public var recognizer: PartyRecognizer
    public var quoteFinder: QuoteFinder

    /// An analyser with the models compiled into Lede, or others (a model just trained).
    public init(models: Models = .shared) {
        recognizer = PartyRecognizer(tagger: PartyTagger(model: models.tagger, casing: models.casing))
        quoteFinder = QuoteFinder(models: models)
    }

    /// Texts larger than this are analysed in sections (see `Document`) and the results
    /// joined, so that time and memory stay proportional to the size of any input.
    public static let sectionThreshold = 1 << 20

    /// With `site`, the blocks a library has learnt are its publication's furniture are
    /// dropped from the body.
    public func analyze(_ source: SourceText, site: SiteMemory? = nil) -> Article {
        if source.utf8.count > Self.sectionThreshold { return analyzeInSections(source) }
        let (structure, tokens) = prepare(source, site: site)
        var article = Self.article(source, structure)
        let (mentions, parties) = recognizer.recognize(structure.paragraphs, tokens: tokens)
        article.mentions = mentions
        article.parties = parties
        article.quotes = quoteFinder.find(in: structure.paragraphs, tokens: tokens, mentions: mentions, parties: parties)
        return article
    }
}

extension ArticleAnalyzer {
    /// The header and the body only: cleaning and structure, without the recognisers (what
    /// the library stores, before it analyses the stored text).
    public func structure(_ source: SourceText, site: SiteMemory? = nil) -> Article {
        if source.utf8.count > Self.sectionThreshold { return analyzeInSections(source) }
        return Self.article(source, findStructure(source, site: site))
    }

    static func article(_ source: SourceText, _ structure: StructureFinder.Result) -> Article {
        var article = Article(source: source, paragraphs: structure.paragraphs, date: structure.date,
                              dateline: structure.dateline, quotes: [], parties: [], mentions: [])
        article.publication = structure.publication
        article.bylineNames = structure.bylineNames
        article.updated = structure.updated
        return article
    }

    /// What the recognisers read: the article's paragraphs (cleaned, with their roles) and
    /// their tokens. Training reads the same, so that it learns from what inference sees.
    public func prepare(_ source: SourceText, site: SiteMemory? = nil) -> (structure: StructureFinder.Result, tokens: [[Token]]) {
        let structure = findStructure(source, site: site)
        // Mentions and quotes index `paragraphs`; date lines hold neither.
        return (structure, structure.paragraphs.map { Tokenizer.tokenize($0.text.utf8) })
    }

    func findStructure(_ source: SourceText, site: SiteMemory?) -> StructureFinder.Result {
        let blocks = BlockSplitter.split(source)
        var (classes, features) = classifier.classify(blocks)
        // What the library learnt of this site: its furniture is not body, however
        // article-like (the header is still read from it: a writer's byline recurs too).
        if let site {
            for i in SiteBlocks.known(blocks, in: source, site: site) where classes[i] == .good { classes[i] = .siteFurniture }
        }
        return StructureFinder.find(blocks: blocks, classes: &classes, features: features)
    }

    /// A large text analysed section by section (cut at blank lines), the results joined
    /// into one article over the whole source: ranges shifted, parties of the same name
    /// and type merged. A quotation is attributed within its section.
    func analyzeInSections(_ source: SourceText) -> Article {
        let sections = Document.cut(source.utf8, size: Document.sectionSize)
        var article = Article(source: source, paragraphs: [], date: nil, dateline: nil, quotes: [], parties: [], mentions: [])
        var partyMerge = PartyMerge()
        var quoteNumbers = 0
        for range in sections {
            let part = analyze(SourceText(utf8: Array(source.utf8[range]), encoding: source.encoding))
            let base = range.lowerBound
            let paragraphBase = article.paragraphs.count
            func shift(_ r: Range<Int>) -> Range<Int> { r.lowerBound + base..<r.upperBound + base }
            article.date = article.date ?? part.date
            if article.dateline == nil, let d = part.dateline { article.dateline = shift(d) }
            if base == 0, let p = part.publication { article.publication = p }
            if base == 0, let b = part.bylineNames { article.bylineNames = b }
            if base == 0 { article.updated = part.updated }
            for p in part.paragraphs {
                article.paragraphs.append(Paragraph(role: p.role, text: p.text.shifted(by: base), block: p.block))
            }
            // Parties merge by type and name; their mentions are renumbered as they come.
            let partyMap = partyMerge.merge(part.parties, into: &article.parties,
                                            make: { Party(name: $0.name, type: $0.type, aliases: $0.aliases, mentions: []) },
                                            update: { merged, p in
                                                for a in p.aliases where !merged.aliases.contains(a) { merged.aliases.append(a) }
                                            })
            for var m in part.mentions {
                m.source = shift(m.source)
                m.paragraph += paragraphBase
                m.party = partyMap[m.party]
                article.parties[m.party].mentions.append(article.mentions.count)
                article.mentions.append(m)
            }
            var maxNumber = 0
            for var q in part.quotes {
                q.source = shift(q.source)
                q.paragraph += paragraphBase
                q.speakerSource = q.speakerSource.map(shift)
                q.speakerParty = q.speakerParty.map { partyMap[$0] }
                maxNumber = max(maxNumber, q.number)
                if q.number > 0 { q.number += quoteNumbers }
                article.quotes.append(q)
            }
            quoteNumbers += maxNumber
        }
        return article
    }
}
