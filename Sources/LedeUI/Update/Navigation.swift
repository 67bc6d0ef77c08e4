import LedeCore

// Moving through the list and the article: selecting, scrolling, going back, and what
// is kept on leaving a stored article.

/// The terminal changed size: lay out again, keeping the same sentence at the top.
public func resize(_ state: inout ReaderState, width: Int, height: Int) {
    state.width = max(0, width)
    state.height = max(0, height)
    state.refresh(relayout: true)
}

/// Back from the article to the list, from results to the library; at the top level `q`
/// quits and Esc, which people press to dismiss things, only says how to.
func back(_ state: inout ReaderState, quits: Bool) -> [Effect] {
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
func select(_ state: inout ReaderState, _ index: Int) -> [Effect] {
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
    state.cursor.reset()
    state.scroll(to: nil)
    state.refresh(relayout: true)
    return saving + loadIfPending(state)
}

func loadIfPending(_ state: ReaderState) -> [Effect] {
    guard let entry = state.entry, entry.isPending else { return [] }
    return [.load(entry.id)]
}

func resizeList(_ state: inout ReaderState, by delta: Int) {
    state.listColumns = max(12, min(state.listColumns + delta, max(12, state.width - 30)))
    if state.listWidth == 0 { state.message = "the list is not beside the article (\(KeyMap.label(of: .switchLayout)) switches)" }
    state.refresh()
}

func scroll(_ state: inout ReaderState, _ delta: Int) {
    guard let reading = state.reading, let top = state.top else { return }
    state.scroll(to: reading.move(top, by: delta))
}

/// Brings a text position to the top of the reading pane.
func show(_ state: inout ReaderState, _ t: TextPosition) {
    guard let reading = state.reading else { return }
    state.focus = .reader
    state.scroll(to: reading.row(at: t))
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
func enterArticle(_ state: inout ReaderState) -> [Effect] {
    state.focus = .reader
    guard state.entry?.stored?.read == false else { return [] }
    state.entries[state.selected].stored?.read = true
    return leaveArticle(state, force: true)
}
