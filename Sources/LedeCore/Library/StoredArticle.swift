/// An article in the library as lists show it: what the index knows without reading the
/// file. Shared by the store (which fills it) and the reader (which lists it).
public struct StoredArticle: Sendable, Equatable {
    /// The article's id: the start of its content hash, also its file name.
    public var id: String
    public var title: String
    /// Who wrote or sent it (the byline), if known.
    public var source: String?
    /// The site that published it ("The Coast Herald"), if known.
    public var publication: String?
    /// The article's own date (ISO 8601), if it gives one.
    public var date: String?
    /// The stored file.
    public var path: String
    /// Speech quotations.
    public var quotes: Int
    public var read: Bool
    /// When it was added (ISO 8601).
    public var added: String
    /// For search results: the matching words in context, matches in [brackets].
    public var snippet: String?
    /// For search results: the rank (lower is better, as SQLite's bm25 gives it).
    public var rank: Double?

    public init(id: String, title: String, source: String?, publication: String? = nil, date: String?, path: String,
                quotes: Int, read: Bool, added: String, snippet: String? = nil, rank: Double? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.publication = publication
        self.date = date
        self.path = path
        self.quotes = quotes
        self.read = read
        self.added = added
        self.snippet = snippet
        self.rank = rank
    }
}

/// Which stored articles a list shows, and in what order.
public struct LibraryQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Newest first (articles without a date by when they were added).
        case date
        case title
        case source
    }

    public var sort: Sort
    public var unreadOnly: Bool
    /// Only articles mentioning this party (its canonical name; aliases are merged when
    /// the article is indexed).
    public var party: String?

    public init(sort: Sort = .date, unreadOnly: Bool = false, party: String? = nil) {
        self.sort = sort
        self.unreadOnly = unreadOnly
        self.party = party
    }
}

/// Where the reader was in a stored article.
public struct ReadingState: Sendable, Equatable {
    /// A byte offset in the stored article's text: the start of the top line.
    public var position: Int
    public var read: Bool
    public var lastOpened: String?

    public init(position: Int, read: Bool, lastOpened: String?) {
        self.position = position
        self.read = read
        self.lastOpened = lastOpened
    }
}
