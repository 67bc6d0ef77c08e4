/// Finds people, organisations and places with rules and gazetteers, then merges the
/// names that refer to one party within the article ("Kerry" is "John Kerry", "US" is
/// "United States", "the Post" is "Washington Post", "JIG" is "Joint Implementation Group").
public struct PartyRecognizer: Sendable {
    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) { self.gazetteer = gazetteer }

    /// A candidate name before merging.
    struct Candidate {
        var paragraph: Int
        var tokens: Range<Int>  // token indices
        var local: Range<Int>
        var text: String
        var type: PartyType?
        /// How sure the type is: 3 gazetteer/title, 2 name words, 1 context, 0 guess.
        var strength: Int
        var canonical: String?
        var sentenceInitial: Bool
    }

    public func recognize(_ paragraphs: [Paragraph], tokens: [[Token]]? = nil) -> ([Mention], [Party]) {
        let tokenized = tokens ?? paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        // Words seen in lower case anywhere: a capitalised one at a sentence start is then
        // more likely a common word than a name.
        // Only the capitalised words that start sentences need the check: collect those,
        // then look for them in lower case.
        var wanted = HashSet64()
        for toks in tokenized {
            for i in toks.indices where toks[i].sentenceStart && toks[i].isCapitalized { wanted.insert(toks[i].hash) }
        }
        var lowerSeen = Set<String>()
        if !wanted.isEmpty {
            for toks in tokenized {
                for i in toks.indices where toks[i].kind == .word && !toks[i].isCapitalized && wanted.contains(toks[i].hash) {
                    lowerSeen.insert(toks[i].text)
                }
            }
        }
        var candidates: [Candidate] = []
        var capsParagraphs: [Int] = []
        for (p, toks) in tokenized.enumerated() {
            if isAllCaps(toks) { capsParagraphs.append(p); continue }
            candidates += spans(toks, paragraph: p, text: paragraphs[p].text, lowerSeen: lowerSeen)
        }
        // Names seen in mixed case tell how to read the same words in an ALL-CAPS headline.
        var known: [String: Candidate] = [:]
        for c in candidates where c.type != nil && !capsParagraphs.isEmpty {
            known[c.text.lowercased()] = c
            // A person's surname alone names them in a headline too ("SHEARER NAMED ...").
            if c.type == .person, let last = c.text.split(separator: " ").last, last.count > 2, known[last.lowercased()] == nil {
                var s = c
                s.canonical = c.canonical ?? c.text
                known[last.lowercased()] = s
            }
        }
        for p in capsParagraphs {
            candidates += capsSpans(tokenized[p], paragraph: p, text: paragraphs[p].text, known: known)
        }
        return merge(candidates, paragraphs: paragraphs, tokenized: tokenized)
    }

    func isAllCaps(_ toks: [Token]) -> Bool {
        var words = 0, caps = 0
        for i in toks.indices where toks[i].kind == .word {
            words += 1
            if toks[i].isAllCaps || (toks[i].range.count == 1 && toks[i].isCapitalized) { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 8
    }

    // MARK: Spans in mixed-case text

    func isNameWord(_ t: Token) -> Bool {
        guard t.isWord else { return false }
        if t.isCapitalized { return true }
        // "al-Assad", "bin-Laden": a lower-case particle joined to a capitalised name.
        guard t.hasHyphen else { return false }
        if let dash = t.text.firstIndex(of: "-") {
            let head = String(t.text[..<dash])
            let rest = t.text[t.text.index(after: dash)...]
            if PartyCues.nameParticles.contains(head), let f = rest.unicodeScalars.first, UTF8Scan.isUpper(f) { return true }
        }
        return false
    }

    func spans(_ toks: [Token], paragraph p: Int, text: MappedText, lowerSeen: Set<String>) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < toks.count {
            guard isNameWord(toks[i]) else { i += 1; continue }
            if let head = modifierHead(toks[i]) {
                // "US-led", "Scientology-related": the name is the part before the hyphen.
                var c = make(toks, i..<(i + 1), p, text, type: nil, strength: 0)
                c.local = head
                c.text = text.string(head)
                if let org = gazetteer.organisations[c.text] { c.type = .org; c.canonical = org; c.strength = 3 }
                else if let place = gazetteer.place(c.text) { c.type = .place; c.canonical = place; c.strength = 3 }
                if !gazetteer.demonyms.contains(c.text) && !PartyCues.commonCapitalised.contains(c.text.lowercased()) { out.append(c) }
                i += 1
                continue
            }
            var j = i + 1
            while j < toks.count {
                // "U.S. The": an abbreviation's full stop that also ends the sentence.
                if toks[j - 1].hasDot, toks[j].classes.contains(.common) { break }
                if isNameWord(toks[j]) { j += 1; continue }
                // "the" joins only after "of"/"for" ("Bank of the West"), never two names.
                if toks[j].is("the"), !toks[j - 1].is("of"), !toks[j - 1].is("for") { break }
                // A connector ("of", "al", "de") inside a name, when a name word follows.
                if toks[j].isWord, toks[j].classes.contains(.connector), !toks[j].isCapitalized, j + 1 < toks.count, isNameWord(toks[j + 1]) {
                    j += 2; continue
                }
                // A hyphenated run inside a name ("Al - Nusra") is not; stop.
                break
            }
            // Most runs are one common word opening a sentence ("The", "But", "I"): no name.
            if j == i + 1, !toks[i].classes.isDisjoint(with: [.common, .notName]), !gazetteer.nameStarts.contains(toks[i].text) {
                i = j
                continue
            }
            out += classify(toks, i..<j, paragraph: p, text: text, lowerSeen: lowerSeen)
            i = j
        }
        return out
    }

    /// Splits a capitalised run at roles and weak connectors and types each part.
    func classify(_ toks: [Token], _ run: Range<Int>, paragraph p: Int, text: MappedText, lowerSeen: Set<String>) -> [Candidate] {
        var lo = run.lowerBound
        var hi = run.upperBound
        // A leading common word at a sentence start is not part of the name ("Currently").
        while lo < hi, toks[lo].sentenceStart || lo == run.lowerBound && lo > 0 && isOpeningQuote(toks[lo - 1]) {
            // Inside a quotation a capital may start a name as well as a sentence: only
            // the commonest words drop there.
            let common = toks[lo].classes.contains(.common) || {
                let w = toks[lo].hasDot ? String(toks[lo].lowered.dropLast()) : toks[lo].lowered
                return isCommonWord(w, lowerSeen: toks[lo].sentenceStart ? lowerSeen : [])
            }()
            if common && gazetteer.organisations[toks[lo].text] == nil
                && gazetteer.place(toks[lo].text) == nil {
                lo += 1
                while lo < hi, !isNameWord(toks[lo]) { lo += 1 }
            } else { break }
        }
        // Trailing connectors cannot end a name.
        while hi > lo, !isNameWord(toks[hi - 1]) { hi -= 1 }
        guard lo < hi else { return [] }

        // A whole known name wins. Only a run opening with a gazetteer name's first word
        // can be or begin one.
        let opensKnown = gazetteer.nameStarts.contains(toks[lo].text)
        if opensKnown, let c = known(toks, lo..<hi, p, text) { return [c] }
        // A leading "The" is not part of a name unless the gazetteer says so ("The Hague").
        if toks[lo].is("the"), hi - lo >= 2 {
            lo += 1
            if let c = known(toks, lo..<hi, p, text) { return [c] }
        }

        // A role inside the run: "US Secretary of State John Kerry" → US | John Kerry.
        // The role must have a name after it.
        for k in stride(from: hi - 2, through: lo, by: -1) {
            if toks[k].classes.contains(.personTitle) || (toks[k].is("state") && k >= lo + 2 && toks[k - 1].is("of") && toks[k - 2].is("secretary")) {
                var before: [Candidate] = []
                if k > lo {
                    // What stands before the role: a place or org that qualifies it ("US").
                    var e = k
                    while e > lo, toks[e - 1].classes.contains(.personTitle) || toks[e - 1].classes.contains(.weakConnector) || toks[e - 1].is("foreign") || toks[e - 1].is("prime") || toks[e - 1].is("vice") || toks[e - 1].is("deputy") {
                        e -= 1
                    }
                    if e > lo { before = classify(toks, lo..<e, paragraph: p, text: text, lowerSeen: lowerSeen).filter { $0.type != .person || $0.strength >= 3 } }
                }
                let name = make(toks, (k + 1)..<hi, p, text, type: .person, strength: 3)
                return before + [name]
            }
        }
        // A country heading a longer name qualifies it: "US National Park Service" is the
        // United States and the service ("U.S. Treasury", "UK Home Office").
        if hi - lo >= 2, gazetteer.nameStarts.contains(toks[lo].text) {
            for m in stride(from: min(hi - 1, lo + 3), to: lo, by: -1) {
                let head = make(toks, lo..<m, p, text, type: nil, strength: 3)
                if let place = gazetteer.place(head.text), gazetteer.places[place] == "country" || head.text == "US" || head.text == "U.S." || head.text == "UK" {
                    var h = head
                    h.type = .place
                    h.canonical = place
                    return [h] + classify(toks, m..<hi, paragraph: p, text: text, lowerSeen: lowerSeen)
                }
            }
        }
        // Two known names side by side: "PTI Paris".
        if hi - lo >= 2, gazetteer.nameStarts.contains(toks[lo].text) {
            for m in (lo + 1)..<hi where toks[m - 1].isWord && toks[m].isWord {
                if let a = known(toks, lo..<m, p, text), let b = known(toks, m..<hi, p, text) { return [a, b] }
            }
        }
        // "X and Y" names two parties unless the whole is a known name.
        if let and = toks[lo..<hi].firstIndex(where: { $0.is("and") || $0.text == "&" }), and > lo, and < hi - 1 {
            return classify(toks, lo..<and, paragraph: p, text: text, lowerSeen: lowerSeen)
                + classify(toks, (and + 1)..<hi, paragraph: p, text: text, lowerSeen: lowerSeen)
        }
        // Split at weak connectors unless the whole reads as an organisation or place name.
        let typed = typeOf(toks, lo..<hi, p, text, lowerSeen: lowerSeen)
        if typed.type == nil || typed.type == .person {
            var parts: [Candidate] = []
            var s = lo
            var split = false
            for m in lo..<hi where toks[m].classes.contains(.weakConnector) || toks[m].is("and") {
                if s < m { parts += classify(toks, s..<m, paragraph: p, text: text, lowerSeen: lowerSeen) }
                s = m + 1
                split = true
            }
            if split {
                if s < hi { parts += classify(toks, s..<hi, paragraph: p, text: text, lowerSeen: lowerSeen) }
                return parts
            }
        }
        return typed.type == nil && typed.strength < 0 ? [] : [typed]
    }

    /// The name part of a hyphenated modifier whose tail is a lower-case word ("US-led"
    /// → "US"), as a byte range in the paragraph.
    func modifierHead(_ t: Token) -> Range<Int>? {
        guard t.isWord, t.isCapitalized, t.hasHyphen, let dash = t.text.utf8.lastIndex(of: 0x2D) else { return nil }
        let tail = t.text.utf8[t.text.utf8.index(after: dash)...]
        guard tail.count >= 2, tail.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let headLength = t.text.utf8.distance(from: t.text.utf8.startIndex, to: dash)
        return t.range.lowerBound..<(t.range.lowerBound + headLength)
    }

    func isOpeningQuote(_ t: Token) -> Bool {
        t.kind == .punct && (t.text == "\"" || t.text == "\u{201C}" || t.text == "\u{2018}" || t.text == "'" || t.text == "(")
    }

    func isCommonWord(_ w: String, lowerSeen: Set<String>) -> Bool {
        if PartyCues.commonCapitalised.contains(w) || lowerSeen.contains(w) { return true }
        if w.utf8.count > 4, w.hasSuffix("ly") || w.hasSuffix("ing") || w.hasSuffix("ed") {
            // "Kelly", "Fielding", "Reed": names that look like adverbs or participles.
            let name = titleCase(w)
            return gazetteer.givenNames[name] == nil && (gazetteer.surnames[name] ?? .max) > 5000
        }
        return false
    }

    func make(_ toks: [Token], _ r: Range<Int>, _ p: Int, _ text: MappedText, type: PartyType?, strength: Int, canonical: String? = nil) -> Candidate {
        var end = toks[r.upperBound - 1].range.upperBound
        // "U.S." keeps its dot; a sentence-final dot after a name does not belong to it.
        if toks[r.upperBound - 1].hasDot, !toks[r.upperBound - 1].text.dropLast().contains(".") && toks[r.upperBound - 1].range.count > 2 && r.count > 1 {
            end -= 1
        }
        let local = toks[r.lowerBound].range.lowerBound..<end
        return Candidate(paragraph: p, tokens: r, local: local, text: text.string(local), type: type,
                         strength: strength, canonical: canonical, sentenceInitial: toks[r.lowerBound].sentenceStart)
    }

    /// Gazetteer lookups of the whole run, with and without a leading "The".
    func known(_ toks: [Token], _ r: Range<Int>, _ p: Int, _ text: MappedText) -> Candidate? {
        var c = make(toks, r, p, text, type: nil, strength: 3)
        guard let known = gazetteer.knownNames[c.text] else { return nil }
        c.type = known.type
        c.canonical = known.canonical
        return c
    }

    func typeOf(_ toks: [Token], _ r: Range<Int>, _ p: Int, _ text: MappedText, lowerSeen: Set<String>) -> Candidate {
        var c = make(toks, r, p, text, type: nil, strength: 0)
        // A run holds only words (names and the connectors between them).
        let words = toks[r]
        let first = toks[r.lowerBound], last = toks[r.upperBound - 1]
        let prev = r.lowerBound > 0 ? toks[r.lowerBound - 1] : nil
        let prev2 = r.lowerBound > 1 ? toks[r.lowerBound - 2] : nil
        let next = r.upperBound < toks.count ? toks[r.upperBound] : nil
        let next2 = r.upperBound + 1 < toks.count ? toks[r.upperBound + 1] : nil

        if words.count == 1, gazetteer.demonyms.contains(first.text) { c.strength = -1; return c }
        if words.count == 1, first.isAllCaps, gazetteer.demonyms.contains(titleCase(first.text)) { c.strength = -1; return c }
        // A title right before: "Mr Kerry", "President Putin".
        if let prev, prev.classes.contains(.personTitle), prev.isCapitalized || prev.hasDot {
            c.type = .person; c.strength = 3; return c
        }
        if words.count > 1 && words.contains(where: { $0.classes.contains(.orgWord) }) {
            c.type = .org; c.strength = 2; return c
        }
        if words.count > 1, last.classes.contains(.placeWord) || first.classes.contains(.placeWord) && words.contains(where: { $0.is("of") }) {
            c.type = .place; c.strength = 2; return c
        }
        // A demonym heading a longer name drops off: "Russian President" handled above,
        // "Syrian Assad" rarely; "American Airlines" is an org word case.
        if words.count > 1, gazetteer.demonyms.contains(first.text), r.count > 1 {
            return typeOf(toks, (r.lowerBound + 1)..<r.upperBound, p, text, lowerSeen: lowerSeen)
        }
        let given = gazetteer.givenNames[first.text] != nil
        if words.count >= 2 && words.count <= 4 && given && !first.isAllCaps {
            c.type = .person; c.strength = 2; return c
        }
        // An age or a role after: "John Smith, 45," / ", a spokesman".
        if let next, next.text == ",", let next2, next2.kind == .number, words.count <= 3 {
            c.type = .person; c.strength = 2; return c
        }
        if let next, next.classes.contains(.personVerb), words.count <= 3, !first.isAllCaps {
            c.type = .person; c.strength = 1; return c
        }
        if words.count == 1 && (first.classes.contains(.notName) || first.classes.contains(.common)
            || first.text.utf8.contains(0x27) || first.text.unicodeScalars.contains("\u{2019}")) {
            c.strength = -1; return c
        }
        if words.count == 1 && first.isAllCaps && first.range.count <= 6 {
            c.type = .org; c.strength = 1; return c
        }
        if let prev, prev.classes.contains(.placePreposition), words.count <= 3,
           !(prev2.map { $0.classes.contains(.personVerb) } ?? false) {
            c.type = .place; c.strength = 1; return c
        }
        if words.count >= 2 && words.count <= 3 {
            let surname = gazetteer.surnames[last.text] != nil
            if surname || given { c.type = .person; c.strength = 1; return c }
        }
        if words.count == 1 {
            if !first.isAllCaps, let rank = gazetteer.surnames[first.text], rank <= 3000, !first.sentenceStart || !lowerSeen.contains(first.lowered) {
                c.type = .person; c.strength = 0; return c
            }
            if given && !first.sentenceStart { c.type = .person; c.strength = 0; return c }
            c.strength = 0
            return c  // untyped: merging may type it
        }
        // Neither a given name nor a surname in it: more often a firm or a team than a person.
        c.type = .org
        c.strength = 0
        return c
    }

    // MARK: ALL-CAPS headlines

    func capsSpans(_ toks: [Token], paragraph p: Int, text: MappedText, known: [String: Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < toks.count {
            guard toks[i].isWord, toks[i].isCapitalized else { i += 1; continue }
            // Longest known name starting here, up to four words.
            var matched = false
            for len in stride(from: min(4, toks.count - i), through: 1, by: -1) {
                let r = i..<(i + len)
                guard toks[r].allSatisfy({ $0.isWord }) else { continue }
                let words = toks[r].map { titleCase($0.text) }
                let name = words.joined(separator: " ")
                var c = make(toks, r, p, text, type: nil, strength: 2)
                if let org = gazetteer.organisations[name] ?? gazetteer.organisations[toks[r].map(\.text).joined(separator: " ")] {
                    c.type = .org; c.canonical = org
                } else if let place = gazetteer.place(name) {
                    c.type = .place; c.canonical = place
                } else if let k = known[name.lowercased()], let t = k.type {
                    c.type = t; c.canonical = k.canonical
                } else { continue }
                out.append(c)
                i += len
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    func titleCase(_ s: String) -> String {
        s.split(separator: "-", omittingEmptySubsequences: false).map { part in
            part.prefix(1).uppercased() + part.dropFirst().lowercased()
        }.joined(separator: "-")
    }
}
