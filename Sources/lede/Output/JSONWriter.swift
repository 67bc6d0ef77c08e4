/// A small streaming JSON writer: keys in the order written, strings escaped per RFC 8259.
struct JSONWriter {
    private(set) var out = ""
    private var needsComma: [Bool] = [false]

    mutating func beginObject() { separator(); out += "{"; needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); out += "}" }
    mutating func beginArray() { separator(); out += "["; needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); out += "]" }

    mutating func key(_ k: String) {
        separator()
        Self.escape(k, into: &out)
        out += ":"
        needsComma[needsComma.count - 1] = false
    }

    mutating func value(_ s: String?) {
        separator()
        if let s { Self.escape(s, into: &out) } else { out += "null" }
    }
    mutating func value(_ n: Int?) { separator(); out += n.map(String.init) ?? "null" }
    mutating func value(_ b: Bool) { separator(); out += b ? "true" : "false" }

    mutating func field(_ k: String, _ s: String?) { key(k); value(s) }
    mutating func field(_ k: String, _ n: Int?) { key(k); value(n) }
    mutating func field(_ k: String, _ b: Bool) { key(k); value(b) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { out += "," }
        needsComma[needsComma.count - 1] = true
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
