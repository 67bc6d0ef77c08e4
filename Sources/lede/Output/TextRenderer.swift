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

    /// A paragraph with its highlights as ANSI styles: a mention inside a quote keeps the
    /// quote's colour under the party's.
    func highlighted(_ a: Article, _ pi: Int, base: String) -> String {
        let text = a.paragraphs[pi].text
        var out = base
        for run in a.highlights(paragraph: pi) {
            var style = ""
            if let q = run.quote { style += a.quotes[q].kind == .speech ? Self.quote : Self.term }
            if let m = run.mention { style += Self.style(for: a.mentions[m].type) }
            out += style.isEmpty ? text.string(run.range) : style + text.string(run.range) + Self.reset + base
        }
        return out + Self.reset
    }
}
