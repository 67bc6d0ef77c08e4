import LedeCore
import LedeUI

/// The fuzz targets: each takes any bytes, runs a part of Lede on them and checks what
/// must hold whatever the input (ranges inside the text, layouts that fit). A broken
/// rule is a crash, which is what libFuzzer (Fuzz/, `Scripts/fuzz`) looks for; the
/// corpus and every crasher are replayed by `swift test` (FuzzReplayTests).
public enum FuzzTargets {
    public static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "load": load,
        "clean": clean,
        "quotes": quotes,
        "parties": parties,
        "layout": layout,
        "keys": keys,
    ]

    /// Decoding and loading: always valid UTF-8 out, offsets that round-trip.
    public static func load(_ bytes: [UInt8]) {
        let text = TextDecoder.decode(bytes)
        check(TextDecoder.isValidUTF8(text.utf8), "decoded text is not UTF-8")
        let scalars = text.scalarCount
        for s in stride(from: 0, through: scalars, by: max(1, scalars / 16)) {
            check(text.scalarOffset(ofByte: text.byteOffset(ofScalar: s)) == s, "scalar offsets do not round-trip")
        }
        if let loaded = try? ArticleLoader().load(bytes: bytes) {
            check(loaded.utf8 == text.utf8, "load and decode disagree")
        }
    }

    /// Cleaning and structure: paragraphs in source order, mapped inside the source.
    public static func clean(_ bytes: [UInt8]) {
        let article = ArticleAnalyzer().analyze(TextDecoder.decode(bytes))
        checkParagraphs(article)
    }

    /// Quotations: inside their paragraphs and the source; speakers' words too.
    public static func quotes(_ bytes: [UInt8]) {
        let a = ArticleAnalyzer().analyze(TextDecoder.decode(bytes))
        checkParagraphs(a)
        let n = a.source.utf8.count
        for q in a.quotes {
            check(a.paragraphs.indices.contains(q.paragraph), "quote in no paragraph")
            check(q.local.lowerBound >= 0 && q.local.upperBound <= a.paragraphs[q.paragraph].text.count, "quote outside its paragraph")
            check(q.source.lowerBound >= 0 && q.source.upperBound <= n, "quote outside the source")
            if let s = q.speakerSource { check(s.lowerBound >= 0 && s.upperBound <= n, "speaker outside the source") }
            if let p = q.speakerParty { check(a.parties.indices.contains(p), "speaker party out of range") }
        }
        for (x, y) in zip(a.quotes, a.quotes.dropFirst()) {
            check((x.paragraph, x.local.lowerBound) <= (y.paragraph, y.local.lowerBound), "quotes out of order")
        }
    }

    /// Parties: every mention inside the text, parties and mentions pointing at each other.
    public static func parties(_ bytes: [UInt8]) {
        let a = ArticleAnalyzer().analyze(TextDecoder.decode(bytes))
        for (i, m) in a.mentions.enumerated() {
            check(a.paragraphs.indices.contains(m.paragraph), "mention in no paragraph")
            check(m.local.upperBound <= a.paragraphs[m.paragraph].text.count, "mention outside its paragraph")
            check(a.parties.indices.contains(m.party) && a.parties[m.party].mentions.contains(i), "mention and party disagree")
            check(m.type == a.parties[m.party].type, "mention and party types differ")
        }
        for p in a.parties {
            check(!p.mentions.isEmpty, "a party with no mention")
            check(p.mentions.allSatisfy { a.mentions.indices.contains($0) }, "party mention out of range")
        }
        for m in a.mentions.indices where m > 0 {
            check(a.mentions[m - 1].source.lowerBound <= a.mentions[m].source.lowerBound, "mentions out of order")
        }
    }

    /// Layout at the width the first byte gives: lines in order, inside the text, no wider
    /// than the width unless one cluster is, and a canvas that holds them.
    public static func layout(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let width = Int(first % 120) + 1
        let text = TextDecoder.decode(Array(bytes.dropFirst())).utf8
        let lines = LineWrapper.wrap(text, width: width)
        var last = 0
        for l in lines {
            check(l.range.lowerBound >= last && l.range.upperBound <= text.count, "lines out of order or outside the text")
            last = l.range.upperBound
            let s = String(decoding: text[l.range], as: UTF8.self)
            check(l.width <= width || s.count <= 1, "a line wider than the width")
            var canvas = Canvas(width: width, height: 1)
            let end = canvas.put(s, x: 0, y: 0, style: .normal)
            check(end <= width, "the canvas was written past its edge")
        }
    }

    /// The reader fed keys: the text is the input up to the first 0xFF byte, the actions
    /// and sizes are the bytes after it. The state stays sound and every frame draws.
    public static func keys(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0xFF) ?? bytes.count
        let text = SourceText(utf8: TextDecoder.decode(Array(bytes[..<split])).utf8, encoding: .utf8)
        let document = Document(source: text, wholeLimit: 4096, sectionSize: 1024)
        let entries = [Entry(path: "/fuzz.txt", document: document, error: nil), Entry(path: "/other.txt", document: nil, error: "gone")]
        var state = ReaderState(entries: entries, width: 60, height: 12)
        let actions = Action.allCases
        var i = split + 1
        let end = min(bytes.count, i + 400)  // a few hundred steps: fast enough to fuzz
        while i < end {
            let b = bytes[i]
            if b >= 0xF0, i + 2 < end {
                resize(&state, width: Int(bytes[i + 1] % 140), height: Int(bytes[i + 2] % 50))
                i += 3
            } else if b >= 0xE0 {
                _ = handle(&state, .key(.char(Character(Unicode.Scalar(b - 0xE0 + 0x61)))))  // typed letters
                i += 1
            } else {
                if actions[Int(b) % actions.count] != .openPrompt { _ = update(&state, actions[Int(b) % actions.count]) }
                i += 1
            }
            check(state.rows.count <= state.bodyHeight, "more rows than the screen")
            check(state.entries.indices.contains(state.selected), "selection out of range")
            let canvas = render(state)
            check(canvas.width == state.width && canvas.height == state.height, "the frame is the wrong size")
        }
    }

    static func checkParagraphs(_ a: Article) {
        let n = a.source.utf8.count
        var last = 0
        for p in a.paragraphs {
            let span = p.source
            check(span.lowerBound >= 0 && span.upperBound <= n, "a paragraph maps outside the source")
            check(span.lowerBound >= last || p.role != .body, "body paragraphs out of order")
            if p.role == .body { last = span.lowerBound }
            check(TextDecoder.isValidUTF8(p.text.utf8), "a paragraph is not UTF-8")
            check(!p.text.utf8.contains(0x1B), "an escape survived cleaning")
        }
    }

    @inline(__always)
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(message())") }
    }
}
