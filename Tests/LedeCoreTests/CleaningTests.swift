import Testing
@testable import LedeCore

@Suite struct MarkupTests {
    func block(_ s: String) -> (Block, SourceText) {
        let text = SourceText(s)
        return (BlockSplitter.split(text)[0], text)
    }

    @Test func tagsGoEntitiesDecodeAndTheMapHolds() throws {
        let s = "<a href=\"http://x.test/p?a=1&b=2\" target=\"_blank\">Syria flag</a> image &amp; more&nbsp;here"
        let (b, text) = block(s)
        #expect(b.text.string == "Syria flag image & more here")
        #expect(b.tagCount == 2)
        #expect(b.linkBytes == "Syria flag".utf8.count)
        // "image" maps back to its place in the source.
        let out = Array(b.text.utf8)
        let i = try #require(b.text.string.range(of: "image")).lowerBound.utf16Offset(in: b.text.string)
        let src = b.text.sourceRange(i..<i + 5)
        #expect(text.string(src) == "image")
        // The decoded "&" maps to the whole entity.
        let amp = try #require(out.firstIndex(of: UInt8(ascii: "&")))
        #expect(text.string(b.text.sourceRange(amp..<amp + 1)) == "&amp;")
    }

    @Test func lessThanInProseIsNotATag() {
        #expect(block("a < b and c <3 d").0.text.string == "a < b and c <3 d")
    }

    @Test func controlsAndEscapesBecomeVisiblePlaceholders() {
        let (b, text) = block("clear\u{1B}[2J screen \u{202E}now\u{7}")
        #expect(b.text.string == "clear\u{241B}[2J screen \u{FFFD}now\u{2407}")
        // No byte of the cleaned text is a control.
        #expect(!b.text.string.unicodeScalars.contains { Sanitizer.isUnsafe($0) })
        // The placeholder maps back to the ESC it stands for.
        let esc = Array(b.text.utf8).firstIndex(of: 0xE2)!
        #expect(text.string(b.text.sourceRange(esc..<esc + 3)) == "\u{1B}")
    }

    @Test func whiteSpaceFoldsAndTrims() {
        #expect(block("  one \t two\u{A0}\u{A0}three  ").0.text.string == "one two three")
    }
}

@Suite struct BlockSplitterTests {
    @Test func linesAreBlocksAndWrappedParagraphsJoin() {
        let s = """
        Title line
        A short caption

        This paragraph was wrapped by hand at about seventy columns, as plain
        text mail and many text archives are, so its lines belong together and
        must be joined into one block.

        """
        let blocks = BlockSplitter.split(SourceText(s))
        #expect(blocks.count == 3)
        #expect(blocks[2].text.string.hasPrefix("This paragraph was wrapped by hand at about seventy columns, as plain text mail"))
        #expect(blocks[2].blankBefore)
        #expect(!blocks[1].blankBefore)
    }

    @Test func crlfAndLoneCR() {
        let blocks = BlockSplitter.split(SourceText("one\r\ntwo\rthree"))
        #expect(blocks.map { $0.text.string } == ["one", "two", "three"])
        let text = SourceText("one\r\ntwo")
        #expect(text.string(BlockSplitter.split(text)[1].source) == "two")
        #expect(text.scalarOffset(ofByte: BlockSplitter.split(text)[1].source.lowerBound) == 5)
    }
}

@Suite struct ClassifierTests {
    @Test func boilerplatePageKeepsOnlyTheArticle() throws {
        let page = """
        Home
        News
        Subscribe
        Sign In
        We use cookies to improve your experience. Accept
        Share on Facebook
        The harbour master said on Friday that the new breakwater would be finished before the winter storms, a year later than the town council had planned.

        Fishermen on the east quay said the delays had cost them a season of work, and several of them asked the council to pay for the losses they had suffered.

        Related stories
        <a href="/a">Ferry times change</a>
        <a href="/b">Lifeboat crew honoured</a>
        Subscribe to the Gazette for £1 a week
        © 2024 Gazette. All rights reserved.
        Next Story
        """
        let article = ArticleAnalyzer().analyze(SourceText(page))
        try #require(article.body.count == 2)
        #expect(article.body[0].text.string.hasPrefix("The harbour master"))
        #expect(article.body[1].text.string.hasPrefix("Fishermen"))
    }

    @Test func shortCleanArticleKeepsItsBody() {
        let s = """
        Library extends opening hours

        The town library will open until nine on weekdays from March.

        "People asked for it," the librarian said.
        """
        let article = ArticleAnalyzer().analyze(SourceText(s))
        #expect(article.title?.text.string == "Library extends opening hours")
        #expect(article.body.count == 2)
    }

    @Test func proseUsingAnEverydayFurnitureWordStays() {
        // "offer" is also a paywall word; in a sentence of prose it is news.
        let s = """
        Harbour talks collapse

        “We have been patient for months,” said Daniel Reyes of the Transport Union.

        The port authority said it would not change its offer. “The offer stands,” said Maria Okafor, who chairs the authority.

        “It is a mess,” Reyes added.
        """
        let article = ArticleAnalyzer().analyze(SourceText(s))
        #expect(article.body.count == 3)
        #expect(article.quotes.filter { $0.kind == .speech }.count == 3)
    }

    @Test func oneJunkLineDoesNotTakeTheTitleOfAShortStory() {
        let s = """
        Harbour talks collapse

        By Ann Lee

        “We have been patient for months,” said Daniel Reyes of the Transport Union.

        The port authority said it would not change its offer. “The offer stands,” said Maria Okafor.

        “It is a mess,” Reyes added.

        Subscribe now for unlimited access.
        """
        let article = ArticleAnalyzer().analyze(SourceText(s))
        #expect(article.title?.text.string == "Harbour talks collapse")
        #expect(article.byline?.text.string == "By Ann Lee")
        #expect(article.body.last?.text.string == "“It is a mess,” Reyes added.")
    }

    @Test func aLineOfNoBreakSpacesIsBlankAndNeverReadPastTheEnd() {
        // Found by fuzzing (the byte A0 alone, read as Windows-1252): a crash.
        _ = ArticleAnalyzer().analyze(TextDecoder.decode([0xA0]))
        let s = "Title\n\u{A0}\u{A0}\n“We stay,” said Ana Ruiz in Lisbon on Monday, after the long talks ended.\n\u{A0}"
        let blocks = BlockSplitter.split(SourceText(s))
        #expect(blocks.count == 2, "the no-break-space lines are blank")
    }

    @Test func nonEnglishPageKeepsItsBody() throws {
        let s = """
        Menu
        Início
        Contato
        A prefeitura anunciou nesta segunda-feira que as obras da nova ponte serão concluídas até o fim do ano, segundo o secretário de obras da cidade.

        Os moradores do bairro disseram que esperam a ponte há mais de dez anos e que a travessia de barco é cara e demorada para quem trabalha no centro.

        Compartilhe
        Leia também
        """
        let body = ArticleAnalyzer().analyze(SourceText(s)).body
        try #require(body.count == 2)
        #expect(body[0].text.string.hasPrefix("A prefeitura"))
    }
}

@Suite struct DateTests {
    @Test(arguments: [
        ("Last Updated : Jul 14 2016 | 3:08 PM IST", "2016-07-14T15:08"),
        ("July 14, 2016", "2016-07-14"),
        ("14 July 2016", "2016-07-14"),
        ("Published 2019-11-05 09:30", "2019-11-05T09:30"),
        ("27/09/2018", "2018-09-27"),
        ("Carlos 27 de setembro de 2018", "2018-09-27"),
    ])
    func parses(_ input: String, _ iso: String) {
        #expect(DateParser.parse(input)?.iso == iso)
    }

    @Test func noDateInProse() {
        #expect(DateParser.parse("The council met on Tuesday") == nil)
        #expect(DateParser.parse("99/99/9999") == nil)
    }
}

@Suite struct StoryListTests {
    /// An article, then teasers cut off with an ellipsis and a list of other stories, each
    /// with a writer and a date.
    static let page = """
    Harbour pier to close for winter repairs

    The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last most of the winter, after engineers found cracks in two of its supports.

    Fishermen who tie up at the pier said they had not been told where they would go instead, and asked the board for a meeting before the work begins next month.

    The board's chair said the repairs could not wait. "We would rather close it for a season than lose it for good," she said, adding that a temporary mooring would be found.

    We asked the harbour master what the fishermen should expect. Here is what she had to say…

    The work is due to be finished by April, when the ferry season begins again.

    Council approves new budget for the town library after long debate LONDON: The town council has approved a budget for the library that will keep its doors open until nine on weekdays and may soon...

    School bus routes to change from January as the county redraws its map PARIS: Parents of children who take the school bus to the three primary schools in the county are being told that the routes will...

    More stories

    Ferry fares to rise in spring
    Jane Roe
    Tuesday November 19, 2019

    Lifeboat crew rescues two sailors off the point in a storm on Sunday night, the second rescue this month.
    Ali Khan
    Monday November 18, 2019

    The new lighthouse keeper talks about the long winter nights at the station and what brought her to the coast.
    """

    @Test func teasersAndStoryListsAfterTheArticleGo() {
        let body = ArticleAnalyzer().analyze(SourceText(Self.page)).body.map { $0.text.string }
        #expect(body.last == "The work is due to be finished by April, when the ferry season begins again.")
        for junk in ["Council approves", "School bus routes", "Ferry fares to rise", "Jane Roe", "Tuesday November 19", "Lifeboat crew"] {
            #expect(!body.contains { $0.hasPrefix(junk) }, "\(junk)")
        }
        // A paragraph that trails off after finished sentences is the article's.
        #expect(body.contains { $0.hasSuffix("Here is what she had to say…") })
    }

    @Test func anotherStorysHeaderEndsTheArticleEvenWithLongBlurbs() {
        let blurb = "The council met for four hours on Monday night and heard from more than forty residents, most of whom said the plan to move the market would hurt the small traders who have worked the square for decades, and asked for a vote to be delayed."
        let page = [
            "Pier to close for the winter",
            "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last most of the winter, after engineers found cracks in two of its supports and warned that a storm could bring part of it down.",
            "Fishermen who tie up at the pier said they had not been told where they would go instead, and asked the board for a meeting before the work begins next month, when the first boats would have to move.",
            "Market traders fear move to car park", "Ali Khan", "Tuesday November 19, 2019", blurb,
            "Ferry fares to rise in spring", "Jane Roe", "Monday November 18, 2019", blurb.replacingOccurrences(of: "market", with: "ferry"),
        ].joined(separator: "\n\n")
        let body = ArticleAnalyzer().analyze(SourceText(page)).body.map { $0.text.string }
        #expect(body.count == 2)
        #expect(body.last?.hasPrefix("Fishermen") == true)
    }

    @Test func theExplanationIsTheClassifiersOwnDecision() {
        let blocks = BlockSplitter.split(SourceText(Self.page))
        let classifier = BoilerplateClassifier()
        let steps = classifier.explain(blocks)
        #expect(steps.map(\.final) == classifier.classify(blocks).classes)
        let teaser = blocks.firstIndex { $0.text.string.hasPrefix("Council approves") }!
        #expect(steps[teaser].rule == .teaser)
        let date = blocks.firstIndex { $0.text.string == "Tuesday November 19, 2019" }!
        #expect(steps[date].afterContext == .good && steps[date].final == .bad)
    }

    @Test(arguments: [("Tuesday November 19, 2019", true), ("Nov 19, 2019 10:30 AM EST", true),
                      ("Six months to August 20, 1996", false), ("NEW YORK 1996-08-30", false), ("Tuesday", false)])
    func onlyADate(line: String, only: Bool) {
        #expect(DateParser.isOnlyADate(line) == only)
    }
}

@Suite struct DatelineTests {
    func dateline(_ s: String) -> String? {
        let a = ArticleAnalyzer().analyze(SourceText(s))
        return a.dateline.map { a.text($0) }
    }

    @Test func datelineOpeningTheBody() {
        #expect(dateline("Title\n\nPORTSMOUTH — Hundreds of dock workers walked off the job on Monday after the talks broke down.") == "PORTSMOUTH")
        #expect(dateline("Title\n\nNEW YORK (AP) — Democratic candidates were on opposing sides of the research debate on Tuesday.") == "NEW YORK")
        #expect(dateline("Title\n\nCAMBRIDGE, Mass., Dec. 11 (UPI) — Young democrats are gravitating toward the senator, a poll says.") == "CAMBRIDGE")
    }

    @Test func datelineOnALineOfItsOwnOrInTheByline() {
        #expect(dateline("SOCCER - SHEARER NAMED AS CAPTAIN.\n\nLONDON 1996-08-30\n\nThe world's costliest footballer was named captain on Friday by the new coach of the side.") == "LONDON")
        #expect(dateline("Pact offered\n\nAny deal would strengthen the position of the government in the region.\n\nAFP | PTI Paris\n\nThe United States is to offer to cooperate with Russia, a media report said on Thursday.") == "Paris")
    }

    @Test func noDatelineInOrdinaryProse() {
        #expect(dateline("Title\n\nThe council met on Tuesday — and said nothing at all about the bridge or the road.") == nil)
        #expect(dateline("Title\n\nNATO said on Monday that the exercise would go ahead.") == nil)
    }
}
