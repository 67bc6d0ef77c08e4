import LedeCore

/// Work the app loop does for the UI (file I/O), whose results come back as events.
public enum Effect: Sendable, Equatable {
    /// Read and analyse a listed entry that is still pending.
    case load(EntryID)
    /// Read a path typed in the open prompt (`~` already expanded).
    case open(path: String)
    /// List completions for a path typed in the open prompt.
    case complete(path: String)
    /// Forget the last frame and repaint everything.
    case redraw
    /// List library articles (a view of the library, a search, a party's articles).
    case showList(ListMode)
    /// Keep the reading position (a source byte offset) of a stored article.
    case saveReading(id: String, position: Int, read: Bool)
    /// Store a file in the library.
    case addToLibrary(path: String)
    /// Remove a stored article.
    case removeFromLibrary(id: String)
}

/// A mouse report, when `--mouse` is on.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case wheelUp, wheelDown, click }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything that can happen to the reader: input, and the results of effects.
public enum Event: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// A pending entry was read (a document, or why not), with where the reader had got
    /// to in it (a source byte offset), for a stored article.
    case loaded(entry: EntryID, document: Document?, error: String?, position: Int? = nil)
    /// The open prompt's path was read: its entries (a folder gives several).
    case opened([Entry])
    /// The open prompt's path could not be read.
    case openFailed(String)
    /// Completions for the open prompt: the completed text and the other candidates.
    case completed(text: String, candidates: [String])
    /// The background worker indexed more of an entry's document.
    case indexed(entry: EntryID)
    /// Library articles for a list.
    case listed(ListMode, [StoredArticle])
    /// The library said something (an article added, an error).
    case libraryMessage(String)
    /// A stored article was removed.
    case removedFromLibrary(id: String)
    /// The app is about to end: keep what must be kept.
    case closing
}

/// Applies an event. Pure apart from memoised layout: no I/O, no terminal.
@discardableResult
public func handle(_ state: inout ReaderState, _ event: Event) -> [Effect] {
    switch event {
    case .key(let key):
        if state.prompt != nil { return edit(&state, key) }
        guard let action = KeyMap.action(for: key) else { return [] }
        return update(&state, action)
    case .mouse(let m):
        return mouse(&state, m)
    case .resize(let w, let h):
        resize(&state, width: w, height: h)
        return [.redraw]
    case .loaded(let id, let document, let error, let position):
        // Only the entry it was read for takes it, and only while it waits for it.
        guard let i = state.entries.firstIndex(where: { $0.id == id && $0.isPending }) else { return [] }
        let stored = state.entries[i].stored
        state.entries[i] = Entry(path: state.entries[i].path, document: document, error: error)
        state.entries[i].stored = stored
        if i == state.selected {
            state.refresh(relayout: true)
            // Back where the reader left it.
            if let position, let t = state.textPosition(ofSource: position), let reading = state.reading {
                state.scroll(to: reading.row(at: t))
            }
            state.loadedPosition = (state.anchor ?? state.topText).flatMap(state.sourceOffset)
        }
        return []
    case .listed(let mode, let articles):
        if articles.isEmpty, mode != .library(LibraryQuery()) {
            state.message = emptyListMessage(mode)
            return []
        }
        var effects = leaveArticle(state)
        state.entries = articles.map(Entry.init(stored:))
        state.listMode = mode
        if case .library(let q) = mode { state.libraryQuery = q }
        state.selected = 0
        state.focus = .list
        state.currentQuote = nil
        state.currentMention = nil
        state.match = nil
        state.overlay = nil
        state.scroll(to: nil)
        state.refresh(relayout: true)
        state.message = listMessage(mode, count: articles.count)
        effects += loadIfPending(state)
        return effects
    case .libraryMessage(let message):
        state.message = message
        return []
    case .removedFromLibrary(let id):
        guard let i = state.entries.firstIndex(where: { $0.stored?.id == id }) else { return [] }
        let title = state.entries[i].title
        state.entries.remove(at: i)
        state.selected = min(state.selected, max(0, state.entries.count - 1))
        state.scroll(to: nil)
        state.refresh(relayout: true)
        state.message = "removed “\(title)”"
        return loadIfPending(state)
    case .closing:
        return leaveArticle(state)
    case .opened(let new):
        guard !new.isEmpty else {
            state.prompt?.error = "no .txt files there"
            return []
        }
        state.prompt = nil
        // A path already listed is selected, not listed twice.
        let listed = Set(state.entries.map(\.path))
        let fresh = new.filter { !listed.contains($0.path) }
        state.entries += fresh
        let target = state.entries.firstIndex { $0.path == new[0].path } ?? state.entries.count - 1
        select(&state, target)
        if state.document != nil { state.focus = .reader }
        state.message = new.count == 1 ? "opened \(new[0].path)" : "opened \(new.count) articles"
        return loadIfPending(state)
    case .openFailed(let why):
        state.prompt?.error = why
        return []
    case .completed(let text, let candidates):
        guard state.prompt?.kind == .open else { return [] }
        state.prompt?.text = text
        state.prompt?.error = candidates.count > 1 ? candidates.prefix(8).joined(separator: "  ") : (candidates.isEmpty ? "no match" : nil)
        return []
    case .indexed(let id):
        guard let i = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
        state.entries[i].index = state.entries[i].document?.index
        if i == state.selected && state.overlay == .parties { state.partyRows = partyRows(state.entries[i].index) }
        return []
    }
}

/// Applies an action. Scrolling is clamped here, never while drawing.
@discardableResult
public func update(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    state.message = nil
    if state.overlay != nil { return overlayAction(&state, action) }
    let page = max(1, state.bodyHeight - 1)
    let inList = state.focus == .list && state.showsList
    switch action {
    case .lineDown: if inList { return select(&state, state.selected + 1) } else { scroll(&state, 1) }
    case .lineUp: if inList { return select(&state, state.selected - 1) } else { scroll(&state, -1) }
    case .pageDown: if inList { return select(&state, state.selected + page) } else { scroll(&state, page) }
    case .pageUp: if inList { return select(&state, state.selected - page) } else { scroll(&state, -page) }
    case .halfPageDown: if inList { return select(&state, state.selected + page / 2 + 1) } else { scroll(&state, page / 2 + 1) }
    case .halfPageUp: if inList { return select(&state, state.selected - page / 2 - 1) } else { scroll(&state, -(page / 2 + 1)) }
    case .top: if inList { return select(&state, 0) } else { state.scroll(to: state.reading?.first) }
    case .bottom:
        if inList { return select(&state, state.entries.count - 1) }
        state.scroll(to: state.reading?.last)
    case .nextQuote: jumpToQuote(&state, forward: true, sameSpeaker: false)
    case .previousQuote: jumpToQuote(&state, forward: false, sameSpeaker: false)
    case .nextBySpeaker: jumpToQuote(&state, forward: true, sameSpeaker: true)
    case .previousBySpeaker: jumpToQuote(&state, forward: false, sameSpeaker: true)
    case .nextMention: jumpToMention(&state, forward: true)
    case .previousMention: jumpToMention(&state, forward: false)
    case .quotesOverlay: openOverlay(&state, .quotes)
    case .partiesOverlay: openOverlay(&state, .parties)
    case .help: openOverlay(&state, .help)
    case .search:
        state.prompt = Prompt(kind: inList && state.listMode != .files && state.libraryPath != nil ? .librarySearch : .search)
    case .nextMatch: findMatch(&state, forward: true)
    case .previousMatch: findMatch(&state, forward: false)
    case .openPrompt: state.prompt = Prompt(kind: .open)
    case .toggleHighlights:
        state.highlights.toggle()
        // Off, the status bar's right end says so for as long as it lasts.
        state.message = state.highlights ? "highlighting on" : nil
    case .switchLayout:
        state.layout = state.listWidth > 0 ? .single : .split
        if state.listWidth == 0 && state.layout == .split { state.message = "too narrow for two panes" }
        state.refresh()
    case .widenList: resizeList(&state, by: 4)
    case .narrowList: resizeList(&state, by: -4)
    case .showLibrary:
        guard state.libraryPath != nil else { state.message = "no library"; return [] }
        return [.showList(.library(state.libraryQuery))]
    case .sortList, .unreadOnly:
        guard case .library(var q) = state.listMode else {
            state.message = "sorting and the unread filter are for the library list (l)"
            return []
        }
        if action == .sortList {
            let all = LibraryQuery.Sort.allCases
            q.sort = all[(all.firstIndex(of: q.sort)! + 1) % all.count]
        } else {
            q.unreadOnly.toggle()
        }
        return [.showList(.library(q))]
    case .addToLibrary:
        guard let entry = state.entry, entry.document != nil else { state.message = "no article open"; return [] }
        if entry.stored != nil { state.message = "already in the library"; return [] }
        guard state.libraryPath != nil else { state.message = "no library"; return [] }
        return [.addToLibrary(path: entry.path)]
    case .removeStored:
        guard let stored = state.entry?.stored else { state.message = "not a stored article"; return [] }
        state.prompt = Prompt(kind: .confirmRemove(id: stored.id, title: stored.title))
    case .partyArticles:
        guard let party = state.party else { state.message = "choose a party first: P, then Enter"; return [] }
        guard state.libraryPath != nil else { state.message = "no library"; return [] }
        return [.showList(.party(party.name))]
    case .switchPane:
        if state.focus == .list { if state.document != nil { return enterArticle(&state) } }
        else if state.hasList { state.focus = .list }
    case .open:
        if state.focus == .list {
            if state.document != nil { return enterArticle(&state) }
            return loadIfPending(state)
        }
    case .cancel:
        if inList, state.listMode != .files, state.listMode != .library(state.libraryQuery) {
            return [.showList(.library(state.libraryQuery))]  // from results back to the library
        }
        if state.search != nil || state.party != nil {
            state.search = nil
            state.match = nil
            state.party = nil
            state.currentMention = nil
        } else {
            return back(&state, quits: false)
        }
    case .back: return back(&state, quits: true)
    case .redraw: return [.redraw]
    }
    return []
}

/// Where the reader is in a stored article, to keep when leaving it.
func leaveArticle(_ state: ReaderState, force: Bool = false) -> [Effect] {
    guard let stored = state.entry?.stored, state.entry?.document != nil,
          let t = state.anchor ?? state.topText, let position = state.sourceOffset(t) else { return [] }
    // Only looked at in passing (the list beside it), and not moved: nothing to keep.
    guard force || position != state.loadedPosition else { return [] }
    return [.saveReading(id: stored.id, position: position, read: stored.read)]
}

/// The reader goes into the selected article: a stored one is now read.
private func enterArticle(_ state: inout ReaderState) -> [Effect] {
    state.focus = .reader
    guard state.entry?.stored?.read == false else { return [] }
    state.entries[state.selected].stored?.read = true
    return leaveArticle(state, force: true)
}

private func listMessage(_ mode: ListMode, count: Int) -> String {
    let n = "\(count) article\(count == 1 ? "" : "s")"
    switch mode {
    case .files: return n
    case .library(let q): return "library: \(n), \(q.sort == .date ? "newest first" : "by \(q.sort.rawValue)")\(q.unreadOnly ? ", unread only" : "")"
    case .search(let words): return "\(n) found for “\(words)” (Esc: back to the library)"
    case .party(let name): return "\(n) mention\(count == 1 ? "s" : "") \(name) (Esc: back to the library)"
    }
}

private func emptyListMessage(_ mode: ListMode) -> String {
    switch mode {
    case .files: return "nothing to list"
    case .library(let q): return q.unreadOnly ? "no unread articles" : "the library is empty"
    case .search(let words): return "nothing in the library matches “\(words)”"
    case .party(let name): return "no stored article mentions \(name)"
    }
}

/// Keys typed into a prompt.
func edit(_ state: inout ReaderState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    prompt.error = nil
    if case .confirmRemove(let id, _) = prompt.kind {
        state.prompt = nil
        if key == .char("y") || key == .char("Y") { return [.removeFromLibrary(id: id)] }
        state.message = "kept"
        return []
    }
    switch key {
    case .escape:
        state.prompt = nil
        return []
    case .enter:
        state.prompt = nil
        if prompt.kind == .librarySearch {
            guard prompt.text.contains(where: { !$0.isWhitespace }) else { return [] }
            return [.showList(.search(prompt.text))]
        }
        if prompt.kind == .search {
            guard !prompt.text.isEmpty else { return [] }
            state.search = prompt.text
            state.match = nil
            state.currentQuote = nil
            findMatch(&state, forward: true, fromTop: true)
            return []
        }
        guard !prompt.text.isEmpty else { return [] }
        state.prompt = prompt
        return [.open(path: prompt.text)]
    case .tab:
        if prompt.kind == .open { state.prompt = prompt; return [.complete(path: prompt.text)] }
    case .backspace:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .ctrl("u"):
        prompt.text = ""
    case .ctrl("w"):
        while prompt.text.last == " " || prompt.text.last == "/" { prompt.text.removeLast() }
        while let c = prompt.text.last, c != " ", c != "/" { prompt.text.removeLast() }
    case .char(let c):
        if prompt.text.utf8.count < 4096 { prompt.text.append(c) }
    default:
        break
    }
    state.prompt = prompt
    return []
}

/// The terminal changed size: lay out again, keeping the same sentence at the top.
public func resize(_ state: inout ReaderState, width: Int, height: Int) {
    state.width = max(0, width)
    state.height = max(0, height)
    state.refresh(relayout: true)
}

/// Back from the article to the list, from results to the library; at the top level `q`
/// quits and Esc, which people press to dismiss things, only says how to.
private func back(_ state: inout ReaderState, quits: Bool) -> [Effect] {
    if state.focus == .reader && (state.entries.count > 1 || state.listMode != .files) {
        state.focus = .list
        return []
    }
    switch state.listMode {
    case .search, .party: return [.showList(.library(state.libraryQuery))]  // results → the library
    case .files, .library:
        guard quits else {
            state.message = "\(KeyMap.label(of: .back)) quits"
            return []
        }
        state.quitting = true
        return leaveArticle(state)
    }
}

@discardableResult
private func select(_ state: inout ReaderState, _ index: Int) -> [Effect] {
    guard !state.entries.isEmpty else { return [] }
    let i = min(max(0, index), state.entries.count - 1)
    guard i != state.selected else { return [] }
    let saving = leaveArticle(state)
    if state.entry?.stored != nil {
        // A stored article is read again when needed: a long list keeps no analyses.
        state.entries[state.selected].document = nil
        state.entries[state.selected].index = nil
    }
    state.selected = i
    state.currentQuote = nil
    state.currentMention = nil
    state.match = nil
    state.party = nil
    state.scroll(to: nil)
    state.refresh(relayout: true)
    return saving + loadIfPending(state)
}

private func loadIfPending(_ state: ReaderState) -> [Effect] {
    guard let entry = state.entry, entry.isPending else { return [] }
    return [.load(entry.id)]
}

private func resizeList(_ state: inout ReaderState, by delta: Int) {
    state.listColumns = max(12, min(state.listColumns + delta, max(12, state.width - 30)))
    if state.listWidth == 0 { state.message = "the list is not beside the article (L switches)" }
    state.refresh()
}

private func scroll(_ state: inout ReaderState, _ delta: Int) {
    guard let reading = state.reading, let top = state.top else { return }
    state.scroll(to: reading.move(top, by: delta))
}

/// Brings a text position to the top of the reading pane.
private func show(_ state: inout ReaderState, _ t: TextPosition) {
    guard let reading = state.reading else { return }
    state.focus = .reader
    state.scroll(to: reading.row(at: t))
}

// MARK: - Jumps

/// Finds the first item after a position (or the last before it), section by section.
/// `items` lists a section's items in text order as (paragraph, byte, id).
private func seek(_ document: Document, from start: TextPosition, forward: Bool, inclusive: Bool,
                  items: (Int, Article) -> [(paragraph: Int, byte: Int, id: Int)]) -> (TextPosition, Int)? {
    var s = start.section
    while s >= 0 && s < document.sections.count {
        let found = items(s, document.section(s))
        let pick = forward
            ? found.first { let t = TextPosition(section: s, paragraph: $0.paragraph, byte: $0.byte); return inclusive ? t >= start : t > start }
            : found.last { let t = TextPosition(section: s, paragraph: $0.paragraph, byte: $0.byte); return inclusive ? t <= start : t < start }
        if let pick { return (TextPosition(section: s, paragraph: pick.paragraph, byte: pick.byte), pick.id) }
        s += forward ? 1 : -1
    }
    return nil
}

/// Where a jump looks from: after (or before) the item the reader is on while it is on
/// screen, else from the top of the screen, the top line's own items included going
/// forward.
private func jumpStart(current: TextPosition?, top: TextPosition, forward: Bool) -> (TextPosition, inclusive: Bool) {
    if let current { return (current, false) }
    return (top, forward)
}

private func jumpToQuote(_ state: inout ReaderState, forward: Bool, sameSpeaker: Bool) {
    guard let document = state.document, let topText = state.topText else { return }
    var speaker: String?? = nil
    if sameSpeaker {
        guard let current = state.currentQuote else {
            state.message = "no quotation chosen: ] goes to one"
            return
        }
        speaker = .some(document.section(current.section).quotes[current.index].speaker)
    }
    let current = state.visibleQuote.map(document.quoteStart)
    let (start, inclusive) = jumpStart(current: current, top: topText, forward: forward)
    let hit = seek(document, from: start, forward: forward, inclusive: inclusive) { _, a in
        a.quotes.enumerated().compactMap { i, q in
            guard q.kind == .speech else { return nil }
            if let speaker, q.speaker != speaker { return nil }
            return (q.paragraph, q.local.lowerBound, i)
        }
    }
    guard let (t, i) = hit else {
        let who = speaker.map { " by \($0 ?? "the unattributed")" } ?? ""
        state.message = forward ? "no more quotations\(who)" : "no quotation\(who) before this"
        return
    }
    state.currentQuote = QuoteRef(section: t.section, index: i)
    show(&state, t)
}

private func jumpToMention(_ state: inout ReaderState, forward: Bool) {
    guard let document = state.document, let topText = state.topText else { return }
    let current = state.visibleMention.map(document.mentionStart)
    let (start, inclusive) = jumpStart(current: current, top: topText, forward: forward)
    let party = state.party
    let hit = seek(document, from: start, forward: forward, inclusive: inclusive) { _, a in
        a.mentions.enumerated().compactMap { i, m in
            if let party, m.type != party.type || a.parties[m.party].name != party.name { return nil }
            return (m.paragraph, m.local.lowerBound, i)
        }
    }
    guard let (t, i) = hit else {
        let whom = party.map { " of \($0.name)" } ?? ""
        state.message = forward ? "no more mentions\(whom)" : "no mention\(whom) before this"
        return
    }
    state.currentMention = QuoteRef(section: t.section, index: i)
    show(&state, t)
}

// MARK: - Search

/// Byte ranges of `needle` in `hay`, ASCII letters matched regardless of case.
func matches(of needle: [UInt8], in hay: [UInt8]) -> [Range<Int>] {
    guard !needle.isEmpty, hay.count >= needle.count else { return [] }
    var out: [Range<Int>] = []
    hay.withUnsafeBufferPointer { h in
        needle.withUnsafeBufferPointer { n in
            let first = fold(n[0])
            var i = 0
            while i + n.count <= h.count {
                if fold(h[i]) == first {
                    var k = 1
                    while k < n.count && fold(h[i + k]) == fold(n[k]) { k += 1 }
                    if k == n.count { out.append(i..<i + n.count); i += n.count; continue }
                }
                i += 1
            }
        }
    }
    return out
}

@inline(__always) private func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// Whether raw bytes may hold the words: a fast test that skips analysing a section.
private func mayContain(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
    // Entities and tags can hide a match from a raw test; only skip sections when the
    // needle's first word is missing.
    let word = Array(needle.prefix { $0 != 0x20 && $0 != 0x26 && $0 != 0x3C })
    guard !word.isEmpty else { return true }
    return !matches(of: word, in: Array(bytes)).isEmpty
}

private func findMatch(_ state: inout ReaderState, forward: Bool, fromTop: Bool = false) {
    guard let query = state.search else {
        state.message = "no search yet: / searches"
        return
    }
    guard let document = state.document, let topText = state.topText else { return }
    let needle = Array(query.utf8)
    var start = topText
    var inclusive = forward
    if let m = state.visibleMatch, !fromTop {
        start = m.position
        inclusive = false
    }
    let items: (Int, Article) -> [(paragraph: Int, byte: Int, id: Int)] = { s, a in
        guard !document.isSectioned || mayContain(document.source.utf8[document.sections[s]], needle) else { return [] }
        return a.paragraphs.enumerated().flatMap { pi, p in matches(of: needle, in: p.text.utf8).map { (pi, $0.lowerBound, 0) } }
    }
    var hit = seek(document, from: start, forward: forward, inclusive: inclusive, items: items)
    if hit == nil {
        // Wrap around, as less and vim do, and say so.
        let end = forward
            ? TextPosition(section: 0, paragraph: 0, byte: 0)
            : TextPosition(section: document.sections.count - 1, paragraph: .max, byte: .max)
        hit = seek(document, from: end, forward: forward, inclusive: true, items: items)
        if hit != nil { state.message = forward ? "search wrapped to the top" : "search wrapped to the bottom" }
    }
    guard let (t, _) = hit else {
        state.match = nil
        state.message = "not found: \(query)"
        return
    }
    state.match = SearchMatch(position: t, length: needle.count)
    if !document.isSectioned {
        // A whole article is small enough to count every match for the status bar.
        let all = items(0, document.section(0)).map { TextPosition(section: 0, paragraph: $0.paragraph, byte: $0.byte) }
        state.match?.number = all.filter { $0 < t }.count + 1
        state.match?.total = all.count
    }
    show(&state, t)
}

// MARK: - Overlays

/// The rows of an overlay: text, style, and whether Enter does something on it.
public struct OverlayRow: Sendable, Equatable {
    public var text: String
    public var style: StyleRole
    public var target: Target?

    public enum Target: Sendable, Equatable {
        case quote(QuoteRef)
        case party(PartyKey)
    }
}

/// What an overlay lists. Rows are made when asked for, so a quotes overlay over a
/// 100 MB file with 200,000 quotations costs only the rows on screen.
public struct OverlayList {
    public var title: String
    public var count: Int
    public var row: (Int) -> OverlayRow

    /// Every row (tests, short lists).
    public var rows: [OverlayRow] { (0..<count).map(row) }
}

/// The overlay's list for a state (the help from the key map itself).
public func overlayRows(_ state: ReaderState) -> OverlayList {
    switch state.overlay {
    case .help?:
        var rows: [OverlayRow] = []
        let labels = KeyMap.bindings.map { $0.keys.map(\.label).joined(separator: " ") }
        let column = (labels + KeyMap.otherKeys.map(\.keys)).map(\.count).max() ?? 14
        // Descriptions wrap under themselves when the box is narrow, never cut.
        let room = overlayTextWidth(state) - column - 2
        func add(_ keys: String, _ help: String, _ style: StyleRole) {
            for (k, line) in wrapWords(help, width: room).enumerated() {
                rows.append(OverlayRow(text: padded(k == 0 ? keys : "", column) + "  " + line, style: style))
            }
        }
        for (b, keys) in zip(KeyMap.bindings, labels) { add(keys, b.help, .normal) }
        rows.append(OverlayRow(text: "", style: .normal))
        for (keys, help) in KeyMap.otherKeys { add(keys, help, .dim) }
        return OverlayList(title: "Keys", count: rows.count) { rows[$0] }
    case .quotes?:
        guard let index = state.entry?.index, let document = state.document else {
            return OverlayList(title: "Quotations", count: 0) { _ in OverlayRow(text: "", style: .normal) }
        }
        let quotes = index.quotes
        // Numbered as `lede quotes` numbers them: the paragraphs of one quotation share a number.
        return OverlayList(title: "Who said what — \(index.quotationCount) quotations\(progress(index))", count: quotes.count) { n in
            let q = quotes[n]
            return OverlayRow(text: "\(q.number). \(q.speaker ?? "unattributed"): \(document.text(of: q))", style: .normal, target: .quote(q.ref))
        }
    case .parties?:
        let rows = state.partyRows
        return OverlayList(title: "Parties\(state.entry?.index.map(progress) ?? "")", count: rows.count) { rows[$0] }
    case nil:
        return OverlayList(title: "", count: 0) { _ in OverlayRow(text: "", style: .normal) }
    }
}

/// Columns for the text of an overlay's rows: the box (at most 100 wide) less borders and margins.
func overlayWidth(_ state: ReaderState) -> Int { min(state.width - 2, 100) }
func overlayTextWidth(_ state: ReaderState) -> Int { overlayWidth(state) - 4 }

/// Words in lines of at most `width` columns (a longer word has a line of its own).
func wrapWords(_ text: String, width: Int) -> [String] {
    guard width >= 8, DisplayWidth.of(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if DisplayWidth.of(candidate) > width, !line.isEmpty {
            lines.append(line)
            line = String(word)
        } else {
            line = candidate
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}

private func padded(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - s.count))
}

private func progress(_ index: DocumentIndex) -> String {
    index.isComplete ? "" : " (reading: \(index.sectionsDone * 100 / max(1, index.sectionCount))%)"
}

/// Rows of an overlay's box that hold list rows (its height less the two borders).
func overlayInnerHeight(_ state: ReaderState, rows: Int) -> Int {
    max(3, min(state.bodyHeight - 1, rows + 2)) - 2
}

/// The parties overlay's rows: grouped by type, most mentioned first.
func partyRows(_ index: DocumentIndex?) -> [OverlayRow] {
    guard let index else { return [] }
    var rows: [OverlayRow] = []
    for (type, heading) in [(PartyType.person, "People"), (.org, "Organisations"), (.place, "Places")] {
        let group = index.parties.filter { $0.type == type }.sorted { $0.mentions > $1.mentions }
        guard !group.isEmpty else { continue }
        rows.append(OverlayRow(text: "\(heading) (\(group.count))", style: .title))
        let style: StyleRole = switch type { case .person: .person; case .org: .org; case .place: .place }
        for p in group {
            let also = p.aliases.isEmpty ? "" : " — also " + p.aliases.joined(separator: ", ")
            rows.append(OverlayRow(text: "  \(p.name) ×\(p.mentions)\(also)", style: style,
                                   target: .party(PartyKey(name: p.name, type: p.type))))
        }
    }
    return rows
}

private func openOverlay(_ state: inout ReaderState, _ overlay: Overlay) {
    if overlay != .help && state.document == nil {
        state.message = "no article open"
        return
    }
    state.overlay = overlay
    if overlay == .parties { state.partyRows = partyRows(state.entry?.index) }
    switch overlay {
    case .parties: state.overlayRow = state.partyRows.firstIndex { $0.target != nil } ?? 0
    case .quotes: state.overlayRow = quoteRowInView(state)
    case .help: state.overlayRow = 0
    }
}

/// The quotes overlay opens at the quotation the reader is on, else at the first one at or
/// below the top of the view, else at the last.
private func quoteRowInView(_ state: ReaderState) -> Int {
    guard let quotes = state.entry?.index?.quotes, let document = state.document, !quotes.isEmpty else { return 0 }
    if let ref = state.visibleQuote ?? state.currentQuote, let i = quotes.firstIndex(where: { $0.ref == ref }) { return i }
    guard let top = state.topText else { return 0 }
    // Sections before the view are passed over without analysing them.
    let i = quotes.firstIndex { q in
        q.ref.section > top.section || (q.ref.section == top.section && document.quoteStart(q.ref) >= top)
    }
    return i ?? quotes.count - 1
}

private func overlayAction(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    let rows = overlayRows(state)
    let page = max(1, state.bodyHeight - 4)
    func move(_ delta: Int) {
        guard rows.count > 0 else { return }
        var i = max(0, min(rows.count - 1, state.overlayRow + delta))
        // Skip headings (parties), in the direction of travel.
        let step = delta >= 0 ? 1 : -1
        while state.overlay == .parties, (0..<rows.count).contains(i), rows.row(i).target == nil { i += step }
        if !(0..<rows.count).contains(i) { i = state.overlayRow }
        state.overlayRow = i
    }
    if state.overlay == .help {
        // The help has no selection: its row is the top row shown, kept so the box is full.
        let last = max(0, rows.count - overlayInnerHeight(state, rows: rows.count))
        func scrollHelp(_ d: Int) { state.overlayRow = max(0, min(last, state.overlayRow + d)) }
        switch action {
        case .lineDown: scrollHelp(1); return []
        case .lineUp: scrollHelp(-1); return []
        case .pageDown, .halfPageDown: scrollHelp(page); return []
        case .pageUp, .halfPageUp: scrollHelp(-page); return []
        case .top: scrollHelp(-rows.count); return []
        case .bottom: scrollHelp(rows.count); return []
        default: break
        }
    }
    switch action {
    case .lineDown: move(1)
    case .lineUp: move(-1)
    case .pageDown, .halfPageDown: move(page)
    case .pageUp, .halfPageUp: move(-page)
    case .top: move(-rows.count)
    case .bottom: move(rows.count)
    case .cancel, .back: state.overlay = nil
    case .help: if state.overlay == .help { state.overlay = nil } else { openOverlay(&state, .help) }
    case .quotesOverlay: if state.overlay == .quotes { state.overlay = nil } else { openOverlay(&state, .quotes) }
    case .partiesOverlay: if state.overlay == .parties { state.overlay = nil } else { openOverlay(&state, .parties) }
    case .redraw: return [.redraw]
    case .partyArticles:
        guard (0..<rows.count).contains(state.overlayRow), case .party(let key)? = rows.row(state.overlayRow).target else { return [] }
        guard state.libraryPath != nil else { state.message = "no library"; return [] }
        state.overlay = nil
        return [.showList(.party(key.name))]
    case .open:
        guard (0..<rows.count).contains(state.overlayRow), let target = rows.row(state.overlayRow).target else { return [] }
        state.overlay = nil
        switch target {
        case .quote(let ref):
            guard let document = state.document else { return [] }
            state.currentQuote = ref
            show(&state, document.quoteStart(ref))
        case .party(let key):
            state.party = key
            state.currentMention = nil
            state.currentQuote = nil
            guard let reading = state.reading, let first = reading.first else { return [] }
            state.scroll(to: first)
            jumpToMention(&state, forward: true)
        }
    default:
        break
    }
    return []
}

// MARK: - Mouse

private func mouse(_ state: inout ReaderState, _ m: MouseEvent) -> [Effect] {
    let inList = state.listWidth > 0 ? m.x < state.listWidth : (state.focus == .list && state.showsList)
    switch m.kind {
    case .wheelDown, .wheelUp:
        let delta = m.kind == .wheelDown ? 3 : -3
        if state.overlay != nil { return overlayAction(&state, delta > 0 ? .lineDown : .lineUp) }
        if inList { return select(&state, state.selected + delta / 3) }
        scroll(&state, delta)
    case .click:
        guard state.overlay == nil, state.prompt == nil, m.y < state.bodyHeight else { return [] }
        if inList {
            let first = listFirstRow(state)
            let effects = select(&state, first + m.y / listRowsPerEntry)
            if state.listWidth == 0, state.document != nil { state.focus = .reader }
            else if state.listWidth > 0 { state.focus = .list }
            return effects
        }
        if state.document != nil { state.focus = .reader }
    }
    return []
}

/// The entry shown on the list's first row: the selection is kept in the middle.
func listFirstRow(_ state: ReaderState) -> Int {
    let rows = max(1, state.bodyHeight / listRowsPerEntry)
    return max(0, min(state.selected - rows / 2, state.entries.count - rows))
}
