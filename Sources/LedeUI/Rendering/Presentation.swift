import LedeCore

/// How an article is presented, written once for every output: the reader's canvas and
/// `lede show`'s ANSI text both take their styles from here, and differ only in how a
/// style reaches the screen (curses attributes, SGR codes).
public enum Presentation {
    /// The style of a paragraph's text where nothing is highlighted.
    public static func base(_ role: ParagraphRole) -> StyleRole {
        switch role {
        case .title: .title
        case .standfirst: .standfirst
        case .byline, .date: .dim
        case .body: .normal
        }
    }

    /// The style of a party's mentions.
    public static func style(_ type: PartyType) -> StyleRole {
        switch type {
        case .person: .person
        case .org: .org
        case .place: .place
        }
    }

    /// What the highlight colours mean, in the order the legends show them.
    public static let legend: [(label: String, style: StyleRole)] = [("quote", .quote), ("person", .person), ("org", .org), ("place", .place)]

    /// The styles of bytes `range` of paragraph `p` (all of it by default), one per byte.
    /// `emphasis` may give a highlighted run a style of its own (the reader's current
    /// quotation or chosen party) before the usual one: a mention, even inside a quotation,
    /// has its party's style; quoted speech and quoted terms theirs.
    public static func styles(_ article: Article, paragraph p: Int, in range: Range<Int>? = nil, highlights: Bool = true,
                              emphasis: (Highlight) -> StyleRole? = { _ in nil }) -> [StyleRole] {
        let r = range ?? 0..<article.paragraphs[p].text.count
        var styles = [StyleRole](repeating: base(article.paragraphs[p].role), count: r.count)
        guard highlights else { return styles }
        for run in article.highlights(paragraph: p, in: r) {
            let style: StyleRole
            if let e = emphasis(run) { style = e }
            else if let m = run.mention { style = Self.style(article.mentions[m].type) }
            else if let q = run.quote { style = article.quotes[q].kind == .speech ? .quote : .term }
            else { continue }
            for b in run.range { styles[b - r.lowerBound] = style }
        }
        return styles
    }

    /// Consecutive runs of one style, from per-byte styles.
    public static func runs(_ styles: [StyleRole]) -> [(range: Range<Int>, style: StyleRole)] {
        var out: [(range: Range<Int>, style: StyleRole)] = []
        var start = 0
        while start < styles.count {
            var end = start + 1
            while end < styles.count, styles[end] == styles[start] { end += 1 }
            out.append((start..<end, styles[start]))
            start = end
        }
        return out
    }
}
