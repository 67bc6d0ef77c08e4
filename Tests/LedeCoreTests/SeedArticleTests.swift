import Testing
import Foundation
@testable import LedeCore

/// The user's own article (Samples/us-russia-syria-pact.txt) and what the reader must show.
@Suite struct SeedArticleTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Samples/us-russia-syria-pact.txt").standardized.path

    let article: Article

    init() throws {
        article = ArticleAnalyzer().analyze(try ArticleLoader().load(path: Self.path))
    }

    @Test func structure() throws {
        #expect(article.title?.text.string == "US to offer Russia anti-terror pact in Syria: Report")
        #expect(article.standfirst?.text.string.hasPrefix("Any deal between Russia and the United States") == true)
        #expect(article.byline?.text.string == "AFP | PTI Paris")
        // The line is two agencies and the dateline: the writers are the agencies.
        #expect(article.writers == "AFP | PTI")
        #expect(article.dateline.map { article.text($0) } == "Paris")
        // "Last Updated : Jul 14 2016 | 3:08 PM IST": the only date the page gives, so also
        // the article's date, and kept as when it was updated.
        #expect(article.date?.iso == "2016-07-14T15:08")
        #expect(article.updated?.iso == "2016-07-14T15:08")
        #expect(article.body.first?.text.string.hasPrefix("The United States is to offer") == true)
        #expect(article.body.last?.text.string.hasSuffix("settlement to the civil war.") == true)
    }

    @Test func bodyHasNoBoilerplate() throws {
        let body = article.body.map { $0.text.string }.joined(separator: "\n")
        for junk in ["Subscribe", "Shutterstock", "Syria flag", "₹", "Smart Quarterly", "Next Story", "First Published", "More From This Section", "href"] {
            #expect(!body.contains(junk), "body contains \(junk)")
        }
    }

    @Test func kerryIsQuotedTwice() throws {
        let speech = article.quotes.filter { $0.kind == .speech && $0.speaker == "John Kerry" }
        try #require(speech.count == 2)
        #expect(speech[0].text.hasPrefix("\"I don't right now."))
        #expect(speech[1].text == "\"I'll give you all a sense of where we are,\"")
        #expect(article.text(try #require(speech[1].speakerSource)) == "he")
    }

    @Test func quotedTermsAreNotKerrys() throws {
        for term in ["\"caliphate\"", "\"Joint Implementation Group\""] {
            let q = article.quotes.first { $0.text == term }
            #expect(q != nil, "\(term) not found")
            #expect(q?.kind != .speech)
            #expect(q?.speaker == nil)
        }
    }

    @Test func partiesWithShortFormsMerged() throws {
        let byName = Dictionary(article.parties.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let expected: [(String, PartyType)] = [
            ("John Kerry", .person), ("Vladimir Putin", .person), ("Bashar al-Assad", .person),
            ("Barack Obama", .person), ("Sergei Lavrov", .person), ("Russia", .place),
            ("United States", .place), ("Syria", .place), ("Moscow", .place), ("Al-Nusra Front", .org),
            ("Islamic State", .org), ("Al-Qaeda", .org), ("UN Security Council", .org), ("Washington Post", .org),
        ]
        for (name, type) in expected {
            #expect(byName[name]?.type == type, "\(name)")
        }
        #expect(byName["John Kerry"]?.aliases.contains("Kerry") == true)
        #expect(byName["Vladimir Putin"]?.aliases.contains("Putin") == true)
        #expect(byName["Bashar al-Assad"]?.aliases.contains("Assad") == true)
        #expect(byName["Washington Post"]?.aliases.contains("Post") == true)
        #expect(byName["United States"]?.aliases.contains("US") == true)
        #expect(byName["Al-Nusra Front"]?.aliases.contains("Al-Nusra") == true)
        // Every mention carries its party; no short form stands as a party of its own.
        for short in ["Kerry", "Putin", "Assad", "Post", "US"] { #expect(byName[short] == nil, "\(short)") }
    }
}
