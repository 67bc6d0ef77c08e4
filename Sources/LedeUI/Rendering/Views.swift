import LedeCore

/// Draws the whole screen for a state. Reads the state, never changes it; the rows of the
/// reading pane were laid out by `update`.
public func render(_ state: ReaderState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    guard state.width >= 20, state.height >= 6 else {
        canvas.put("terminal too small", x: 0, y: 0, style: .status, limit: state.width)
        return canvas
    }
    if state.listWidth > 0 {
        drawList(state, into: &canvas, x: 0, width: state.listWidth)
        for y in 0..<state.bodyHeight { canvas.put("│", x: state.listWidth, y: y, style: .dim) }
        drawReader(state, into: &canvas)
    } else if state.showsReader {
        drawReader(state, into: &canvas)
    } else {
        drawList(state, into: &canvas, x: 0, width: state.width)
    }
    if state.overlay != nil { drawOverlay(state, into: &canvas) }
    drawStatus(state, into: &canvas)
    return canvas
}

/// Rows per entry in the list: the title, then date, byline and quotations.
let listRowsPerEntry = 2

/// The entry shown on the list's first row: the selection is kept in the middle.
func listFirstRow(_ state: ReaderState) -> Int {
    let rows = max(1, state.bodyHeight / listRowsPerEntry)
    return max(0, min(state.selected - rows / 2, state.entries.count - rows))
}

func drawList(_ state: ReaderState, into canvas: inout Canvas, x: Int, width: Int) {
    let first = listFirstRow(state)
    var y = 0
    for i in first..<state.entries.count {
        guard y + listRowsPerEntry <= state.bodyHeight else { break }
        let entry = state.entries[i]
        let selected = i == state.selected
        if let error = entry.error {
            canvas.put("⚠ " + entry.title, x: x + 1, y: y, style: .dim, limit: x + width)
            canvas.put(error, x: x + 3, y: y + 1, style: .dim, limit: x + width)
        } else if let stored = entry.stored {
            // Stored articles: an unread mark, the title, then the snippet of a search
            // result or date · source · quotations.
            canvas.put(stored.read ? "  " : "• ", x: x + 1, y: y, style: .normal)
            canvas.put(entry.title, x: x + 3, y: y, style: stored.read ? .dim : .normal, limit: x + width)
            canvas.put(stored.snippet ?? details(stored), x: x + 3, y: y + 1, style: .dim, limit: x + width)
        } else if entry.isPending {
            canvas.put(entry.title, x: x + 1, y: y, style: .dim, limit: x + width)
            canvas.put("…", x: x + 3, y: y + 1, style: .dim, limit: x + width)
        } else {
            canvas.put(entry.title, x: x + 1, y: y, style: .normal, limit: x + width)
            canvas.put(details(entry), x: x + 3, y: y + 1, style: .dim, limit: x + width)
        }
        if selected {
            let style: StyleRole = state.focus == .list ? .selected : .status
            canvas.fill(y: y, from: x, to: x + width, style: style)
            canvas.fill(y: y + 1, from: x, to: x + width, style: style)
        }
        y += listRowsPerEntry
    }
}

/// The list's second line for a stored article.
func details(_ a: StoredArticle) -> String {
    var parts: [String] = []
    if let d = a.date { parts.append(String(d.prefix(10))) }
    if let who = byWhom(publication: a.publication, byline: a.source) { parts.append(who) }
    parts.append("\(a.quotes) quotation\(a.quotes == 1 ? "" : "s")")
    return parts.joined(separator: " · ")
}

/// Who published and wrote an article, as the list shows it: "Coast Herald · By Jane Roe".
func byWhom(publication: String?, byline: String?) -> String? {
    let parts = [publication.map { String($0.prefix(30)) }, byline.map { String($0.prefix(40)) }].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
}

/// The list's second line for an article: date, who wrote it, how many quotations.
func details(_ entry: Entry) -> String {
    var parts: [String] = []
    if let document = entry.document {
        let h = document.heading
        if let d = h.date { parts.append(d.iso.prefix(10).description) }
        if let who = byWhom(publication: h.publication, byline: h.byline) { parts.append(who) }
    }
    if let index = entry.index {
        let n = index.quotes.count
        parts.append("\(n)\(index.isComplete ? "" : "+") quotation\(n == 1 ? "" : "s")")
    }
    return parts.joined(separator: " · ")
}

func drawReader(_ state: ReaderState, into canvas: inout Canvas) {
    let (x0, measure) = state.readerColumns
    guard let entry = state.entry else {
        drawWelcome(state, into: &canvas)
        return
    }
    guard let document = entry.document else {
        let message = entry.error.map { "\(entry.path): \($0)" } ?? "reading \(entry.path)…"
        canvas.put(message, x: x0, y: 0, style: .dim, limit: x0 + measure)
        return
    }
    let needle = state.search.map { Array($0.utf8) }
    for (y, row) in state.rows.enumerated() where !row.isGap {
        let p = row.position
        let article = document.section(p.section)
        let paragraph = article.paragraphs[p.paragraph]
        var styles = Presentation.styles(article, paragraph: p.paragraph, in: row.range, highlights: state.highlights) {
            emphasis(of: $0, article, section: p.section, state)
        }
        if let needle, !needle.isEmpty {
            // Matches that touch this row (they may start on the row before): only the bytes
            // around the row are scanned, however long the paragraph.
            let bytes = paragraph.text.utf8
            let lo = max(0, row.range.lowerBound - needle.count + 1)
            let hi = min(bytes.count, row.range.upperBound + needle.count - 1)
            let current = state.match.flatMap { m in
                m.position.section == p.section && m.position.paragraph == p.paragraph ? m.position.byte : nil
            }
            for m in ByteSearch.ranges(of: needle, in: Array(bytes[lo..<hi])) {
                let hit = (m.lowerBound + lo)..<(m.upperBound + lo)
                // The match the reader is on stands apart from the others.
                let style: StyleRole = hit.lowerBound == current ? .selected : .match
                for b in hit.clamped(to: row.range) { styles[b - row.range.lowerBound] = style }
            }
        }
        var x = x0
        for run in Presentation.runs(styles) {
            let text = paragraph.text.string(row.range.lowerBound + run.range.lowerBound..<row.range.lowerBound + run.range.upperBound)
            x = canvas.put(text, x: x, y: y, style: run.style, limit: x0 + measure)
        }
    }
}

/// The reader's own emphasis of a highlighted run: the current quotation (one unbroken
/// bar, the names inside it included), the current mention, the chosen party's mentions.
private func emphasis(of run: Highlight, _ article: Article, section: Int, _ state: ReaderState) -> StyleRole? {
    if let q = run.quote, state.currentQuote == QuoteRef(section: section, index: q) { return .selected }
    if let m = run.mention {
        let mention = article.mentions[m]
        if state.currentMention == QuoteRef(section: section, index: m) { return .chosen }
        if let party = state.party, party.type == mention.type, article.parties[mention.party].name == party.name { return .chosen }
    }
    return nil
}

func drawWelcome(_ state: ReaderState, into canvas: inout Canvas) {
    let (x0, measure) = state.readerColumns
    var lines: [(String, StyleRole)] = [
        ("Lede — read the news in a terminal, and see who is quoted.", .title),
        ("", .normal),
        ("Nothing is open yet.", .normal),
        ("  " + padded(KeyMap.label(of: .openPrompt), 9) + "open a file or folder (\(KeyMap.promptLabel(of: .complete)) completes, ~ is home)", .normal),
        ("  " + padded(KeyMap.label(of: .help), 9) + "every key", .normal),
        ("  " + padded(KeyMap.label(of: .back), 9) + "quit", .normal),
        ("", .normal),
        ("From the shell: lede PATH…  (article files, or folders of .txt files)", .dim),
    ]
    if let library = state.libraryPath {
        lines.append(("Library: \(library) — empty; lede add PATH… stores articles, \(KeyMap.label(of: .addToLibrary)) adds the open one.", .dim))
    }
    for (i, (text, style)) in lines.enumerated() where i < state.bodyHeight {
        canvas.put(text, x: x0, y: i, style: style, limit: x0 + measure)
    }
}

func drawOverlay(_ state: ReaderState, into canvas: inout Canvas) {
    let list = overlayRows(state)
    let title = list.title
    let w = overlayWidth(state)
    let inner = overlayInnerHeight(state, rows: list.count)
    let h = inner + 2
    let x0 = (state.width - w) / 2
    let y0 = max(0, (state.bodyHeight - h) / 2)
    for y in y0..<y0 + h {
        canvas.fill(y: y, from: x0, to: x0 + w, style: .normal)
        canvas.put(String(repeating: " ", count: w), x: x0, y: y, style: .normal)
        canvas.put("│", x: x0, y: y, style: .dim)
        canvas.put("│", x: x0 + w - 1, y: y, style: .dim)
    }
    let rule = String(repeating: "─", count: max(0, w - 2))
    canvas.put("┌" + rule + "┐", x: x0, y: y0, style: .dim)
    canvas.put("└" + rule + "┘", x: x0, y: y0 + h - 1, style: .dim)
    canvas.put(" \(title) ", x: x0 + 2, y: y0, style: .title, limit: x0 + w - 2)
    // The first top row shown, so the footer can say which rows these are. The help scrolls
    // by its top row; lists keep their selection in the middle.
    // (The help's rows change with the width: a resize may leave its top row past the end.)
    let first = state.overlay == .help ? max(0, min(state.overlayRow, list.count - inner))
        : max(0, min(state.overlayRow - inner / 2, list.count - inner))
    // The footer: which rows show when there are more, then the keys, as much as fits.
    var parts: [String] = []
    if list.count > inner { parts.append("\(first + 1)–\(min(list.count, first + inner)) of \(list.count)") }
    if state.overlay != .help { parts.append("\(KeyMap.label(of: .open)) goes there") }
    parts.append("\(KeyMap.label(of: .cancel)) closes")
    while !parts.isEmpty {
        let hint = " " + parts.joined(separator: " · ") + " "
        if DisplayWidth.of(hint) + 4 <= w {
            canvas.put(hint, x: x0 + w - 2 - DisplayWidth.of(hint), y: y0 + h - 1, style: .dim)
            break
        }
        parts.removeLast()
    }
    if list.count == 0 {
        canvas.put(state.overlay == .quotes ? "No quotations found." : "No parties found.", x: x0 + 2, y: y0 + 1, style: .dim)
        return
    }
    for (k, i) in (first..<min(list.count, first + inner)).enumerated() {
        let y = y0 + 1 + k
        let row = list.row(i)
        canvas.putClipped(row.text, x: x0 + 2, y: y, style: row.style, limit: x0 + w - 2)
        if i == state.overlayRow && state.overlay != .help { canvas.fill(y: y, from: x0 + 1, to: x0 + w - 1, style: .selected) }
    }
}

func drawStatus(_ state: ReaderState, into canvas: inout Canvas) {
    let y = state.height - 1
    canvas.fill(y: y, from: 0, to: state.width, style: .status)
    if let prompt = state.prompt {
        var x = canvas.put(" " + prompt.label, x: 0, y: y, style: .status)
        // The end of a long path stays in view.
        let room = max(1, state.width - x - 2)
        var text = prompt.text[...]
        while DisplayWidth.of(String(text)) > room { text = text.dropFirst() }
        x = canvas.put(text, x: x, y: y, style: .status)
        canvas.put(" ", x: x, y: y, style: .selected)
        if let error = prompt.error { canvas.put("  " + error, x: x + 1, y: y, style: .legend) }
        return
    }
    var context = ""
    if let message = state.message {
        context = " " + message
    } else if let entry = state.entry, let document = entry.document {
        context = " \(state.percent)%"
        // The start of a long file, the rest being read: the percentage, a search or the
        // end are of the start only until it is in.
        if entry.partial { context += " of the start (reading the rest…)" }
        if let ref = state.visibleQuote {
            let article = document.section(ref.section)
            let count = entry.index.map { $0.isComplete ? "/\($0.quotationCount)" : "" } ?? ""
            let n = entry.index?.number(of: ref, in: article).map(String.init) ?? "?"
            context += "  quote \(n)\(count) — \(article.quotes[ref.index].speaker ?? "unattributed")"
        } else if let party = state.party {
            context += "  \(party.name) (\(KeyMap.label(of: .cancel)) clears)"
        } else if let search = state.search {
            let n = state.visibleMatch.flatMap { m in m.number.map { "\($0)\(m.total.map { "/\($0)" } ?? "")" } }
            context += "  /\(search)\(n.map { " match \($0)" } ?? "") (\(KeyMap.label(of: .nextMatch)) \(KeyMap.label(of: .previousMatch)))"
        }
    } else if let entry = state.entry, entry.isPending, state.showsReader {
        // Read in the background: say so, keys stay live meanwhile.
        context = " reading \(entry.title)…"
    } else if state.entries.isEmpty {
        context = " \(KeyMap.label(of: .openPrompt)) opens a file · \(KeyMap.label(of: .help)) keys · \(KeyMap.label(of: .back)) quits"
    }
    if state.message == nil, state.focus == .list, state.showsList, state.listMode != .files {
        // The list says what it is.
        let n = state.entries.count
        switch state.listMode {
        case .files: break
        case .library(let q):
            context = " library · \(n) article\(n == 1 ? "" : "s") · \(q.sort == .date ? "newest first" : "by " + q.sort.rawValue)\(q.unreadOnly ? " · unread only" : "")"
        case .search(let words): context = " “\(words)” · \(n) found · \(KeyMap.label(of: .cancel)): the library"
        case .party(let name): context = " mentioning \(name) · \(n) · \(KeyMap.label(of: .cancel)): the library"
        }
    }
    var x = canvas.put(context, x: 0, y: y, style: .status)
    x += 2
    guard state.entry?.document != nil else { return }
    if !state.highlights {
        if x + 16 < state.width { canvas.put("highlighting off", x: state.width - 17, y: y, style: .legend) }
        return
    }
    let legend = Presentation.legend
    let needed = legend.reduce(0) { $0 + $1.0.count + 1 }
    guard x + needed < state.width else { return }
    var lx = state.width - needed
    for (label, style) in legend { lx = canvas.put(label, x: lx, y: y, style: style) + 1 }
}
