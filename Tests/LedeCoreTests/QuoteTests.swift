import Testing
@testable import LedeCore

/// Quotations found in a small article (title first, then paragraphs).
func analyse(_ paragraphs: [String]) -> Article {
    ArticleAnalyzer().analyze(SourceText(paragraphs.joined(separator: "\n\n")))
}

func spans(_ paragraphs: [String]) -> [(String, Bool, Bool)] {
    let texts = paragraphs.map { Array($0.utf8) }
    return QuoteScanner().scan(texts).filter { !$0.nested }.map {
        (String(decoding: texts[$0.paragraph][$0.range], as: UTF8.self), $0.closed, $0.continues)
    }
}

@Suite struct QuoteScannerTests {
    @Test func curlyAndStraightDoubleQuotes() throws {
        let found = spans(["He said “yes” and then \"no\" to it."])
        #expect(found.map(\.0) == ["“yes”", "\"no\""])
    }

    @Test func apostrophesAreNeverQuotes() throws {
        let found = spans(["Don't mention the '90s to O'Brien or Assad's men, ‘he said’ twice."])
        #expect(found.isEmpty)  // double-quote style text: single marks are not outer quotes
        let british = spans(["‘I don’t think so,’ she said of O’Brien’s plan.", "‘It’s fine,’ he said of the ’90s.",
                             "‘The judges’ comments were generous,’ she said."])
        #expect(british.map(\.0) == ["‘I don’t think so,’", "‘It’s fine,’", "‘The judges’ comments were generous,’"])
    }

    @Test func quotesRunningOverParagraphs() throws {
        let found = spans(["“The first part goes on.", "“And on, until it ends,” she said.", "Then “another” one."])
        #expect(found.map(\.0) == ["“The first part goes on.", "“And on, until it ends,”", "“another”"])
        #expect(found.map(\.1) == [false, true, true])
        #expect(found.map(\.2) == [false, true, false])
    }

    @Test func nestedQuotesStayInside() throws {
        let found = spans(["“He told me ‘never again’ and left,” she said."])
        #expect(found.map(\.0) == ["“He told me ‘never again’ and left,”"])
    }

    @Test func straightMarksWrappingAParagraphOfCurlyOnesAreABlockquote() throws {
        let found = spans(["\"“We feel great about it,” Ms. Roe said before leaving for Ohio.\"",
                           "\"“Alone,” he said.\"", "\"A plain quoted paragraph.\""])
        #expect(found.map(\.0) == ["“We feel great about it,”", "“Alone,”", "\"A plain quoted paragraph.\""])
    }

    @Test func guillemetsAndLowHighQuotes() throws {
        #expect(spans(["Il a dit « non merci » hier."]).map(\.0) == ["« non merci »"])
        #expect(spans(["Er sagte „nein danke“ gestern."]).map(\.0) == ["„nein danke“"])
    }
}

@Suite struct AttributionTests {
    @Test func speakerAfterTheQuote() throws {
        let a = analyse(["Title", "“We will win this,” said Maria Lopez, the party’s leader.", "“We are ready,” Lopez told reporters."])
        let speech = a.quotes.filter { $0.kind == .speech }
        try #require(speech.count == 2)
        #expect(speech.map(\.speaker) == ["Maria Lopez", "Maria Lopez"])
        #expect(a.text(try #require(speech[1].speakerSource)) == "Lopez")
    }

    @Test func speakerBeforeTheQuoteAndPronouns() throws {
        let a = analyse(["Title", "Mayor Linda Cho said: \"This is the most important decision in a decade.\"", "\"We will start in spring,\" she added."])
        let speech = a.quotes.filter { $0.kind == .speech }
        try #require(speech.count == 2)
        #expect(speech[0].speaker == "Linda Cho")
        #expect(speech[1].speaker == "Linda Cho")
        #expect(a.text(try #require(speech[1].speakerSource)) == "she")
    }

    @Test func showsAndNamesInTitleCaseAreNotSpeech() throws {
        let a = analyse(["Title",
                         "Senator Ana Reyes told NBC’s “Meet the Press.” that the bill was dead.",
                         "She later appeared on “Good Morning Britain” and said: “We will bring it back next year.”",
                         "“Not a chance,” said Tom Okafor, the majority leader."])
        #expect(a.quotes.filter { $0.kind == .speech }.map(\.text) == ["“We will bring it back next year.”", "“Not a chance,”"])
        #expect(a.quotes.filter { $0.kind != .speech }.map(\.text) == ["“Meet the Press.”", "“Good Morning Britain”"])
    }

    @Test func quotedTermsAreNotSpeech() throws {
        let a = analyse(["Title", "The group's so-called \"caliphate\" has global ambitions, the minister John Hale said on Monday in a long speech to parliament.", "They set up a \"Joint Implementation Group\" to run it."])
        #expect(a.quotes.map(\.kind) == [.term, .term])
        #expect(a.quotes.allSatisfy { $0.speaker == nil })
    }

    @Test func personHeadsASubjectQualifiedByAnOrganisation() throws {
        let a = analyse(["Title", "“The offer is the best this port can afford,” Harbour Authority chief executive Helen Marsh told reporters."])
        #expect(a.quotes.first?.speaker == "Helen Marsh")
    }

    @Test func descriptionSpeaker() throws {
        let a = analyse(["Title", "\"Demand has been far higher than we planned,\" a spokesperson for the government said."])
        #expect(a.quotes.first?.speaker == "a spokesperson for the government")
    }

    @Test func multiParagraphQuoteSharesNumberAndSpeaker() throws {
        let a = analyse(["Title", "“The offer is the best we can afford,” chief executive Helen Marsh told reporters. “We remain ready to talk.", "“But we cannot sign a deal that puts the harbour at risk.”"])
        let speech = a.quotes.filter { $0.kind == .speech }
        try #require(speech.count == 3)
        #expect(speech[1].number == speech[2].number)
        #expect(speech.allSatisfy { $0.speaker == "Helen Marsh" })
    }
}

@Suite struct TwoApostropheQuoteTests {
    @Test func twoApostrophesAreADoubleQuote() {
        let found = spans(["''We are not done yet,'' the senator said, calling it ''a first step.''"])
        #expect(found.map(\.0) == ["''We are not done yet,''", "''a first step.''"])
        // One apostrophe stays an apostrophe.
        #expect(spans(["It's the senator's plan."]).isEmpty)
    }
}

/// Who the trained ranker says is speaking, on short articles of our own.
@Suite struct LearnedAttributionTests {
    func speakers(_ text: String) -> [String?] {
        ArticleAnalyzer().analyze(SourceText(text)).quotes.filter { $0.kind == .speech }.map(\.speaker)
    }

    @Test func sheAndHeByGenderAndRecency() {
        #expect(speakers("""
        Council clash over bridge

        Mayor Linda Cho and Councilman Frank Delgado argued over the bridge on Tuesday.

        “We cannot wait another year,” she said.

        Delgado disagreed. “The money is not there,” he said.
        """) == ["Linda Cho", "Frank Delgado"])
    }

    @Test func aNameTheListsDoNotKnowIsNotPassedOverForTheByline() {
        #expect(speakers("""
        Choir wins title

        By Tom Baker

        Choirmaster Eileen Hartley said the win belonged to the village. Councillor Raj Patel said the council would host a reception. “We will find somewhere to put it,” he said.
        """) == ["Raj Patel"])
        // The byline's name is the writer's: "he" is nobody named in the story.
        #expect(speakers("""
        Choir wins title

        By Tom Baker

        The village choir won the county title on Saturday. “We will find somewhere to put it,” he said.
        """) == [nil])
    }

    @Test func saidXTheYOfZAndPartyCodes() {
        #expect(speakers("""
        Bank holds rates

        “We see no reason to move now,” said Maria Okafor, the governor of the Central Bank of Ruritania, on Thursday.

        “Markets will settle,” said O'Hara, an economist at Ruritania Capital.

        “The data are mixed,” Senator Harry Reid (D-Nev.) said.
        """) == ["Maria Okafor", "O'Hara", "Harry Reid"])
    }

    @Test func descriptions() {
        #expect(speakers("""
        Tycoon buys paper

        The Texas businessman who bought the Valley Courier last week met its staff on Friday.

        “I will not tell anyone what to write,” the Texas businessman said.
        """) == ["the Texas businessman"])
    }

    @Test func aNewSubjectTakesOver() {
        #expect(speakers("""
        Harbour deal

        “The offer is fair,” said Helen Marsh, the chief executive of the Harbour Authority.

        Daniel Reyes, the union's regional secretary, rejected it on Monday. “It is not enough,” he said.
        """) == ["Helen Marsh", "Daniel Reyes"])
    }

    @Test func transcriptLabelsSpeak() {
        #expect(speakers("""
        Governor on the record

        Governor Mary Fallin spoke to the host on Sunday.

        FALLIN: I think it will pass. “We have the votes,” I told them last week.
        """) == ["Mary Fallin"])
    }
}
