/// A run of a paragraph's text and what it is. The reader's pane and `lede show` both
/// draw highlights from these runs, so the two never disagree about what is a quote.
public struct Highlight: Sendable, Equatable {
    /// Bytes of the paragraph's cleaned text.
    public var range: Range<Int>
    /// The quotation the run is inside (index into `Article.quotes`), if any.
    public var quote: Int?
    /// The party mention the run is (index into `Article.mentions`), if any. A mention
    /// inside a quotation keeps both.
    public var mention: Int?
}

extension Article {
    /// Consecutive runs covering `range` of paragraph `p` (all of it by default).
    public func highlights(paragraph p: Int, in range: Range<Int>? = nil) -> [Highlight] {
        let r = range ?? 0..<paragraphs[p].text.count
        guard !r.isEmpty else { return [] }
        var quoteMark = [Int32](repeating: -1, count: r.count)
        var mentionMark = [Int32](repeating: -1, count: r.count)
        // Quotes and mentions are in source order, so each paragraph's are one stretch.
        var i = Self.firstIndex(quotes.count) { quotes[$0].paragraph >= p }
        while i < quotes.count, quotes[i].paragraph == p {
            let q = quotes[i].local.clamped(to: r)
            for b in q { quoteMark[b - r.lowerBound] = Int32(i) }
            i += 1
        }
        var k = Self.firstIndex(mentions.count) { mentions[$0].paragraph >= p }
        while k < mentions.count, mentions[k].paragraph == p {
            let m = mentions[k].local.clamped(to: r)
            for b in m { mentionMark[b - r.lowerBound] = Int32(k) }
            k += 1
        }
        var out: [Highlight] = []
        var start = 0
        while start < r.count {
            var end = start + 1
            while end < r.count, quoteMark[end] == quoteMark[start], mentionMark[end] == mentionMark[start] { end += 1 }
            out.append(Highlight(range: r.lowerBound + start..<r.lowerBound + end,
                                 quote: quoteMark[start] < 0 ? nil : Int(quoteMark[start]),
                                 mention: mentionMark[start] < 0 ? nil : Int(mentionMark[start])))
            start = end
        }
        return out
    }

    /// The first index in 0..<count where a monotone predicate holds.
    private static func firstIndex(_ count: Int, where holds: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if holds(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
