import Testing
import LedeCore
@testable import LedeUI

/// Bugs found by trying the reader, each reproduced before it was mended.
@Suite struct ReaderBugTests {
    func stored(_ id: String) -> StoredArticle {
        StoredArticle(id: id, title: "Stored \(id)", source: nil, date: nil, path: "/lib/articles/\(id).txt",
                      quotes: 0, read: false, added: "2026-01-01")
    }

    /// `lede a.txt b.txt`, then `l` before b has loaded: b's document, finished later, is
    /// not given to the second stored article (whose reading position would then be
    /// saved from another file's text).
    @Test func aLateLoadNeverLandsOnAnotherEntry() {
        var s = ReaderState(entries: [Entry(path: "/a.txt", document: document(talks), error: nil), .pending("/b.txt")],
                            width: 100, height: 20)
        s.libraryPath = "/lib"
        let b = s.entries[1].id
        handle(&s, .listed(.library(LibraryQuery()), [stored("s1"), stored("s2")]))
        handle(&s, .loaded(entry: b, document: document(sample), error: nil))
        #expect(s.entries[1].document == nil)
        #expect(s.entries[1].isPending)
        // The stored article's own text lands.
        handle(&s, .loaded(entry: s.entries[1].id, document: document(talks), error: nil))
        #expect(s.entries[1].document != nil)
    }

    /// Esc dismisses; with one article open it does nothing rather than quit.
    @Test func escapeNeverQuits() {
        var s = state()
        #expect(s.focus == .reader)
        handle(&s, .key(.escape))
        #expect(!s.quitting)
        handle(&s, .key(.escape))
        #expect(!s.quitting)
        var list = state(entries: 2)
        handle(&list, .key(.escape))
        #expect(!list.quitting)
        handle(&list, .key(.char("q")))
        #expect(list.quitting)
    }

    /// After `g`, `]` goes to the first quotation in view, not on from the last one visited.
    @Test func jumpsStartFromTheViewOnceTheCurrentItemIsOffScreen() {
        var s = state(height: 6)
        handle(&s, .key(.char("G")))
        handle(&s, .key(.char("[")))
        let last = s.currentQuote
        #expect(last != nil)
        handle(&s, .key(.char("g")))
        // The quotation visited is off screen: the status no longer names it.
        #expect(!render(s).text(row: 5).contains("/4 —"))
        handle(&s, .key(.char("]")))
        #expect(speaker(s) == "Daniel Reyes")
        #expect(s.currentQuote != last)
    }
}
