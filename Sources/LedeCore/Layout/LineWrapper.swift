/// A line of wrapped text: a byte range of the paragraph's cleaned text and its width.
public struct DisplayLine: Sendable, Equatable {
    /// Bytes of the paragraph's cleaned text on this line (trailing space excluded).
    public var range: Range<Int>
    /// Columns it takes.
    public var width: Int
}

/// Wraps a paragraph to a width, at spaces where it can and between grapheme clusters where
/// a word is longer than the line; a wide character is never split. Every line keeps its
/// byte range, so a display position maps back to the source and a source offset maps to
/// a line (the reading position survives a resize).
public enum LineWrapper {
    public static func wrap(_ text: MappedText, width: Int) -> [DisplayLine] {
        wrap(text.utf8, width: width)
    }

    public static func wrap(_ bytes: [UInt8], width: Int) -> [DisplayLine] {
        let width = max(1, width)
        let string = String(decoding: bytes, as: UTF8.self)
        var lines: [DisplayLine] = []
        var lineStart = 0, lineWidth = 0
        // The last run of spaces on this line: a line may end where it starts (`byte`, the
        // line's width there) and the next begin where it ends (`resume`, the width there).
        var breakAt: (byte: Int, width: Int, resume: Int, resumeWidth: Int)? = nil
        var inSpaces = false
        var offset = 0
        for cluster in string {
            let size = cluster.utf8.count
            let w = DisplayWidth.of(cluster)
            if cluster == " " {
                if offset == lineStart {  // no line starts with a space
                    lineStart = offset + size
                    offset += size
                    continue
                }
                if !inSpaces { breakAt = (offset, lineWidth, offset, lineWidth) }
                inSpaces = true
                lineWidth += w
                offset += size
                continue
            }
            if inSpaces, let b = breakAt { breakAt = (b.byte, b.width, offset, lineWidth) }
            inSpaces = false
            // A break at the last spaces may not free enough room for a wide cluster
            // (a full line, then "語"): then the line breaks again, before the cluster.
            while lineWidth + w > width && offset > lineStart {
                if let b = breakAt, b.byte > lineStart {
                    lines.append(DisplayLine(range: lineStart..<b.byte, width: b.width))
                    lineStart = b.resume
                    lineWidth -= b.resumeWidth
                } else {
                    lines.append(DisplayLine(range: lineStart..<offset, width: lineWidth))
                    lineStart = offset
                    lineWidth = 0
                }
                breakAt = nil
            }
            lineWidth += w
            offset += size
        }
        if offset > lineStart || lines.isEmpty {
            let end = inSpaces ? (breakAt?.byte ?? offset) : offset
            let w = inSpaces ? (breakAt?.width ?? lineWidth) : lineWidth
            lines.append(DisplayLine(range: lineStart..<max(lineStart, end), width: max(0, w)))
        }
        return lines
    }

    /// The line holding byte `offset` of the paragraph.
    public static func line(containing offset: Int, in lines: [DisplayLine]) -> Int {
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].range.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }
}
