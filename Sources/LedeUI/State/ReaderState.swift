import LedeCore

/// An article in the list: analysed, or the reason it could not be read.
public struct Entry: Sendable {
    public var path: String
    public var article: Article?
    public var error: String?

    public init(path: String, article: Article?, error: String?) {
        self.path = path
        self.article = article
        self.error = error
    }

    /// What the list shows: the title, else the file name.
    public var title: String {
        article?.title?.text.string ?? String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// A laid-out line of the reading pane: which paragraph, which bytes of it.
public struct ReaderLine: Sendable, Equatable {
    public var paragraph: Int
    public var range: Range<Int>
    /// A blank line between paragraphs.
    public var isGap: Bool { paragraph < 0 }
}

/// The whole state of the reader. `update` changes it; views only read it.
public struct ReaderState: Sendable {
    public var entries: [Entry]
    public var selected = 0
    public var focus: Pane = .list
    public var width: Int
    public var height: Int
    /// The first reading-pane line on screen.
    public var top = 0
    /// The quotation the reader is on, index into the article's quotes.
    public var currentQuote: Int?
    /// The reading pane laid out for the current width.
    public private(set) var lines: [ReaderLine] = []
    public private(set) var layoutWidth = 0
    public var quitting = false

    public init(entries: [Entry], width: Int, height: Int) {
        self.entries = entries
        self.width = width
        self.height = height
        if entries.count == 1 { focus = .reader }
        relayout()
    }

    public var article: Article? { entries.indices.contains(selected) ? entries[selected].article : nil }

    /// Columns of the list pane when shown beside the reader; 0 when the layout is single.
    public var listWidth: Int { width >= 80 && entries.count > 1 ? min(36, width / 3) : 0 }

    /// The reading pane's text column and width: at most 100 columns, centred.
    public var readerColumns: (x: Int, width: Int) {
        let paneX = listWidth > 0 ? listWidth + 1 : 0
        let paneWidth = max(1, width - paneX)
        let measure = min(paneWidth - 2, 100)
        return (paneX + max(1, (paneWidth - measure) / 2), max(1, measure))
    }

    /// Rows for text: all but the status bar.
    public var bodyHeight: Int { max(0, height - 1) }

    /// Lays out the selected article for the current width, keeping the same source line
    /// at the top.
    public mutating func relayout() {
        let anchor = lines.indices.contains(top) ? lines[top] : nil
        lines = []
        layoutWidth = readerColumns.width
        guard let article else { top = 0; return }
        for (pi, p) in article.paragraphs.enumerated() {
            if pi > 0 { lines.append(ReaderLine(paragraph: -1, range: 0..<0)) }
            for l in LineWrapper.wrap(p.text, width: layoutWidth) {
                lines.append(ReaderLine(paragraph: pi, range: l.range))
            }
        }
        if let anchor, !anchor.isGap {
            top = lines.firstIndex { $0.paragraph == anchor.paragraph && $0.range.upperBound > anchor.range.lowerBound } ?? 0
        }
        clampTop()
    }

    mutating func clampTop() {
        top = max(0, min(top, max(0, lines.count - bodyHeight)))
    }
}
