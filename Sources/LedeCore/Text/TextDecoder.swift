/// Turns the bytes of a file into text: strict UTF-8 (a BOM dropped), UTF-16 with a BOM,
/// else Windows-1252, else Latin-1. Never fails on any byte sequence: the last two map
/// every byte.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> SourceText {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            if isValidUTF8(rest) { return SourceText(utf8: rest, encoding: .utf8WithBOM) }
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return SourceText(utf8: decodeUTF16(bytes, from: 2, bigEndian: false), encoding: .utf16LE)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return SourceText(utf8: decodeUTF16(bytes, from: 2, bigEndian: true), encoding: .utf16BE)
        }
        if isValidUTF8(bytes) { return SourceText(utf8: bytes, encoding: .utf8) }
        if !bytes.contains(where: { cp1252Undefined.contains($0) }) {
            return SourceText(utf8: transcodeSingleByte(bytes, table: cp1252High), encoding: .windows1252)
        }
        return SourceText(utf8: transcodeSingleByte(bytes, table: nil), encoding: .latin1)
    }

    /// Strict UTF-8 validation: no overlongs, no surrogates, nothing past U+10FFFF.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    // ASCII runs eight bytes at a time.
                    i += 1
                    while i + 8 <= n,
                          UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                    }
                    continue
                }
                var need = 0
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; upper = 0x9F
                case 0xF0: need = 3; lower = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; upper = 0x8F
                default: return false
                }
                if i + need >= n { return false }
                let c1 = b[i + 1]
                if c1 < lower || c1 > upper { return false }
                var k = 2
                while k <= need {
                    if b[i + k] & 0xC0 != 0x80 { return false }
                    k += 1
                }
                i += need + 1
            }
            return true
        }
    }

    private static let cp1252Undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Windows-1252's 0x80–0x9F (0 where undefined).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private static func transcodeSingleByte(_ bytes: [UInt8], table: [UInt32]?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            var v = UInt32(b)
            if let table, b >= 0x80, b <= 0x9F, table[Int(b) - 0x80] != 0 { v = table[Int(b) - 0x80] }
            appendUTF8(Unicode.Scalar(v) ?? "\u{FFFD}", to: &out)
        }
        return out
    }

    private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        // Lone surrogates and an odd trailing byte become U+FFFD rather than failing.
        _ = Swift.transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
            out.append($0)
        }
        if (bytes.count - start) % 2 == 1 { appendUTF8("\u{FFFD}", to: &out) }
        return out
    }

    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
