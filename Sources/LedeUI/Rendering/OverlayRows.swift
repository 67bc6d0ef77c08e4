import LedeCore

/// The rows of an overlay: text, style, and whether Enter does something on it.
public struct OverlayRow: Sendable, Equatable {
    public var text: String
    public var style: StyleRole
    public var target: Target?

    public enum Target: Sendable, Equatable {
        case quote(QuoteRef)
        case party(PartyKey)
    }
}

/// What an overlay lists. Rows are made when asked for, so a quotes overlay over a
/// 100 MB file with 200,000 quotations costs only the rows on screen.
public struct OverlayList {
    public var title: String
    public var count: Int
    public var row: (Int) -> OverlayRow

    /// Every row (tests, short lists).
    public var rows: [OverlayRow] { (0..<count).map(row) }
}

/// The overlay's list for a state (the help from the key map itself).
public func overlayRows(_ state: ReaderState) -> OverlayList {
    switch state.overlay {
    case .help?:
        var rows: [OverlayRow] = []
        let labels = KeyMap.bindings.map { $0.keys.map(\.label).joined(separator: " ") }
        let column = (labels + KeyMap.otherKeys.map(\.keys)).map(\.count).max() ?? 14
        // Descriptions wrap under themselves when the box is narrow, never cut.
        let room = overlayTextWidth(state) - column - 2
        func add(_ keys: String, _ help: String, _ style: StyleRole) {
            for (k, line) in wrapWords(help, width: room).enumerated() {
                rows.append(OverlayRow(text: padded(k == 0 ? keys : "", column) + "  " + line, style: style))
            }
        }
        for (b, keys) in zip(KeyMap.bindings, labels) { add(keys, b.help, .normal) }
        rows.append(OverlayRow(text: "", style: .normal))
        for (keys, help) in KeyMap.otherKeys { add(keys, help, .dim) }
        return OverlayList(title: "Keys", count: rows.count) { rows[$0] }
    case .quotes?:
        guard let index = state.entry?.index, let document = state.document else {
            return OverlayList(title: "Quotations", count: 0) { _ in OverlayRow(text: "", style: .normal) }
        }
        let quotes = index.quotes
        // Numbered as `lede quotes` numbers them: the paragraphs of one quotation share a number.
        return OverlayList(title: "Who said what — \(index.quotationCount) quotations\(progress(index))", count: quotes.count) { n in
            let q = quotes[n]
            return OverlayRow(text: "\(q.number). \(q.speaker ?? "unattributed"): \(document.text(of: q))", style: .normal, target: .quote(q.ref))
        }
    case .parties?:
        let rows = state.partyRows
        return OverlayList(title: "Parties\(state.entry?.index.map(progress) ?? "")", count: rows.count) { rows[$0] }
    case nil:
        return OverlayList(title: "", count: 0) { _ in OverlayRow(text: "", style: .normal) }
    }
}

/// Columns for the text of an overlay's rows: the box (at most 100 wide) less borders and margins.
func overlayWidth(_ state: ReaderState) -> Int { min(state.width - 2, 100) }

func overlayTextWidth(_ state: ReaderState) -> Int { overlayWidth(state) - 4 }

/// Words in lines of at most `width` columns (a longer word has a line of its own).
func wrapWords(_ text: String, width: Int) -> [String] {
    guard width >= 8, DisplayWidth.of(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if DisplayWidth.of(candidate) > width, !line.isEmpty {
            lines.append(line)
            line = String(word)
        } else {
            line = candidate
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}

func padded(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - s.count))
}

private func progress(_ index: DocumentIndex) -> String {
    index.isComplete ? "" : " (reading: \(index.sectionsDone * 100 / max(1, index.sectionCount))%)"
}

/// Rows of an overlay's box that hold list rows (its height less the two borders).
func overlayInnerHeight(_ state: ReaderState, rows: Int) -> Int {
    max(3, min(state.bodyHeight - 1, rows + 2)) - 2
}

/// The parties overlay's rows: grouped by type, most mentioned first.
func partyRows(_ index: DocumentIndex?) -> [OverlayRow] {
    guard let index else { return [] }
    var rows: [OverlayRow] = []
    for (type, heading) in [(PartyType.person, "People"), (.org, "Organisations"), (.place, "Places")] {
        let group = index.parties.filter { $0.type == type }.sorted { $0.mentions > $1.mentions }
        guard !group.isEmpty else { continue }
        rows.append(OverlayRow(text: "\(heading) (\(group.count))", style: .title))
        let style = Presentation.style(type)
        for p in group {
            let also = p.aliases.isEmpty ? "" : " — also " + p.aliases.joined(separator: ", ")
            rows.append(OverlayRow(text: "  \(p.name) ×\(p.mentions)\(also)", style: style,
                                   target: .party(PartyKey(name: p.name, type: p.type))))
        }
    }
    return rows
}
