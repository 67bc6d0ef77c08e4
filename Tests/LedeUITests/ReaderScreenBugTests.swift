import Testing
import LedeCore
@testable import LedeUI

/// What the screen got wrong in small ways, each reproduced before it was mended.
@Suite struct ReaderScreenBugTests {
    @Test func highlightingOffIsSaidOnce() {
        var s = state(width: 80, height: 10)
        handle(&s, .key(.char("h")))
        let status = render(s).text(row: s.height - 1)
        #expect(status.components(separatedBy: "highlighting off").count == 2, "\(status)")
    }

    @Test func aNameInsideTheCurrentQuoteKeepsItsBarUnbroken() {
        let text = "Port row\n\n“Portsmouth deserves better than this offer,” said Daniel Reyes of the union.\n"
        var s = ReaderState(entries: [Entry(path: "/p.txt", document: document(text), error: nil)], width: 80, height: 8)
        handle(&s, .key(.char("]")))
        #expect(s.currentQuote != nil)
        let c = render(s)
        let y = try! #require((0..<s.bodyHeight).first { c.text(row: $0).contains("Portsmouth deserves") })
        let row = c.text(row: y), styles = Array(c.styles(row: y))
        let start = row.distance(from: row.startIndex, to: row.range(of: "“Portsmouth")!.lowerBound)
        let bar = styles[start..<start + "“Portsmouth deserves better".count]
        #expect(bar.allSatisfy { $0 == "#" }, "\(String(styles))")
    }

    @Test func theQuotesBoxKeepsItsFooterAt70Columns() {
        let many = "Harbour talks\n\n" + (1...12).map { "“We said it \($0) times,” said Daniel Reyes." }.joined(separator: "\n\n")
        var s = state(many, width: 70, height: 16)
        handle(&s, .key(.char("Q")))
        let c = render(s)
        let bottom = (0..<s.bodyHeight).map { c.text(row: $0) }.first { $0.contains("└") } ?? ""
        #expect(bottom.contains("Esc closes"), "\(bottom)")
    }
}
