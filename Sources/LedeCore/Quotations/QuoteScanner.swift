/// Finds quoted spans by their marks, paragraph by paragraph: curly and straight double
/// quotes, « » and „ “, single quotes in texts that use them as quote marks, quotes that
/// run over paragraphs (re-opened at each paragraph start), quotes nested in quotes.
/// Apostrophes (don't, '90s, Assad's, O'Brien) are never taken for quote marks.
public struct QuoteScanner: Sendable {
    /// A span found by its marks.
    public struct Span: Sendable, Equatable {
        public var paragraph: Int
        /// Byte range in the paragraph's cleaned text, marks included.
        public var range: Range<Int>
        public var closed: Bool
        /// Continues the quote of the paragraph before.
        public var continues: Bool
        /// Inside another quote.
        public var nested: Bool
    }

    public enum Style: Sendable { case double, single }

    public init() {}

    /// Which marks a text uses for its outer quotes: British-style single quotes when
    /// double ones are (almost) absent and paired single ones are present.
    public static func style(of texts: [[UInt8]]) -> Style {
        var doubles = 0, singles = 0
        for b in texts {
            var i = 0
            while i < b.count {
                // Only ", ' and multi-byte scalars can be quote marks.
                let c = b[i]
                if c < 0x80 && c != 0x22 && c != 0x27 { i += 1; continue }
                let (s, len) = UTF8Scan.scalar(in: b, at: i)
                if s == "'", i + 1 < b.count, b[i + 1] == 0x27 { doubles += 1; i += 2; continue }
                switch s {
                case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}": doubles += 1
                case "\u{2018}", "'":
                    if isOpeningContext(b, i), i + len < b.count, UTF8Scan.isLetter(UTF8Scan.scalar(in: b, at: i + len).0) { singles += 1 }
                default: break
                }
                i += len
            }
        }
        return doubles < 2 && singles >= 2 ? .single : .double
    }

    /// True when the scalar before `i` lets a mark open a quote: start, space, bracket, dash.
    static func isOpeningContext(_ b: [UInt8], _ i: Int) -> Bool {
        guard let p = UTF8Scan.scalar(in: b, before: i) else { return true }
        if UTF8Scan.isSpace(p) { return true }
        switch p {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":", "\u{201C}", "\u{2018}", "\"", "\u{AB}", "\u{201E}": return true
        default: return false
        }
    }

    static func isClosingContext(_ b: [UInt8], _ end: Int) -> Bool {
        guard end < b.count else { return true }
        let (n, _) = UTF8Scan.scalar(in: b, at: end)
        return !UTF8Scan.isLetter(n) && !UTF8Scan.isDigit(n)
    }

    /// What a scalar does as a quote mark, given the style and whether a quote is open.
    enum Mark { case open, close, toggle, none }

    /// What a double quote mark does, whatever the context: “ „ « open, ” » close, " toggles.
    static func doubleMark(_ s: Unicode.Scalar) -> Mark {
        switch s {
        case "\u{201C}", "\u{201E}", "\u{AB}": return .open
        case "\u{201D}", "\u{BB}": return .close
        case "\"": return .toggle
        default: return .none
        }
    }

    /// `lastClosing`: the byte offset of the paragraph's last ’ that could close a quote
    /// (-1 if none), found once per paragraph.
    func mark(_ s: Unicode.Scalar, _ b: [UInt8], _ i: Int, _ len: Int, style: Style, inside: Bool, lastClosing: Int) -> Mark {
        let double = Self.doubleMark(s)
        if double != .none { return double }
        guard style == .single else { return .none }
        switch s {
        case "\u{2018}":
            return Self.isOpeningContext(b, i) ? .open : .none
        case "'":
            if Self.isOpeningContext(b, i) && !Self.isDecadeApostrophe(b, i + len) && i + len < b.count
                && !UTF8Scan.isSpace(UTF8Scan.scalar(in: b, at: i + len).0) { return .open }
            return inside && Self.isClosingContext(b, i + len) ? .close : .none
        case "\u{2019}":
            if let p = UTF8Scan.scalar(in: b, before: i), UTF8Scan.isSpace(p) { return .none }
            if inside && Self.isPluralPossessive(b, i, len, lastClosing: lastClosing) { return .none }
            return inside && Self.isClosingContext(b, i + len) ? .close : .none
        default:
            return .none
        }
    }

    /// "the judges’ comments": an apostrophe after a plural s, followed by a lower-case
    /// word, when another closing mark comes later in the paragraph.
    static func isPluralPossessive(_ b: [UInt8], _ i: Int, _ len: Int, lastClosing: Int) -> Bool {
        guard let p = UTF8Scan.scalar(in: b, before: i), p == "s" || p == "S" else { return false }
        let j = i + len
        guard j + 1 < b.count, b[j] == 0x20 else { return false }
        let (next, _) = UTF8Scan.scalar(in: b, at: j + 1)
        guard UTF8Scan.isLower(next) else { return false }
        return lastClosing >= j
    }

    /// The byte offset of the last ’ in `b` that could close a quote, or -1.
    static func lastClosingApostrophe(_ b: [UInt8]) -> Int {
        var k = b.count - 3
        while k >= 0 {
            if b[k] == 0xE2 && b[k + 1] == 0x80 && b[k + 2] == 0x99 && isClosingContext(b, k + 3) { return k }
            k -= 1
        }
        return -1
    }

    /// '90s, '06: an apostrophe standing for left-out century digits.
    static func isDecadeApostrophe(_ b: [UInt8], _ i: Int) -> Bool {
        i + 1 < b.count && b[i] >= 0x30 && b[i] <= 0x39 && b[i + 1] >= 0x30 && b[i + 1] <= 0x39
    }

    struct Open { var start: Int; var mark: Unicode.Scalar }

    /// The quoted spans of each paragraph, outer quotes and the quotes nested in them.
    public func scan(_ texts: [[UInt8]]) -> [Span] {
        let style = Self.style(of: texts)
        var out: [Span] = []
        var carried = false
        for (p, b) in texts.enumerated() {
            var stack: [Open] = []
            var sawOuter = false
            let lead = leadingSpace(b)
            let lastClosing = style == .single ? Self.lastClosingApostrophe(b) : -1
            let wrapper = Self.wrapperMarks(b, lead: lead)
            func finish(_ end: Int, closed: Bool) {
                guard let top = stack.popLast() else { return }
                let nested = !stack.isEmpty
                let continues = !nested && !sawOuter && carried && top.start == lead
                out.append(Span(paragraph: p, range: top.start..<end, closed: closed, continues: continues, nested: nested))
                if !nested { sawOuter = true }
            }
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 && c != 0x22 && c != 0x27 { i += 1; continue }
                if i == wrapper.open || i == wrapper.close { i += 1; continue }
                var (s, len) = UTF8Scan.scalar(in: b, at: i)
                // Two apostrophes stand for a straight double quote ('' as some wires type it).
                if s == "'", i + 1 < b.count, b[i + 1] == 0x27 { s = "\""; len = 2 }
                switch mark(s, b, i, len, style: style, inside: !stack.isEmpty, lastClosing: lastClosing) {
                case .none:
                    break
                case .open:
                    if let top = stack.last, s == "\u{201C}" {
                        // „ … “ closes with the mark English opens with; so does a “ typed
                        // for ” right after a word.
                        if top.mark == "\u{201E}" || !Self.isOpeningContext(b, i) {
                            finish(i + len, closed: true)
                            break
                        }
                        if top.mark == "\u{201C}" && stack.count == 1 {
                            // A new opening mark with the first still open: the first was
                            // never closed. End it here and start again.
                            var end = i
                            while end > top.start + 1, b[end - 1] == 0x20 { end -= 1 }
                            finish(end, closed: false)
                        }
                    }
                    stack.append(Open(start: i, mark: s))
                case .close:
                    if !stack.isEmpty { finish(i + len, closed: true) }
                case .toggle:
                    if let top = stack.last, top.mark == "\"", !(Self.isOpeningContext(b, i) && !Self.isClosingContext(b, i + len)) {
                        finish(i + len, closed: true)
                    } else if stack.isEmpty || Self.isOpeningContext(b, i) {
                        stack.append(Open(start: i, mark: s))
                    } else if !stack.isEmpty {
                        finish(i + len, closed: true)
                    }
                }
                i += len
            }
            // The paragraph ended inside a quote: the news convention for a quote that goes
            // on in the next paragraph, which opens again with a mark.
            let openAtEnd = !stack.isEmpty
            if let top = stack.first {
                var end = b.count
                while end > top.start + 1, b[end - 1] == 0x20 { end -= 1 }
                stack.removeAll()
                out.append(Span(paragraph: p, range: top.start..<end, closed: false,
                                continues: !sawOuter && carried && top.start == lead, nested: false))
            }
            carried = openAtEnd
        }
        return out
    }

    /// A paragraph a scraper wrapped in straight quotes around text with curly ones of its
    /// own ("“We feel great,” Rubio said."): the straight marks are the wrapper of a
    /// blockquote, not a quotation; the curly ones inside are. Offsets of the two wrapper
    /// marks, -1 when the paragraph has none.
    static func wrapperMarks(_ b: [UInt8], lead: Int) -> (open: Int, close: Int) {
        guard lead + 4 <= b.count, b[lead] == 0x22,
              b[lead + 1] == 0xE2, b[lead + 2] == 0x80, b[lead + 3] == 0x9C else { return (-1, -1) }
        var end = b.count
        while end > lead + 1, b[end - 1] == 0x20 { end -= 1 }
        return (lead, end - 1 > lead && b[end - 1] == 0x22 ? end - 1 : -1)
    }

    private func leadingSpace(_ b: [UInt8]) -> Int {
        var i = 0
        while i < b.count, b[i] == 0x20 { i += 1 }
        return i
    }
}
