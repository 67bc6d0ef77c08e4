import LedeCore

/// Prints a cleaned article as text, with quotes and parties highlighted by ANSI styles
/// when colour is on.
struct TextRenderer {
    var color: Bool

    static let reset = "\u{1B}[0m"
    static func style(for type: PartyType) -> String {
        switch type {
        case .person: "\u{1B}[1;33m"   // bold yellow
        case .org: "\u{1B}[1;36m"      // bold cyan
        case .place: "\u{1B}[1;35m"    // bold magenta
        }
    }
    static let quote = "\u{1B}[32m"    // green
    static let term = "\u{1B}[3m"      // italic
    static let title = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    func render(_ a: Article) -> String {
        var out = ""
        for (pi, p) in a.paragraphs.enumerated() {
            if !out.isEmpty { out += "\n" }
            let base: String
            switch p.role {
            case .title: base = Self.title
            case .standfirst: base = Self.term
            case .byline, .date: base = Self.dim
            case .body: base = ""
            }
            out += color ? highlighted(a, pi, base: base) : p.text.string
            out += "\n"
        }
        if color {
            out += "\n\(Self.dim)— \(Self.reset)\(Self.quote)“quote”\(Self.reset) "
            out += "\(Self.style(for: .person))person\(Self.reset) "
            out += "\(Self.style(for: .org))organisation\(Self.reset) "
            out += "\(Self.style(for: .place))place\(Self.reset)\n"
        }
        return out
    }

    /// A paragraph with style changes at quote and mention boundaries.
    func highlighted(_ a: Article, _ pi: Int, base: String) -> String {
        let text = a.paragraphs[pi].text
        var events: [(at: Int, open: Bool, style: String, order: Int)] = []
        for q in a.quotes where q.paragraph == pi {
            let s = q.kind == .speech ? Self.quote : Self.term
            events.append((q.local.lowerBound, true, s, 0))
            events.append((q.local.upperBound, false, s, 0))
        }
        for m in a.mentions where m.paragraph == pi {
            events.append((m.local.lowerBound, true, Self.style(for: m.type), 1))
            events.append((m.local.upperBound, false, Self.style(for: m.type), 1))
        }
        events.sort { $0.at != $1.at ? $0.at < $1.at : (!$0.open && $1.open) }
        var out = base
        var stack: [String] = []
        var pos = 0
        for e in events {
            if e.at > pos { out += text.string(pos..<e.at); pos = e.at }
            if e.open { stack.append(e.style) } else if let i = stack.lastIndex(of: e.style) { stack.remove(at: i) }
            out += Self.reset + base + stack.joined()
        }
        out += text.string(pos..<text.count) + Self.reset
        return out
    }
}
