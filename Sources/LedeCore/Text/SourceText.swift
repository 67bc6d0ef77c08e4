import Synchronization

/// The decoded text of an article, held as UTF-8 bytes, with the encoding it was read in.
///
/// The model layer works on byte offsets into `utf8` (fast to scan). Offsets reported to
/// users and tools are Unicode scalar offsets into the same text; `scalarOffset(ofByte:)`
/// converts with a checkpoint table instead of re-counting from the start.
public struct SourceText: Sendable {
    /// The decoded text as UTF-8. Always valid UTF-8, except in a long file read with
    /// `ArticleLoader.loadLong`, whose sections are checked as they are analysed
    /// (`Document`): then `validated` is false.
    public let utf8: [UInt8]
    /// How the bytes on disk were decoded.
    public let encoding: TextEncoding
    /// Whether every byte is known to be valid UTF-8.
    public let validated: Bool
    /// Scalars before byte `i * checkpointStride`, counted the first time an offset is
    /// converted (the reader's first frame of a long file never needs them).
    private let checkpoints: Checkpoints
    private static let checkpointStride = 512

    public init(utf8: [UInt8], encoding: TextEncoding, validated: Bool = true) {
        self.utf8 = utf8
        self.encoding = encoding
        self.validated = validated
        checkpoints = Checkpoints()
    }

    private final class Checkpoints: Sendable {
        private let table = Mutex<[Int]?>(nil)

        func get(_ utf8: [UInt8]) -> [Int] {
            table.withLock { t in
                if let t { return t }
                let made = Self.count(utf8)
                t = made
                return made
            }
        }

        static func count(_ utf8: [UInt8]) -> [Int] {
            var table: [Int] = []
            table.reserveCapacity(utf8.count / SourceText.checkpointStride + 1)
            var count = 0
            utf8.withUnsafeBufferPointer { buf in
                var start = 0
                while start < buf.count {
                    table.append(count)
                    let end = min(start + SourceText.checkpointStride, buf.count)
                    // Scalars are the bytes that are not continuation bytes (10xxxxxx), counted
                    // eight at a time.
                    var i = start
                    while i + 8 <= end {
                        let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        count += 8 - ((w >> 7) & ~(w >> 6) & 0x0101_0101_0101_0101).nonzeroBitCount
                        i += 8
                    }
                    while i < end { if buf[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
                    start = end
                }
            }
            if utf8.count % SourceText.checkpointStride == 0 { table.append(count) }
            return table
        }
    }

    /// Builds a source text from a Swift string (tests, stdin).
    public init(_ string: String) {
        self.init(utf8: Array(string.utf8), encoding: .utf8)
    }

    /// The whole text as a `String`.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The text of a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// The number of Unicode scalars in the text.
    public var scalarCount: Int { scalarOffset(ofByte: utf8.count) }

    /// The Unicode scalar offset of a byte offset (which must start a scalar or be the end).
    public func scalarOffset(ofByte byte: Int) -> Int {
        let checkpoints = self.checkpoints.get(utf8)
        let b = min(max(byte, 0), utf8.count)
        let block = b / Self.checkpointStride
        var count = checkpoints[min(block, checkpoints.count - 1)]
        var i = min(block, checkpoints.count - 1) * Self.checkpointStride
        while i < b {
            if utf8[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The byte offset of a Unicode scalar offset (clamped to the text).
    public func byteOffset(ofScalar scalar: Int) -> Int {
        // Binary search the checkpoints, then walk at most one stride.
        let checkpoints = self.checkpoints.get(utf8)
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid] <= scalar { lo = mid } else { hi = mid - 1 }
        }
        var count = checkpoints[lo]
        var i = lo * Self.checkpointStride
        while i < utf8.count {
            if utf8[i] & 0xC0 != 0x80 {
                if count == scalar { return i }
                count += 1
            }
            i += 1
        }
        return utf8.count
    }
}

/// The encodings Lede reads.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"
    case latin1 = "ISO-8859-1"
}
