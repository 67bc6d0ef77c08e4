/// What a library has learnt of a site: the blocks that recur across its stored pages (a
/// footer, a subscription pitch, a "Follow us" block). A block is known by a fingerprint of
/// its words, so white space, case and punctuation do not make it new.
public enum SiteBlocks {
    /// Stored articles of the same publication that must have had a block before it is
    /// taken as that site's furniture.
    public static let articlesToLearn = 3
    /// Blocks with fewer letters and digits than this are not counted (a lone "Home" is
    /// furniture already; a dash or a number says nothing of a site).
    static let minLetters = 8

    /// The fingerprint of a block's words: FNV-1a over its letters and digits (ASCII
    /// lower-cased; other scripts' bytes as they are), a space between words. Nil for a
    /// block too small to count. Read as UTF-8 bytes.
    public static func fingerprint(_ block: Block) -> UInt64? {
        var h: UInt64 = 0xcbf29ce484222325
        var letters = 0
        var gap = false
        for c in block.text.utf8 {
            let lower = c | 0x20
            let isWord = (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80
            if isWord {
                if gap && letters > 0 { h = (h ^ 0x20) &* 0x100000001b3 }
                gap = false
                h = (h ^ UInt64(c < 0x80 && lower >= 0x61 && lower <= 0x7A ? lower : c)) &* 0x100000001b3
                if c < 0x80 || c >= 0xC0 { letters += 1 }  // a scalar's first byte counts once
            } else {
                gap = true
            }
        }
        return letters >= minLetters ? h : nil
    }

    /// The distinct fingerprints of a page's blocks, to count once per stored article.
    public static func fingerprints(of source: SourceText) -> Set<UInt64> {
        Set(BlockSplitter.split(source).compactMap(fingerprint))
    }

    /// The blocks of a page that the library knows as its publication's furniture (none
    /// when the page names no publication).
    public static func known(_ blocks: [Block], in source: SourceText, site: SiteMemory) -> [Int] {
        guard let first = blocks.first, let p = StructureFinder.publication(blocks, titleLine: first) else { return [] }
        let known = site(source.string(p))
        guard !known.isEmpty else { return [] }
        return blocks.indices.filter { i in fingerprint(blocks[i]).map(known.contains) ?? false }
    }
}

/// A site's furniture, as a library knows it: for a publication, the fingerprints of the
/// blocks to drop. The library answers; the analyser asks.
public typealias SiteMemory = (_ publication: String) -> Set<UInt64>
