import LedeCore
import Synchronization

/// A row of the reading pane: a wrapped line of a paragraph, or the blank row before it.
/// Rows are found from a paragraph, never counted from the start of the article, so moving
/// costs the same at the top of a 100 MB file as at its end.
public struct RowPosition: Hashable, Comparable, Sendable {
    public var section: Int
    public var paragraph: Int
    /// The line within the paragraph's wrapped lines; -1 is the blank row before it.
    public var line: Int

    public init(section: Int, paragraph: Int, line: Int) {
        self.section = section
        self.paragraph = paragraph
        self.line = line
    }

    public static func < (a: RowPosition, b: RowPosition) -> Bool {
        (a.section, a.paragraph, a.line) < (b.section, b.paragraph, b.line)
    }
}

/// A place in the text: a byte of a paragraph's cleaned text in a section.
public struct TextPosition: Hashable, Comparable, Sendable {
    public var section: Int
    public var paragraph: Int
    public var byte: Int

    public init(section: Int, paragraph: Int, byte: Int) {
        self.section = section
        self.paragraph = paragraph
        self.byte = byte
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.section, a.paragraph, a.byte) < (b.section, b.paragraph, b.byte)
    }
}

/// Wrapped lines per paragraph for one width: memoised layout, filled as rows are visited.
final class WrapCache: Sendable {
    private struct Key: Hashable { var section: Int, paragraph: Int }
    private let lines = Mutex<[Key: [DisplayLine]]>([:])
    let width: Int

    init(width: Int) { self.width = width }

    func lines(_ document: Document, section: Int, paragraph: Int) -> [DisplayLine] {
        let key = Key(section: section, paragraph: paragraph)
        if let hit = lines.withLock({ $0[key] }) { return hit }
        let wrapped = LineWrapper.wrap(document.section(section).paragraphs[paragraph].text, width: width)
        lines.withLock {
            if $0.count > 50_000 { $0.removeAll(keepingCapacity: true) }  // bounded on huge files
            $0[key] = wrapped
        }
        return wrapped
    }
}

/// Walks the rows of a document laid out at one width.
struct Reading {
    let document: Document
    let cache: WrapCache

    func lines(_ s: Int, _ p: Int) -> [DisplayLine] { cache.lines(document, section: s, paragraph: p) }

    func paragraphCount(_ s: Int) -> Int { document.section(s).paragraphs.count }

    /// The first paragraph of the document: no blank row before it.
    var firstParagraph: (section: Int, paragraph: Int)? {
        for s in document.sections.indices where paragraphCount(s) > 0 { return (s, 0) }
        return nil
    }

    var first: RowPosition? { firstParagraph.map { RowPosition(section: $0.section, paragraph: $0.paragraph, line: 0) } }

    var last: RowPosition? {
        for s in document.sections.indices.reversed() {
            let n = paragraphCount(s)
            if n > 0 { return RowPosition(section: s, paragraph: n - 1, line: lines(s, n - 1).count - 1) }
        }
        return nil
    }

    func isFirst(_ s: Int, _ p: Int) -> Bool {
        guard p == 0 else { return false }
        guard let f = firstParagraph else { return true }
        return f.section == s && f.paragraph == p
    }

    func next(_ r: RowPosition) -> RowPosition? {
        if r.line + 1 < lines(r.section, r.paragraph).count {
            return RowPosition(section: r.section, paragraph: r.paragraph, line: r.line + 1)
        }
        if r.paragraph + 1 < paragraphCount(r.section) {
            return RowPosition(section: r.section, paragraph: r.paragraph + 1, line: -1)
        }
        var s = r.section + 1
        while s < document.sections.count {
            if paragraphCount(s) > 0 { return RowPosition(section: s, paragraph: 0, line: -1) }
            s += 1
        }
        return nil
    }

    func previous(_ r: RowPosition) -> RowPosition? {
        if r.line > 0 { return RowPosition(section: r.section, paragraph: r.paragraph, line: r.line - 1) }
        if r.line == 0 {
            return isFirst(r.section, r.paragraph) ? nil : RowPosition(section: r.section, paragraph: r.paragraph, line: -1)
        }
        if r.paragraph > 0 {
            return RowPosition(section: r.section, paragraph: r.paragraph - 1, line: lines(r.section, r.paragraph - 1).count - 1)
        }
        var s = r.section - 1
        while s >= 0 {
            let n = paragraphCount(s)
            if n > 0 { return RowPosition(section: s, paragraph: n - 1, line: lines(s, n - 1).count - 1) }
            s -= 1
        }
        return nil
    }

    /// Moves `count` rows down (or up, when negative), stopping at either end.
    func move(_ r: RowPosition, by count: Int) -> RowPosition {
        var r = r
        if count > 0 {
            for _ in 0..<count { guard let n = next(r) else { break }; r = n }
        } else if count < 0 {
            for _ in 0..<(-count) { guard let p = previous(r) else { break }; r = p }
        }
        return r
    }

    /// The row showing a text position.
    func row(at t: TextPosition) -> RowPosition {
        let ls = lines(t.section, t.paragraph)
        return RowPosition(section: t.section, paragraph: t.paragraph, line: LineWrapper.line(containing: t.byte, in: ls))
    }

    /// Where a row starts in the text (the blank row before a paragraph: its start).
    func text(at r: RowPosition) -> TextPosition {
        let byte = r.line < 0 ? 0 : lines(r.section, r.paragraph)[r.line].range.lowerBound
        return TextPosition(section: r.section, paragraph: r.paragraph, byte: byte)
    }

    /// The byte range of a row in its paragraph (empty for a blank row).
    func range(_ r: RowPosition) -> Range<Int> {
        r.line < 0 ? 0..<0 : lines(r.section, r.paragraph)[r.line].range
    }
}
