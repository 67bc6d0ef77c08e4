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
