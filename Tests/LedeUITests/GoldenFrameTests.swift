import Testing
import Foundation
import LedeCore
@testable import LedeUI

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
