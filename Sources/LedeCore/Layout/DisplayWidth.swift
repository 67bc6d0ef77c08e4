/// How many terminal columns text takes, one grapheme cluster at a time. The layout engine
/// and the terminal adapter both use this one function: when they disagree on a width,
/// the screen tears.
public enum DisplayWidth {
    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F), plus
    /// the emoji blocks that terminals draw two columns wide.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// True when a scalar takes two columns on its own.
    public static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wide.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if wide[mid].upperBound < v { lo = mid + 1 } else if wide[mid].lowerBound > v { hi = mid - 1 } else { return true }
        }
        return false
    }

    /// True when a scalar adds no column: combining marks, joiners, variation selectors,
    /// format characters.
    public static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return true }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// The columns a grapheme cluster takes: 2 when any scalar in it is wide or it asks for
    /// emoji presentation (VS16, a flag pair, a ZWJ sequence of emoji), else 1 for
    /// printable text, 0 for a cluster of zero-width scalars alone.
    public static func of(_ cluster: Character) -> Int {
        var width = 0
        var emoji = false
        var regionalIndicators = 0
        for s in cluster.unicodeScalars {
            let v = s.value
            if v == 0xFE0F { emoji = true; continue }
            if (0x1F1E6...0x1F1FF).contains(v) { regionalIndicators += 1; continue }
            if isZeroWidth(s) { continue }
            if isWide(v) { width = 2; continue }
            if width == 0 { width = 1 }
        }
        if regionalIndicators > 0 { return 2 }
        if emoji && width == 1 { return 2 }
        return width
    }

    /// The columns a string takes.
    public static func of(_ text: Substring) -> Int {
        var n = 0
        // ASCII fast path: one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        for c in text { n += of(c) }
        return n
    }

    public static func of(_ text: String) -> Int { of(text[...]) }
}
