import Testing
@testable import LedeCore

@Suite struct PartyTests {
    func parties(_ text: String) -> [String: PartyType] {
        var out: [String: PartyType] = [:]
        for p in ArticleAnalyzer().analyze(SourceText(text)).parties { out[p.name] = p.type }
        return out
    }

    @Test func typesFromRolesGazetteersAndNameWords() {
        let p = parties("""
        Talks resume

        Foreign Minister Sergei Lavrov met Dr. Amina Yusuf of the World Health Organization in Geneva on Monday, before flying to Cairo with officials from the Popular Resistance Front.
        """)
        #expect(p["Sergei Lavrov"] == .person)
        #expect(p["Amina Yusuf"] == .person)
        #expect(p["World Health Organization"] == .org)
        #expect(p["Popular Resistance Front"] == .org)
        #expect(p["Geneva"] == .place)
        #expect(p["Cairo"] == .place)
    }

    @Test func asciiNamesKeyAsEveryNameDoes() {
        // The byte path for ASCII names gives what the Character path gives.
        let lexicon = Lexicon.shared
        for name in ["John Kerry", "Bank of England", "Bashar al-Assad", "Jean-Luc Picard", "DE LA CRUZ",
                     "O'Hara", "the  Church of  Scientology", "al-", "-x", "Abu-Bakr of the Sea"] {
            #expect(AliasMerger.asciiKey(name, lexicon) == AliasMerger.unicodeKey(name, lexicon), "\(name)")
        }
        #expect(AliasMerger.asciiKey("Zoë Ball", lexicon) == nil)
        #expect(AliasMerger.key("O\u{2019}Hara") == ["o'hara"])
    }

    @Test func aliasesMergeWithinTheArticle() {
        let a = ArticleAnalyzer().analyze(SourceText("""
        Envoys meet

        Secretary of State Jane Whitford arrived in Moscow, the Washington Post reported. According to the Post, the U.S. and Russia will set up a Joint Coordination Cell, or JCC.

        Whitford said the US had no other plan. Bashar al-Assad was not invited; Assad's envoy stayed at home.
        """))
        func party(of text: String) -> String? {
            a.mentions.first { $0.text == text }.map { a.parties[$0.party].name }
        }
        #expect(party(of: "Whitford") == "Jane Whitford")
        #expect(party(of: "Post") == "Washington Post")
        #expect(party(of: "U.S.") == "United States")
        #expect(party(of: "US") == "United States")
        #expect(party(of: "JCC") == "Joint Coordination Cell")
        #expect(party(of: "Assad") == "Bashar al-Assad")
    }

    @Test func demonymsAndSentenceStartsAreNotParties() {
        let p = parties("""
        Markets

        Currently, Russian and Syrian officials say little. However, analysts expect the talks in Vienna to continue.
        """)
        #expect(p["Russian"] == nil && p["Syrian"] == nil && p["Currently"] == nil && p["However"] == nil)
        #expect(p["Vienna"] == .place)
    }

    @Test func possessiveIsNotPartOfTheName() {
        let a = ArticleAnalyzer().analyze(SourceText("Title\n\nThe plan was Kerry's idea, John Kerry said."))
        #expect(a.mentions.map(\.text).contains("Kerry"))
        #expect(!a.mentions.map(\.text).contains("Kerry's"))
    }
}

/// What the trained tagger and the merger make of short articles of our own, written for
/// the failures seen on unseen news.
@Suite struct LearnedPartyTests {
    func article(_ text: String) -> Article { ArticleAnalyzer().analyze(SourceText(text)) }
    func names(_ a: Article) -> Set<String> { Set(a.parties.map(\.name)) }
    func party(of text: String, in a: Article) -> String? {
        a.mentions.first { $0.text == text }.map { a.parties[$0.party].name }
    }

    @Test func partyCodesAreNotParties() {
        let a = article("""
        Senate panel delays vote

        Sen. Jane Roe (D-Wis.) said on Tuesday that the committee would wait. Sen. Mark Ellison (R-Ky.) told reporters he disagreed, and Rep. Ana Ortiz (D) said nothing.
        """)
        #expect(names(a).isSuperset(of: ["Jane Roe", "Mark Ellison", "Ana Ortiz"]))
        for code in ["D-Wis", "D-Wis.", "R-Ky", "R-Ky.", "D"] { #expect(!a.mentions.map(\.text).contains(code), "\(code)") }
    }

    @Test func headlineFragmentsAreNotParties() {
        let a = article("""
        Roe Sees Budget Deal Within Weeks

        WASHINGTON — Senator Jane Roe said on Monday that a budget deal was close.

        “We are nearly there,” Roe said.

        Look, nobody wants another shutdown. Maybe I am too hopeful, but Congress has done this before.
        """)
        #expect(party(of: "Roe", in: a) == "Jane Roe")
        #expect(!names(a).contains("Roe Sees"))
        #expect(!names(a).contains { $0.hasPrefix("Look") || $0.hasPrefix("Maybe") })
    }

    @Test func surnamesCaseVariantsAndApostrophesJoinTheFullName() {
        let a = article("""
        Dock strike enters second week

        PORTSMOUTH — Union leader Desmond Hale said the strike would go on.

        HALE said members would vote again on Friday, and Jane Roe and Ali Khan of the port authority agreed to talk.

        At the match on Saturday, midfielder Sean O'Hara scored twice for Portsmouth. O’Hara thanked the fans.
        """)
        #expect(party(of: "HALE", in: a) == "Desmond Hale")
        #expect(names(a).isSuperset(of: ["Jane Roe", "Ali Khan"]))
        #expect(!names(a).contains { $0.hasPrefix("and ") })
        #expect(party(of: "O’Hara", in: a) == "Sean O'Hara")
        #expect(a.parties.first { $0.name == "Portsmouth" || $0.name == "PORTSMOUTH" }?.type == .place)
    }

    @Test func surnameFirstNamesAndASurnameBeforeTheFullName() {
        let a = article("""
        Hwang stays at Wolves

        Hwang Hee-chan signed a new contract on Friday. Hwang said he was happy to stay in the city.
        """)
        #expect(party(of: "Hwang", in: a) == "Hwang Hee-chan")
    }

    @Test func transcriptLabelsArePeople() {
        let a = article("""
        Governor on the record

        Governor Mary Fallin spoke to the host on Sunday.

        JAKE MORROW: Do you think the plan will pass?

        FALLIN: I think it will.
        """)
        #expect(party(of: "FALLIN", in: a) == "Mary Fallin")
        #expect(a.parties.first { $0.name.uppercased() == "JAKE MORROW" }?.type == .person)
    }
}

/// The merger's rules, each on its own, on names given rather than tagged.
@Suite struct AliasMergerTests {
    func merge(_ names: [(String, PartyType)], canonical: [String: String] = [:]) -> [String: String] {
        let text = names.map(\.0).joined(separator: " … ")
        let paragraph = Paragraph(role: .body, text: {
            var m = MappedText()
            m.appendLiteral(Array(text.utf8), 0..<text.utf8.count)
            return m
        }(), block: 0)
        var offset = 0
        var candidates: [PartyRecognizer.Candidate] = []
        for (name, type) in names {
            let n = name.utf8.count
            candidates.append(PartyRecognizer.Candidate(paragraph: 0, local: offset..<(offset + n), text: name,
                                                        type: type, canonical: canonical[name]))
            offset += n + " … ".utf8.count
        }
        let (mentions, parties) = AliasMerger(gazetteer: .shared).merge(candidates, paragraphs: [paragraph], capitals: [false])
        return Dictionary(mentions.map { ($0.text, parties[$0.party].name) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func surnameOfAPersonWhereverTheFullNameComes() {
        let m = merge([("Roe", .person), ("Jane Roe", .person), ("ROE", .person), ("Assad", .person), ("Bashar al-Assad", .person)])
        #expect(m["Roe"] == "Jane Roe" && m["ROE"] == "Jane Roe" && m["Assad"] == "Bashar al-Assad")
    }

    @Test func givenNameOrFamilyNameFirst() {
        let m = merge([("Hillary Clinton", .person), ("Hillary", .person), ("Xi Jinping", .person), ("Xi", .person)])
        #expect(m["Hillary"] == "Hillary Clinton" && m["Xi"] == "Xi Jinping")
    }

    @Test func aPlaceIsNeverAPersonsSurname() {
        let m = merge([("George Washington", .person), ("Washington", .place)])
        #expect(m["Washington"] == "Washington")
    }

    @Test func shortFormsOfOrganisations() {
        let m = merge([("Washington Post", .org), ("Post", .org), ("Supreme Court of Cassation", .org), ("Supreme Court", .org),
                       ("The Church of Scientology", .org), ("Church of Scientology", .org)])
        #expect(m["Post"] == "Washington Post")
        #expect(m["Supreme Court"] == "Supreme Court of Cassation")
        #expect(m["The Church of Scientology"] == "Church of Scientology")
    }

    @Test func acronymsOfOrganisations() {
        let m = merge([("Joint Coordination Cell", .org), ("JCC", .org), ("JIG", .org)])
        #expect(m["JCC"] == "Joint Coordination Cell")
        #expect(m["JIG"] == "JIG")
    }

    @Test func placesWithoutTheirPlaceWord() {
        let m = merge([("Taipei City", .place), ("Taipei", .place), ("Mexico City", .place), ("Mexico", .place)])
        #expect(m["Taipei"] == "Taipei City")
        #expect(m["Mexico"] == "Mexico")
    }

    @Test func theGazetteersNameWins() {
        let m = merge([("U.S.", .place), ("US", .place), ("United States", .place)],
                      canonical: ["U.S.": "United States", "US": "United States", "United States": "United States"])
        #expect(m["U.S."] == "United States" && m["US"] == "United States")
    }
}
