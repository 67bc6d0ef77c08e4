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

/// A long file is shown before it is checked to its end: its first MiB chooses the
/// encoding; a later section that is not UTF-8 is read as Windows-1252, and the reader
/// says so once.
@Suite struct LongFileTests {
    @Test func aBadSectionFarInIsReadWithTheFallbackAndToldOnce() throws {
        var bytes = Array("Harbour talks collapse\n\n".utf8)
        let paragraph = Array("“We have been patient for months,” said Daniel Reyes of the union in Portsmouth.\n\n".utf8)
        while bytes.count < 1_400_000 { bytes += paragraph }
        let bad = bytes.count - 50_000
        bytes[bad] = 0x43; bytes[bad + 1] = 0x61; bytes[bad + 2] = 0x66; bytes[bad + 3] = 0xE9  // "Caf" + Latin-1 é
        let path = NSTemporaryDirectory() + "lede-long-\(UUID().uuidString.prefix(8)).txt"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let source = try ArticleLoader().loadLong(path: path)
        #expect(!source.validated && source.encoding == .utf8)
        let d = Document(source: source)
        #expect(d.isSectioned && !d.usedFallback)
        #expect(d.title == "Harbour talks collapse")
        let k = try #require(d.sections.firstIndex { $0.contains(bad) })
        let article = d.section(k)
        #expect(d.usedFallback)
        #expect(article.paragraphs.contains { $0.text.string.contains("Café") })
        // A short file is still checked whole, as every command checks it.
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardizedFileURL.path
        #expect(try ArticleLoader().loadLong(path: samples + "/us-russia-syria-pact.txt").validated)

        let app = ReaderApp(terminal: ScriptedTerminal(width: 80, height: 12), files: [path])
        app.start()
        #expect(app.state.message == nil, "the first section is UTF-8")
        app.settle()  // the worker indexes every section, the bad one among them
        #expect(app.state.message == "part of this file is not UTF-8: read as Windows-1252 there")
        app.press(.char("G"))
        app.press(.char("k"))
        #expect(app.state.message == nil, "said once")
    }
}
