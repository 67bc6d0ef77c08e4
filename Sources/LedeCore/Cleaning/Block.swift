/// A block of the page: one line of a scraped dump, or one hard-wrapped paragraph,
/// cleaned of markup and mapped back to its source bytes.
public struct Block: Sendable {
    /// The cleaned text.
    public var text: MappedText
    /// The source bytes of its lines.
    public var source: Range<Int>
    /// Bytes of cleaned text that were link text (`<a>`).
    public var linkBytes: Int
    /// HTML tags removed from it.
    public var tagCount: Int
    /// It held an `<img>` tag.
    public var hasImage: Bool
    /// A blank line separates it from the block before.
    public var blankBefore: Bool
}

/// Splits a source text into blocks.
public enum BlockSplitter {
    /// A line's byte range without its terminator.
    struct Line { var range: Range<Int>; var blank: Bool; var terminator: Range<Int> }

    static func lines(_ b: [UInt8]) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(b.count / 40 + 1)
        var start = 0
        var i = 0
        var blank = true
        let n = b.count
        while i < n {
            // Once a line has shown a visible byte, only its end matters: a tight scan for it.
            if !blank {
                let found = b.withUnsafeBufferPointer { buf -> Int in
                    var j = i
                    while j < n {
                        let c = buf[j]
                        if c == 0x0A || c == 0x0D { return j }
                        j += 1
                    }
                    return n
                }
                i = found
                if i >= n { break }
            }
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                var next = i + 1
                if c == 0x0D, next < n, b[next] == 0x0A { next += 1 }
                out.append(Line(range: start..<i, blank: blank, terminator: i..<next))
                i = next
                start = i
                blank = true
                continue
            }
            // Only scalars' first bytes are looked at (a continuation byte is not a
            // scalar: the fuzzer found "\u{A0}" at the end of a text read past it).
            if blank, c != 0x20, c != 0x09, c != 0x0C, c & 0xC0 != 0x80 {
                if c < 0x80 { blank = false }
                else {
                    let (s, _) = UTF8Scan.scalar(in: b, at: i)
                    if !UTF8Scan.isSpace(s) && s.value != 0xFEFF && s.value != 0x200B { blank = false }
                }
            }
            i += 1
        }
        if start < n { out.append(Line(range: start..<n, blank: blank, terminator: n..<n)) }
        return out
    }

    /// The blocks of a text, blank ones dropped.
    public static func split(_ text: SourceText) -> [Block] {
        let b = text.utf8
        let all = lines(b)
        var blocks: [Block] = []
        var group: [Line] = []
        var blankBefore = true
        func flushGroup() {
            guard !group.isEmpty else { return }
            if isHardWrapped(group, b) {
                appendBlock(group, joined: true)
            } else {
                for line in group { appendBlock([line], joined: false) }
            }
            group.removeAll()
        }
        func appendBlock(_ lines: [Line], joined: Bool) {
            var stripper = MarkupStripper(source: b)
            for (k, line) in lines.enumerated() {
                if k > 0 { stripper.appendBreak(lines[k - 1].terminator) }
                stripper.append(line.range)
            }
            var mapped = stripper.finish()
            mapped.trimTrailingSpace()
            let before = blankBefore
            blankBefore = false
            guard !mapped.isEmpty else { return }
            blocks.append(Block(
                text: mapped, source: lines[0].range.lowerBound..<lines[lines.count - 1].range.upperBound,
                linkBytes: stripper.linkBytes, tagCount: stripper.tagCount, hasImage: stripper.sawImage,
                blankBefore: before))
        }
        for line in all {
            if line.blank {
                flushGroup()
                blankBefore = true
            } else {
                group.append(line)
            }
        }
        flushGroup()
        return blocks
    }

    /// A group of lines is one hard-wrapped paragraph when every line but the last is of
    /// a similar, text-like width and some line continues a sentence in lower case.
    static func isHardWrapped(_ group: [Line], _ b: [UInt8]) -> Bool {
        guard group.count >= 2 else { return false }
        var minLen = Int.max, maxLen = 0
        for line in group.dropLast() {
            let len = scalarLength(b, line.range)
            minLen = min(minLen, len)
            maxLen = max(maxLen, len)
        }
        guard minLen >= 40, maxLen <= 100, maxLen - minLen <= 30 else { return false }
        var continued = false
        for line in group.dropFirst() {
            var i = line.range.lowerBound
            while i < line.range.upperBound, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            if i < line.range.upperBound {
                let (s, _) = UTF8Scan.scalar(in: b, at: i)
                if UTF8Scan.isLower(s) { continued = true }
                if s == "-" || s == "*" || s == "\u{2022}" { return false }  // a list
            }
        }
        return continued
    }

    static func scalarLength(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        for i in r where b[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
