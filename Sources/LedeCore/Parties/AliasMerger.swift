/// Merges candidate names into parties: long names first, then the short forms that refer
/// to them (surname, acronym, last word of an organisation), then whatever stands alone.
extension PartyRecognizer {
    struct PartyBuilder {
        var name: String
        var words: [String]
        /// Evidence for each type, indexed like `PartyType.allCases`.
        var votes = [0, 0, 0]
        /// The type with the most evidence (ties: org, person, place), if any.
        var type: PartyType? {
            guard votes.contains(where: { $0 > 0 }) else { return nil }
            var best = 1
            for i in [0, 2] where votes[i] > votes[best] { best = i }
            return PartyType.allCases[best]
        }
        var members: [Int] = []  // candidate indices
        var fixedName: Bool
        /// Capital initials of the words ("JIG" for Joint Implementation Group).
        var initials: String {
            String(words.compactMap { w in w.unicodeScalars.first.flatMap { UTF8Scan.isUpper($0) ? Character($0) : nil } })
        }
    }

    func merge(_ found: [Candidate], paragraphs: [Paragraph], tokenized: [[Token]]) -> ([Mention], [Party]) {
        var candidates = found
        var builders: [PartyBuilder] = []
        // Parties by the last and first words of their names, for short forms.
        var byLastWord = HashMap64<[Int]>()
        var byFirstWord = HashMap64<[Int]>()
        var assigned = [Int?](repeating: nil, count: candidates.count)

        func key(_ c: Candidate) -> String { c.canonical ?? c.text }
        func add(_ ci: Int, to b: Int) {
            let c = candidates[ci]
            assigned[ci] = b
            builders[b].members.append(ci)
            if let t = c.type { builders[b].votes[t.index] += 1 + c.strength * 2 }
        }
        var initials: [String: [Int]] = [:]
        func newParty(_ ci: Int, words knownWords: [String]? = nil) {
            let c = candidates[ci]
            let name = key(c)
            let words = knownWords ?? nameWords(name)
            builders.append(PartyBuilder(name: name, words: words, fixedName: c.canonical != nil))
            if words.count >= 2 { initials[builders[builders.count - 1].initials, default: []].append(builders.count - 1) }
            if let last = words.last { byLastWord[last.fnvHash, default: []].append(builders.count - 1) }
            if let first = words.first { byFirstWord[first.fnvHash, default: []].append(builders.count - 1) }
            add(ci, to: builders.count - 1)
        }

        // Candidates with the same name are decided together: a name recurs many times
        // in an article, and what one mention proves (a title, a gazetteer entry) holds
        // for all of them.
        var groupOf = HashMap64<Int>()
        var groups: [[Int]] = []
        for ci in candidates.indices {
            let k = (candidates[ci].canonical ?? candidates[ci].text).fnvHash
            if let g = groupOf[k] { groups[g].append(ci) } else { groupOf[k] = groups.count; groups.append([ci]) }
        }
        let groupWords = groups.map { nameWords(key(candidates[$0[0]])) }
        let order = groups.indices.sorted {
            groupWords[$0].count != groupWords[$1].count ? groupWords[$0].count > groupWords[$1].count : $0 < $1
        }
        var groupParty = [Int?](repeating: nil, count: groups.count)
        func assign(_ g: Int, to b: Int) {
            groupParty[g] = b
            for ci in groups[g] where assigned[ci] == nil { add(ci, to: b) }
        }
        func create(_ g: Int, from ci: Int) {
            newParty(ci, words: groupWords[g])
            assign(g, to: builders.count - 1)
        }

        // 1. Names known by canonical form, and multi-word typed names: parties of their own.
        for g in order {
            let words = groupWords[g]
            guard let ci = groups[g].first(where: {
                candidates[$0].canonical != nil || (words.count >= 2 && candidates[$0].type != nil && candidates[$0].strength >= 1)
            }) else { continue }
            let c = candidates[ci]
            if c.canonical == nil, let b = containing(words, c.type, builders, byLastWord, byFirstWord) {
                assign(g, to: b)
            } else {
                create(g, from: ci)
            }
        }
        // 2. Short forms: surnames, last words, acronyms.
        for g in order where groupParty[g] == nil {
            let words = groupWords[g]
            let strongest = groups[g].max { candidates[$0].strength < candidates[$1].strength }!
            let c = candidates[strongest]
            if let b = containing(words, c.strength >= 2 ? c.type : nil, builders, byLastWord, byFirstWord) ?? acronymOf(c.text, initials) {
                assign(g, to: b)
            } else if let typed = groups[g].first(where: { candidates[$0].type != nil }) {
                create(g, from: typed)
            }
        }
        // 3. Untyped names, capitalised mid-sentence and in no word list: most often an
        // organisation (a company, a club).
        for g in order where groupParty[g] == nil {
            guard let ci = groups[g].first(where: {
                candidates[$0].type == nil && candidates[$0].strength >= 0 && !candidates[$0].sentenceInitial
            }) else { continue }
            candidates[ci].type = .org
            create(g, from: ci)
        }

        // Build the parties and mentions.
        var parties: [Party] = []
        var partyIndex = [Int: Int]()
        var mentions: [Mention] = []
        var drafts: [(candidate: Int, party: Int)] = []
        for (bi, b) in builders.enumerated() where !b.members.isEmpty {
            guard let type = b.type else { continue }
            partyIndex[bi] = parties.count
            parties.append(Party(name: b.name, type: type, aliases: [], mentions: []))
            for ci in b.members { drafts.append((ci, parties.count - 1)) }
        }
        let positions = candidates.map { ($0.paragraph, $0.local.lowerBound) }
        drafts.sort { positions[$0.candidate] < positions[$1.candidate] }
        var lastEnd = (-1, -1)
        for (ci, pi) in drafts {
            let c = candidates[ci]
            // Overlapping candidates (a name inside a longer one): keep the first.
            if c.paragraph == lastEnd.0 && c.local.lowerBound < lastEnd.1 { continue }
            lastEnd = (c.paragraph, c.local.upperBound)
            let text = paragraphs[c.paragraph].text
            mentions.append(Mention(source: text.sourceRange(c.local), paragraph: c.paragraph, local: c.local,
                                    text: c.text, type: parties[pi].type, party: pi))
            parties[pi].mentions.append(mentions.count - 1)
            if c.text != parties[pi].name && !parties[pi].aliases.contains(c.text) { parties[pi].aliases.append(c.text) }
        }
        // Drop parties left without mentions and renumber.
        var renumber = [Int](repeating: -1, count: parties.count)
        var kept: [Party] = []
        for (i, p) in parties.enumerated() where !p.mentions.isEmpty {
            renumber[i] = kept.count
            kept.append(p)
        }
        for i in mentions.indices { mentions[i].party = renumber[mentions[i].party] }
        return (mentions, kept)
    }

    /// Words of a name for matching, with "al-" style particles and connectors dropped.
    func nameWords(_ name: String) -> [String] {
        var out: [String] = []
        let lexicon = Lexicon.shared
        var name = name
        name.withUTF8 { b in
            var start = 0
            var i = 0
            while i <= b.count {
                if i == b.count || b[i] == 0x20 {
                    if i > start {
                        var wordStart = start
                        // "al-Assad" → "Assad": drop a particle before a hyphen.
                        var j = start
                        while j < i, b[j] != 0x2D { j += 1 }
                        if j < i, lexicon.classes(Lexicon.hash(UnsafeBufferPointer(rebasing: b[start..<j]))).contains(.nameParticle) {
                            wordStart = j + 1
                        }
                        let word = UnsafeBufferPointer(rebasing: b[wordStart..<i])
                        if !word.isEmpty && !lexicon.classes(Lexicon.hash(word)).contains(.connector) {
                            out.append(String(decoding: word, as: UTF8.self))
                        }
                    }
                    start = i + 1
                }
                i += 1
            }
        }
        return out
    }

    /// The party whose name ends with (people) or contains (organisations, places) these
    /// words: "Kerry" in "John Kerry", "Post" in "Washington Post".
    func containing(_ words: [String], _ type: PartyType?, _ builders: [PartyBuilder],
                    _ byLastWord: HashMap64<[Int]>, _ byFirstWord: HashMap64<[Int]>) -> Int? {
        guard let last = words.last else { return nil }
        var best: Int? = nil
        var bestMentions = 0
        var candidates = byLastWord[last.fnvHash] ?? []
        if words.count == 1, type == .person, let firsts = byFirstWord[last.fnvHash] {
            // Both lists ascend (parties in creation order): merge them without repeats.
            var merged: [Int] = []
            var a = 0, b = 0
            while a < candidates.count || b < firsts.count {
                let next = b >= firsts.count || (a < candidates.count && candidates[a] <= firsts[b]) ? candidates[a] : firsts[b]
                if a < candidates.count && candidates[a] == next { a += 1 }
                if b < firsts.count && firsts[b] == next { b += 1 }
                merged.append(next)
            }
            candidates = merged
        }
        func endsWith(_ name: [String]) -> Bool {
            name.count >= words.count && zip(name[(name.count - words.count)...], words).allSatisfy { $0 == $1 }
        }
        for i in candidates where builders[i].words.count > words.count {
            let b = builders[i]
            let btype = b.type
            if let type, let btype, type != btype, !(type == .person && btype != .place) { continue }
            let match: Bool
            if btype == .person || type == .person {
                // Surname (last words) or a given name alone.
                match = endsWith(b.words) || (words.count == 1 && b.words.first == words[0] && b.words.count == 2 && type == .person)
            } else {
                match = endsWith(b.words) && words.count < b.words.count
                    && !(gazetteer.place(words.joined(separator: " ")) != nil && btype == .org)
            }
            // The most mentioned wins; among equals, the latest made.
            if match && b.members.count >= bestMentions { best = i; bestMentions = b.members.count }
        }
        return best
    }

    /// The organisation whose initials spell an all-caps acronym ("JIG"), if one was named.
    func acronymOf(_ text: String, _ initials: [String: [Int]]) -> Int? {
        let u = text.utf8
        guard u.count >= 2, u.count <= 10, u.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }) else { return nil }
        return initials[String(text.filter { $0 != "." })]?.first
    }
}
