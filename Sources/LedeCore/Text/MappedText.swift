/// Text derived from a source text (tags stripped, entities decoded, white space folded)
/// that keeps its map back: every byte of `utf8` maps to a byte range of the source.
public struct MappedText: Sendable, Equatable {
    /// The derived text, valid UTF-8.
    public private(set) var utf8: [UInt8] = []
    /// Pieces in order: `out` bytes of `utf8` starting at `outStart` came from source bytes
    /// `src`. A literal piece is a byte-for-byte copy; any other maps as a whole.
    private var pieces: [Piece] = []

    struct Piece: Sendable, Equatable {
        var outStart: Int
        var src: Range<Int>
        var literal: Bool
    }

    public init() {}

    /// Makes room for `bytes` more bytes of text.
    public mutating func reserve(_ bytes: Int) {
        utf8.reserveCapacity(utf8.count + bytes)
        if pieces.isEmpty { pieces.reserveCapacity(4) }
    }

    public var isEmpty: Bool { utf8.isEmpty }
    public var count: Int { utf8.count }
    public var string: String { String(decoding: utf8, as: UTF8.self) }
    public func string(_ r: Range<Int>) -> String { String(decoding: utf8[r], as: UTF8.self) }

    /// Appends source bytes `src` copied as they are.
    public mutating func appendLiteral(_ source: [UInt8], _ src: Range<Int>) {
        guard !src.isEmpty else { return }
        if let last = pieces.last, last.literal, last.src.upperBound == src.lowerBound,
           last.outStart + last.src.count == utf8.count {
            pieces[pieces.count - 1].src = last.src.lowerBound..<src.upperBound
        } else {
            pieces.append(Piece(outStart: utf8.count, src: src, literal: true))
        }
        utf8.append(contentsOf: source[src])
    }

    /// Appends `bytes` standing for the source bytes `src` (an entity, a folded space).
    public mutating func appendReplacement(_ bytes: [UInt8], for src: Range<Int>) {
        guard !bytes.isEmpty else { return }
        pieces.append(Piece(outStart: utf8.count, src: src, literal: false))
        utf8.append(contentsOf: bytes)
    }

    /// Removes trailing ASCII spaces (a folded run at the end of a paragraph).
    public mutating func trimTrailingSpace() {
        while let last = utf8.last, last == 0x20 {
            utf8.removeLast()
            while let p = pieces.last, p.outStart >= utf8.count { pieces.removeLast() }
        }
    }

    private func pieceIndex(_ out: Int) -> Int {
        var lo = 0, hi = pieces.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pieces[mid].outStart <= out { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The source offset where derived byte `out` starts.
    public func sourceStart(_ out: Int) -> Int {
        guard !pieces.isEmpty else { return 0 }
        if out >= utf8.count { return sourceEnd(utf8.count) }
        let p = pieces[pieceIndex(out)]
        return p.literal ? p.src.lowerBound + (out - p.outStart) : p.src.lowerBound
    }

    /// The source offset where the derived text ending at byte `out` (exclusive) ends.
    public func sourceEnd(_ out: Int) -> Int {
        guard !pieces.isEmpty else { return 0 }
        if out <= 0 { return pieces[0].src.lowerBound }
        let p = pieces[pieceIndex(out - 1)]
        return p.literal ? p.src.lowerBound + (out - p.outStart) : p.src.upperBound
    }

    /// The source byte range of a derived byte range.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        if r.isEmpty { let s = sourceStart(r.lowerBound); return s..<s }
        return sourceStart(r.lowerBound)..<sourceEnd(r.upperBound)
    }

    /// The derived offset of a source offset: where the text that came from that source
    /// byte (or the first after it) is. The inverse of `sourceStart`.
    public func offset(ofSource source: Int) -> Int {
        guard !pieces.isEmpty else { return 0 }
        var lo = 0, hi = pieces.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pieces[mid].src.lowerBound <= source { lo = mid } else { hi = mid - 1 }
        }
        let p = pieces[lo]
        if source < p.src.lowerBound { return p.outStart }
        if p.src.contains(source) { return p.literal ? p.outStart + (source - p.src.lowerBound) : p.outStart }
        // Between pieces (dropped markup): the next piece's start.
        let end = lo + 1 < pieces.count ? pieces[lo + 1].outStart : utf8.count
        return p.literal ? min(end, p.outStart + p.src.count) : end
    }

    /// The same text mapped into a larger source where its source starts `base` bytes in.
    public func shifted(by base: Int) -> MappedText {
        var m = self
        m.pieces = pieces.map { Piece(outStart: $0.outStart, src: $0.src.lowerBound + base..<$0.src.upperBound + base, literal: $0.literal) }
        return m
    }

    /// The first `n` bytes of the text, still mapped to their source.
    public func prefix(_ n: Int) -> MappedText { slice(0..<min(max(n, 0), utf8.count)) }

    /// Bytes `r` of the text, still mapped to their source (a piece that maps as a whole
    /// keeps its whole source range).
    public func slice(_ r: Range<Int>) -> MappedText {
        let r = r.clamped(to: 0..<utf8.count)
        if r == 0..<utf8.count { return self }
        var m = MappedText()
        m.utf8 = Array(utf8[r])
        for (k, p) in pieces.enumerated() {
            let end = k + 1 < pieces.count ? pieces[k + 1].outStart : utf8.count
            guard p.outStart < r.upperBound, end > r.lowerBound else { continue }
            var piece = p
            let from = max(p.outStart, r.lowerBound), to = min(end, r.upperBound)
            if p.literal { piece.src = (p.src.lowerBound + from - p.outStart)..<(p.src.lowerBound + to - p.outStart) }
            piece.outStart = from - r.lowerBound
            m.pieces.append(piece)
        }
        return m
    }

    /// The source range the whole text came from.
    public var sourceSpan: Range<Int> {
        guard let first = pieces.first, let last = pieces.last else { return 0..<0 }
        return first.src.lowerBound..<last.src.upperBound
    }
}
