/// Copies a source line into a `MappedText`, removing leftover HTML tags, decoding
/// entities, dropping unsafe control scalars and folding runs of white space to one space.
/// It also measures what the tags said about the line (link text, images).
struct MarkupStripper {
    let source: [UInt8]
    private(set) var out = MappedText()
    /// Bytes of text inside `<a>` elements.
    private(set) var linkBytes = 0
    /// Tags removed.
    private(set) var tagCount = 0
    /// An `<img>` tag was seen.
    private(set) var sawImage = false
    private var linkDepth = 0
    private var pendingSpace: Range<Int>? = nil

    init(source: [UInt8]) { self.source = source }

    /// Appends a line's bytes (without its line break).
    mutating func append(_ range: Range<Int>) {
        out.reserve(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        var literalStart = i
        func flush(_ upTo: Int, _ me: inout MarkupStripper) {
            if literalStart < upTo {
                me.emitPendingSpace()
                me.out.appendLiteral(me.source, literalStart..<upTo)
                if me.linkDepth > 0 { me.linkBytes += upTo - literalStart }
            }
        }
        let ordinary = Self.ordinary
        while i < end {
            let c = source[i]
            // Most bytes are plain ASCII text: step over them (and over a lone space
            // between two of them) without any other test.
            if ordinary[Int(c)] { i += 1; continue }
            if c == 0x20, i > literalStart, i + 1 < end, ordinary[Int(source[i + 1])] { i += 2; continue }
            if c == 0x3C, let tagEnd = tagEnd(from: i, limit: end) {  // '<'
                flush(i, &self)
                noteTag(i..<tagEnd)
                i = tagEnd
                literalStart = i
                continue
            }
            if c == 0x26, let (scalar, entEnd) = entity(from: i, limit: end) {  // '&'
                flush(i, &self)
                if UTF8Scan.isSpace(scalar) || Sanitizer.isUnsafe(scalar) {
                    noteSpace(i..<entEnd)
                } else {
                    emitPendingSpace()
                    var bytes: [UInt8] = []
                    TextDecoder.appendUTF8(scalar, to: &bytes)
                    out.appendReplacement(bytes, for: i..<entEnd)
                    if linkDepth > 0 { linkBytes += bytes.count }
                }
                i = entEnd
                literalStart = i
                continue
            }
            if c < 0x80 {
                // A lone space between words stays part of the literal run: only runs,
                // other white space and spaces at the edges are folded.
                if c == 0x20, i > literalStart, i + 1 < end, source[i + 1] > 0x20, source[i + 1] < 0x7F, source[i + 1] != 0x3C, source[i + 1] != 0x26 {
                    i += 1
                    continue
                }
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0A || c < 0x20 || c == 0x7F {
                    flush(i, &self)
                    if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0A {
                        noteSpace(i..<i + 1)
                    } else {
                        placeholder(for: Unicode.Scalar(c), i..<i + 1)
                    }
                    i += 1
                    literalStart = i
                    continue
                }
                i += 1
                continue
            }
            let (s, len) = UTF8Scan.scalar(in: source, at: i)
            if UTF8Scan.isSpace(s) || Sanitizer.isUnsafe(s) || s.value == 0xFEFF || s.value == 0xAD {
                flush(i, &self)
                if UTF8Scan.isSpace(s) { noteSpace(i..<i + len) }
                else if Sanitizer.isUnsafe(s) { placeholder(for: s, i..<i + len) }
                i += len
                literalStart = i
                continue
            }
            i += len
        }
        flush(end, &self)
    }

    /// An unsafe scalar (a control, an escape, a bidi override) shows as a visible
    /// placeholder and never reaches a terminal as itself.
    private mutating func placeholder(for s: Unicode.Scalar, _ r: Range<Int>) {
        emitPendingSpace()
        var bytes: [UInt8] = []
        TextDecoder.appendUTF8(Sanitizer.placeholder(for: s), to: &bytes)
        out.appendReplacement(bytes, for: r)
    }

    /// Printable ASCII that needs no attention: not a space, control, '<' or '&'.
    static let ordinary: [Bool] = (0..<256).map { c in c > 0x20 && c < 0x7F && c != 0x3C && c != 0x26 }

    /// A line break inside a paragraph: folds to a space like any other white space.
    mutating func appendBreak(_ range: Range<Int>) { noteSpace(range) }

    mutating func finish() -> MappedText {
        pendingSpace = nil
        return out
    }

    private mutating func noteSpace(_ r: Range<Int>) {
        if out.isEmpty { return }  // leading white space is dropped
        if let p = pendingSpace { pendingSpace = p.lowerBound..<max(p.upperBound, r.upperBound) }
        else { pendingSpace = r }
    }

    private mutating func emitPendingSpace() {
        guard let p = pendingSpace else { return }
        pendingSpace = nil
        if linkDepth > 0 { linkBytes += 1 }
        if p.count == 1 && source[p.lowerBound] == 0x20 {
            out.appendLiteral(source, p)
        } else {
            out.appendReplacement([0x20], for: p)
        }
    }

    /// The end of an HTML tag starting at `i`, if it is one: `<` then a letter, `/` or `!`,
    /// through the next `>` on the line.
    private func tagEnd(from i: Int, limit: Int) -> Int? {
        guard i + 2 < limit else { return nil }
        let n = source[i + 1]
        let isAlpha = (n | 0x20) >= 0x61 && (n | 0x20) <= 0x7A
        guard isAlpha || n == 0x2F || n == 0x21 else { return nil }
        if n == 0x2F {
            let m = source[i + 2]
            guard (m | 0x20) >= 0x61 && (m | 0x20) <= 0x7A else { return nil }
        }
        var j = i + 2
        let cap = min(limit, i + 4096)
        var quote: UInt8 = 0
        while j < cap {
            let c = source[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                // Attribute values may hold '>' — but only after '='.
                if source[j - 1] == 0x3D { quote = c }
            } else if c == 0x3E {
                return j + 1
            } else if c == 0x3C {
                return nil
            }
            j += 1
        }
        return nil
    }

    private mutating func noteTag(_ r: Range<Int>) {
        tagCount += 1
        var j = r.lowerBound + 1
        let closing = source[j] == 0x2F
        if closing { j += 1 }
        var name: [UInt8] = []
        while j < r.upperBound, name.count < 10 {
            let c = source[j] | 0x20
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) else { break }
            name.append(c)
            j += 1
        }
        switch name {
        case [0x61]: linkDepth = closing ? max(0, linkDepth - 1) : linkDepth + 1  // a
        case [0x69, 0x6D, 0x67]: sawImage = true  // img
        case [0x62, 0x72], [0x70], [0x64, 0x69, 0x76], [0x6C, 0x69], [0x74, 0x64]: noteSpace(r)  // br p div li td
        default: break
        }
    }

    /// Decodes an entity at `i`: `&name;`, `&#123;` or `&#x1F;`.
    private func entity(from i: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        guard j < limit else { return nil }
        if source[j] == 0x23 {  // '#'
            j += 1
            var hex = false
            if j < limit, source[j] | 0x20 == 0x78 { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < limit, j - start < 8 {
                let c = source[j]
                if c >= 0x30 && c <= 0x39 { v = v * (hex ? 16 : 10) + UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { v = v * 16 + UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                j += 1
            }
            guard j > start, j < limit, source[j] == 0x3B else { return nil }
            return (Unicode.Scalar(v) ?? "\u{FFFD}", j + 1)
        }
        let start = j
        while j < limit, j - start < 10 {
            let c = source[j]
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) else { break }
            j += 1
        }
        guard j > start, j < limit, source[j] == 0x3B,
              let s = HTMLEntities.named[String(decoding: source[start..<j], as: UTF8.self)] else { return nil }
        return (s, j + 1)
    }
}
