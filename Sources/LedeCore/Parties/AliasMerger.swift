/// Merges the names found in an article into parties. Names that compare equal (case,
/// apostrophes, a leading "The" and connectors aside) are one name; names are then taken
/// longest first, and each shorter one joins the party the first rule below finds for it,
/// or stands as a party of its own. A party is called by its fullest name.
struct AliasMerger {
    let gazetteer: Gazetteer

    /// One name of the article (every mention that compares equal to it).
    struct Name {
        /// The words compared, normalised: "the Church of Scientology" → church, scientology.
        var key: [String]
        /// Candidate indices, in order.
        var members: [Int]
        /// The gazetteer's name for it, when it knows it ("U.S." → "United States").
        var canonical: String?
        var votes = [0, 0, 0]
        /// How it is written where it is written best: in mixed case, without "The".
        var display: String
        var type: PartyType? { Self.winner(votes) }

        /// The type with most votes (ties: organisation, person, place).
        static func winner(_ votes: [Int]) -> PartyType? {
            guard votes.contains(where: { $0 > 0 }) else { return nil }
            var best = 1
            for i in [0, 2] where votes[i] > votes[best] { best = i }
            return PartyType.allCases[best]
        }
    }

    /// A party being built: the names it has taken.
    struct Draft {
        var names: [Int]
        /// The words of its fullest name.
        var key: [String]
        var votes = [0, 0, 0]
        var mentions = 0
        var type: PartyType? { Name.winner(votes) }
    }

    /// A rule finds the party a shorter name belongs to, among those made so far.
    typealias Rule = @Sendable (AliasMerger, Name, [Draft], DraftIndex) -> Int?

    /// The rules, in the order they are tried; each is a function below with a test.
    static let rules: [(name: String, find: Rule)] = [
        ("surname or given name of a person", { $0.personShortForm($1, $2, $3) }),
        ("short form of an organisation", { $0.organisationShortForm($1, $2, $3) }),
        ("acronym of an organisation", { $0.acronym($1, $2, $3) }),
        ("place without its place word", { $0.placeShortForm($1, $2, $3) }),
    ]

    /// Parties by the first and last words of their fullest names.
    struct DraftIndex {
        var byLast: [String: [Int]] = [:]
        var byFirst: [String: [Int]] = [:]
        var byInitials: [String: [Int]] = [:]

        mutating func add(_ d: Int, _ key: [String], initials: String?) {
            if let last = key.last { byLast[last, default: []].append(d) }
            if let first = key.first { byFirst[first, default: []].append(d) }
            if let initials { byInitials[initials, default: []].append(d) }
        }
    }

    func merge(_ candidates: [PartyRecognizer.Candidate], paragraphs: [Paragraph], capitals: [Bool]) -> ([Mention], [Party]) {
        let names = self.names(candidates, capitals: capitals)
        let drafts = self.drafts(names)
        return parties(drafts, names, candidates, paragraphs: paragraphs)
    }

    /// 1. Names: candidates that compare equal, each shown where it is written best.
    func names(_ candidates: [PartyRecognizer.Candidate], capitals: [Bool]) -> [Name] {
        var names: [Name] = []
        var nameOf: [[String]: Int] = [:]
        for (ci, c) in candidates.enumerated() {
            guard let type = c.type else { continue }
            let key = c.canonical.map { Self.key($0) } ?? Self.key(c.text)
            guard !key.isEmpty else { continue }
            let n: Int
            if let known = nameOf[key] { n = known } else {
                n = names.count
                nameOf[key] = n
                names.append(Name(key: key, members: [], canonical: c.canonical, display: c.canonical ?? Self.displayForm(c.text)))
            }
            names[n].members.append(ci)
            names[n].votes[type.index] += 1
            if names[n].canonical == nil, let canonical = c.canonical { names[n].canonical = canonical; names[n].display = canonical }
            // Prefer a form written in mixed case in the body to one in a capitals line.
            if names[n].canonical == nil, !capitals[c.paragraph], Self.isCapitals(names[n].display) || names[n].display.hasPrefix("The ") {
                names[n].display = Self.displayForm(c.text)
            }
        }
        return names
    }

    /// 2. Parties: names longest first, each joining the party the first rule finds for
    /// it or standing as a party of its own.
    func drafts(_ names: [Name]) -> [Draft] {
        let order = names.indices.sorted {
            names[$0].key.count != names[$1].key.count ? names[$0].key.count > names[$1].key.count : names[$0].members[0] < names[$1].members[0]
        }
        var drafts: [Draft] = []
        var index = DraftIndex()
        for n in order {
            let name = names[n]
            var target: Int? = nil
            // A name the gazetteer maps to another ("U.S." → "United States") is that one;
            // one it knows as itself ("Supreme Court") may still be a short form here.
            if name.canonical == nil || name.canonical == name.display || name.key.count == 1 {
                for rule in Self.rules {
                    if let d = rule.find(self, name, drafts, index) { target = d; break }
                }
            }
            if let d = target {
                drafts[d].names.append(n)
                for t in 0..<3 { drafts[d].votes[t] += name.votes[t] }
                drafts[d].mentions += name.members.count
            } else {
                drafts.append(Draft(names: [n], key: name.key, votes: name.votes, mentions: name.members.count))
                index.add(drafts.count - 1, name.key, initials: name.key.count >= 2 ? Self.initials(name.key) : nil)
            }
        }
        return drafts
    }

    /// 3. Parties and mentions, in order of first mention; of two overlapping names, the
    /// first stands.
    func parties(_ drafts: [Draft], _ names: [Name], _ candidates: [PartyRecognizer.Candidate],
                 paragraphs: [Paragraph]) -> ([Mention], [Party]) {
        var assignments: [(candidate: Int, draft: Int)] = []
        for (d, draft) in drafts.enumerated() where draft.type != nil {
            for n in draft.names { for ci in names[n].members { assignments.append((ci, d)) } }
        }
        assignments.sort { (candidates[$0.candidate].paragraph, candidates[$0.candidate].local.lowerBound)
            < (candidates[$1.candidate].paragraph, candidates[$1.candidate].local.lowerBound) }
        var partyOf = [Int: Int]()
        var parties: [Party] = []
        var aliasesOf: [Set<String>] = []
        var mentions: [Mention] = []
        var lastEnd = (-1, -1)
        for (ci, d) in assignments {
            let c = candidates[ci]
            if c.paragraph == lastEnd.0 && c.local.lowerBound < lastEnd.1 { continue }
            lastEnd = (c.paragraph, c.local.upperBound)
            let pi: Int
            if let known = partyOf[d] { pi = known } else {
                pi = parties.count
                partyOf[d] = pi
                parties.append(Party(name: names[drafts[d].names[0]].display, type: drafts[d].type!, aliases: [], mentions: []))
                aliasesOf.append([])
            }
            mentions.append(Mention(source: paragraphs[c.paragraph].text.sourceRange(c.local), paragraph: c.paragraph,
                                    local: c.local, text: c.text, type: parties[pi].type, party: pi))
            parties[pi].mentions.append(mentions.count - 1)
            if c.text != parties[pi].name, aliasesOf[pi].insert(c.text).inserted { parties[pi].aliases.append(c.text) }
        }
        return (mentions, parties)
    }

    // MARK: The rules

    /// "Kerry" is "John Kerry", "Assad" is "Bashar al-Assad", "Hillary" is "Hillary
    /// Clinton", "Hwang" is "Hwang Hee-chan": a person's last words, else one word that
    /// opens the name. The short form may have been typed an organisation ("Ford said"),
    /// never a place.
    func personShortForm(_ name: Name, _ drafts: [Draft], _ index: DraftIndex) -> Int? {
        guard let type = name.type, type != .place, let last = name.key.last else { return nil }
        var best: Int? = nil
        for d in Self.longer(index.byLast[last], than: name, drafts) where drafts[d].type == .person {
            if drafts[d].key.suffix(name.key.count).elementsEqual(name.key) { best = mostMentioned(best, d, drafts) }
        }
        // A one-word name that opens a person's name: a given name used alone, or a
        // family name written first ("Hwang" of "Hwang Hee-chan", "Xi" of "Xi Jinping").
        if best == nil, type == .person, name.key.count == 1 {
            for d in Self.longer(index.byFirst[last], than: name, drafts) where drafts[d].type == .person && drafts[d].key.count <= 3 {
                best = mostMentioned(best, d, drafts)
            }
        }
        return best
    }

    /// "the Post" is "Washington Post", "Supreme Court" is "Supreme Court of Cassation":
    /// an organisation's last or first words. Not a place ("US" in "US National Park
    /// Service" is the United States).
    func organisationShortForm(_ name: Name, _ drafts: [Draft], _ index: DraftIndex) -> Int? {
        guard name.type == .org, let first = name.key.first, let last = name.key.last else { return nil }
        if gazetteer.place(name.display) != nil { return nil }
        var best: Int? = nil
        for d in Self.longer(index.byLast[last], than: name, drafts) where drafts[d].type == .org {
            if drafts[d].key.suffix(name.key.count).elementsEqual(name.key) { best = mostMentioned(best, d, drafts) }
        }
        if best != nil { return best }
        for d in Self.longer(index.byFirst[first], than: name, drafts) where drafts[d].type == .org {
            if drafts[d].key.prefix(name.key.count).elementsEqual(name.key) { best = mostMentioned(best, d, drafts) }
        }
        return best
    }

    /// "JCC" is "Joint Coordination Cell": capitals that spell the initials of an
    /// organisation's words.
    func acronym(_ name: Name, _ drafts: [Draft], _ index: DraftIndex) -> Int? {
        guard name.key.count == 1 else { return nil }
        let letters = name.display.unicodeScalars.filter { $0 != "." }
        guard letters.count >= 2, letters.count <= 10, letters.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else { return nil }
        let initials = String(String.UnicodeScalarView(letters)).lowercased()
        return (index.byInitials[initials] ?? []).prefix(Self.examined).first { drafts[$0].type == .org || drafts[$0].type == name.type }
    }

    /// "Taipei" is "Taipei City": a place named without its place word, unless the
    /// longer name is a place of its own ("Mexico City").
    func placeShortForm(_ name: Name, _ drafts: [Draft], _ index: DraftIndex) -> Int? {
        guard name.type == .place, let first = name.key.first else { return nil }
        for d in Self.longer(index.byFirst[first], than: name, drafts) where drafts[d].type == .place && drafts[d].key.count == name.key.count + 1 {
            let key = drafts[d].key
            guard key.prefix(name.key.count).elementsEqual(name.key),
                  Lexicon.shared.classes(Lexicon.hash(key[key.count - 1])).contains(.placeWord) else { continue }
            if gazetteer.place(fullName(drafts[d])) != nil { continue }
            return d
        }
        return nil
    }

    /// The parties of a list (from the index) whose fullest names are longer than `name`:
    /// drafts are made longest first, so they open the list. At most `examined` of them, so
    /// that a page of thousands of names sharing a word stays linear.
    static func longer(_ list: [Int]?, than name: Name, _ drafts: [Draft]) -> ArraySlice<Int> {
        guard let list else { return [] }
        return list.prefix(while: { drafts[$0].key.count > name.key.count }).prefix(examined)
    }

    static let examined = 64

    /// A draft's fullest name as the gazetteer writes names ("Taipei City").
    func fullName(_ d: Draft) -> String { d.key.map(\.titleCased).joined(separator: " ") }

    func mostMentioned(_ a: Int?, _ b: Int, _ drafts: [Draft]) -> Int {
        guard let a else { return b }
        return drafts[b].mentions > drafts[a].mentions ? b : a
    }

    // MARK: Comparing names

    /// The words by which names are compared: lower case, one apostrophe, no leading
    /// "the", no connectors ("of", "and") and no particles before a hyphen ("al-").
    static func key(_ name: String) -> [String] {
        let lexicon = Lexicon.shared
        return asciiKey(name, lexicon) ?? unicodeKey(name, lexicon)
    }

    /// `key` of any name, by Characters.
    static func unicodeKey(_ name: String, _ lexicon: Lexicon) -> [String] {
        var words: [String] = []
        for raw in name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }) {
            var w = String(raw.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
            if let dash = w.firstIndex(of: "-"), lexicon.classes(Lexicon.hash(String(w[..<dash]))).contains(.nameParticle),
               w.index(after: dash) < w.endIndex {
                w = String(w[w.index(after: dash)...])
            }
            if lexicon.classes(Lexicon.hash(w)).contains(.connector) { continue }
            words.append(w)
        }
        return words
    }

    /// `key` of an ASCII name, from its bytes (most names in English news); nil for any
    /// other name.
    static func asciiKey(_ name: String, _ lexicon: Lexicon) -> [String]? {
        var bytes = Array(name.utf8)
        for k in bytes.indices {
            guard bytes[k] < 0x80 else { return nil }
            if bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
        }
        var words: [String] = []
        for raw in bytes.split(separator: 0x20) {
            var w = raw[...]
            if let dash = w.firstIndex(of: 0x2D), lexicon.classes(Lexicon.hash(w[..<dash])).contains(.nameParticle),
               dash + 1 < w.endIndex {
                w = w[(dash + 1)...]
            }
            if lexicon.classes(Lexicon.hash(w)).contains(.connector) { continue }
            words.append(String(decoding: w, as: UTF8.self))
        }
        return words
    }

    /// "The Church of Scientology" is shown as "Church of Scientology".
    static func displayForm(_ text: String) -> String {
        if text.hasPrefix("The "), text.count > 4 { return String(text.dropFirst(4)) }
        return text
    }

    static func initials(_ key: [String]) -> String {
        String(key.compactMap { $0.first })
    }

    static func isCapitals(_ s: String) -> Bool {
        s.unicodeScalars.contains { UTF8Scan.isUpper($0) } && !s.unicodeScalars.contains { UTF8Scan.isLower($0) }
    }
}

extension PartyRecognizer {
    func merge(_ candidates: [Candidate], paragraphs: [Paragraph], capitals: [Bool]) -> ([Mention], [Party]) {
        AliasMerger(gazetteer: gazetteer).merge(candidates, paragraphs: paragraphs, capitals: capitals)
    }
}
