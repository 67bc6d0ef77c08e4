import LedeCore

/// Finds the first item after a position (or the last before it), section by section.
/// `items` lists a section's items in text order as (paragraph, byte, id).
func seek(_ document: Document, from start: TextPosition, forward: Bool, inclusive: Bool,
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
func jumpStart(current: TextPosition?, top: TextPosition, forward: Bool) -> (TextPosition, inclusive: Bool) {
    if let current { return (current, false) }
    return (top, forward)
}

func jumpToQuote(_ state: inout ReaderState, forward: Bool, sameSpeaker: Bool) {
    guard let document = state.document, let topText = state.topText else { return }
    var speaker: String?? = nil
    if sameSpeaker {
        guard let current = state.currentQuote else {
            state.message = "no quotation chosen: \(KeyMap.label(of: .nextQuote)) goes to one"
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

func jumpToMention(_ state: inout ReaderState, forward: Bool) {
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
