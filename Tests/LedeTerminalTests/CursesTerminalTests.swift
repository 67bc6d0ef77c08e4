import Testing
import LedeUI
@testable import LedeTerminal

/// What the terminal adapter decides without a terminal: how key codes become keys, and
/// how styles become attributes.
@Suite struct CursesTerminalTests {
    @Test func controlAndPlainCharactersDecode() {
        #expect(CursesTerminal.decodeChar(9) == .tab)
        #expect(CursesTerminal.decodeChar(10) == .enter)
        #expect(CursesTerminal.decodeChar(13) == .enter)
        #expect(CursesTerminal.decodeChar(27) == .escape)
        #expect(CursesTerminal.decodeChar(127) == .backspace)
        #expect(CursesTerminal.decodeChar(8) == .backspace)
        #expect(CursesTerminal.decodeChar(12) == .ctrl("l"))
        #expect(CursesTerminal.decodeChar(3) == .ctrl("c"))
        #expect(CursesTerminal.decodeChar(Int32(UInt8(ascii: "]"))) == .char("]"))
        #expect(CursesTerminal.decodeChar(0x55A5) == .char("喥"))  // a wide character comes whole
        #expect(CursesTerminal.decodeChar(0xD800) == nil)  // a lone surrogate is no key
    }

    @Test func everyStyleIsToldApartFromPlainTextInColourAndInMonochrome() {
        for colors in [true, false] {
            let plain = CursesTerminal.attributes(.normal, colors: colors)
            for role in StyleRole.allCases where role != .normal {
                let a = CursesTerminal.attributes(role, colors: colors)
                #expect(a != plain, "\(role) looks like plain text (colors: \(colors))")
            }
            // The current quotation and a search match stand apart from each other too.
            #expect(CursesTerminal.attributes(.selected, colors: colors) != CursesTerminal.attributes(.match, colors: colors))
        }
        // Monochrome uses no colour pairs.
        #expect(StyleRole.allCases.allSatisfy { CursesTerminal.attributes($0, colors: false).1 == 0 })
    }
}
