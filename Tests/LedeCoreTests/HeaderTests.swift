import Testing
@testable import LedeCore

/// The article's header on short pages written for the purpose: the headline without the
/// site's name, the site kept as the publication.
@Suite struct HeaderTests {
    func page(_ titleLine: String, _ rest: String = "") -> Article {
        let body = """
        The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last most of the winter.

        Fishermen who tie up at the pier said they had not been told where they would go instead, and asked for a meeting.
        """
        return ArticleAnalyzer().analyze(SourceText(titleLine + "\n\n" + rest + body))
    }

    @Test func aLineThatSaysItGivesTheDate() {
        for line in ["Updated: 3 June 2024", "Published 14:02 BST", "(Posted) on Monday", "Last modified —", "“Dated” 1 May", "DATE: today"] {
            #expect(StructureFinder.saysWhatTheDateIs(line), "\(line)")
        }
        for line in ["Publishers said", "", "Lasting peace", "dated-looking furniture"] {
            #expect(!StructureFinder.saysWhatTheDateIs(line), "\(line)")
        }
    }

    @Test(arguments: [
        ("Harbour pier to close for winter repairs | The Coast Herald", "The Coast Herald"),
        ("Harbour pier to close for winter repairs - Coast Herald", "Coast Herald"),
        ("Harbour pier to close for winter repairs – The Herald", "The Herald"),
        ("Harbour pier to close for winter repairs — Herald", "Herald"),
        ("Harbour pier to close for winter repairs | News | Coast Herald", "Coast Herald"),
        ("Harbour pier to close for winter repairs | Local News | Coast Herald", "Coast Herald"),
        ("Harbour pier to close for winter repairs - coastherald.com", "coastherald.com"),
        ("Harbour pier to close for winter repairs - CoastHerald", "CoastHerald"),
    ])
    func siteNameBecomesThePublication(line: String, site: String) {
        let a = page(line)
        #expect(a.title?.text.string == "Harbour pier to close for winter repairs")
        #expect(a.publicationName == site)
        // The title's map still points at the headline's own bytes.
        #expect(a.title.map { a.text($0.source) } == "Harbour pier to close for winter repairs")
    }

    @Test func aSpacedColonNeedsTheSiteNamedOnThePage() {
        let named = page("Harbour pier to close for winter repairs : CoastAM", "© 2019 CoastAM. All rights reserved.\n\n")
        #expect(named.title?.text.string == "Harbour pier to close for winter repairs")
        #expect(named.publicationName == "CoastAM")
        let unnamed = page("Harbour pier to close for winter repairs : Board Vote")
        #expect(unnamed.title?.text.string == "Harbour pier to close for winter repairs : Board Vote")
        #expect(unnamed.publicationName == nil)
    }

    @Test(arguments: [
        "US to offer Russia anti-terror pact in Syria: Report",
        "Opinion | The harbour deserves a better pier",
        "Harbour pier to close - for now",
        "Harbour pier to close - and fishermen are angry",
        "Pier closes | what happens next?",
    ])
    func headlinesKeepTheirOwnPunctuation(line: String) {
        let a = page(line)
        #expect(a.title?.text.string == line)
        #expect(a.publicationName == nil)
    }

    @Test func theHeadlineThePageShowsIsTheTitle() {
        // The title line is shortened for search engines; the page shows the whole headline
        // above the byline.
        let a = page("Ferry pier to close for winter repairs - Coast Herald", """
        Home
        News
        Sport

        Harbour board votes to close old ferry pier for winter repairs

        By Jane Roe

        """)
        #expect(a.title?.text.string == "Harbour board votes to close old ferry pier for winter repairs")
        #expect(a.publicationName == "Coast Herald")
        #expect(a.byline?.text.string == "By Jane Roe")
        #expect(!a.body.contains { $0.text.string.hasPrefix("Harbour board votes") })
    }

    @Test func aTitleLineThatIsOnlyTheSiteName() {
        let a = page("Coast Herald", """
        Home
        News

        Harbour board votes to close old ferry pier

        By Jane Roe

        Photo: Coast Herald

        """)
        #expect(a.title?.text.string == "Harbour board votes to close old ferry pier")
        #expect(a.publicationName == "Coast Herald")
    }

    @Test func aBodyParagraphLikeTheTitleIsNotTheHeadline() {
        let s = """
        Harbour pier to close for winter repairs

        The harbour pier will close for winter repairs, the board said.

        Fishermen who tie up at the pier said they had not been told where they would go instead.
        """
        let a = ArticleAnalyzer().analyze(SourceText(s))
        #expect(a.title?.text.string == "Harbour pier to close for winter repairs")
        #expect(a.body.count == 2)
    }

    @Test func aPhotoCreditIsNoStandfirst() {
        let a = ArticleAnalyzer().analyze(SourceText("""
        Bridge reopens after repairs
        The Elm Street bridge at dawn. Photo: Courier staff
        By Priya Nandakumar
        The Elm Street bridge reopened to traffic on Tuesday morning, three months after engineers closed it when they found cracks in its supports.

        The county engineer said the repairs had cost less than the council had set aside for the work, and that the bridge was now safe.
        """))
        #expect(a.standfirst == nil)
        #expect(a.byline?.text.string == "By Priya Nandakumar")
    }

    @Test(arguments: [
        ("By Jane Roe and Ali Khan", "Jane Roe and Ali Khan"),
        ("by Finian Cunningham", "Finian Cunningham"),
        ("JANE ROE", "JANE ROE"),
        ("Keris Lahiff@kerisalison", "Keris Lahiff"),
        ("Tanza Loudenback, Coast Herald", "Tanza Loudenback"),
        ("Tom Davies Associated Press", "Tom Davies"),
        ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware", "Jason Cipriani"),
        ("By Maren Estrada 2 days ago", "Maren Estrada"),
    ])
    func bylinesGiveTheWritersNamesOnly(line: String, names: String) {
        let a = page("Harbour pier to close for winter repairs", line + "\n\n")
        #expect(a.writers == names)
        #expect(a.byline?.text.string == line, "the reader shows the line as the page does")
    }

    @Test func aDateOnTheBylinesLineIsTheDate() {
        let a = page("Harbour pier to close for winter repairs", "By Jason Cipriani | November 18, 2019 -- 19:14 GMT\n\n")
        #expect(a.date?.iso.hasPrefix("2019-11-18") == true)
    }

    @Test(arguments: ["© REUTERS / POOL", "Photo: Getty Images", "By Any Means Necessary", "Read Later", "Next Story",
                      "High School Musicals"])
    func creditsAndFurnitureAreNoBylines(line: String) {
        let a = page("Harbour pier to close for winter repairs", line + "\n\n")
        #expect(a.writers == nil)
    }

    @Test func theBylineAfterACredit() {
        let a = page("Harbour pier to close for winter repairs", "© REUTERS / POOL\n\nColumnists\n\nby Finian Cunningham\n\n")
        #expect(a.writers == "Finian Cunningham")
    }

    @Test(arguments: [
        ("November 19th, 2019 at 8:40 AM", "2019-11-19T08:40", nil),
        ("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20T04:29", nil),
        ("Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST", "2019-11-19T07:05", "2019-11-19T07:16"),
        ("Nov. 20, 2019 Updated: Nov. 21, 2019 1:35 a.m.", "2019-11-20", "2019-11-21T01:35"),
        ("Last Updated : Jul 14 2016 | 3:08 PM IST", nil, "2016-07-14T15:08"),
    ] as [(String, String?, String?)])
    func publishedAndUpdatedDatesApart(line: String, published: String?, updated: String?) {
        let (p, u) = DateParser.parseDates(line)
        #expect(p?.iso == published)
        #expect(u?.iso == updated)
    }

    /// A photo caption's date above the dateline's is not the article's date.
    @Test func aCaptionDateBeforeTheRealOneIsNotTheDate() {
        let a = page("Harbour pier to close for winter repairs",
                     "The pier in a photo taken March 3, 2015. (Coast Herald archive)\n\nBy Jane Roe\n\nNovember 19, 2019\n\n")
        #expect(a.date?.iso.hasPrefix("2019-11-19") == true, "\(String(describing: a.date?.iso))")
    }

    /// A consent banner is neither the standfirst nor the article.
    @Test func aConsentBannerIsNoStandfirstAndNoBody() {
        let banner = "We use cookies to improve your experience. By continuing to browse you accept our use of cookies."
        let a = page("Harbour board votes to close old ferry pier for winter repairs", banner + "\n\nBy Jane Roe\n\n")
        #expect(a.standfirst == nil)
        #expect(!a.body.contains { $0.text.string.contains("cookies") })
    }

    /// A one-line denial between two paragraphs of the story is the story.
    @Test func aOneLineDenialBetweenParagraphsIsKept() {
        let a = ArticleAnalyzer().analyze(SourceText("""
        Harbour board accused of hiding repair costs

        By Jane Roe

        Documents seen by the Coast Herald suggest the harbour board knew the pier repairs would cost twice what it told the council in March.

        The board denies it.

        Board members said on Tuesday that the figures in the documents were early estimates that had since been revised down by the engineers.
        """))
        #expect(a.body.contains { $0.text.string == "The board denies it." })
        #expect(a.body.count == 3)
    }

    @Test func theArticlesDateIsWhenItWasPublishedAndTheUpdateIsKeptApart() {
        let a = page("Harbour pier to close for winter repairs", "By Jane Roe\n\nPublished Nov 19, 2019 7:05 AM Updated Nov 20, 2019 9:00 AM\n\n")
        #expect(a.date?.iso == "2019-11-19T07:05")
        #expect(a.updated?.iso == "2019-11-20T09:00")
    }

    @Test(arguments: [
        ("The board says the repairs cannot wait, and fishermen want a say in where they moor.", true),
        ("Harbour board votes to close old ferry pier for winter repairs", false),  // the headline again
        ("Council Approves New Budget For Town Library", false),                   // another story's headline
        ("Thank you for subscribing to our newsletter. Please check your email.", false),
    ] as [(String, Bool)])
    func onlyARealDekIsTheStandfirst(line: String, isDek: Bool) {
        let a = page("Harbour board votes to close old ferry pier for winter repairs", line + "\n\nBy Jane Roe\n\n")
        #expect((a.standfirst?.text.string == line) == isDek)
        if !isDek { #expect(a.standfirst == nil) }
    }

    @Test func anArticleTheSamePageRepeatsIsReadOnce() {
        let story = [
            "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last most of the winter.",
            "Fishermen who tie up at the pier said they had not been told where they would go instead, and asked for a meeting.",
            "\u{201C}We will not be pushed around,\u{201D} said Tom Reilly, who has fished from the pier for thirty years.",
        ]
        // The paragraphs, then all of it again as one block (a print version), then the
        // quotation again on its own, as a live blog might.
        let a = ArticleAnalyzer().analyze(SourceText("Pier to close\n\n" + story.joined(separator: "\n\n") + "\n\n"
                                                     + story.joined(separator: " ") + "\n\n" + story[2] + "\n"))
        #expect(a.body.map { $0.text.string } == story + [story[2]])
    }

    @Test func paragraphsAlikeButForTheirNumbersAreNoRepeats() {
        let rows = (1...5).map { "Paragraph \($0) of the long report on the harbour talks, with enough words to be prose." }
        let a = ArticleAnalyzer().analyze(SourceText("Harbour talks report\n\n" + rows.joined(separator: "\n\n") + "\n"))
        #expect(a.body.map { $0.text.string } == rows)
    }

    @Test func aNoteOnTheWriterEndsTheArticle() {
        let page = [
            "Harbour pier to close for winter repairs",
            "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last most of the winter.",
            "Fishermen who tie up at the pier said they had not been told where they would go instead, and asked for a meeting.",
            "About Jane Roe",
            "Jane Roe has written about the harbour and its people for twenty years, and lives in the town with her family.",
        ].joined(separator: "\n\n")
        let a = ArticleAnalyzer().analyze(SourceText(page))
        #expect(a.body.count == 2)
        #expect(!a.body.contains { $0.text.string.hasPrefix("Jane Roe has written") })
        // A subhead that is no one's name stays.
        let subhead = page.replacingOccurrences(of: "About Jane Roe", with: "About the repairs")
        #expect(ArticleAnalyzer().analyze(SourceText(subhead)).body.contains { $0.text.string.hasPrefix("Jane Roe has written") })
    }

    @Test func withNoTitleTheFirstParagraphIsBody() {
        // A text that opens with a paragraph too long to be a headline (a section of a large
        // file starts this way) keeps it.
        let first = String(repeating: "The harbour board met again on Tuesday and talked about the pier. ", count: 8)
        let a = ArticleAnalyzer().analyze(SourceText(first + "\n\nFishermen asked for a meeting before the work begins next month.\n"))
        #expect(a.title == nil)
        #expect(a.body.first?.text.string.hasPrefix("The harbour board met again") == true)
        #expect(a.body.count == 2)
    }
}

