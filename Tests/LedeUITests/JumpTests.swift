import Testing
import Foundation
import LedeCore
@testable import LedeUI

@Suite struct JumpTests {
    @Test func quotesInOrderAndBack() {
        var s = state(height: 6)
        var speakers: [String?] = []
        for _ in 0..<4 { update(&s, .nextQuote); speakers.append(speaker(s)) }
        #expect(speakers == ["Daniel Reyes", "Maria Okafor", "Daniel Reyes", "Maria Okafor"])
        update(&s, .nextQuote)
        #expect(s.message == "no more quotations")
        update(&s, .previousQuote)
        #expect(speaker(s) == "Daniel Reyes")
        #expect(s.currentQuote?.index == 2)
    }

    @Test func theQuoteJumpedToIsOnScreenAndNamedInTheStatusBar() {
        var s = state(width: 60, height: 6)
        update(&s, .nextQuote); update(&s, .nextQuote)
        #expect(screenText(s).contains { $0.contains("The offer stands") })
        #expect(render(s).text(row: s.height - 1).contains("quote 2/4 — Maria Okafor"))
        // The quotation the reader is on is marked.
        #expect(render(s).styles(row: s.rows.firstIndex { !$0.isGap && render(s).text(row: 0).isEmpty == false } ?? 0).contains("#") ||
                (0..<s.bodyHeight).contains { render(s).styles(row: $0).contains("#") })
    }

    @Test func sameSpeaker() {
        var s = state(height: 6)
        update(&s, .nextBySpeaker)
        #expect(s.message?.hasPrefix("no quotation chosen") == true)
        update(&s, .nextQuote)
        update(&s, .nextBySpeaker)
        #expect(speaker(s) == "Daniel Reyes")
        #expect(s.currentQuote?.index == 2)
        update(&s, .nextBySpeaker)
        #expect(s.message == "no more quotations by Daniel Reyes")
        update(&s, .previousBySpeaker)
        #expect(s.currentQuote?.index == 0)
    }

    @Test func mentionsOfAnyPartyThenOfTheChosenOne() {
        var s = state(height: 6)
        update(&s, .nextMention)
        let first = try! #require(s.currentMention)
        update(&s, .nextMention)
        #expect(s.currentMention != first)
        update(&s, .previousMention)
        #expect(s.currentMention == first)
        // Choose Maria Okafor in the parties overlay: Enter jumps to her first mention.
        update(&s, .partiesOverlay)
        let rows = overlayRows(s).rows
        let okafor = try! #require(rows.firstIndex { $0.text.contains("Maria Okafor") })
        while s.overlayRow < okafor { update(&s, .lineDown) }
        update(&s, .open)
        #expect(s.overlay == nil)
        #expect(s.party == PartyKey(name: "Maria Okafor", type: .person))
        let d = s.document!
        func mentionText(_ s: ReaderState) -> String { d.section(0).mentions[s.currentMention!.index].text }
        #expect(mentionText(s) == "Maria Okafor")
        update(&s, .nextMention)
        #expect(mentionText(s) == "Okafor")
        update(&s, .nextMention)
        #expect(s.message == "no more mentions of Maria Okafor")
        #expect(render(s).golden.contains("C"))
        update(&s, .cancel)
        #expect(s.party == nil)
    }

    @Test func quotesOverlayJumps() {
        var s = state(height: 8)
        update(&s, .quotesOverlay)
        let list = overlayRows(s)
        let rows = list.rows
        #expect(list.title == "Who said what — 4 quotations")
        #expect(rows.map(\.text) == [
            "1. Daniel Reyes: “We have been patient for months,”",
            "2. Maria Okafor: “The offer stands,”",
            "3. Daniel Reyes: “It is a mess,”",
            "4. Maria Okafor: “We will wait.”",
        ])
        update(&s, .bottom)
        update(&s, .lineUp)
        update(&s, .open)
        #expect(s.overlay == nil)
        #expect(s.currentQuote?.index == 2)
        #expect(screenText(s).contains { $0.contains("It is a mess") })
    }
}
