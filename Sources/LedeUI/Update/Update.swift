import LedeCore

/// Applies an action to the state. Pure: no I/O, no terminal; scrolling is clamped here,
/// never while drawing.
public func update(_ state: inout ReaderState, _ action: Action) {
    let page = max(1, state.bodyHeight - 1)
    switch (state.focus, action) {
    case (.list, .lineDown): select(&state, state.selected + 1)
    case (.list, .lineUp): select(&state, state.selected - 1)
    case (.list, .top): select(&state, 0)
    case (.list, .bottom): select(&state, state.entries.count - 1)
    case (.list, .open), (.list, .switchPane): if state.article != nil { state.focus = .reader }
    case (.list, .back): state.quitting = true
    case (.reader, .switchPane): if state.entries.count > 1 { state.focus = .list }
    case (.reader, .back): if state.entries.count > 1 { state.focus = .list } else { state.quitting = true }
    case (.reader, .lineDown): scroll(&state, 1)
    case (.reader, .lineUp): scroll(&state, -1)
    case (_, .pageDown): scroll(&state, page)
    case (_, .pageUp): scroll(&state, -page)
    case (_, .halfPageDown): scroll(&state, page / 2 + 1)
    case (_, .halfPageUp): scroll(&state, -(page / 2 + 1))
    case (.reader, .top): state.top = 0
    case (.reader, .bottom): state.top = .max; state.clampTop()
    case (_, .nextQuote): jumpToQuote(&state, forward: true)
    case (_, .previousQuote): jumpToQuote(&state, forward: false)
    case (_, .redraw), (.reader, .open): break
    }
}

/// The terminal changed size: lay out again, keeping the same sentence at the top.
public func resize(_ state: inout ReaderState, width: Int, height: Int) {
    state.width = width
    state.height = height
    state.relayout()
}

private func select(_ state: inout ReaderState, _ index: Int) {
    guard !state.entries.isEmpty else { return }
    let i = min(max(0, index), state.entries.count - 1)
    guard i != state.selected else { return }
    state.selected = i
    state.top = 0
    state.currentQuote = nil
    state.relayout()
}

private func scroll(_ state: inout ReaderState, _ delta: Int) {
    state.top += delta
    state.clampTop()
}

/// Moves to the next (or previous) quotation and brings its first line to the top.
private func jumpToQuote(_ state: inout ReaderState, forward: Bool) {
    guard let article = state.article, !article.quotes.isEmpty else { return }
    let count = article.quotes.count
    let next: Int
    if let current = state.currentQuote {
        next = forward ? min(count - 1, current + 1) : max(0, current - 1)
    } else {
        // From the screen: the first quotation at or below the top line.
        let topLine = state.lines.indices.contains(state.top) ? state.lines[state.top] : nil
        let after = article.quotes.firstIndex { q in
            guard let t = topLine, !t.isGap else { return true }
            return q.paragraph > t.paragraph || (q.paragraph == t.paragraph && q.local.upperBound > t.range.lowerBound)
        }
        next = forward ? (after ?? count - 1) : max(0, (after ?? count) - 1)
    }
    state.currentQuote = next
    state.focus = .reader
    let q = article.quotes[next]
    if let line = state.lines.firstIndex(where: { $0.paragraph == q.paragraph && $0.range.upperBound > q.local.lowerBound }) {
        state.top = line
        state.clampTop()
    }
}
