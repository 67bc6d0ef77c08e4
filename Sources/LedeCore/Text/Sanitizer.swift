/// Decides what an untrusted scalar may become on screen or in analysis.
///
/// Article text never reaches a terminal raw: C0 and C1 controls (but newline and tab),
/// DEL, and bidi embedding/override/isolate characters are shown as visible placeholders
/// and dropped from analysis.
public enum Sanitizer {
    /// True when the scalar must not be passed on as it is.
    @inline(__always)
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 { return v != 0x0A && v != 0x09 }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// The visible stand-in for an unsafe scalar: Unicode's control pictures for C0 and
    /// DEL (␛ for ESC), and U+FFFD for C1 and bidi controls.
    public static func placeholder(for s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
        if v == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// A string with every unsafe scalar replaced by its placeholder; tabs become spaces.
    public static func display(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" { out.append(" ") }
            else if isUnsafe(s) { out.append(placeholder(for: s)) }
            else { out.append(s) }
        }
        return String(out)
    }
}
