import Testing
import LedeCore
@testable import LedeUI

func article(_ text: String) -> Article { ArticleAnalyzer().analyze(SourceText(text)) }

let sample = """
Harbour talks collapse

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

Talks will resume on Monday, the union said.

“It is a mess,” Reyes added.
"""

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
}

@Suite struct UpdateTests {
    func state(width: Int = 60, height: Int = 8, entries: Int = 1) -> ReaderState {
        let e = (0..<entries).map { Entry(path: "/a/\($0).txt", article: article(sample), error: nil) }
        return ReaderState(entries: e, width: width, height: height)
    }

    @Test func scrollingIsClampedInUpdate() {
        var s = state()
        update(&s, .lineUp)
        #expect(s.top == 0)
        update(&s, .bottom)
        #expect(s.top == max(0, s.lines.count - s.bodyHeight))
        let bottom = s.top
        update(&s, .lineDown)
        #expect(s.top == bottom)
        update(&s, .top)
        #expect(s.top == 0)
        update(&s, .pageDown)
        #expect(s.top == min(bottom, s.bodyHeight - 1))
        update(&s, .pageUp)
        #expect(s.top == 0)
    }

    @Test func quotesJumpInOrder() {
        var s = state(height: 6)
        update(&s, .nextQuote)
        #expect(s.currentQuote == 0)
        update(&s, .nextQuote)
        #expect(s.currentQuote != nil)
        let q = try! #require(s.article?.quotes[s.currentQuote!])
        #expect(s.lines[s.top].paragraph == q.paragraph || s.top == max(0, s.lines.count - s.bodyHeight))
        update(&s, .previousQuote)
        #expect(s.currentQuote == 0)
    }

    @Test func listAndReaderFocus() {
        var s = state(width: 100, entries: 3)
        #expect(s.focus == .list)
        update(&s, .lineDown)
        #expect(s.selected == 1)
        update(&s, .open)
        #expect(s.focus == .reader)
        update(&s, .switchPane)
        #expect(s.focus == .list)
        update(&s, .back)
        #expect(s.quitting)
    }

    @Test func resizeKeepsTheSameTextAtTheTop() {
        var s = state(width: 40, height: 6)
        update(&s, .lineDown); update(&s, .lineDown); update(&s, .lineDown)
        let line = s.lines[s.top]
        resize(&s, width: 70, height: 6)
        let after = s.lines[s.top]
        #expect(after.paragraph == line.paragraph)
        #expect(after.range.contains(line.range.lowerBound) || after.range.lowerBound == line.range.lowerBound)
    }
}

@Suite struct GoldenFrameTests {
    @Test func readingPaneWithHighlights() {
        let s = ReaderState(entries: [Entry(path: "/a/x.txt", article: article(sample), error: nil)], width: 48, height: 8)
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
            " 87%  quote person org place                    ",
            "======qqqqq=PPPPPP=OOO=LLLLL====================",
        ].joined(separator: "\n")
        #expect(frame.golden == expected)
    }

    @Test func tooSmall() {
        let s = ReaderState(entries: [Entry(path: "/a/x.txt", article: article(sample), error: nil)], width: 19, height: 5)
        #expect(render(s).text(row: 0).hasPrefix("terminal too small"))
    }

    @Test func listBesideReaderWithAnUnreadableFile() {
        let entries = [Entry(path: "/a/x.txt", article: article(sample), error: nil),
                       Entry(path: "/a/broken.txt", article: nil, error: "looks like a binary file, not text")]
        let frame = render(ReaderState(entries: entries, width: 90, height: 6))
        #expect(frame.text(row: 0).hasPrefix(" Harbour talks collapse"))
        #expect(frame.styles(row: 0).hasPrefix("#####"))
        #expect(frame.text(row: 1).contains("⚠ broken.txt: looks like a"))
        #expect(frame.text(row: 0).contains("│"))
    }
}
