import LedeCore

/// Whether raw bytes may hold the words: a fast test that skips analysing a section.
private func mayContain(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
    // Entities and tags can hide a match from a raw test; only skip sections when the
    // needle's first word is missing.
    let word = Array(needle.prefix { $0 != 0x20 && $0 != 0x26 && $0 != 0x3C })
    guard !word.isEmpty else { return true }
    return !ByteSearch.ranges(of: word, in: Array(bytes)).isEmpty
}

func findMatch(_ state: inout ReaderState, forward: Bool, fromTop: Bool = false) {
    guard let query = state.search else {
        state.message = "no search yet: \(KeyMap.label(of: .search)) searches"
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
        return a.paragraphs.enumerated().flatMap { pi, p in ByteSearch.ranges(of: needle, in: p.text.utf8).map { (pi, $0.lowerBound, 0) } }
    }
    // A whole article is searched once: its matches give the hit and its number.
    let wholeMatches: [TextPosition]? = document.isSectioned ? nil
        : items(0, document.section(0)).map { TextPosition(section: 0, paragraph: $0.paragraph, byte: $0.byte) }
    let found: (Int, Article) -> [(paragraph: Int, byte: Int, id: Int)] = { s, a in
        wholeMatches.map { $0.map { ($0.paragraph, $0.byte, 0) } } ?? items(s, a)
    }
    var hit = seek(document, from: start, forward: forward, inclusive: inclusive, items: found)
    if hit == nil {
        // Wrap around, as less and vim do, and say so.
        let end = forward
            ? TextPosition(section: 0, paragraph: 0, byte: 0)
            : TextPosition(section: document.sections.count - 1, paragraph: .max, byte: .max)
        hit = seek(document, from: end, forward: forward, inclusive: true, items: found)
        if hit != nil { state.message = forward ? "search wrapped to the top" : "search wrapped to the bottom" }
    }
    guard let (t, _) = hit else {
        state.match = nil
        state.message = "not found: \(query)"
        return
    }
    state.match = SearchMatch(position: t, length: needle.count)
    if !document.isSectioned, let all = wholeMatches {
        // A whole article's matches, found once above, number the one the reader is on.
        state.match?.number = all.filter { $0 < t }.count + 1
        state.match?.total = all.count
    }
    show(&state, t)
}
