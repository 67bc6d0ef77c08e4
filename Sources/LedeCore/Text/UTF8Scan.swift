/// Scalar-level helpers over UTF-8 byte buffers: the hot paths never iterate `Character`s.
public enum UTF8Scan {
    /// Decodes the scalar starting at `i` in valid UTF-8; returns it and its length in bytes.
    @inline(__always)
    public static func scalar(in b: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (Unicode.Scalar(UInt8(c0)), 1) }
        if c0 < 0xE0 {
            return (Unicode.Scalar((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)) ?? "\u{FFFD}", 2)
        }
        if c0 < 0xF0 {
            let v = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    /// The start of the scalar before byte `i`.
    @inline(__always)
    public static func previousStart(in b: [UInt8], before i: Int) -> Int {
        var j = i - 1
        while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// The scalar that ends just before byte `i`, or nil at the start.
    @inline(__always)
    public static func scalar(in b: [UInt8], before i: Int) -> Unicode.Scalar? {
        if i <= 0 { return nil }
        return scalar(in: b, at: previousStart(in: b, before: i)).0
    }

    @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        // Fast answers for Latin-1, Latin Extended and Cyrillic; Unicode's tables otherwise.
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x410 && v <= 0x44F { return true }
        if v >= 0x3041 && v <= 0x3096 || v >= 0x30A1 && v <= 0x30FA || v >= 0x4E00 && v <= 0x9FFF { return true }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always)
    public static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xFF { return v <= 0xDE && v != 0xD7 }
        if v >= 0x410 && v <= 0x44F { return v <= 0x42F }
        if v >= 0x3040 && v <= 0x30FF || v >= 0x4E00 && v <= 0x9FFF { return false }
        return s.properties.isUppercase
    }

    @inline(__always)
    public static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0xC0 && v <= 0xFF { return v >= 0xDF && v != 0xF7 }
        if v >= 0x410 && v <= 0x44F { return v >= 0x430 }
        if v >= 0x3040 && v <= 0x30FF || v >= 0x4E00 && v <= 0x9FFF { return false }
        return s.properties.isLowercase
    }

    /// Letters, digits and the joiners that stay inside a word (O'Brien, al-Assad).
    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isLetter(s) || isDigit(s) }
        return isLetter(s) || s.properties.generalCategory == .nonspacingMark
    }

    /// CJK ideographs and kana: text without spaces, where a scalar is a word of its own.
    @inline(__always)
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
            return true
        default:
            return false
        }
    }
}
