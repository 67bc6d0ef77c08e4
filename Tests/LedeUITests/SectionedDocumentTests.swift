import Testing
import Foundation
import LedeCore
@testable import LedeUI

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
