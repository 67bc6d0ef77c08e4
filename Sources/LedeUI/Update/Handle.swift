import LedeCore

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
            // Gone into while it was being read: now it has been read.
            if state.focus == .reader, state.hasList, state.entry?.stored?.read == false { return enterArticle(&state) }
        }
        return []
    case .reloaded(let id, let document):
        guard let i = state.entries.firstIndex(where: { $0.id == id && $0.document != nil }) else { return [] }
        replaceDocument(&state, at: i, with: document)
        if i == state.selected {
            state.message = "cleaned with what the library knows of \(document.heading.publication ?? "its site")"
        }
        return []
    case .readWhole(let id, let document, let error):
        guard let i = state.entries.firstIndex(where: { $0.id == id && $0.partial }) else { return [] }
        guard let document else {
            // The start stays on screen; the rest could not be read.
            state.entries[i].partial = false
            if i == state.selected { state.message = "could not read the rest of \(state.entries[i].path): \(error ?? "unknown error")" }
            return []
        }
        replaceDocument(&state, at: i, with: document)
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
        state.cursor.reset()
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
        state.cursor.reset()
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
        // One article opened: the reader shows it (or that it is being read).
        if state.document != nil || new.count == 1 { state.focus = .reader }
        // (One still being read: the status bar says so instead.)
        state.message = new.count > 1 ? "opened \(new.count) articles" : state.document != nil ? "opened \(new[0].path)" : nil
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
        if i == state.selected && state.overlay == .parties { state.overlays.partyRows = partyRows(state.entries[i].index) }
        return []
    }
}

/// Puts a new reading of entry i in place of the old one; on screen, the same sentence
/// stays at the top (positions are kept as source offsets).
private func replaceDocument(_ state: inout ReaderState, at i: Int, with document: Document) {
    let stored = state.entries[i].stored
    guard i == state.selected else {
        state.entries[i] = Entry(path: state.entries[i].path, document: document, error: nil)
        state.entries[i].stored = stored
        return
    }
    let offset = (state.anchor ?? state.topText).flatMap(state.sourceOffset)
    state.entries[i] = Entry(path: state.entries[i].path, document: document, error: nil)
    state.entries[i].stored = stored
    state.cursor.reset()
    // The old position (section, paragraph) may not exist in the new document (its
    // sections are cut differently): start from the top, then go to the same offset.
    state.forgetPosition()
    state.refresh(relayout: true)
    if let offset, let t = state.textPosition(ofSource: offset), let reading = state.reading {
        state.scroll(to: reading.row(at: t))
    }
}

private func listMessage(_ mode: ListMode, count: Int) -> String {
    let n = "\(count) article\(count == 1 ? "" : "s")"
    switch mode {
    case .files: return n
    case .library(let q): return "library: \(n), \(q.sort == .date ? "newest first" : "by \(q.sort.rawValue)")\(q.unreadOnly ? ", unread only" : "")"
    case .search(let words): return "\(n) found for “\(words)” (\(KeyMap.label(of: .cancel)): back to the library)"
    case .party(let name): return "\(n) mention\(count == 1 ? "s" : "") \(name) (\(KeyMap.label(of: .cancel)): back to the library)"
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
