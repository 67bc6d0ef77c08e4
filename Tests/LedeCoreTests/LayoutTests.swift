import Testing
@testable import LedeCore

@Suite struct DisplayWidthTests {
    @Test func runsOfSpacesNeverMakeALineTooWide() {
        // Found by fuzzing: a run of spaces counted into the line it ended.
        let text = Array("word     another    third      fourth".utf8)
        for width in 1...20 {
            for line in LineWrapper.wrap(text, width: width) {
                let s = String(decoding: text[line.range], as: UTF8.self)
                #expect(line.width <= width || s.count == 1, "width \(width): \(s)")
                #expect(!s.hasPrefix(" ") && !s.hasSuffix(" "))
            }
        }
    }

    @Test(arguments: [
        ("abc", 3), ("漢字", 4), ("カタカナ", 8), ("한국어", 6), ("ｗｉｄｅ", 8),
        ("e\u{301}", 1), ("café", 4), ("\u{200B}", 0), ("👍", 2), ("👨‍👩‍👧", 2),
        ("🇯🇵", 2), ("☺\u{FE0F}", 2), ("☺", 1), ("Zoë Müller", 10), ("a\u{20DD}", 1),
    ])
    func widths(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }
}

@Suite struct LineWrapperTests {
    func wrap(_ s: String, _ width: Int) -> [String] {
        let bytes = Array(s.utf8)
        return LineWrapper.wrap(bytes, width: width).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func wrapsAtSpaces() {
        #expect(wrap("the quick brown fox jumps over the lazy dog", 10) == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(wrap("short", 10) == ["short"])
        #expect(wrap("", 10) == [""])
    }

    @Test func breaksWordsLongerThanTheLine() {
        #expect(wrap("abcdefghij klm", 4) == ["abcd", "efgh", "ij", "klm"])
    }

    @Test func neverSplitsAWideCharacter() {
        let lines = wrap("漢字かなカナ", 5)
        #expect(lines == ["漢字", "かな", "カナ"])
        let widths = LineWrapper.wrap(Array("漢字かなカナ".utf8), width: 5).map(\.width)
        #expect(widths.allSatisfy { $0 <= 5 })
    }

    @Test func aWideCharacterAfterAFullLineBreaksAgain() {
        // A mark of no width, a space, a full line of x, then "語": breaking at the space
        // frees one column, not the two "語" needs (found by the layout fuzz target).
        let text = "\u{302D} xxxxxxxxx語"
        let lines = LineWrapper.wrap(Array(text.utf8), width: 10)
        #expect(lines.allSatisfy { $0.width <= 10 })
        #expect(wrap(text, 10) == ["\u{302D}", "xxxxxxxxx", "語"])
    }

    @Test func linesMapBackToOffsets() {
        let text = "one two three four five six"
        let lines = LineWrapper.wrap(Array(text.utf8), width: 9)
        let offset = Array(text.utf8).count - 3  // inside "six"
        let line = LineWrapper.line(containing: offset, in: lines)
        #expect(String(decoding: Array(text.utf8)[lines[line].range], as: UTF8.self).hasSuffix("six"))
    }

    @Test func everyWidthKeepsEveryWord() {
        let text = "Café owners in Shinjuku print 抹茶ラテ menus 🍵 for the festival, said Zoë Müller."
        for width in 1...40 {
            let lines = LineWrapper.wrap(Array(text.utf8), width: width)
            #expect(lines.allSatisfy { $0.width <= max(width, 2) }, "width \(width)")
            let joined = lines.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }.joined()
            #expect(joined.replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""), "width \(width)")
        }
    }
}
