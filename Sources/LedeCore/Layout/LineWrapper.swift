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
        // The last space seen on this line: where to break.
        var breakAt: (byte: Int, width: Int)? = nil
        var offset = 0
        for cluster in string {
            let size = cluster.utf8.count
            let w = DisplayWidth.of(cluster)
            if cluster == " " {
                breakAt = (offset, lineWidth)
                if offset == lineStart {  // no line starts with a space
                    lineStart = offset + size
                    offset += size
                    breakAt = nil
                    continue
                }
            } else if lineWidth + w > width && offset > lineStart {
                if let b = breakAt, b.byte > lineStart {
                    lines.append(DisplayLine(range: lineStart..<b.byte, width: b.width))
                    lineStart = b.byte + 1
                    lineWidth -= b.width + 1
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
            var end = offset
            var w = lineWidth
            while end > lineStart, bytes[end - 1] == 0x20 { end -= 1; w -= 1 }
            lines.append(DisplayLine(range: lineStart..<end, width: max(0, w)))
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
