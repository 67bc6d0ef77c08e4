import LedeCore

func mouse(_ state: inout ReaderState, _ m: MouseEvent) -> [Effect] {
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
