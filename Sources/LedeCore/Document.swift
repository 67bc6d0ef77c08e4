import Synchronization

/// An article as the reader holds it. A small article is analysed whole, once. A large one
/// is cut into sections at paragraph breaks, and a section is analysed when it is first
/// needed (and forgotten again when many are held), so the first screen of a 100 MB file
/// does not wait for the rest and memory stays bounded. An index of every section's
/// quotations and parties fills in as `indexNext()` runs (a background worker calls it).
public final class Document: Sendable {
    /// The whole decoded text.
    public let source: SourceText
    /// Source byte ranges of the sections, in order, covering the text.
    public let sections: [Range<Int>]
    private let analyzer: ArticleAnalyzer
    /// The analysis of a small article: its only section, kept for good.
    private let whole: Article?
    private let cache = Mutex(SectionCache())
    /// Title, date and byline, taken once from the first section (the list shows them on
    /// every frame; the first section may long have left the cache).
    public let heading: Heading
    private let indexState: Mutex<DocumentIndex>
    private let fallback = Atomic<Bool>(false)
    /// Whether a library's site memory was there when it was analysed.
    public let usedSiteMemory: Bool

    /// Whether a section of a long text read unchecked (`ArticleLoader.loadLong`) turned
    /// out not to be UTF-8, and was read as Windows-1252 instead.
    public var usedFallback: Bool { fallback.load(ordering: .relaxed) }

    /// Articles up to this size are analysed whole; larger ones in sections.
    public static let wholeLimit = 1 << 20
    /// The target size of a section of a large article.
    public static let sectionSize = 128 << 10
    /// How many analysed sections are held at once.
    static let cachedSections = 6

    /// `site`: what a library knows of sites' furniture, used on a page analysed whole.
    public init(source: SourceText, analyzer: ArticleAnalyzer = ArticleAnalyzer(), site: SiteMemory? = nil,
                wholeLimit: Int = Document.wholeLimit, sectionSize: Int = Document.sectionSize) {
        self.source = source
        self.analyzer = analyzer
        usedSiteMemory = site != nil
        if source.utf8.count <= wholeLimit {
            sections = [0..<source.utf8.count]
            let article = analyzer.analyze(source, site: site)
            whole = article
            heading = Heading(article)
            var index = DocumentIndex(sectionCount: 1)
            index.add(article, section: 0)
            indexState = Mutex(index)
        } else {
            sections = Self.cut(source.utf8, size: sectionSize)
            whole = nil
            indexState = Mutex(DocumentIndex(sectionCount: sections.count))
            let first = Self.analyze(source, sections[0], analyzer, fallback: fallback)
            heading = Heading(first)
            cache.withLock { $0.put(0, first) }
        }
    }

    /// Whether the article is held in sections (a large file).
    public var isSectioned: Bool { whole == nil }

    /// The analysis of a section. Its ranges are relative to the section's own text
    /// (`article.source`); add `sections[i].lowerBound` for an offset in the whole file.
    public func section(_ i: Int) -> Article {
        if let whole { return whole }
        if let hit = cache.withLock({ $0.get(i) }) { return hit }
        let article = analyze(section: i)
        cache.withLock { $0.put(i, article) }
        return article
    }

    /// Whether a section's analysis is held (asking does not count as a use).
    public func isAnalysed(_ i: Int) -> Bool {
        whole != nil || cache.withLock { $0.articles[i] != nil }
    }

    private func analyze(section i: Int) -> Article { Self.analyze(source, sections[i], analyzer, fallback: fallback) }

    /// A section's analysis. In a text read unchecked, the section is checked first: one
    /// that is not UTF-8 is decoded as the whole file would have been (Windows-1252).
    private static func analyze(_ source: SourceText, _ range: Range<Int>, _ analyzer: ArticleAnalyzer, fallback: borrowing Atomic<Bool>) -> Article {
        let bytes = Array(source.utf8[range])
        if !source.validated, !TextDecoder.isValidUTF8(bytes) {
            fallback.store(true, ordering: .relaxed)
            return analyzer.analyze(TextDecoder.decode(bytes))
        }
        return analyzer.analyze(SourceText(utf8: bytes, encoding: source.encoding))
    }

    /// The words of a quotation of the index, as cleaned, on one line (its section is
    /// analysed again if it is not held).
    public func text(of quote: QuoteSummary) -> String {
        let q = section(quote.ref.section).quotes[quote.ref.index]
        return String(q.text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The title: the first section's.
    public var title: String? { heading.title }

    /// What is known so far of the quotations and parties of every section.
    public var index: DocumentIndex { indexState.withLock { $0 } }

    /// Adds the next unindexed section to the index. Returns false when all are in.
    /// Safe to call from another thread than the one reading sections.
    @discardableResult
    public func indexNext() -> Bool {
        let next = indexState.withLock { $0.sectionsDone }
        guard next < sections.count else { return false }
        let article = cache.withLock({ $0.get(next) }) ?? analyze(section: next)
        indexState.withLock { $0.add(article, section: next) }
        return next + 1 < sections.count
    }

    /// Cuts a text into sections of about `size` bytes, each ending after a blank line
    /// where there is one near, else after a line break, else at a character boundary.
    static func cut(_ bytes: [UInt8], size: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { b in
            while start < b.count {
                let target = start + size
                if target + size / 4 >= b.count {
                    out.append(start..<b.count)
                    break
                }
                let window = target..<min(b.count, target + size / 2)
                var cut: Int?
                var lineBreak: Int?
                var i = window.lowerBound
                while i < window.upperBound {
                    if b[i] == 0x0A {
                        if lineBreak == nil { lineBreak = i + 1 }
                        var j = i + 1
                        while j < window.upperBound, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
                        if j < window.upperBound, b[j] == 0x0A { cut = j + 1; break }
                    }
                    i += 1
                }
                var end = cut ?? lineBreak ?? target
                while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }  // never inside a character
                out.append(start..<end)
                start = end
            }
        }
        if out.isEmpty { out.append(0..<0) }
        return out
    }
}

/// What a list of articles shows of one.
public struct Heading: Sendable, Equatable {
    public var title: String?
    public var date: ArticleDate?
    public var byline: String?
    /// The site that published it.
    public var publication: String?

    init(_ a: Article) {
        title = a.title?.text.string
        date = a.date
        byline = a.writers
        publication = a.publicationName
    }
}

/// The analysed sections held, least recently used first out.
struct SectionCache: Sendable {
    var articles: [Int: Article] = [:]
    var order: [Int] = []

    mutating func get(_ i: Int) -> Article? {
        guard let a = articles[i] else { return nil }
        if let k = order.firstIndex(of: i) { order.remove(at: k) }
        order.append(i)
        return a
    }

    mutating func put(_ i: Int, _ a: Article) {
        if articles[i] == nil, order.count >= Document.cachedSections {
            articles[order.removeFirst()] = nil
        }
        articles[i] = a
        if let k = order.firstIndex(of: i) { order.remove(at: k) }
        order.append(i)
    }
}

/// A quotation of a document: which section, which of its quotes.
public struct QuoteRef: Hashable, Comparable, Sendable {
    public var section: Int
    public var index: Int

    public init(section: Int, index: Int) {
        self.section = section
        self.index = index
    }

    public static func < (a: QuoteRef, b: QuoteRef) -> Bool {
        (a.section, a.index) < (b.section, b.index)
    }
}

/// Who said what, for the quotes overlay. The words are not copied (`Document.text(of:)`
/// gives them), so the index of a 100 MB file stays small.
public struct QuoteSummary: Sendable, Equatable {
    public var ref: QuoteRef
    public var speaker: String?
    /// The quotation's number in the document (pieces of one quotation running over
    /// several paragraphs share it), as `lede quotes` numbers it.
    public var number: Int
}

/// A party of the whole document: the same canonical name and type in any section.
public struct PartySummary: Sendable, Equatable {
    public var name: String
    public var type: PartyType
    public var aliases: [String]
    public var mentions: Int
}

/// The quotations and parties of a document's sections indexed so far.
public struct DocumentIndex: Sendable {
    public let sectionCount: Int
    public private(set) var sectionsDone = 0
    /// Speech quotations, in order.
    public private(set) var quotes: [QuoteSummary] = []
    /// Parties, in order of first mention.
    public private(set) var parties: [PartySummary] = []
    /// Quotations numbered before each indexed section.
    public private(set) var numbersBefore: [Int] = []
    /// Quotations numbered so far (a quotation over several paragraphs counts once).
    public private(set) var quotationCount = 0
    private var partyMerge = PartyMerge()

    init(sectionCount: Int) { self.sectionCount = sectionCount }

    /// Whether every section is in.
    public var isComplete: Bool { sectionsDone == sectionCount }

    mutating func add(_ article: Article, section: Int) {
        precondition(section == sectionsDone)
        numbersBefore.append(quotationCount)
        for (i, q) in article.quotes.enumerated() where q.kind == .speech {
            quotes.append(QuoteSummary(ref: QuoteRef(section: section, index: i), speaker: q.speaker, number: quotationCount + q.number))
        }
        quotationCount += article.quotes.map(\.number).max() ?? 0
        _ = partyMerge.merge(article.parties, into: &parties,
                             make: { PartySummary(name: $0.name, type: $0.type, aliases: $0.aliases, mentions: $0.mentions.count) },
                             update: { merged, p in
                                 merged.mentions += p.mentions.count
                                 for a in p.aliases where !merged.aliases.contains(a) { merged.aliases.append(a) }
                             })
        sectionsDone += 1
    }

    /// The number (from 1) of a speech quotation among all of the document's, when the
    /// sections before it are indexed.
    public func number(of ref: QuoteRef, in article: Article) -> Int? {
        guard numbersBefore.indices.contains(ref.section), article.quotes.indices.contains(ref.index),
              article.quotes[ref.index].number > 0 else { return nil }
        return numbersBefore[ref.section] + article.quotes[ref.index].number
    }
}

/// A party's identity across the sections of a large text (and the party a reader has
/// chosen): its type and canonical name. Aliases are resolved within a section; across
/// sections, parties of the same key are one.
public struct PartyKey: Hashable, Sendable {
    public var type: PartyType
    public var name: String

    public init(name: String, type: PartyType) {
        self.name = name
        self.type = type
    }

    public init(_ party: Party) { self.init(name: party.name, type: party.type) }
}

/// Merges the parties of sections, one after another, into one list by `PartyKey`: the
/// one merge that both the sectioned analysis (`ArticleAnalyzer`) and the document's index
/// use.
struct PartyMerge: Sendable {
    private var index: [PartyKey: Int] = [:]

    /// Adds a section's parties to `merged` (new ones made by `make`, known ones updated by
    /// `update`) and returns, for each, its index in `merged`.
    mutating func merge<T>(_ parties: [Party], into merged: inout [T], make: (Party) -> T,
                           update: (inout T, Party) -> Void) -> [Int] {
        parties.map { p in
            let key = PartyKey(p)
            if let k = index[key] {
                update(&merged[k], p)
                return k
            }
            index[key] = merged.count
            merged.append(make(p))
            return merged.count - 1
        }
    }
}
