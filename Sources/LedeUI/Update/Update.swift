import LedeCore

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
            state.message = "sorting and the unread filter are for the library list (\(KeyMap.label(of: .showLibrary)))"
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
        guard let party = state.party else { state.message = "choose a party first: \(KeyMap.label(of: .partiesOverlay)), then \(KeyMap.label(of: .open))"; return [] }
        guard state.libraryPath != nil else { state.message = "no library"; return [] }
        return [.showList(.party(party.name))]
    case .switchPane:
        if state.focus == .list { if state.document != nil { return enterArticle(&state) } }
        else if state.hasList { state.focus = .list }
    case .open:
        if state.focus == .list {
            if state.document != nil { return enterArticle(&state) }
            // Still being read: go in now; the article shows when it has been read.
            if state.entry?.isPending == true { state.focus = .reader }
            return loadIfPending(state)
        }
    case .cancel:
        if inList, state.listMode != .files, state.listMode != .library(state.libraryQuery) {
            return [.showList(.library(state.libraryQuery))]  // from results back to the library
        }
        if state.search != nil || state.party != nil {
            state.cursor.clearChoice()
        } else {
            return back(&state, quits: false)
        }
    case .back: return back(&state, quits: true)
    case .redraw: return [.redraw]
    }
    return []
}
