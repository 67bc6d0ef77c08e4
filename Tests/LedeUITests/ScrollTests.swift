import Testing
import Foundation
import LedeCore
@testable import LedeUI

@Suite struct ScrollTests {
    @Test func scrollingIsClampedInUpdate() {
        var s = state()
        let first = s.top
        update(&s, .lineUp)
        #expect(s.top == first)
        update(&s, .bottom)
        #expect(s.atEnd)
        #expect(s.rows.count == s.bodyHeight)
        let bottom = s.top
        update(&s, .lineDown)
        #expect(s.top == bottom)
        update(&s, .pageDown)
        #expect(s.top == bottom)
        update(&s, .top)
        #expect(s.top == first)
        update(&s, .pageDown)
        #expect(s.top != first)
        update(&s, .pageUp)
        #expect(s.top == first)
        update(&s, .halfPageDown)
        let half = s.top
        #expect(half != first)
        update(&s, .halfPageUp)
        #expect(s.top == first)
        update(&s, .lineDown)
        #expect(s.top == RowPosition(section: 0, paragraph: 0, line: 1) || s.top?.paragraph == 1)
    }

    @Test func aTallTerminalDoesNotLoseThePlace() {
        // Found by the tmux resize storm: a terminal tall enough to show the whole end of
        // the article clamps the top back, and the place was lost with it.
        var s = state(width: 40, height: 6)
        for _ in 0..<9 { update(&s, .lineDown) }
        let before = try! #require(s.topText)
        resize(&s, width: 160, height: 60)
        #expect(s.topText != before, "everything fits: the top is the article's start")
        resize(&s, width: 1, height: 1)
        resize(&s, width: 40, height: 6)
        #expect(s.topText == before)
        // Moving on makes the new top the place.
        update(&s, .lineDown)
        let moved = s.topText
        resize(&s, width: 70, height: 40)
        resize(&s, width: 40, height: 6)
        #expect(s.topText == moved)
    }

    @Test func aShortArticleNeverScrolls() {
        var s = state(sample, width: 100, height: 30)
        let top = s.top
        for a in [Action.lineDown, .pageDown, .bottom, .halfPageDown] { update(&s, a); #expect(s.top == top) }
        #expect(s.percent == 100)
    }

    @Test func resizeKeepsTheSameTextAtTheTop() {
        var s = state(width: 40, height: 6)
        for _ in 0..<9 { update(&s, .lineDown) }
        let before = try! #require(s.topText)
        let firstWords = screenText(s)[0]
        resize(&s, width: 70, height: 6)
        let after = try! #require(s.topText)
        #expect(after.paragraph == before.paragraph)
        #expect(after.byte <= before.byte)
        // The top row at the new width still holds the start of the old top row.
        #expect(screenText(s)[0].contains(firstWords.split(separator: " ").first.map(String.init) ?? ""))
        resize(&s, width: 1, height: 1)
        resize(&s, width: 40, height: 6)
        #expect(s.topText?.paragraph == before.paragraph)
    }
}
