import Testing
import Foundation
import LedeCore
@testable import LedeUI

@Suite struct LayoutAndPaneTests {
    @Test func listAndReaderFocus() {
        var s = state(width: 100, entries: 3)
        #expect(s.focus == .list)
        update(&s, .lineDown)
        #expect(s.selected == 1)
        update(&s, .open)
        #expect(s.focus == .reader)
        update(&s, .switchPane)
        #expect(s.focus == .list)
        update(&s, .switchPane)
        update(&s, .back)
        #expect(s.focus == .list)
        update(&s, .back)
        #expect(s.quitting)
    }

    @Test func narrowIsOnePaneAtATime() {
        var s = state(width: 60, height: 10, entries: 3)
        #expect(s.listWidth == 0)
        #expect(s.showsList && !s.showsReader)
        update(&s, .open)
        #expect(s.showsReader && !s.showsList)
        update(&s, .cancel)
        #expect(s.focus == .list)
        update(&s, .switchLayout)
        #expect(s.listWidth > 0)
        update(&s, .switchLayout)
        #expect(s.listWidth == 0)
    }

    @Test func widenAndNarrowTheList() {
        var s = state(width: 120, entries: 2)
        let w = s.listWidth
        update(&s, .widenList)
        #expect(s.listWidth == w + 4)
        update(&s, .narrowList); update(&s, .narrowList)
        #expect(s.listWidth == w - 4)
        for _ in 0..<40 { update(&s, .narrowList) }
        #expect(s.listWidth == 12)
        for _ in 0..<40 { update(&s, .widenList) }
        #expect(s.listWidth == 60)  // beside the article, the list takes at most half
    }

    @Test func highlightsToggle() {
        var s = state(width: 60, height: 10)
        #expect((0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("P") })
        update(&s, .toggleHighlights)
        #expect(!(0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("P") || render(s).styles(row: $0).contains("q") })
        #expect(render(s).text(row: s.height - 1).contains("highlighting off"))
        update(&s, .toggleHighlights)
        #expect(s.highlights)
    }

    @Test func redrawAndUnboundKeys() {
        var s = state()
        #expect(update(&s, .redraw) == [.redraw])
        let before = s.top
        #expect(handle(&s, .key(.char("z"))).isEmpty)
        #expect(s.top == before)
    }

    @Test func mouseWheelAndClick() {
        var s = state(width: 100, height: 10, entries: 3)
        handle(&s, .mouse(MouseEvent(.wheelDown, x: 60, y: 3)))
        #expect(s.top != RowPosition(section: 0, paragraph: 0, line: 0))
        handle(&s, .mouse(MouseEvent(.click, x: 5, y: 2)))  // the second entry's title row
        #expect(s.selected == 1)
        #expect(s.focus == .list)
        handle(&s, .mouse(MouseEvent(.click, x: 60, y: 2)))
        #expect(s.focus == .reader)
    }

    /// Seeded, so a failure names the seed that reproduces it.
    @Test(arguments: 1...20) func randomActionsKeepTheStateSound(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var s = state(width: Int.random(in: 1...140, using: &rng), height: Int.random(in: 1...40, using: &rng), entries: 3)
        for step in 0..<200 {
            if Int.random(in: 0..<20, using: &rng) == 0 {
                resize(&s, width: Int.random(in: 0...140, using: &rng), height: Int.random(in: 0...40, using: &rng))
            } else {
                let a = Action.allCases.randomElement(using: &rng)!
                if a == .back || a == .openPrompt || a == .search { continue }
                update(&s, a)
            }
            let at = "seed \(seed), step \(step)"
            #expect(s.rows.count <= s.bodyHeight, "\(at)")
            #expect(s.selected >= 0 && s.selected < s.entries.count, "\(at)")
            // The rows on screen follow one another in the article, and fill the pane
            // unless the article is shorter.
            if let reading = s.reading, s.bodyHeight > 0 {
                #expect(!s.rows.isEmpty, "\(at)")
                for (a, b) in zip(s.rows, s.rows.dropFirst()) { #expect(reading.next(a.position) == b.position, "\(at)") }
                if !s.atEnd { #expect(s.rows.count == s.bodyHeight, "\(at)") }
            }
            // What the reader is on exists in the article.
            if let q = s.currentQuote, let d = s.document { #expect(d.section(q.section).quotes.indices.contains(q.index), "\(at)") }
            if let overlay = s.overlay, overlay != .help {
                let count = overlayRows(s).count
                #expect(count == 0 || (0..<count).contains(s.overlayRow), "\(at)")
            }
            let canvas = render(s)
            #expect(canvas.width == s.width && canvas.height == s.height, "\(at)")
        }
    }
}

/// A small seeded generator (SplitMix64), so random tests can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
