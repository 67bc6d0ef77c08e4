import Testing
import LedeCore
@testable import LedeUI

/// The boxes over the panes: where they open, how they show that they scroll, how they
/// fit a narrow terminal.
@Suite struct OverlayTests {
    func box(_ s: ReaderState) -> [String] {
        let c = render(s)
        return (0..<s.bodyHeight).map { c.text(row: $0) }
    }

    @Test func quotesOpenAtTheCurrentQuoteOrTheFirstInView() {
        var s = state(width: 80, height: 12)
        handle(&s, .key(.char("]")))
        handle(&s, .key(.char("]")))
        handle(&s, .key(.char("]")))
        #expect(s.currentQuote?.index == 2)
        handle(&s, .key(.char("Q")))
        #expect(s.overlayRow == 2)
        handle(&s, .key(.escape))
        // Nothing chosen and the view at the end: the first quotation at or below its top.
        var t = state(width: 80, height: 6)
        handle(&t, .key(.char("G")))
        handle(&t, .key(.char("Q")))
        let firstInView = (0..<4).first { t.isOnScreen(t.document!.quoteStart(QuoteRef(section: 0, index: $0))) }
        #expect(firstInView != nil && firstInView != 0)
        #expect(t.overlayRow == firstInView)
    }

    @Test func longRowsEndInAnEllipsisAndTheFooterSaysWhichRowsShow() {
        var s = state(width: 50, height: 6)
        handle(&s, .key(.char("Q")))
        let rows = box(s)
        #expect(rows.contains { $0.contains("… │") }, "\(rows)")
        #expect(rows.contains { $0.contains(" 1–2 of 4 ") }, "\(rows)")
    }

    @Test func helpWrapsItsDescriptionsAtNarrowWidths() {
        var s = state(width: 44, height: 40)
        handle(&s, .key(.char("?")))
        let rows = overlayRows(s).rows.map(\.text)
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= overlayTextWidth(s) }, "\(rows)")
        // Each description is all there, over as many rows as it needs.
        let joined = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        for b in KeyMap.bindings { #expect(joined.contains(b.help), "\(b.help)") }
    }

    @Test func searchSaysWhichMatchAndHowMany() {
        var s = state(width: 80, height: 30)
        handle(&s, .key(.char("/")))
        type(&s, "union")
        handle(&s, .key(.enter))
        let status = { (s: ReaderState) in render(s).text(row: s.height - 1) }
        #expect(status(s).contains("match 1/2"), "\(status(s))")
        handle(&s, .key(.char("n")))
        #expect(status(s).contains("match 2/2"), "\(status(s))")
        handle(&s, .key(.char("/")))
        type(&s, "zebra")
        handle(&s, .key(.enter))
        #expect(status(s).contains("not found: zebra"))
    }
}
