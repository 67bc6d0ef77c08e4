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

    @Test func controlsAndEscapesAreDroppedFromAnalysis() {
        #expect(block("clear\u{1B}[2J screen \u{202E}now\u{7}").0.text.string == "clear[2J screen now")
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
