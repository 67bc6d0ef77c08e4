import Testing
import Foundation
import LedeCore
@testable import LedeUI

func document(_ text: String, wholeLimit: Int = Document.wholeLimit, sectionSize: Int = Document.sectionSize) -> Document {
    Document(source: SourceText(text), wholeLimit: wholeLimit, sectionSize: sectionSize)
}

let sample = """
Harbour talks collapse

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

Talks will resume on Monday, the union said.

“It is a mess,” Reyes added.
"""

/// Four quotations by two speakers, parties named more than once.
let talks = """
Harbour talks collapse

By Ann Lee

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

The port authority said it would not change its offer. “The offer stands,” said Maria Okafor, who chairs the authority.

Talks will resume on Monday in Portsmouth, the union said.

“It is a mess,” Reyes added.

Okafor said: “We will wait.”
"""

func state(_ text: String = talks, width: Int = 60, height: Int = 8, entries: Int = 1) -> ReaderState {
    let e = (0..<entries).map { Entry(path: "/a/\($0).txt", document: document(text), error: nil) }
    return ReaderState(entries: e, width: width, height: height)
}

/// The text on screen in the reading pane, one string per row.
func screenText(_ s: ReaderState) -> [String] {
    let c = render(s)
    return (0..<s.bodyHeight).map { c.text(row: $0).trimmingCharacters(in: .whitespaces) }
}

/// The speaker of the quotation the reader is on.
func speaker(_ s: ReaderState) -> String? {
    guard let q = s.currentQuote, let d = s.document else { return nil }
    return d.section(q.section).quotes[q.index].speaker
}

func type(_ s: inout ReaderState, _ text: String) {
    for c in text { handle(&s, .key(.char(c))) }
}

@Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var c = Canvas(width: 6, height: 1)
        let end = c.put("a漢字b", x: 0, y: 0, style: .normal)
        #expect(end == 6)
        #expect(c.text(row: 0) == "a漢字b")
        var d = Canvas(width: 4, height: 1)
        d.put("a漢字", x: 0, y: 0, style: .normal)
        #expect(d.text(row: 0) == "a漢 ")  // the second ideograph does not fit: not drawn
    }

    @Test func unsafeScalarsBecomePlaceholders() {
        var c = Canvas(width: 8, height: 1)
        c.put("a\u{1B}[2Jb", x: 0, y: 0, style: .normal)
        #expect(c.text(row: 0) == "a\u{241B}[2Jb  ")
    }
}

@Suite struct KeyMapTests {
    @Test func everyActionHasAKeyAndHelpAndNoKeyIsBoundTwice() {
        let bound = Set(KeyMap.bindings.map(\.action))
        #expect(bound == Set(Action.allCases))
        let keys = KeyMap.bindings.flatMap(\.keys)
        #expect(keys.count == Set(keys).count)
        #expect(KeyMap.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
        #expect(KeyMap.action(for: .char("j")) == .lineDown)
        #expect(KeyMap.action(for: .char("]")) == .nextQuote)
    }

    @Test func theReadmeTableIsTheKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        for b in KeyMap.bindings {
            let keys = b.keys.map { "`\($0.label)`" }.joined(separator: " ")
            #expect(text.contains("| \(keys) | \(b.help) |"), "README row for \(b.action)")
        }
    }

    @Test func theHelpOverlayIsTheKeyMap() {
        var s = state(width: 120)
        update(&s, .help)
        let rows = overlayRows(s).rows.map(\.text)
        for b in KeyMap.bindings {
            #expect(rows.contains { $0.hasPrefix(b.keys.map(\.label).joined(separator: " ")) && $0.hasSuffix(b.help) }, "\(b.action)")
        }
        update(&s, .cancel)
        #expect(s.overlay == nil)
    }

    @Test func theHelpScrollsToItsLastRow() {
        var s = state(width: 80, height: 12)
        update(&s, .help)
        let text = { (s: ReaderState) in (0..<s.height).map { render(s).text(row: $0) }.joined(separator: "\n") }
        #expect(text(s).contains("next line"))
        #expect(text(s).contains(" 1–8 of \(overlayRows(s).count) · Esc closes "))
        #expect(!text(s).contains("quit at once"))
        update(&s, .lineDown)
        #expect(!text(s).contains("next line (list"))
        update(&s, .bottom)
        #expect(text(s).contains("Ctrl-C"))
        #expect(text(s).contains("quit at once"))
        update(&s, .top)
        #expect(text(s).contains("next line (list"))
    }
}

@Suite struct ScrollTests {
    @Test func scrollingIsClampedInUpdate() {
        var s = state()
        let first = s.top
        update(&s, .lineUp)
        #expect(s.top == first)
        update(&s, .bottom)
        #expect(s.atEnd)
        #expect(s.rows.count == s.bodyHeight)
        let bottom = s.top
        update(&s, .lineDown)
        #expect(s.top == bottom)
        update(&s, .pageDown)
        #expect(s.top == bottom)
        update(&s, .top)
        #expect(s.top == first)
        update(&s, .pageDown)
        #expect(s.top != first)
        update(&s, .pageUp)
        #expect(s.top == first)
        update(&s, .halfPageDown)
        let half = s.top
        #expect(half != first)
        update(&s, .halfPageUp)
        #expect(s.top == first)
        update(&s, .lineDown)
        #expect(s.top == RowPosition(section: 0, paragraph: 0, line: 1) || s.top?.paragraph == 1)
    }

    @Test func aTallTerminalDoesNotLoseThePlace() {
        // Found by the tmux resize storm: a terminal tall enough to show the whole end of
        // the article clamps the top back, and the place was lost with it.
        var s = state(width: 40, height: 6)
        for _ in 0..<9 { update(&s, .lineDown) }
        let before = try! #require(s.topText)
        resize(&s, width: 160, height: 60)
        #expect(s.topText != before, "everything fits: the top is the article's start")
        resize(&s, width: 1, height: 1)
        resize(&s, width: 40, height: 6)
        #expect(s.topText == before)
        // Moving on makes the new top the place.
        update(&s, .lineDown)
        let moved = s.topText
        resize(&s, width: 70, height: 40)
        resize(&s, width: 40, height: 6)
        #expect(s.topText == moved)
    }

    @Test func aShortArticleNeverScrolls() {
        var s = state(sample, width: 100, height: 30)
        let top = s.top
        for a in [Action.lineDown, .pageDown, .bottom, .halfPageDown] { update(&s, a); #expect(s.top == top) }
        #expect(s.percent == 100)
    }

    @Test func resizeKeepsTheSameTextAtTheTop() {
        var s = state(width: 40, height: 6)
        for _ in 0..<9 { update(&s, .lineDown) }
        let before = try! #require(s.topText)
        let firstWords = screenText(s)[0]
        resize(&s, width: 70, height: 6)
        let after = try! #require(s.topText)
        #expect(after.paragraph == before.paragraph)
        #expect(after.byte <= before.byte)
        // The top row at the new width still holds the start of the old top row.
        #expect(screenText(s)[0].contains(firstWords.split(separator: " ").first.map(String.init) ?? ""))
        resize(&s, width: 1, height: 1)
        resize(&s, width: 40, height: 6)
        #expect(s.topText?.paragraph == before.paragraph)
    }
}

@Suite struct JumpTests {
    @Test func quotesInOrderAndBack() {
        var s = state(height: 6)
        var speakers: [String?] = []
        for _ in 0..<4 { update(&s, .nextQuote); speakers.append(speaker(s)) }
        #expect(speakers == ["Daniel Reyes", "Maria Okafor", "Daniel Reyes", "Maria Okafor"])
        update(&s, .nextQuote)
        #expect(s.message == "no more quotations")
        update(&s, .previousQuote)
        #expect(speaker(s) == "Daniel Reyes")
        #expect(s.currentQuote?.index == 2)
    }

    @Test func theQuoteJumpedToIsOnScreenAndNamedInTheStatusBar() {
        var s = state(width: 60, height: 6)
        update(&s, .nextQuote); update(&s, .nextQuote)
        #expect(screenText(s).contains { $0.contains("The offer stands") })
        #expect(render(s).text(row: s.height - 1).contains("quote 2/4 — Maria Okafor"))
        // The quotation the reader is on is marked.
        #expect(render(s).styles(row: s.rows.firstIndex { !$0.isGap && render(s).text(row: 0).isEmpty == false } ?? 0).contains("#") ||
                (0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("#") })
    }

    @Test func sameSpeaker() {
        var s = state(height: 6)
        update(&s, .nextBySpeaker)
        #expect(s.message?.hasPrefix("no quotation chosen") == true)
        update(&s, .nextQuote)
        update(&s, .nextBySpeaker)
        #expect(speaker(s) == "Daniel Reyes")
        #expect(s.currentQuote?.index == 2)
        update(&s, .nextBySpeaker)
        #expect(s.message == "no more quotations by Daniel Reyes")
        update(&s, .previousBySpeaker)
        #expect(s.currentQuote?.index == 0)
    }

    @Test func mentionsOfAnyPartyThenOfTheChosenOne() {
        var s = state(height: 6)
        update(&s, .nextMention)
        let first = try! #require(s.currentMention)
        update(&s, .nextMention)
        #expect(s.currentMention != first)
        update(&s, .previousMention)
        #expect(s.currentMention == first)
        // Choose Maria Okafor in the parties overlay: Enter jumps to her first mention.
        update(&s, .partiesOverlay)
        let rows = overlayRows(s).rows
        let okafor = try! #require(rows.firstIndex { $0.text.contains("Maria Okafor") })
        while s.overlayRow < okafor { update(&s, .lineDown) }
        update(&s, .open)
        #expect(s.overlay == nil)
        #expect(s.party == PartyKey(name: "Maria Okafor", type: .person))
        let d = s.document!
        func mentionText(_ s: ReaderState) -> String { d.section(0).mentions[s.currentMention!.index].text }
        #expect(mentionText(s) == "Maria Okafor")
        update(&s, .nextMention)
        #expect(mentionText(s) == "Okafor")
        update(&s, .nextMention)
        #expect(s.message == "no more mentions of Maria Okafor")
        #expect(render(s).golden.contains("C"))
        update(&s, .cancel)
        #expect(s.party == nil)
    }

    @Test func quotesOverlayJumps() {
        var s = state(height: 8)
        update(&s, .quotesOverlay)
        let list = overlayRows(s)
        let rows = list.rows
        #expect(list.title == "Who said what — 4 quotations")
        #expect(rows.map(\.text) == [
            "1. Daniel Reyes: “We have been patient for months,”",
            "2. Maria Okafor: “The offer stands,”",
            "3. Daniel Reyes: “It is a mess,”",
            "4. Maria Okafor: “We will wait.”",
        ])
        update(&s, .bottom)
        update(&s, .lineUp)
        update(&s, .open)
        #expect(s.overlay == nil)
        #expect(s.currentQuote?.index == 2)
        #expect(screenText(s).contains { $0.contains("It is a mess") })
    }
}

@Suite struct SearchTests {
    @Test func searchFindsNextAndWrapsAround() {
        var s = state(height: 6)
        handle(&s, .key(.char("/")))
        #expect(s.prompt?.kind == .search)
        type(&s, "PORTSMOUTH")
        handle(&s, .key(.enter))
        #expect(s.prompt == nil)
        let first = try! #require(s.match)
        #expect(screenText(s).contains { $0.contains("Portsmouth") })
        // The match the reader is on stands apart from the others.
        #expect((0..<s.bodyHeight).contains { render(s).styles(row: $0).contains(".##########.") })
        #expect(render(s).text(row: s.height - 1).contains("/PORTSMOUTH match 1/2 (n N)"))
        update(&s, .nextMatch)
        let second = try! #require(s.match)
        #expect(second.position > first.position)
        update(&s, .nextMatch)
        #expect(s.match == first)
        #expect(s.message == "search wrapped to the top")
        update(&s, .previousMatch)
        #expect(s.match == second)
        #expect(s.message == "search wrapped to the bottom")
    }

    @Test func notFoundAndNoSearch() {
        var s = state()
        update(&s, .nextMatch)
        #expect(s.message == "no search yet: / searches")
        handle(&s, .key(.char("/")))
        type(&s, "zebra")
        handle(&s, .key(.enter))
        #expect(s.match == nil)
        #expect(s.message == "not found: zebra")
    }

    @Test func promptEditing() {
        var s = state()
        handle(&s, .key(.char("/")))
        type(&s, "port authority")
        handle(&s, .key(.ctrl("w")))
        #expect(s.prompt?.text == "port ")
        handle(&s, .key(.backspace))
        #expect(s.prompt?.text == "port")
        handle(&s, .key(.ctrl("u")))
        #expect(s.prompt?.text == "")
        handle(&s, .key(.char("q")))  // typed, not quit
        #expect(!s.quitting)
        handle(&s, .key(.escape))
        #expect(s.prompt == nil)
    }
}

@Suite struct OpenPromptTests {
    @Test func tabAsksForCompletionAndEnterForTheFile() {
        var s = state()
        handle(&s, .key(.char("o")))
        type(&s, "~/ne")
        #expect(handle(&s, .key(.tab)) == [.complete(path: "~/ne")])
        handle(&s, .completed(text: "~/news/", candidates: ["news"]))
        #expect(s.prompt?.text == "~/news/")
        handle(&s, .completed(text: "~/news/a", candidates: ["a1.txt", "a2.txt"]))
        #expect(s.prompt?.error == "a1.txt  a2.txt")
        #expect(handle(&s, .key(.enter)) == [.open(path: "~/news/a")])
    }

    @Test func aBadPathShowsItsErrorAndLosesNothing() {
        var s = state(entries: 2)
        handle(&s, .key(.char("o")))
        type(&s, "/nope")
        handle(&s, .key(.enter))
        handle(&s, .openFailed("/nope: no such file or directory"))
        #expect(s.prompt?.text == "/nope")
        #expect(s.entries.count == 2)
        #expect(render(s).text(row: s.height - 1).contains("/nope: no such file or directory"))
        handle(&s, .key(.escape))
        #expect(s.prompt == nil)
    }

    @Test func openedEntriesAreListedAndTheFirstOpens() {
        var s = state(entries: 1)
        handle(&s, .key(.char("o")))
        type(&s, "/b")
        handle(&s, .key(.enter))
        let effects = handle(&s, .opened([Entry(path: "/b/1.txt", document: document(sample), error: nil), .pending("/b/2.txt")]))
        #expect(effects.isEmpty)
        #expect(s.entries.count == 3)
        #expect(s.selected == 1)
        #expect(s.focus == .reader)
        #expect(s.prompt == nil)
        // Opening a listed path again selects it.
        handle(&s, .opened([Entry(path: "/a/0.txt", document: document(sample), error: nil)]))
        #expect(s.entries.count == 3)
        #expect(s.selected == 0)
        // Moving onto a pending entry asks for it to be read.
        s.focus = .list
        s.layout = .split
        update(&s, .lineDown)
        #expect(update(&s, .lineDown) == [.load(s.entries[2].id)])
        handle(&s, .loaded(entry: s.entries[2].id, document: nil, error: "permission denied"))
        #expect(s.entries[2].error == "permission denied")
    }
}

@Suite struct LayoutAndPaneTests {
    @Test func listAndReaderFocus() {
        var s = state(width: 100, entries: 3)
        #expect(s.focus == .list)
        update(&s, .lineDown)
        #expect(s.selected == 1)
        update(&s, .open)
        #expect(s.focus == .reader)
        update(&s, .switchPane)
        #expect(s.focus == .list)
        update(&s, .switchPane)
        update(&s, .back)
        #expect(s.focus == .list)
        update(&s, .back)
        #expect(s.quitting)
    }

    @Test func narrowIsOnePaneAtATime() {
        var s = state(width: 60, height: 10, entries: 3)
        #expect(s.listWidth == 0)
        #expect(s.showsList && !s.showsReader)
        update(&s, .open)
        #expect(s.showsReader && !s.showsList)
        update(&s, .cancel)
        #expect(s.focus == .list)
        update(&s, .switchLayout)
        #expect(s.listWidth > 0)
        update(&s, .switchLayout)
        #expect(s.listWidth == 0)
    }

    @Test func widenAndNarrowTheList() {
        var s = state(width: 120, entries: 2)
        let w = s.listWidth
        update(&s, .widenList)
        #expect(s.listWidth == w + 4)
        update(&s, .narrowList); update(&s, .narrowList)
        #expect(s.listWidth == w - 4)
        for _ in 0..<40 { update(&s, .narrowList) }
        #expect(s.listWidth == 12)
        for _ in 0..<40 { update(&s, .widenList) }
        #expect(s.listWidth == 60)  // beside the article, the list takes at most half
    }

    @Test func highlightsToggle() {
        var s = state(width: 60, height: 10)
        #expect((0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("P") })
        update(&s, .toggleHighlights)
        #expect(!(0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("P") || render(s).styles(row: $0).contains("q") })
        #expect(render(s).text(row: s.height - 1).contains("highlighting off"))
        update(&s, .toggleHighlights)
        #expect(s.highlights)
    }

    @Test func redrawAndUnboundKeys() {
        var s = state()
        #expect(update(&s, .redraw) == [.redraw])
        let before = s.top
        #expect(handle(&s, .key(.char("z"))).isEmpty)
        #expect(s.top == before)
    }

    @Test func mouseWheelAndClick() {
        var s = state(width: 100, height: 10, entries: 3)
        handle(&s, .mouse(MouseEvent(.wheelDown, x: 60, y: 3)))
        #expect(s.top != RowPosition(section: 0, paragraph: 0, line: 0))
        handle(&s, .mouse(MouseEvent(.click, x: 5, y: 2)))  // the second entry's title row
        #expect(s.selected == 1)
        #expect(s.focus == .list)
        handle(&s, .mouse(MouseEvent(.click, x: 60, y: 2)))
        #expect(s.focus == .reader)
    }

    @Test func randomActionsKeepTheStateSound() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var s = state(width: Int.random(in: 1...140, using: &rng), height: Int.random(in: 1...40, using: &rng), entries: 3)
            for _ in 0..<200 {
                if Int.random(in: 0..<20, using: &rng) == 0 {
                    resize(&s, width: Int.random(in: 0...140, using: &rng), height: Int.random(in: 0...40, using: &rng))
                } else {
                    let a = Action.allCases.randomElement(using: &rng)!
                    if a == .back || a == .openPrompt || a == .search { continue }
                    update(&s, a)
                }
                #expect(s.rows.count <= s.bodyHeight)
                #expect(s.selected >= 0 && s.selected < s.entries.count)
                _ = render(s)
            }
        }
    }
}

@Suite struct SectionedDocumentTests {
    /// An article of 400 numbered paragraphs cut into many sections.
    let long: String = (0..<400).map { i in
        i % 50 == 7 ? "“Paragraph \(i) is quoted,” said Maria Okafor in Portsmouth." : "Paragraph \(i) of the long report on the harbour talks, with enough words to be prose."
    }.joined(separator: "\n\n")

    func big() -> ReaderState {
        let d = document("Harbour report\n\n" + long, wholeLimit: 1000, sectionSize: 2000)
        #expect(d.isSectioned)
        #expect(d.sections.count > 10)
        return ReaderState(entries: [Entry(path: "/big.txt", document: d, error: nil)], width: 70, height: 10)
    }

    @Test func sectionsCoverTheTextAtLineBreaks() {
        let d = big().document!
        #expect(d.sections.first?.lowerBound == 0)
        #expect(d.sections.last?.upperBound == d.source.utf8.count)
        for (a, b) in zip(d.sections, d.sections.dropFirst()) {
            #expect(a.upperBound == b.lowerBound)
            #expect(d.source.utf8[a.upperBound - 1] == 0x0A)
        }
    }

    @Test func scrollingCrossesSectionsBothWays() {
        var s = big()
        var seen = Set<Int>()
        while !s.atEnd { update(&s, .pageDown); seen.insert(s.top!.section) }
        #expect(seen.count == s.document!.sections.count)
        #expect(screenText(s).contains { $0.contains("Paragraph 399") })
        update(&s, .top)
        #expect(screenText(s)[0] == "Harbour report")
        update(&s, .bottom)
        #expect(s.percent == 100)
        for _ in 0..<3 { update(&s, .pageUp) }
        #expect(s.percent < 100 && s.percent > 90)
    }

    @Test func jumpsAndSearchCrossSections() {
        var s = big()
        update(&s, .nextQuote); update(&s, .nextQuote)
        #expect(screenText(s).contains { $0.contains("Paragraph 57 is quoted") })
        handle(&s, .key(.char("/")))
        type(&s, "paragraph 321 ")
        handle(&s, .key(.enter))
        #expect(screenText(s)[0].contains("Paragraph 321 of"))
    }

    @Test func theIndexFillsInAndNumbersQuotes() {
        var s = big()
        let d = s.document!
        #expect(!d.index.isComplete)
        while d.indexNext() {}
        handle(&s, .indexed(entry: s.entries[0].id))
        #expect(s.entry?.index?.isComplete == true)
        #expect(s.entry?.index?.quotes.count == 8)
        update(&s, .nextQuote); update(&s, .nextQuote); update(&s, .nextQuote)
        #expect(render(s).text(row: s.height - 1).contains("quote 3/8 — Maria Okafor"))
        update(&s, .partiesOverlay)
        #expect(overlayRows(s).rows.contains { $0.text.contains("Maria Okafor ×8") })
    }
}

@Suite struct GoldenFrameTests {
    @Test func readingPaneWithHighlights() {
        let s = ReaderState(entries: [Entry(path: "/a/x.txt", document: document(sample), error: nil)], width: 48, height: 8)
        let frame = render(s)
        // Text rows, each followed by its style row (. normal, T title, q quote, P person,
        // O organisation, L place, = status bar).
        let expected = [
            " Harbour talks collapse                         ",
            ".TTTTTTTTTTTTTTTTTTTTTT.........................",
            "                                                ",
            "................................................",
            " “We have been patient for months,” said Daniel ",
            ".qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq......PPPPPP.",
            " Reyes of the Transport Union in Portsmouth.    ",
            ".PPPPP........OOOOOOOOOOOOOOO....LLLLLLLLLL.....",
            "                                                ",
            "................................................",
            " Talks will resume on Monday, the union said.   ",
            "................................................",
            "                                                ",
            "................................................",
            " 82%                     quote person org place ",
            "=========================qqqqq=PPPPPP=OOO=LLLLL=",
        ].joined(separator: "\n")
        #expect(frame.golden == expected)
    }

    @Test func tooSmall() {
        let s = ReaderState(entries: [Entry(path: "/a/x.txt", document: document(sample), error: nil)], width: 19, height: 5)
        #expect(render(s).text(row: 0).hasPrefix("terminal too small"))
    }

    @Test func listBesideReaderWithAnUnreadableFile() {
        let entries = [Entry(path: "/a/x.txt", document: document(sample), error: nil),
                       Entry(path: "/a/broken.txt", document: nil, error: "looks like a binary file, not text")]
        let frame = render(ReaderState(entries: entries, width: 90, height: 6))
        let expected = [
            " Harbour talks collapse             │ Harbour talks collapse                              ",
            "####################################d.TTTTTTTTTTTTTTTTTTTTTT..............................",
            "   2 quotations                     │                                                     ",
            "####################################d.....................................................",
            " ⚠ broken.txt                       │ “We have been patient for months,” said Daniel      ",
            ".dddddddddddd.......................d.qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq......PPPPPP......",
            "   looks like a binary file, not tex│ Reyes of the Transport Union in Portsmouth.         ",
            "...dddddddddddddddddddddddddddddddddd.PPPPP........OOOOOOOOOOOOOOO....LLLLLLLLLL..........",
        ]
        #expect(Array(frame.golden.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map(String.init)) == expected)
    }

    @Test func quotesOverlayFrame() {
        var s = state(width: 60, height: 9)
        update(&s, .quotesOverlay)
        update(&s, .lineDown)
        let f = render(s)
        let text = (0..<s.height).map { f.text(row: $0) }
        #expect(text[1] == " ┌─ Who said what — 4 quotations ─────────────────────────┐ ")
        #expect(text[2] == " │ 1. Daniel Reyes: “We have been patient for months,”    │ ")
        #expect(text[3] == " │ 2. Maria Okafor: “The offer stands,”                   │ ")
        #expect(f.styles(row: 1) == ".dd" + String(repeating: "T", count: 30) + String(repeating: "d", count: 26) + ".")
        #expect(f.styles(row: 3) == ".d" + String(repeating: "#", count: 56) + "d.")
        #expect(text[6].hasPrefix(" └"))
    }

    @Test func partiesOverlayFrame() {
        var s = state(width: 60, height: 14)
        update(&s, .partiesOverlay)
        let f = render(s)
        let rows = (0..<s.height).map { f.text(row: $0).trimmingCharacters(in: .whitespaces) }
        #expect(rows.contains("│ People (3)                                             │"))
        #expect(rows.contains { $0.hasPrefix("│   Daniel Reyes ×2 — also Reyes") })
        #expect(rows.contains { $0.hasPrefix("│ Places (1)") })
        let person = try! #require((0..<s.height).first { f.text(row: $0).contains("Maria Okafor") })
        #expect(f.styles(row: person).contains("PPPP"))
    }

    @Test func narrowSinglePaneList() {
        let entries = [Entry(path: "/a/x.txt", document: document(sample), error: nil), .pending("/a/next.txt")]
        let f = render(ReaderState(entries: entries, width: 30, height: 6))
        #expect(f.text(row: 0) == " Harbour talks collapse       ")
        #expect(f.styles(row: 0) == String(repeating: "#", count: 30))
        #expect(f.text(row: 2) == " next.txt                     ")
        #expect(f.text(row: 3) == "   …                          ")
    }

    @Test func wideCharactersInTheReadingPane() {
        let text = "東京の喫茶店\n\n“メニューは最初の会話です,” said Haruka Sato in Tokyo."
        let s = ReaderState(entries: [Entry(path: "/t.txt", document: document(text), error: nil)], width: 24, height: 8)
        let f = render(s)
        #expect(f.text(row: 0) == " 東京の喫茶店           ")
        #expect(f.styles(row: 0) == ".TTTTTTTTTTTT...........")
        #expect(f.text(row: 2) == " “メニューは最初の会話  ")
        #expect(f.styles(row: 2).hasPrefix(".qqqqqqqqqqqqqqqqqqqqq"))
    }

    @Test func welcomeScreen() {
        var s = ReaderState(entries: [], width: 80, height: 12)
        s.libraryPath = "/home/me/.local/share/lede"
        let f = render(s)
        let rows = (0..<s.height).map { f.text(row: $0) }
        #expect(rows.contains { $0.contains("Nothing is open yet.") })
        #expect(rows.contains { $0.contains("o        open a file or folder") })
        #expect(rows.contains { $0.contains("Library: /home/me/.local/share/lede") })
        #expect(rows[11].contains("o opens a file · ? keys · q quits"))
        var t = s
        update(&t, .quotesOverlay)
        #expect(t.overlay == nil && t.message == "no article open")
        update(&t, .back)
        #expect(t.quitting)
    }
}


/// The whole app (loop, worker, effects against real files) through the scripted terminal.
@Suite struct AppTests {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Samples").standardizedFileURL.path

    func screen(_ t: ScriptedTerminal) -> String {
        let f = t.lastFrame!
        return (0..<f.height).map { f.text(row: $0) }.joined(separator: "\n")
    }

    @Test func opensAFolderReadsTheRestInTheBackgroundAndQuits() {
        let t = ScriptedTerminal(width: 100, height: 30)
        let app = ReaderApp(terminal: t, files: ArticlePaths.expand([samples]))
        app.start()
        #expect(t.frames == 1)
        #expect(app.state.entries.count >= 6)
        #expect(app.state.entries[0].document != nil)
        app.settle()
        #expect(app.state.entries.allSatisfy { !$0.isPending })
        app.apply(.key(.char("G")))
        app.apply(.key(.enter))
        app.apply(.key(.char("]")))
        #expect(render(app.state).text(row: 29).contains("quote 1/"))
        #expect(app.run() == 0)  // the script ends in q keys: back to the list, then quit
    }

    @Test func openPromptAgainstTheFileSystem() {
        let t = ScriptedTerminal(width: 100, height: 30)
        let app = ReaderApp(terminal: t, files: [])
        app.start()
        #expect(screen(t).contains("Nothing is open yet."))
        app.apply(.key(.char("o")))
        for c in samples + "/us-russia" { app.apply(.key(.char(c))) }
        app.apply(.key(.tab))
        #expect(app.state.prompt?.text == samples + "/us-russia-syria-pact.txt")
        app.apply(.key(.enter))
        #expect(app.state.prompt == nil)
        #expect(app.state.entry?.title == "US to offer Russia anti-terror pact in Syria: Report")
        app.apply(.key(.char("o")))
        for c in "/no/such/file.txt" { app.apply(.key(.char(c))) }
        app.apply(.key(.enter))
        #expect(app.state.prompt?.error == "/no/such/file.txt: no such file or directory")
        #expect(app.state.entries.count == 1)
    }

    @Test func aSignalEndsTheLoopWithItsStatus() {
        let t = ScriptedTerminal(width: 80, height: 24, script: [.key(.char("j")), .signal(15)])
        let app = ReaderApp(terminal: t, files: [samples + "/us-russia-syria-pact.txt"])
        #expect(app.run() == 143)
    }
}
