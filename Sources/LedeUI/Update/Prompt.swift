import LedeCore

/// Keys typed into a prompt.
func edit(_ state: inout ReaderState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    prompt.error = nil
    if case .confirmRemove(let id, _) = prompt.kind {
        state.prompt = nil
        if KeyMap.promptAction(for: key) == .confirm { return [.removeFromLibrary(id: id)] }
        state.message = "kept"
        return []
    }
    guard let action = KeyMap.promptAction(for: key) else {
        if case .char(let c) = key, prompt.text.utf8.count < 4096 { prompt.text.append(c) }
        state.prompt = prompt
        return []
    }
    switch action {
    case .cancel:
        state.prompt = nil
        return []
    case .accept:
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
    case .complete:
        if prompt.kind == .open { state.prompt = prompt; return [.complete(path: prompt.text)] }
    case .deleteCharacter:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .deleteAll:
        prompt.text = ""
    case .deleteWord:
        while prompt.text.last == " " || prompt.text.last == "/" { prompt.text.removeLast() }
        while let c = prompt.text.last, c != " ", c != "/" { prompt.text.removeLast() }
    case .confirm:
        // y typed into a line is text.
        if case .char(let c) = key, prompt.text.utf8.count < 4096 { prompt.text.append(c) }
    }
    state.prompt = prompt
    return []
}
