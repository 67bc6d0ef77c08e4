/// The byline: who wrote the article, names only. It stands a few blocks below the
/// headline, in one of a few shapes, each a named rule:
///
/// - `byLine`: "By Jane Doe and Ali Khan", "by Finian Cunningham", "By Jason Cipriani |
///   November 18, 2019" (the names end where the date or a bar begins);
/// - `agencyLine`: "Reuters", "AFP | PTI Paris" (the agencies; the place after them is the
///   dateline);
/// - `nameLine`: a line that is only a name, with what marks it as the writer's: a known
///   given name or surname, a handle ("Keris Lahiff@kerisalison") or the publication after a
///   comma ("Tanza Loudenback, Business Insider"); "JANIE HAR" in capitals too.
///
/// A credit ("© REUTERS / POOL", "Photo: Getty Images") is never a byline.
enum BylineFinder {
    struct Found: Equatable {
        /// The block, and the byte range of its names in the block's text.
        var block: Int
        var names: Range<Int>
        /// What follows the names ("| November 18, 2019 -- 19:14 GMT"), where a date may be.
        var rest: Range<Int>?
    }

    /// How many blocks below the headline a byline is looked for.
    static let window = 6
    static let maxWindow = 40
    static let maxWords = 16

    /// The first byline in the blocks after `start`: within `window` blocks, or up to the
    /// first block of the body when that is further (but not past `maxWindow`).
    static func find(blocks: [Block], features: [BlockFeatures], after start: Int, firstBody: Int) -> Found? {
        let end = min(blocks.count, max(start + 1 + window, min(firstBody + 1, start + 1 + maxWindow)))
        guard start + 1 < end else { return nil }
        // A standfirst may come before the byline; two paragraphs of prose mean the article
        // has begun, and a name after them signs it or heads another story.
        var prose = 0
        for i in (start + 1)..<end {
            if let found = byline(blocks[i], features[i], at: i) { return found }
            if features[i].wordCount >= HeadlineFinder.minProseWords, HeadlineFinder.endsWithFullStop(blocks[i].text) {
                prose += 1
                if prose == 2 { return nil }
            }
        }
        return nil
    }

    /// The byline a block is, by the first rule that reads it as one.
    static func byline(_ block: Block, _ f: BlockFeatures, at i: Int) -> Found? {
        guard f.wordCount >= 1, f.wordCount <= maxWords, f.linkDensity < 0.8, !isCredit(block, f), !isFurniture(f) else { return nil }
        let b = block.text.utf8
        let words = Self.words(b)
        guard !words.isEmpty else { return nil }
        if let r = byLine(b, words) { return Found(block: i, names: r.names, rest: r.rest) }
        if agencyLine(block, f) {
            // The names end with the last agency: "AFP | PTI Paris" is two agencies and the
            // dateline.
            let last = words.lastIndex { StructureFinder.isAgency(Lexicon.hash(b[$0])) }
            let end = last.map { words[$0].upperBound } ?? b.count
            return Found(block: i, names: 0..<end, rest: end < b.count ? end..<b.count : nil)
        }
        if let r = nameLine(b, words) { return Found(block: i, names: r, rest: nil) }
        return nil
    }

    // MARK: The rules

    static let openers: Set<String> = ["by", "por", "par", "von", "door", "di"]

    /// "By Jane Doe and Ali Khan | November 18, 2019": the opener, then names.
    static func byLine(_ b: [UInt8], _ words: [Range<Int>]) -> (names: Range<Int>, rest: Range<Int>?)? {
        guard words.count >= 2, openers.contains(text(b, words[0]).lowercased()) else { return nil }
        guard let run = nameRun(b, words, from: 1) else { return nil }
        let names = run.names
        // "By Any Means Necessary" is a column's name: a byline's words are not everyday
        // words, unless it opens with a known given name ("By Will Smith").
        guard !run.hasStopWord || run.givenFirst else { return nil }
        let restStart = run.end < words.count ? words[run.end].lowerBound : b.count
        return (names, restStart < b.count ? restStart..<b.count : nil)
    }

    /// "Reuters", "AFP | PTI Paris", "ASSOCIATED PRESS".
    static func agencyLine(_ block: Block, _ f: BlockFeatures) -> Bool {
        guard f.words.contains(where: StructureFinder.isAgency) else { return false }
        let text = block.text.string
        return text.contains("|") || f.wordCount <= 4 || text.uppercased() == text
    }

    /// "Maren Estrada", "JANIE HAR", "Keris Lahiff@kerisalison", "Tanza Loudenback, Business
    /// Insider": a line that is only a name and what marks it as the writer's.
    static func nameLine(_ b: [UInt8], _ words: [Range<Int>]) -> Range<Int>? {
        guard let run = nameRun(b, words, from: 0), !run.hasStopWord || run.givenFirst, run.nameWords >= 2 else { return nil }
        // A place or an organisation the gazetteer knows ("Hong Kong") is no writer.
        if Gazetteer.shared.knownNames[text(b, run.names)] != nil { return nil }
        if run.end == words.count && run.handle { return run.names }
        var known = run.known
        if run.end < words.count {
            // What may follow: ", Business Insider" (a publication, a few capitalised words)
            // or an agency ("Tom Davies Associated Press").
            let afterComma = b[run.names.upperBound] == 0x2C || text(b, words[run.end]).hasPrefix(",")
            guard afterComma || startsKnownName(b, words, run.end), words.count - run.end <= 4,
                  words[run.end...].allSatisfy({ isCapitalised(String(text(b, $0).drop { $0 == "," })) }) else { return nil }
            known = true
        }
        return known ? run.names : nil
    }

    /// A pitch or a link the boilerplate vocabulary knows ("Next Story", "Subscribe").
    static func isFurniture(_ f: BlockFeatures) -> Bool {
        f.callToAction > 0 || f.strongCallToAction || f.endMarker
    }

    /// "© Reuters", "Photo: Getty Images", "Image via Shutterstock".
    static func isCredit(_ block: Block, _ f: BlockFeatures) -> Bool {
        if f.credit > 0 { return true }
        let b = block.text.utf8
        return b.starts(with: Array("\u{00A9}".utf8)) || b.starts(with: Array("(c)".utf8))
    }

    // MARK: Names

    /// A run of names from word `start`: capitalised words (or initials, or particles such as
    /// "de" inside a name), several names joined by ",", "and" or "&".
    struct NameRun {
        var names: Range<Int>
        /// The index of the first word after the run.
        var end: Int
        var nameWords: Int
        /// A word of it is a known given name or surname.
        var known: Bool
        /// A word of it is an everyday word: a stop word ("Any") or one news text writes in
        /// lower case ("Read Later", "High School"), and not a known given name.
        var hasStopWord: Bool
        /// The last name ended in "@handle".
        var handle: Bool
        /// The first word is a known given name.
        var givenFirst = false
    }

    static let particles: Set<String> = ["de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "al", "el",
                                         "bin", "ibn", "la", "le", "st."]
    static let joiners: Set<String> = ["and", "&", "y", "e", "et", "und"]

    static func nameRun(_ b: [UInt8], _ words: [Range<Int>], from start: Int) -> NameRun? {
        var k = start
        var lastNameEnd: Int? = nil, lastWord = start
        var run = NameRun(names: 0..<0, end: start, nameWords: 0, known: false, hasStopWord: false, handle: false)
        var inName = 0
        while k < words.count {
            var w = words[k]
            // "Turak@NatashaTurak": the name, then the handle.
            var handle = false
            if let at = b[w].firstIndex(of: 0x40), at > w.lowerBound {
                w = w.lowerBound..<at
                handle = true
            }
            var word = text(b, w)
            var comma = false
            if word.hasSuffix(",") { word.removeLast(); w = w.lowerBound..<(w.upperBound - 1); comma = true }
            let lower = word.lowercased()
            if inName > 0, particles.contains(lower) {
                k += 1
                continue
            }
            // "Jane Doe and Ali Khan": another name follows.
            if lastNameEnd != nil, inName > 0, joiners.contains(lower) {
                inName = 0
                k += 1
                continue
            }
            guard isCapitalised(word) || isInitial(word) else { break }
            // "Tom Davies Associated Press": the agency is not part of the name.
            if inName > 0, startsKnownName(b, words, k) { break }
            if inName == 4 { return nil }  // no name has five words
            inName += 1
            run.nameWords += 1
            if isKnown(word) { run.known = true }
            if run.nameWords == 1, Gazetteer.shared.givenNames[word.titleCased] != nil { run.givenFirst = true }
            if isEveryday(word) { run.hasStopWord = true }
            lastNameEnd = w.upperBound
            lastWord = k
            k += 1
            if handle { run.handle = true; break }
            if comma { break }
        }
        guard let endByte = lastNameEnd, run.nameWords >= 1 else { return nil }
        run.names = words[start].lowerBound..<endByte
        run.end = lastWord + 1
        return run
    }

    /// "Jane", "JANIE", "O'Hara", "Al-Sharif": an upper-case first letter and no digit.
    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "'" || $0 == "\u{2019}" || $0 == "-" || $0 == "." }
            && word.unicodeScalars.count >= 2
    }

    /// "J.", "A.B."
    static func isInitial(_ word: String) -> Bool {
        let s = Array(word.unicodeScalars)
        return s.count >= 2 && s.count <= 4 && s.last == "." && s.allSatisfy { $0.properties.isUppercase || $0 == "." }
    }

    /// A given name or a surname the bundled lists know, in any case.
    static func isKnown(_ word: String) -> Bool {
        let titled = word.titleCased
        return Gazetteer.shared.givenNames[titled] != nil || Gazetteer.shared.surnames[word] != nil
    }

    /// How news text usually writes a word, from the model file.
    static let casing = WordCasing(model: Models.shared.casing?.ifCompatible(version: TaggerFeatures.version, labels: 1))

    static func isEveryday(_ word: String) -> Bool {
        let h = Lexicon.hash(word.lowercased())
        if Lexicon.shared.stopLanguages(h) != 0 { return true }
        guard Gazetteer.shared.givenNames[word.titleCased] == nil else { return false }
        return (casing.bucket(h) ?? 0) >= 3
    }

    /// Words `k`… open an organisation or place the gazetteer knows ("Associated Press").
    static func startsKnownName(_ b: [UInt8], _ words: [Range<Int>], _ k: Int) -> Bool {
        for n in 1...3 where k + n <= words.count {
            let phrase = words[k..<(k + n)].map { text(b, $0) }.joined(separator: " ")
            if Gazetteer.shared.knownNames[phrase]?.type == .org || StructureFinder.isAgency(Lexicon.hash(phrase)) { return true }
        }
        return false
    }

    /// Space-separated words, as byte ranges.
    static func words(_ b: [UInt8]) -> [Range<Int>] { TitleSplitter.words(b, 0..<b.count) }

    static func text(_ b: [UInt8], _ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
}
