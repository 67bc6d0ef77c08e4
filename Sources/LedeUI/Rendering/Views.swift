import LedeCore

/// Draws the whole screen for a state. Reads the state, never changes it.
public func render(_ state: ReaderState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    guard state.width >= 20, state.height >= 6 else {
        canvas.put("terminal too small", x: 0, y: 0, style: .status, limit: state.width)
        return canvas
    }
    if state.listWidth > 0 {
        drawList(state, into: &canvas, x: 0, width: state.listWidth)
        for y in 0..<state.bodyHeight { canvas.put("│", x: state.listWidth, y: y, style: .dim) }
    }
    if state.listWidth > 0 || state.focus == .reader || state.entries.count == 1 {
        drawReader(state, into: &canvas)
    } else {
        drawList(state, into: &canvas, x: 0, width: state.width)
    }
    drawStatus(state, into: &canvas)
    return canvas
}

func drawList(_ state: ReaderState, into canvas: inout Canvas, x: Int, width: Int) {
    let rows = state.bodyHeight
    let first = max(0, min(state.selected - rows / 2, state.entries.count - rows))
    for (row, i) in (first..<min(state.entries.count, first + rows)).enumerated() {
        let entry = state.entries[i]
        let quotes = entry.article.map { a in a.quotes.filter { $0.kind == .speech }.count } ?? 0
        let label = entry.error.map { "⚠ \(entry.title): \($0)" } ?? entry.title
        let suffix = entry.error == nil ? " \(quotes)❝" : ""
        let end = canvas.put(label, x: x + 1, y: row, style: entry.error == nil ? .normal : .dim, limit: x + width - DisplayWidth.of(suffix) - 1)
        _ = end
        canvas.put(suffix, x: x + width - DisplayWidth.of(suffix), y: row, style: .dim, limit: x + width)
        if i == state.selected {
            canvas.fill(y: row, from: x, to: x + width, style: state.focus == .list ? .selected : .status)
        }
    }
}

func drawReader(_ state: ReaderState, into canvas: inout Canvas) {
    guard let article = state.article else {
        let message = state.entries.isEmpty ? "Nothing open. Run lede PATH… to read articles." :
            "\(state.entries[state.selected].path): \(state.entries[state.selected].error ?? "unreadable")"
        canvas.put(message, x: state.readerColumns.x, y: 0, style: .dim)
        return
    }
    let (x0, _) = state.readerColumns
    for row in 0..<state.bodyHeight {
        let li = state.top + row
        guard state.lines.indices.contains(li) else { break }
        let line = state.lines[li]
        if line.isGap { continue }
        let paragraph = article.paragraphs[line.paragraph]
        let base: StyleRole = switch paragraph.role {
        case .title: .title
        case .standfirst: .standfirst
        case .byline, .date: .dim
        case .body: .normal
        }
        // Style runs: quotes under mentions.
        var x = x0
        var pos = line.range.lowerBound
        let boundaries = styleBoundaries(article, paragraph: line.paragraph, in: line.range, current: state.currentQuote)
        for (end, style) in boundaries {
            let text = paragraph.text.string(pos..<end)
            x = canvas.put(text, x: x, y: row, style: style ?? base)
            pos = end
        }
    }
}

/// Consecutive (end, style) runs over a line's bytes: mentions over quotes over the base.
func styleBoundaries(_ a: Article, paragraph p: Int, in r: Range<Int>, current: Int?) -> [(Int, StyleRole?)] {
    var marks = [StyleRole?](repeating: nil, count: r.count)
    for (qi, q) in a.quotes.enumerated() where q.paragraph == p {
        let style: StyleRole = q.kind == .speech ? (qi == current ? .selected : .quote) : .term
        for i in max(q.local.lowerBound, r.lowerBound)..<max(max(q.local.lowerBound, r.lowerBound), min(q.local.upperBound, r.upperBound)) { marks[i - r.lowerBound] = style }
    }
    for m in a.mentions where m.paragraph == p {
        let style: StyleRole = switch m.type { case .person: .person; case .org: .org; case .place: .place }
        for i in max(m.local.lowerBound, r.lowerBound)..<max(max(m.local.lowerBound, r.lowerBound), min(m.local.upperBound, r.upperBound)) { marks[i - r.lowerBound] = style }
    }
    var out: [(Int, StyleRole?)] = []
    var i = 0
    while i < marks.count {
        var j = i + 1
        while j < marks.count && marks[j] == marks[i] { j += 1 }
        out.append((r.lowerBound + j, marks[i]))
        i = j
    }
    return out
}

func drawStatus(_ state: ReaderState, into canvas: inout Canvas) {
    let y = state.height - 1
    canvas.fill(y: y, from: 0, to: state.width, style: .status)
    var context = ""
    if let a = state.article {
        let percent = state.lines.count <= state.bodyHeight ? 100 : min(100, (state.top + state.bodyHeight) * 100 / max(1, state.lines.count))
        context = " \(percent)%"
        if let q = state.currentQuote, a.quotes.indices.contains(q) {
            let speech = a.quotes.indices.filter { a.quotes[$0].kind == .speech }
            let n = (speech.firstIndex(of: q) ?? 0) + 1
            context += "  quote \(n)/\(speech.count) — \(a.quotes[q].speaker ?? "unattributed")"
        }
    }
    var x = canvas.put(context, x: 0, y: y, style: .status)
    x += 2
    for (label, style) in [("quote", StyleRole.quote), ("person", .person), ("org", .org), ("place", .place)] where x + label.count + 1 < state.width {
        x = canvas.put(label, x: x, y: y, style: style) + 1
    }
}
