/// The headline as the page shows it. A scraped page opens with its `<title>` line, which
/// may be shortened, reworded for search engines or only the site's name; the visible
/// headline (the page's `<h1>`) is a block near the top that says the same thing. That
/// block is the title when it is found; otherwise the title line, without the site's name.
enum HeadlineFinder {
    /// How far down the page the visible headline is looked for: past the menus, up to a
    /// few blocks into the body.
    static let blocksIntoBody = 3
    /// Menus before the headline can be long: at least this many blocks are looked at.
    static let minBlocks = 40
    static let maxBlocks = 400
    /// Content words the two must share, and their share of both (a Dice coefficient).
    static let minShared = 3
    static let minDice = 0.55
    /// Words one may have that the other has not, for the two to be the same headline.
    static let maxExtraWords = 2
    /// A paragraph of prose this long, once passed, ends the search for a reworded headline.
    static let minProseWords = 12

    /// The index of the block that shows `headline`, if one does.
    /// Of several copies (a "next story" link, the headline itself, a gallery's caption), the
    /// one with a byline below it is the headline; else the first.
    static func find(_ headline: String, blocks: [Block], features: [BlockFeatures], firstBody: Int,
                     hasByline: (Int) -> Bool = { _ in false }) -> Int? {
        let wanted = words(headline)
        guard !wanted.isEmpty else { return nil }
        let wantedSet = Set(wanted.filter(isContent))
        let limit = min(blocks.count, maxBlocks, max(firstBody + blocksIntoBody, minBlocks))
        var best: (index: Int, dice: Double)? = nil
        var proseSeen = false
        var firstCopy: Int? = nil
        for i in 1..<max(1, limit) {
            let f = features[i]
            if f.wordCount >= minProseWords, endsWithFullStop(blocks[i].text) { proseSeen = true }
            guard f.wordCount >= 1, f.wordCount <= 2 * wanted.count + 6, f.linkDensity < 0.5 else { continue }
            // Past the first prose only a copy is looked for: a block of about as many words
            // (the cleaner counts "O'Hara" as one word, this reading as two).
            if proseSeen && abs(f.wordCount - wanted.count) > 2 * maxExtraWords + 2 { continue }
            let seen = words(blocks[i].text.string)
            // The same words, give or take two: the headline itself ("Skyrim (skyrim) …").
            if seen == wanted || isNearCopy(seen, wanted) {
                if hasByline(i) { return i }
                if firstCopy == nil { firstCopy = i }
                continue
            }
            if firstCopy != nil { continue }
            // A reworded headline is one line that reads as a headline, not a sentence, and
            // comes before the article's first paragraph of prose.
            guard !proseSeen, f.wordCount >= 3, !endsWithFullStop(blocks[i].text) else { continue }
            if let dice = rewording(Set(seen.filter(isContent)), wantedSet), best == nil || dice > best!.dice { best = (i, dice) }
        }
        return firstCopy ?? best?.index
    }

    /// When the title line is only the site's name ("Quanta Magazine"), the headline is the
    /// headline-shaped block set right above the byline.
    static func aboveByline(blocks: [Block], features: [BlockFeatures], firstBody: Int, isByline: (Int) -> Bool) -> Int? {
        let limit = min(blocks.count, maxBlocks, max(firstBody + blocksIntoBody, minBlocks))
        guard limit > 2 else { return nil }
        for i in 2..<limit where isByline(i) {
            let k = i - 1
            let f = features[k]
            if f.wordCount >= 3, f.wordCount <= 30, f.linkDensity < 0.5, !endsWithFullStop(blocks[k].text) { return k }
            return nil
        }
        return nil
    }

    /// Whether two lines are the same headline: the same words give or take two, or most
    /// content words shared.
    static func saysTheSame(_ a: String, _ b: String) -> Bool {
        let x = words(a), y = words(b)
        if x == y || isNearCopy(x, y) { return true }
        return rewording(Set(x.filter(isContent)), Set(y.filter(isContent))) != nil
    }

    /// How alike two headlines' content words are (a Dice coefficient), when they share
    /// enough to be the same headline reworded; nil when not.
    static func rewording(_ a: Set<String>, _ b: Set<String>) -> Double? {
        let shared = a.intersection(b).count
        guard shared >= minShared else { return nil }
        let dice = 2 * Double(shared) / Double(a.count + b.count)
        return dice >= minDice ? dice : nil
    }

    /// Lower-case runs of letters and digits, read from UTF-8 bytes (ASCII directly; other
    /// scripts through their scalars' properties).
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        func flush() {
            if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) { current.append(c) }
                else if c >= 0x41 && c <= 0x5A { current.append(c | 0x20) }
                else { flush() }
                i += 1
                continue
            }
            let (u, len) = UTF8Scan.scalar(in: b, at: i)
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                for l in u.properties.lowercaseMapping.utf8 { current.append(l) }
            } else {
                flush()
            }
            i += max(len, 1)
        }
        flush()
        return out
    }

    /// Words that carry the headline's meaning: not the short function words, and not
    /// numbers (a score line shares a headline's numbers without being it).
    static func isContent(_ w: String) -> Bool {
        w.unicodeScalars.count >= 4 && !w.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    /// One list of words is the other's with at most `maxExtraWords` more, in order.
    static func isNearCopy(_ a: [String], _ b: [String]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 3, long.count - short.count <= maxExtraWords else { return false }
        var k = 0
        for w in long where k < short.count && w == short[k] { k += 1 }
        return k == short.count
    }

    /// A paragraph ends with a full stop or a colon (perhaps inside a quotation's closing
    /// mark or a bracket); a headline seldom does.
    static func endsWithFullStop(_ text: MappedText) -> Bool {
        let b = text.utf8
        var i = b.count - 1
        while i >= 0, b[i] == 0x20 { i -= 1 }
        // Closing marks: ", ', ) and the curly ” ’ (E2 80 9D, E2 80 99).
        while i >= 0 {
            if b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x29 { i -= 1; continue }
            if i >= 2, b[i - 2] == 0xE2, b[i - 1] == 0x80, b[i] == 0x9D || b[i] == 0x99 { i -= 3; continue }
            break
        }
        // "…on Friday:" introduces what follows; "Ama..." is a headline's ellipsis.
        return i >= 0 && (b[i] == 0x3A || (b[i] == 0x2E && !(i >= 1 && b[i - 1] == 0x2E)))
    }
}
