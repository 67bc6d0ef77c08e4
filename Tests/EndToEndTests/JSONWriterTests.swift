import Testing
@testable import lede

/// The JSON every `--json` command writes: strings escaped per RFC 8259, and the
/// characters that would break a line-oriented reader escaped too.
@Suite struct JSONWriterTests {
    func escaped(_ s: String) -> String {
        var out: [UInt8] = []
        JSONWriter.escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func quotesBackslashesAndControls() {
        #expect(escaped("plain") == "\"plain\"")
        #expect(escaped("say \"no\"") == #""say \"no\"""#)
        #expect(escaped("a\\b") == #""a\\b""#)
        #expect(escaped("line\nnext\r\tend") == #""line\nnext\r\tend""#)
        #expect(escaped("\u{1B}[2J\u{7F}\u{0}") == #""\u001b[2J\u007f\u0000""#)
    }

    @Test func c1ControlsAndLineSeparatorsAreEscapedOtherTextIsKept() {
        #expect(escaped("a\u{85}b\u{9B}c") == #""a\u0085b\u009bc""#)
        #expect(escaped("one\u{2028}two\u{2029}") == #""one\u2028two\u2029""#)
        #expect(escaped("café “quoted” 喫茶 👍") == "\"café “quoted” 喫茶 👍\"")
    }

    @Test func objectsAndArraysGetTheirCommas() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", 1)
        w.key("b"); w.beginArray(); w.value("x"); w.value(nil as String?); w.value(true); w.endArray()
        w.field("c", Double.nan)
        w.endObject()
        #expect(w.out == #"{"a":1,"b":["x",null,true],"c":null}"#)
    }
}
