import Testing
import Foundation
import LedeCore
@testable import LedeUI

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
