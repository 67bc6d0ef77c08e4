import LedeCore

/// An article in the list: loaded, waiting to be loaded, or the reason it could not be read.
public struct Entry: Sendable {
    public var path: String
    public var document: Document?
    public var error: String?
    /// What the library knows of it, for a stored article (read on demand, by id).
    public var stored: StoredArticle?
    /// What is known of the document's quotations and parties (a copy, refreshed as the
    /// background worker indexes a large file).
    public var index: DocumentIndex?
    /// Only the start of a long file, shown while the rest is read (`DocumentLoader.preview`).
    public var partial = false

    public init(path: String, document: Document?, error: String?) {
        self.path = path
        self.document = document
        self.error = error
        index = document?.index
    }

    /// An entry not read yet: the list shows its file name until it is.
    public static func pending(_ path: String) -> Entry { Entry(path: path, document: nil, error: nil) }

    /// A stored article, listed from the library's index; read when opened.
    public init(stored: StoredArticle) {
        self.init(path: stored.path, document: nil, error: nil)
        self.stored = stored
    }

    public var isPending: Bool { document == nil && error == nil }

    /// Who the entry is, whatever its place in the list: results of work done in the
    /// background are addressed by it, so a list changed meanwhile never gets another
    /// entry's text.
    public var id: EntryID { stored.map { .stored($0.id) } ?? .file(path) }

    /// What the list shows: the title, else the file name.
    public var title: String {
        stored?.title ?? document?.title ?? String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// An entry's identity: a file by its path, a stored article by its library id.
public enum EntryID: Sendable, Hashable {
    case file(String)
    case stored(String)
}

/// A full-screen box over the panes.
public enum Overlay: Sendable, Equatable {
    case help, quotes, parties
}

/// A line of text being typed at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case open, search
        /// Full-text search of the whole library.
        case librarySearch
        /// y removes the stored article, anything else keeps it.
        case confirmRemove(id: String, title: String)
    }
    public var kind: Kind
    public var text = ""
    /// What went wrong with the last try (a bad path), shown after the text.
    public var error: String?

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    public var label: String {
        switch kind {
        case .open: "Open: "
        case .search: "/"
        case .librarySearch: "Search the library: "
        case .confirmRemove(_, let title): "Remove “\(title)” from the library? (\(KeyMap.promptLabel(of: .confirm))/n) "
        }
    }
}

/// What the list shows.
public enum ListMode: Sendable, Equatable {
    /// The files given on the command line or opened with `o`.
    case files
    /// The library, in an order, perhaps unread only.
    case library(LibraryQuery)
    /// Library articles matching a full-text search, best first.
    case search(String)
    /// Library articles mentioning a party.
    case party(String)
}

/// How the list and the reading pane share the screen.
public enum PaneLayout: Sendable, Equatable {
    /// Side by side when the terminal is wide enough, else one at a time.
    case auto
    /// Side by side whenever there is room for both.
    case split
    /// One pane at a time: Enter goes into an article, Esc comes back.
    case single
}

/// Where the reader is in the open article besides the scroll position: the quotation and
/// the mention it is on, the party chosen in the parties overlay (its mentions emphasised,
/// `{` `}` visit them), the search words and the match it is on.
public struct ArticleCursor: Sendable, Equatable {
    public var quote: QuoteRef?
    public var mention: QuoteRef?
    public var party: PartyKey?
    public var search: String?
    public var match: SearchMatch?

    public init() {}

    /// Another article (or list) comes up: nothing in it is chosen yet. The search words
    /// stay, so `n` goes on searching the next article, as less does across files.
    public mutating func reset() {
        quote = nil
        mention = nil
        party = nil
        match = nil
    }

    /// Esc: the search and the chosen party are dropped.
    public mutating func clearChoice() {
        search = nil
        match = nil
        party = nil
        mention = nil
    }
}

/// The box over the panes: which, its selected (or, for the help, its top) row, and the
/// parties overlay's rows, sorted when it opens and as the index grows.
public struct OverlayState: Sendable, Equatable {
    public var kind: Overlay?
    public var row = 0
    public internal(set) var partyRows: [OverlayRow] = []

    public init() {}
}

/// A search match: where it starts and how many bytes it covers.
public struct SearchMatch: Sendable, Equatable {
    public var position: TextPosition
    public var length: Int
    /// Which match this is and of how many ("match 3/41"); nil for an article read in
    /// sections, whose matches are not all counted.
    public var number: Int? = nil
    public var total: Int? = nil
}

extension Document {
    /// Where a quotation starts (its opening mark).
    func quoteStart(_ ref: QuoteRef) -> TextPosition {
        let q = section(ref.section).quotes[ref.index]
        return TextPosition(section: ref.section, paragraph: q.paragraph, byte: q.local.lowerBound)
    }

    /// Where a mention of a party starts.
    func mentionStart(_ ref: QuoteRef) -> TextPosition {
        let m = section(ref.section).mentions[ref.index]
        return TextPosition(section: ref.section, paragraph: m.paragraph, byte: m.local.lowerBound)
    }
}

/// A row on screen in the reading pane.
public struct VisibleRow: Sendable, Equatable {
    public var position: RowPosition
    public var range: Range<Int>
    public var isGap: Bool { position.line < 0 }
}

/// The list of articles: what it holds and shows, which is selected, how wide it is.
public struct ListState: Sendable {
    public var entries: [Entry]
    public var selected = 0
    /// What the list shows.
    public var mode: ListMode = .files
    /// The library view to come back to from search results.
    public var libraryQuery = LibraryQuery()
    /// The list's width when beside the reader (`<` and `>` change it).
    public var columns = 36
}

/// The reading pane's rows on screen and the reading position, kept by `ReaderState`'s
/// `scroll` and `refresh` (views only read them).
public struct Viewport: Sendable {
    /// The first row of the reading pane on screen.
    public internal(set) var top: RowPosition?
    /// The rows on screen, worked out by `refresh()` so that drawing does no layout.
    public internal(set) var rows: [VisibleRow] = []
    /// Whether the last row of the article is on screen.
    public internal(set) var atEnd = true
    /// The reading position: where the reader put the top of the screen. Clamping (a
    /// terminal tall enough to show the whole end of the article) moves `top`, never this,
    /// so a resize back lands on the same sentence.
    public internal(set) var anchor: TextPosition?
    var cache = WrapCache(width: 1)
}

/// The whole state of the reader, in named parts: the list, the viewport, the article
/// cursor, the overlay, the prompt. `update` changes it; views only read it.
public struct ReaderState: Sendable {
    public var list: ListState
    public var entries: [Entry] { get { list.entries } _modify { yield &list.entries } }
    public var selected: Int { get { list.selected } set { list.selected = newValue } }
    public var listMode: ListMode { get { list.mode } set { list.mode = newValue } }
    public var libraryQuery: LibraryQuery { get { list.libraryQuery } set { list.libraryQuery = newValue } }
    public var listColumns: Int { get { list.columns } set { list.columns = newValue } }
    public var focus: Pane = .list
    public var width: Int
    public var height: Int
    public var layout: PaneLayout = .auto

    public private(set) var viewport = Viewport()
    public var top: RowPosition? { viewport.top }
    public var rows: [VisibleRow] { viewport.rows }
    public var atEnd: Bool { viewport.atEnd }
    public var anchor: TextPosition? { viewport.anchor }
    var cache: WrapCache { viewport.cache }

    /// Where the reader is in the open article besides the scroll position.
    public var cursor = ArticleCursor()
    public var currentQuote: QuoteRef? { get { cursor.quote } set { cursor.quote = newValue } }
    public var currentMention: QuoteRef? { get { cursor.mention } set { cursor.mention = newValue } }
    public var party: PartyKey? { get { cursor.party } set { cursor.party = newValue } }
    public var search: String? { get { cursor.search } set { cursor.search = newValue } }
    public var match: SearchMatch? { get { cursor.match } set { cursor.match = newValue } }
    /// The box over the panes, if one is open.
    public var overlays = OverlayState()
    public var overlay: Overlay? { get { overlays.kind } set { overlays.kind = newValue } }
    public var overlayRow: Int { get { overlays.row } set { overlays.row = newValue } }
    public var partyRows: [OverlayRow] { overlays.partyRows }
    public var prompt: Prompt?
    public var highlights = true
    /// A one-line note for the status bar ("search wrapped to the top").
    public var message: String?
    public var quitting = false
    /// Where the library lives, for the welcome screen (nil: no library).
    public var libraryPath: String?
    /// Where the selected stored article opened (a source offset): unchanged, it is not
    /// saved again.
    public var loadedPosition: Int?

    public init(entries: [Entry], width: Int, height: Int) {
        list = ListState(entries: entries)
        self.width = width
        self.height = height
        if entries.count == 1 { focus = .reader }
        refresh(relayout: true)
    }

    public var entry: Entry? { entries.indices.contains(selected) ? entries[selected] : nil }
    public var document: Document? { entry?.document }

    /// Columns of the list pane when shown beside the reader; 0 when one pane shows at a time.
    public var listWidth: Int {
        guard hasList else { return 0 }
        switch layout {
        case .single: return 0
        case .split: return width >= 40 ? max(12, min(listColumns, width - 30)) : 0
        case .auto: return width >= 80 ? max(12, min(listColumns, width / 2)) : 0
        }
    }

    /// Whether the reading pane is on screen (beside the list, or alone).
    public var showsReader: Bool { listWidth > 0 || focus == .reader || !hasList }
    /// Whether the list is on screen.
    public var showsList: Bool { listWidth > 0 || (focus == .list && hasList) }
    /// Whether there is a list to show: several files, or any library view.
    var hasList: Bool { entries.count > 1 || (listMode != .files && !entries.isEmpty) }

    /// The reading pane's text column and width: at most 100 columns, centred.
    public var readerColumns: (x: Int, width: Int) {
        let paneX = listWidth > 0 ? listWidth + 1 : 0
        let paneWidth = max(1, width - paneX)
        let measure = min(paneWidth - 2, 100)
        return (paneX + max(1, (paneWidth - measure) / 2), max(1, measure))
    }

    /// Rows for text: all but the status bar.
    public var bodyHeight: Int { max(0, height - 1) }

    var reading: Reading? { document.map { Reading(document: $0, cache: cache) } }

    /// Puts a row at the top of the screen (clamped so the screen stays full); that is
    /// the reading position now.
    mutating func scroll(to row: RowPosition?) {
        viewport.top = row
        viewport.anchor = nil
        refresh()
        viewport.anchor = topText
    }

    /// Forgets the reading position (a new document is about to be laid out).
    mutating func forgetPosition() {
        viewport.top = nil
        viewport.anchor = nil
    }

    /// Keeps the top row valid and the screen full, and works out the rows on screen.
    /// `relayout` re-wraps for a new width, keeping the same text at the top.
    mutating func refresh(relayout: Bool = false) {
        guard let reading else {
            viewport.top = nil; viewport.rows = []; viewport.atEnd = true; viewport.anchor = nil
            return
        }
        if relayout || cache.width != readerColumns.width {
            let keep = anchor ?? top.map { reading.text(at: $0) }
            viewport.cache = WrapCache(width: readerColumns.width)
            let fresh = Reading(document: reading.document, cache: cache)
            viewport.top = keep.map { fresh.row(at: $0) }
            fillRows(fresh)
        } else {
            fillRows(reading)
        }
    }

    private mutating func fillRows(_ reading: Reading) {
        guard var r = top ?? reading.first else { viewport.top = nil; viewport.rows = []; viewport.atEnd = true; return }
        // Count the rows below the top; if the article ends first, move the top back.
        var count = 1
        var last = r
        while count < bodyHeight, let n = reading.next(last) { last = n; count += 1 }
        if count < bodyHeight { r = reading.move(r, by: count - bodyHeight) }
        viewport.top = r
        viewport.rows = []
        var row: RowPosition? = r
        while rows.count < bodyHeight, let p = row {
            viewport.rows.append(VisibleRow(position: p, range: reading.range(p)))
            row = reading.next(p)
        }
        viewport.atEnd = row == nil
    }

    /// A text position as a byte offset in the document's source (what the library keeps).
    public func sourceOffset(_ t: TextPosition) -> Int? {
        guard let document, document.sections.indices.contains(t.section) else { return nil }
        let paragraphs = document.section(t.section).paragraphs
        guard paragraphs.indices.contains(t.paragraph) else { return nil }
        return document.sections[t.section].lowerBound + paragraphs[t.paragraph].text.sourceStart(t.byte)
    }

    /// The text position of a source byte offset: the paragraph holding it, or the next.
    public func textPosition(ofSource offset: Int) -> TextPosition? {
        guard let document else { return nil }
        guard let s = document.sections.lastIndex(where: { $0.lowerBound <= offset }) else { return nil }
        let local = offset - document.sections[s].lowerBound
        let paragraphs = document.section(s).paragraphs
        guard !paragraphs.isEmpty else { return nil }
        let p = paragraphs.lastIndex { $0.source.lowerBound <= local } ?? 0
        let byte = min(paragraphs[p].text.offset(ofSource: local), paragraphs[p].text.count)
        return TextPosition(section: s, paragraph: p, byte: byte)
    }

    /// Whether a text position is on one of the rows on screen.
    public func isOnScreen(_ t: TextPosition) -> Bool {
        rows.contains { row in
            !row.isGap && row.position.section == t.section && row.position.paragraph == t.paragraph
                && row.range.lowerBound <= t.byte && t.byte <= row.range.upperBound
        }
    }

    /// Where the quotation the reader is on starts, if it is on screen: the status bar
    /// names it, and jumps go on from it, only then.
    public var visibleQuote: QuoteRef? {
        guard let ref = currentQuote, let document, document.sections.indices.contains(ref.section),
              document.section(ref.section).quotes.indices.contains(ref.index) else { return nil }
        return isOnScreen(document.quoteStart(ref)) ? ref : nil
    }

    /// The mention the reader is on, if it is on screen.
    public var visibleMention: QuoteRef? {
        guard let ref = currentMention, let document, document.sections.indices.contains(ref.section),
              document.section(ref.section).mentions.indices.contains(ref.index) else { return nil }
        return isOnScreen(document.mentionStart(ref)) ? ref : nil
    }

    /// The search match the reader is on, if it is on screen.
    public var visibleMatch: SearchMatch? {
        guard let match, isOnScreen(match.position) else { return nil }
        return match
    }

    /// Where the top row starts in the text.
    public var topText: TextPosition? { top.flatMap { t in reading?.text(at: t) } }

    /// How far through the article the bottom of the screen is, in percent of its bytes.
    public var percent: Int {
        guard let document, let lastRow = rows.last(where: { !$0.isGap }) ?? rows.last else { return 100 }
        if atEnd { return 100 }
        let p = lastRow.position
        let paragraph = document.section(p.section).paragraphs[p.paragraph]
        let offset = document.sections[p.section].lowerBound + paragraph.text.sourceEnd(lastRow.range.upperBound)
        return min(99, offset * 100 / max(1, document.source.utf8.count))
    }
}
