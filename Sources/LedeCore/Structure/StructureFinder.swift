
/// Finds the title, standfirst, byline, date and body among classified blocks.
public enum StructureFinder {
    public struct Result: Sendable {
        public var paragraphs: [Paragraph] = []
        public var date: ArticleDate?
        /// The place a dateline names ("PARIS (AFP) —", "AFP | PTI Paris"), source bytes.
        public var dateline: Range<Int>?
        /// The site's name, cut from the title line ("… | TheHill"), source bytes.
        public var publication: Range<Int>?
        /// When the page says it was last updated, if it does.
        public var updated: ArticleDate?
        /// The names in the byline ("Jane Roe" of "By Jane Roe | May 1, 2019"), source bytes.
        public var bylineNames: Range<Int>?
    }

    /// Words that stand for agencies in a byline ("AFP | Agencies"); the agencies' own
    /// names are in the organisations table (`Gazetteer.agencies`).
    static let agencyWords = Set(["agencies", "agency"].map { Lexicon.hash($0) })

    static func isAgency(_ hash: UInt64) -> Bool {
        agencyWords.contains(hash) || Gazetteer.shared.agencies.contains(hash)
    }

    /// The publication's name in the title line (cut off after the headline, or the whole
    /// line when it is only a site's name the page repeats), as source bytes.
    static func publication(_ blocks: [Block], titleLine line: Block) -> Range<Int>? {
        let page = PageText(blocks)
        if let p = TitleSplitter.split(line.text.utf8, elsewhere: page.contains).publication { return line.text.sourceRange(p) }
        if TitleSplitter.isSiteName(line.text.utf8), page.contains(line.text.string) { return line.text.sourceSpan }
        return nil
    }

    public static func find(blocks: [Block], classes: inout [BlockClass], features: [BlockFeatures]) -> Result {
        var r = Result()
        guard !blocks.isEmpty else { return r }
        let firstBody = classes.firstIndex(of: .good) ?? blocks.count
        // The title: the headline the page shows, else the first block (the page's title
        // line) without the site's name, when it is headline-like.
        var titleIndex: Int? = nil
        if features[0].wordCount <= 40 && features[0].scalars <= 300 {
            let line = blocks[0].text
            let page = PageText(blocks)
            let split = TitleSplitter.split(line.utf8, elsewhere: page.contains)
            r.publication = split.publication.map { line.sourceRange($0) }
            let headline = line.prefix(split.headline.upperBound)
            var visible = HeadlineFinder.find(headline.string, blocks: blocks, features: features, firstBody: firstBody,
                                              hasByline: { BylineFinder.find(blocks: blocks, features: features, after: $0, firstBody: $0) != nil })
            // A title line that is only the site's name, named again on the page.
            if visible == nil, split.publication == nil, TitleSplitter.isSiteName(line.utf8), page.contains(line.string),
               let k = HeadlineFinder.aboveByline(blocks: blocks, features: features, firstBody: firstBody,
                                                  isByline: { BylineFinder.byline(blocks[$0], features[$0], at: $0) != nil }) {
                r.publication = line.sourceSpan
                visible = k
            }
            if let k = visible {
                titleIndex = k
                // The page may repeat the whole title line, site and all.
                let shown = TitleSplitter.split(blocks[k].text.utf8, elsewhere: page.contains)
                let text = shown.publication == nil ? blocks[k].text : blocks[k].text.prefix(shown.headline.upperBound)
                r.paragraphs.append(Paragraph(role: .title, text: text, block: k))
            } else {
                titleIndex = 0
                r.paragraphs.append(Paragraph(role: .title, text: headline, block: 0))
            }
        }
        // Header lines between the title and the body.
        let byline = BylineFinder.find(blocks: blocks, features: features, after: titleIndex ?? -1, firstBody: firstBody)
        let bylineIndex = byline?.block
        var dateIndex: Int? = nil
        let headerEnd = min(firstBody, blocks.count)
        let scanEnd = min(blocks.count, max(headerEnd, (titleIndex ?? -1) + 1) + 3)
        var sentenceDate: (index: Int, published: ArticleDate?, updated: ArticleDate?)? = nil
        for i in ((titleIndex ?? -1) + 1)..<scanEnd where (classes[i] != .good || i >= headerEnd) && i != bylineIndex {
            let f = features[i]
            // A date line is short; "Published … Updated …" holds two.
            guard dateIndex == nil, f.wordCount <= 20, f.digits >= 4 else { continue }
            let line = blocks[i].text.string
            let (published, updated) = DateParser.parseDates(line)
            guard published ?? updated != nil else { continue }
            // A sentence with a date in it (a photo's caption: "The pier in a photo taken
            // March 3, 2015.") gives way to a line that is a date, or says what the date is.
            if f.wordCount > 8, !DateParser.isOnlyADate(line), !Self.saysWhatTheDateIs(line) {
                if sentenceDate == nil { sentenceDate = (i, published, updated) }
                continue
            }
            dateIndex = i
            // A page that gives only when it was updated: that is the best date it has.
            r.date = published ?? updated
            r.updated = updated
        }
        if let found = byline {
            let block = blocks[found.block]
            // The line as the page shows it; its names apart.
            r.paragraphs.append(Paragraph(role: .byline, text: block.text, block: found.block))
            r.bylineNames = block.text.sourceRange(found.names)
            r.dateline = placeInByline(block)
            // "By Jane Roe | November 18, 2019": the date shares the byline's line.
            if r.date == nil, let rest = found.rest {
                let (published, updated) = DateParser.parseDates(block.text.string(rest))
                r.date = published ?? updated
                r.updated = updated
            }
        }
        // Only a sentence with a date in it, and none on the byline's line: that, then.
        if r.date == nil, let s = sentenceDate {
            dateIndex = s.index
            r.date = s.published ?? s.updated
            r.updated = s.updated
        }
        if let d = dateIndex, d != bylineIndex {
            r.paragraphs.append(Paragraph(role: .date, text: blocks[d].text, block: d))
        }
        // The standfirst: a sentence-length block after the title and before the byline or
        // date, which the cleaner may not have kept as body.
        if let t = titleIndex, let headerMark = [bylineIndex, dateIndex].compactMap({ $0 }).min(), headerMark > t + 1 {
            let title = r.paragraphs.first { $0.role == .title }?.text.string ?? ""
            for i in (t + 1)..<min(headerMark, t + 1 + maxStandfirstDistance)
            where features[i].wordCount >= 6 && features[i].linkDensity < 0.2 && !blocks[i].hasImage {
                if isStandfirst(blocks[i], features[i], title: title) {
                    r.paragraphs.append(Paragraph(role: .standfirst, text: blocks[i].text, block: i))
                    break
                }
            }
        }
        // The title line is never body, even when the visible headline is the title.
        let taken = Set(r.paragraphs.map(\.block) + (titleIndex == nil ? [] : [0]))
        // What stands above the headline the page shows is its furniture (menus, a
        // breadcrumb), not the article.
        let bodyStart = titleIndex ?? -1
        var bodyEnd = otherStoryHeader(blocks, features, classes, after: bodyStart) ?? blocks.count
        if let bio = aboutTheWriter(blocks, features, after: bodyStart, writer: r.bylineNames, in: bylineIndex.map { blocks[$0] }) {
            bodyEnd = min(bodyEnd, bio)
        }
        var seen = RepeatFinder()
        for i in blocks.indices where classes[i] == .good && !taken.contains(i) && i > bodyStart && i < bodyEnd {
            // The page may hold the article twice (its paragraphs, then all of it run
            // together in one block, a pull quote): what the body already says goes.
            if seen.repeats(blocks[i].text.utf8) { continue }
            r.paragraphs.append(Paragraph(role: .body, text: blocks[i].text, block: i))
        }
        r.paragraphs.sort { $0.block < $1.block }
        // A dateline opening the body ("PORTSMOUTH — ...", "NEW YORK (AP) — ...") or a date
        // line of its own ("LONDON 1996-08-30") names the place better than a byline.
        for p in r.paragraphs where p.role == .body || p.role == .date {
            if let place = datelinePlace(p.text) { r.dateline = place; break }
            if p.role == .body { break }
        }
        if r.date == nil {
            // A date in a short line elsewhere near the top or in a footer ("First Published").
            for i in blocks.indices where features[i].wordCount <= 14 && features[i].digits >= 4 && classes[i] != .good {
                if let d = DateParser.parse(blocks[i].text.string) { r.date = d; break }
            }
        }
        return r
    }


    /// Where another story's header begins below the article: a writer's line then a line
    /// that is only a date ("Becket Adams" / "Tuesday November 19, 2019"), with the short
    /// headline above them, once the article's own text has begun. A list of other
    /// stories follows the article; it is not the article.
    static func otherStoryHeader(_ blocks: [Block], _ features: [BlockFeatures], _ classes: [BlockClass], after start: Int) -> Int? {
        var bodySeen = false
        var i = start + 1
        while i < blocks.count {
            if classes[i] == .good && !features[i].dateOnly && features[i].wordCount >= BylineFinder.maxWords { bodySeen = true }
            if bodySeen, features[i].dateOnly, i >= 2, BylineFinder.byline(blocks[i - 1], features[i - 1], at: i - 1) != nil {
                let above = i - 2
                let f = features[above]
                let headline = f.wordCount <= 15 && !HeadlineFinder.endsWithFullStop(blocks[above].text)
                return headline && above > start ? above : i - 1
            }
            i += 1
        }
        return nil
    }

    /// Words that head a note on the writer: "About Jane Roe", "Sobre Carlos Nadalim".
    static let aboutWords: [[UInt8]] = ["about ", "sobre ", "acerca de ", "à propos de ", "über ", "over "].map { Array($0.utf8) }

    /// Where a note on the writer begins below the article ("About Jane Roe" and a bio): a
    /// short line of an about-word and a person's name — the byline's surname, or a name
    /// opening with a known given name — once the article's prose has begun. It ends the
    /// article.
    static func aboutTheWriter(_ blocks: [Block], _ features: [BlockFeatures], after start: Int, writer: Range<Int>?, in byline: Block?) -> Int? {
        var surname: String? = nil
        if let writer, let byline {
            let names = byline.text.string(byline.text.offset(ofSource: writer.lowerBound)..<byline.text.offset(ofSource: writer.upperBound))
            // An agency line ("AFP | PTI Paris") names no writer.
            if !names.contains("|"), let last = names.split(separator: " ").last, last.count >= 2,
               Gazetteer.shared.knownNames[String(last)] == nil, !isAgency(Lexicon.hash(String(last))) {
                surname = last.lowercased()
            }
        }
        var prose = 0
        for i in (start + 1)..<blocks.count {
            let f = features[i]
            if f.wordCount >= HeadlineFinder.minProseWords, HeadlineFinder.endsWithFullStop(blocks[i].text) { prose += 1 }
            guard prose >= 2, f.wordCount >= 2, f.wordCount <= 6 else { continue }
            let b = blocks[i].text.utf8
            let lower = Array(blocks[i].text.string.lowercased().utf8)
            guard let about = aboutWords.first(where: { lower.starts(with: $0) }) else { continue }
            if let surname, String(decoding: lower, as: UTF8.self).contains(surname) { return i }
            // "Sobre Carlos Nadalim": the rest is one person's name.
            let words = TitleSplitter.words(b, about.count..<b.count)
            if let run = BylineFinder.nameRun(b, words, from: 0), run.givenFirst, run.end == words.count, run.nameWords >= 2 { return i }
        }
        return nil
    }

    /// How many blocks below the headline a standfirst may stand.
    static let maxStandfirstDistance = 3

    /// A dek: a sentence saying what the story is about, not furniture (a pitch, a credit,
    /// a form's message), not the headline again, not another story's headline (a line of
    /// capitalised words without a full stop). None is better than a wrong one.
    static func isStandfirst(_ block: Block, _ f: BlockFeatures, title: String) -> Bool {
        if f.callToAction > 0 || f.strongCallToAction || f.credit > 0 || f.endMarker || f.truncated { return false }
        if HeadlineFinder.saysTheSame(block.text.string, title) { return false }
        let words = TitleSplitter.words(block.text.utf8, 0..<block.text.utf8.count)
        let capitalised = words.filter { w in block.text.utf8[w.lowerBound] >= 0x41 && block.text.utf8[w.lowerBound] <= 0x5A }.count
        let headlineCase = capitalised * 10 >= words.count * 7
        return f.endsLikeSentence ? !headlineCase || f.stopDensity >= 0.3 : !headlineCase && f.stopDensity >= 0.3
    }

    /// The capitalised place that opens a paragraph as its dateline: words in capitals
    /// (with ", State" and "(Agency)" allowed after them) followed by a dash, or by a date.
    /// "Published …", "Updated: …", "Posted on …": a line that says it gives the date.
    static func saysWhatTheDateIs(_ line: String) -> Bool {
        guard let word = line.split(separator: " ").first else { return false }
        // The word without the punctuation around it ("Updated:"), by Unicode's categories
        // (what Foundation's `punctuationCharacters` holds, without its first-use cost).
        let scalars = word.lowercased().unicodeScalars
        let kept = scalars.drop(while: isPunctuation).reversed().drop(while: isPunctuation).reversed()
        var first = String.UnicodeScalarView()
        first.append(contentsOf: kept)
        return ["published", "updated", "posted", "last", "first", "date", "dated", "modified"].contains(String(first))
    }

    private static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    static func datelinePlace(_ text: MappedText) -> Range<Int>? {
        let b = text.utf8
        var i = 0
        var placeEnd = 0
        var letters = 0
        // The place: upper-case letters, spaces, dots, hyphens, apostrophes.
        while i < b.count {
            let (s, len) = UTF8Scan.scalar(in: b, at: i)
            if UTF8Scan.isLetter(s) {
                guard UTF8Scan.isUpper(s) else { return nil }
                letters += 1
                placeEnd = i + len
            } else if !(s == " " || s == "." || s == "-" || s == "'") {
                break
            }
            i += len
        }
        guard letters >= 3, placeEnd > 0 else { return nil }
        // What may follow: ", Mass.," a date, "(AP)", then a dash; or a date alone.
        let rest = text.string(placeEnd..<min(b.count, placeEnd + 60))
        let dashes = [" \u{2014}", " \u{2013}", " -", "\u{2014}", " --"]
        guard let dash = dashes.compactMap({ rest.firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            // "LONDON 1996-08-30": a place and a date, the whole paragraph.
            let trimmed = String(rest.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            return !trimmed.isEmpty && DateParser.parse(trimmed) != nil && trimmed.count <= 24
                ? text.sourceRange(0..<placeEnd) : nil
        }
        let between = rest[rest.startIndex..<dash.lowerBound]
        guard between.count <= 40, !between.contains(where: { $0 == "\u{201C}" || $0 == "\"" }) else { return nil }
        return text.sourceRange(0..<placeEnd)
    }

    /// The trailing place of a byline such as "AFP | PTI Paris".
    static func placeInByline(_ block: Block) -> Range<Int>? {
        let b = block.text.utf8
        guard let bar = b.lastIndex(of: 0x7C) else { return nil }  // '|'
        var start = bar + 1
        while start < b.count, b[start] == 0x20 { start += 1 }
        // Skip agency words in capitals: the place is what follows them.
        var words: [Range<Int>] = []
        var i = start
        while i < b.count {
            while i < b.count, b[i] == 0x20 { i += 1 }
            let s = i
            while i < b.count, b[i] != 0x20 { i += 1 }
            if s < i { words.append(s..<i) }
        }
        let place = words.drop { r in isAgency(Lexicon.hash(b[r])) }
        guard let first = place.first, let last = place.last else { return nil }
        return block.text.sourceRange(first.lowerBound..<last.upperBound)
    }
}

/// The page's text below its title line, for asking whether a phrase appears there as
/// whole words (a site's name in a footer). Read into lower-case words once, on the first
/// question.
final class PageText {
    private let blocks: [Block]
    private lazy var text: String = " " + blocks.dropFirst().map { HeadlineFinder.words($0.text.string).joined(separator: " ") }
        .joined(separator: " ") + " "

    init(_ blocks: [Block]) { self.blocks = blocks }

    func contains(_ phrase: String) -> Bool {
        let words = HeadlineFinder.words(phrase)
        return !words.isEmpty && text.contains(" " + words.joined(separator: " ") + " ")
    }
}

/// Whether a block says again what the blocks before it said: eight in ten of its runs of
/// four words were in them. Word runs are hashed, so the check is linear in the page.
struct RepeatFinder {
    private var shingles = HashSet64()
    private var seenNumbers = HashSet64()
    static let words = 4
    static let share = 0.8
    static let shortQuotation = 60
    static let longCopy = 100

    /// Buffers kept from block to block, so that reading one allocates nothing.
    private var runs: [UInt64] = []
    private var numbers: [UInt64] = []

    mutating func repeats(_ b: [UInt8]) -> Bool {
        runs.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        // The last four words' hashes, oldest first.
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        var count = 0
        var h: UInt64 = 0xcbf29ce484222325
        var inWord = false, allDigits = true
        for k in 0...b.count {
            let c: UInt8 = k < b.count ? b[k] : 0x20
            let lower = c | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80 {
                h = (h ^ UInt64(c < 0x80 ? (c >= 0x30 && c <= 0x39 ? c : lower) : c)) &* 0x100000001b3
                if c < 0x30 || c > 0x39 { allDigits = false }
                inWord = true
                continue
            }
            guard inWord else { continue }
            if allDigits { numbers.append(h) }
            (w0, w1, w2, w3) = (w1, w2, w3, h)
            count += 1
            if count >= Self.words { runs.append((((w0 &* 0x100000001b3) ^ w1) &* 0x100000001b3 ^ w2) &* 0x100000001b3 ^ w3) }
            h = 0xcbf29ce484222325
            inWord = false
            allDigits = true
        }
        guard !runs.isEmpty else { return false }
        // A short quotation said twice is the writer's choice (a live blog repeats one).
        if runs.count < Self.shortQuotation, let first = b.first, first == 0x22 || b.starts(with: [0xE2, 0x80, 0x9C]) {
            for x in runs { shingles.insert(x) }
            for n in numbers { seenNumbers.insert(n) }
            return false
        }
        // In a paragraph, a number the body has not had makes it news ("Paragraph 399 of the
        // report", a table's next row), however alike the rest; a long copy of the article
        // may hold a few the paragraphs lost.
        let newNumber = runs.count < Self.longCopy && numbers.contains { !seenNumbers.contains($0) }
        let known = runs.reduce(0) { $0 + (shingles.contains($1) ? 1 : 0) }
        if !newNumber && runs.count >= Self.words && Double(known) >= Self.share * Double(runs.count) { return true }
        for x in runs { shingles.insert(x) }
        for n in numbers { seenNumbers.insert(n) }
        return false
    }
}
