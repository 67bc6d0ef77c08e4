import LedeCore

func openOverlay(_ state: inout ReaderState, _ overlay: Overlay) {
    if overlay != .help && state.document == nil {
        state.message = "no article open"
        return
    }
    state.overlay = overlay
    if overlay == .parties { state.overlays.partyRows = partyRows(state.entry?.index) }
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

func overlayAction(_ state: inout ReaderState, _ action: Action) -> [Effect] {
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
