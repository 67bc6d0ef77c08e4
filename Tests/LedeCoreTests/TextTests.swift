import Testing
import Foundation
@testable import LedeCore

@Suite struct DecodingTests {
    @Test func utf8IsKeptAndBOMDropped() {
        let plain = TextDecoder.decode(Array("café “x”".utf8))
        #expect(plain.encoding == .utf8)
        #expect(plain.string == "café “x”")
        let bom = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("abc".utf8))
        #expect(bom.encoding == .utf8WithBOM)
        #expect(bom.string == "abc")
    }

    @Test func utf16WithBOM() {
        let le: [UInt8] = [0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE]  // "hé😀"
        #expect(TextDecoder.decode(le).string == "hé😀")
        #expect(TextDecoder.decode(le).encoding == .utf16LE)
        let be: [UInt8] = [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69]
        #expect(TextDecoder.decode(be).string == "hi")
        // A lone surrogate and an odd byte become U+FFFD, not a crash.
        let broken: [UInt8] = [0xFF, 0xFE, 0x00, 0xD8, 0x41]
        #expect(TextDecoder.decode(broken).string == "\u{FFFD}\u{FFFD}")
    }

    @Test func windows1252ThenLatin1() {
        let cp = TextDecoder.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80])
        #expect(cp.encoding == .windows1252)
        #expect(cp.string == "“Hi” €")
        // 0x81 is undefined in Windows-1252: Latin-1 maps every byte.
        let latin = TextDecoder.decode([0x63, 0x61, 0x66, 0xE9, 0x81])
        #expect(latin.encoding == .latin1)
        #expect(latin.string == "café\u{81}")
    }

    @Test func invalidUTF8IsRejectedStrictly() {
        #expect(!TextDecoder.isValidUTF8([0xC0, 0xAF]))          // overlong
        #expect(!TextDecoder.isValidUTF8([0xED, 0xA0, 0x80]))    // surrogate
        #expect(!TextDecoder.isValidUTF8([0xE2, 0x82]))          // truncated
        #expect(!TextDecoder.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))  // past U+10FFFF
        #expect(TextDecoder.isValidUTF8(Array("ok ✓ 😀".utf8)))
        // Bad bytes after long ASCII runs (read eight at a time) are still found.
        for pad in 0..<20 {
            let ascii = Array(String(repeating: "a", count: 13 + pad).utf8)
            #expect(!TextDecoder.isValidUTF8(ascii + [0xC0, 0xAF] + ascii))
            #expect(TextDecoder.isValidUTF8(ascii + Array("é".utf8) + ascii))
        }
    }

    @Test func everyByteSequenceDecodes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = TextDecoder.decode(bytes)
            #expect(TextDecoder.isValidUTF8(text.utf8))
        }
    }

    @Test func scalarOffsetsRoundTrip() {
        let s = String(repeating: "aé😀\r\n", count: 400)
        let text = SourceText(s)
        var byte = 0
        var scalar = 0
        for u in s.unicodeScalars {
            #expect(text.scalarOffset(ofByte: byte) == scalar)
            #expect(text.byteOffset(ofScalar: scalar) == byte)
            byte += String(u).utf8.count
            scalar += 1
        }
        #expect(text.scalarCount == s.unicodeScalars.count)
    }
}

@Suite struct LoaderTests {
    func temp(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "lede-test-\(UUID().uuidString).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func error(_ path: String, limit: Int = ArticleLoader.defaultSizeLimit) -> LoadError? {
        do { _ = try ArticleLoader(sizeLimit: limit).load(path: path); return nil } catch { return error }
    }

    @Test func aLargeFileReadsWholeAndANulLateInItIsBinary() throws {
        var text = Array(String(repeating: "Plain words of prose. ", count: 20_000).utf8)
        let path = try temp(text)
        defer { unlink(path) }
        #expect(try ArticleLoader().read(path: path) == text)
        text[text.count - 5] = 0
        let binary = try temp(text)
        defer { unlink(binary) }
        #expect(error(binary) == .binary)
    }

    @Test func readsAFile() throws {
        let path = try temp(Array("Title\n\nBody text.".utf8))
        defer { unlink(path) }
        #expect(try ArticleLoader().load(path: path).string == "Title\n\nBody text.")
    }

    @Test func typedErrorsWithOneLineMessages() throws {
        #expect(error("/nonexistent/lede/file.txt") == .notFound)
        #expect(error(NSTemporaryDirectory()) == .isDirectory)
        let empty = try temp([])
        let blank = try temp(Array(" \n\t\r\n  \u{A0}".utf8))
        let binary = try temp([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41])
        let controlBytes: [UInt8] = (0..<100).map { (i: Int) -> UInt8 in UInt8(i % 8 + 1) }
        let controls = try temp(controlBytes)
        let big = try temp(Array(repeating: 0x61, count: 2048))
        defer { for p in [empty, blank, binary, controls, big] { unlink(p) } }
        #expect(error(empty) == .empty)
        #expect(error(blank) == .empty)
        #expect(error(binary) == .binary)
        #expect(error(controls) == .binary)
        #expect(error(big, limit: 1024) == .tooLarge(limit: 1024))
        #expect(LoadError.tooLarge(limit: 256 << 20).description == "larger than the 256 MiB limit")
        for e in [LoadError.notFound, .isDirectory, .permissionDenied, .notRegularFile, .empty, .binary] {
            #expect(!e.description.isEmpty && !e.description.contains("\n"))
        }
    }

    @Test func permissionDenied() throws {
        #expect(ArticleLoader.error(errno: EACCES) == .permissionDenied)
        // Root reads anything; the file check only means something for other users.
        guard geteuid() != 0 else { return }
        let path = try temp(Array("text".utf8))
        defer { unlink(path) }
        chmod(path, 0)
        #expect(error(path) == .permissionDenied)
    }

    @Test func fifoAndDevicesAreNotRead() throws {
        let path = NSTemporaryDirectory() + "lede-fifo-\(UUID().uuidString)"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        // Opening must not block on a FIFO with no writer.
        #expect(error(path) == .notRegularFile)
        #expect(error("/dev/zero") == .notRegularFile)
    }
}

@Suite struct SanitizerTests {
    @Test func controlsBecomePlaceholders() {
        #expect(Sanitizer.display("a\u{1B}[2Jb") == "a\u{241B}[2Jb")
        #expect(Sanitizer.display("x\u{202E}y\u{9B}z") == "x\u{FFFD}y\u{FFFD}z")
        #expect(Sanitizer.display("tab\there") == "tab here")
        #expect(Sanitizer.display("line\nbreak") == "line\nbreak")
    }
}

@Suite struct ScalarClassTests {
    /// The fast paths agree with Unicode's own tables on every scalar they cover.
    @Test func fastPathsAgreeWithUnicode() {
        for v in Array(0x00...0x24F) + Array(0x400...0x45F) + Array(0x3040...0x30FF) + Array(stride(from: 0x4E00, through: 0x9FFF, by: 97)) {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(UTF8Scan.isLetter(s) == (v < 0x80 ? s.properties.isAlphabetic && s.isASCII && s.properties.numericType == nil : s.properties.isAlphabetic), "U+\(String(v, radix: 16))")
            #expect(UTF8Scan.isUpper(s) == s.properties.isUppercase, "U+\(String(v, radix: 16)) upper")
            #expect(UTF8Scan.isLower(s) == s.properties.isLowercase, "U+\(String(v, radix: 16)) lower")
        }
    }
}
