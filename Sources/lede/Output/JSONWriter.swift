/// A small streaming JSON writer: keys in the order written, strings escaped per RFC 8259.
struct JSONWriter {
    private var bytes: [UInt8] = []
    var out: String { String(decoding: bytes, as: UTF8.self) }
    private var needsComma: [Bool] = [false]

    mutating func beginObject() { separator(); bytes.append(0x7B); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(0x7D) }
    mutating func beginArray() { separator(); bytes.append(0x5B); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(0x5D) }

    mutating func key(_ k: String) {
        separator()
        Self.escape(k, into: &bytes)
        bytes.append(0x3A)
        needsComma[needsComma.count - 1] = false
    }

    mutating func value(_ s: String?) {
        separator()
        if let s { Self.escape(s, into: &bytes) } else { bytes += Array("null".utf8) }
    }
    mutating func value(_ n: Int?) { separator(); bytes += Array((n.map(String.init) ?? "null").utf8) }
    mutating func value(_ b: Bool) { separator(); bytes += Array((b ? "true" : "false").utf8) }
    mutating func value(_ d: Double?) {
        separator()
        bytes += Array((d.flatMap { $0.isFinite ? "\($0)" : nil } ?? "null").utf8)
    }

    mutating func field(_ k: String, _ s: String?) { key(k); value(s) }
    mutating func field(_ k: String, _ n: Int?) { key(k); value(n) }
    mutating func field(_ k: String, _ b: Bool) { key(k); value(b) }
    mutating func field(_ k: String, _ d: Double?) { key(k); value(d) }

    /// Hands over what is written so far and forgets it, keeping the nesting: a long
    /// document is written out piece by piece.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return out
    }

    /// Writes JSON made by another writer as one value here (a quotation kept aside).
    mutating func raw(_ json: String) {
        separator()
        bytes += Array(json.utf8)
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        needsComma[needsComma.count - 1] = true
    }

    /// Escapes a string into JSON on its UTF-8 bytes: controls, C1 controls and the line
    /// separators as \u escapes, everything else as it is.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0..<0x20, 0x7F: unicodeEscape(UInt32(c), &out)
                case 0xC2 where i + 1 < b.count && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F:
                    unicodeEscape(UInt32(b[i + 1]), &out); i += 1
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    unicodeEscape(b[i + 2] == 0xA8 ? 0x2028 : 0x2029, &out); i += 2
                default: out.append(c)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    private static func unicodeEscape(_ v: UInt32, _ out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, 0x75, hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)], hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]]
    }
}
