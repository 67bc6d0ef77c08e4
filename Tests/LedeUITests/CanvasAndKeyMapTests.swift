import Testing
import Foundation
import LedeCore
@testable import LedeUI

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

    @Test func clustersTerminalsDrawInDifferentWidthsAreDrawnSoAllAgree() {
        var c = Canvas(width: 12, height: 1)
        let end = c.put("🇯🇵👩\u{200D}👩\u{200D}👧x", x: 0, y: 0, style: .normal)
        #expect(end == 5)
        #expect(c.text(row: 0) == "JP👩x       ")
        #expect(c[0, 0].width == 1 && c[1, 0].width == 1 && c[2, 0].width == 2 && c[3, 0].width == 0)
    }

    @Test func asciiFollowedByACombiningMarkStaysOneCluster() {
        // The byte path for ASCII must not split "e" from the accent that follows it, nor
        // a tab or a control character from the placeholders they become.
        var c = Canvas(width: 10, height: 1)
        let end = c.put("cafe\u{301} a\tb\u{7}", x: 0, y: 0, style: .quote)
        #expect(end == 9)
        #expect(c[3, 0].text == "e\u{301}" && c[3, 0].width == 1)
        #expect(c.text(row: 0) == "cafe\u{301} a b\u{2407} ")
        #expect((0..<9).allSatisfy { c[$0, 0].style == .quote })
        var d = Canvas(width: 3, height: 1)
        #expect(d.put("abcdef", x: 1, y: 0, style: .normal) == 3)
        #expect(d.text(row: 0) == " ab")
        #expect(d.put("xyz", x: -1, y: 0, style: .normal) == 2)
        #expect(d.text(row: 0) == "yzb")
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

    @Test func promptKeysAreTheirOwnContextEachBoundOnce() {
        let keys = KeyMap.promptBindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        #expect(Set(KeyMap.promptBindings.map(\.action)) == Set(PromptAction.allCases))
        // Ctrl-U clears the line in a prompt; in the reader it is half a page up.
        #expect(KeyMap.promptAction(for: .ctrl("u")) == .deleteAll)
        #expect(KeyMap.action(for: .ctrl("u")) == .halfPageUp)
        var s = state()
        handle(&s, .key(.char("/")))
        type(&s, "union yes")
        handle(&s, .key(.ctrl("w")))
        #expect(s.prompt?.text == "union ")
        handle(&s, .key(.ctrl("u")))
        #expect(s.prompt?.text == "")
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

/// One presentation for the reader and for `lede show`.
@Suite struct PresentationTests {
    @Test func theReaderDrawsThePresentationsStyles() {
        let s = state(width: 100, height: 20)
        let c = render(s)
        let article = s.document!.section(0)
        // The title row and the first quotation's row, drawn as Presentation styles them.
        for (y, row) in s.rows.enumerated() where !row.isGap && row.position.paragraph <= 3 {
            let styles = Presentation.styles(article, paragraph: row.position.paragraph, in: row.range)
            // Per byte to per cell: each character takes its first byte's style, once per column.
            var cells = ""
            var byte = 0
            for ch in article.paragraphs[row.position.paragraph].text.string(row.range) {
                cells += String(repeating: styles[byte].code, count: DisplayWidth.of(ch))
                byte += ch.utf8.count
            }
            let x0 = s.readerColumns.x
            let drawn = Array(c.styles(row: y))[x0..<x0 + cells.count]
            #expect(String(drawn) == cells, "row \(y)")
        }
    }

    @Test func aNameInsideAQuotationHasItsPartysStyleAndHighlightsCanBeOff() {
        let a = ArticleAnalyzer().analyze(SourceText("Port row\n\n“Portsmouth deserves better,” said Daniel Reyes.\n"))
        let styles = Presentation.styles(a, paragraph: 1)
        #expect(styles.first == .quote)
        #expect(styles[3] == .place)  // “ is three bytes; Portsmouth…
        #expect(Presentation.styles(a, paragraph: 0).allSatisfy { $0 == .title })
        #expect(Presentation.styles(a, paragraph: 1, highlights: false).allSatisfy { $0 == .normal })
        #expect(Presentation.runs([.normal, .normal, .quote, .normal]).map(\.range) == [0..<2, 2..<3, 3..<4])
    }
}
