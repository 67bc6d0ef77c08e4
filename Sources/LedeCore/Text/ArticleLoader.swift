#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an article could not be read. Each case prints as one line.
public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case isDirectory
    case permissionDenied
    case notRegularFile
    case empty
    case binary
    case tooLarge(limit: Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "is a directory"
        case .permissionDenied: "permission denied"
        case .notRegularFile: "not a regular file"
        case .empty: "empty or only whitespace"
        case .binary: "looks like a binary file, not text"
        case .tooLarge(let limit): "larger than the \(ArticleLoader.formatBytes(limit)) limit"
        case .unreadable(let why): why
        }
    }
}

/// Reads article files from disk with bounded memory and typed errors.
public struct ArticleLoader: Sendable {
    /// The largest file read, in bytes.
    public var sizeLimit: Int

    public static let defaultSizeLimit = 256 << 20

    public init(sizeLimit: Int = ArticleLoader.defaultSizeLimit) {
        self.sizeLimit = sizeLimit
    }

    /// Reads and decodes a file.
    public func load(path: String) throws(LoadError) -> SourceText {
        try Self.decode(read(path: path))
    }

    /// Reads a file for the reader, whose first frame must not wait for a long file to be
    /// checked to its end: a file over `Document.wholeLimit` is checked for binary content,
    /// and its encoding chosen, from its first MiB. When that is UTF-8 the rest is taken as
    /// UTF-8 unchecked (`validated` false): `Document` checks each section as it analyses
    /// it, and reads a bad one as Windows-1252. Anything else is decoded whole, as `load`.
    public func loadLong(path: String) throws(LoadError) -> SourceText {
        let bytes = try read(path: path)
        guard bytes.count > Document.wholeLimit else { return try Self.decode(bytes) }
        var cut = 1 << 20
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // at a character's start
        let head = Array(bytes[..<cut])
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        guard !bom, !Self.isBinary(head), TextDecoder.isValidUTF8(head), !Self.isBlank(head) else { return try Self.decode(bytes) }
        return SourceText(utf8: bytes, encoding: .utf8, validated: false)
    }

    /// The start of a long file, for the reader to show while it reads the rest: its first
    /// `bytes` bytes, cut after the last line break in them. Nil, and the file is left to
    /// `loadLong`, unless the file is a regular one over `above` bytes (and within the size
    /// limit) that `loadLong` would take as plain UTF-8 — so that the preview's bytes are
    /// the first bytes of what `loadLong` gives, and an offset means the same in both.
    public func loadPreview(path: String, above: Int, bytes: Int) -> SourceText? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) > above,
              Int(st.st_size) <= sizeLimit, bytes > 0 else { return nil }
        let size = Int(st.st_size)
        // At least what loadLong checks (the first MiB, or all of a shorter file), so that
        // both make the same choice.
        var head = [UInt8](repeating: 0, count: min(size, max(bytes, (1 << 20) + 4)))
        var count = 0
        while count < head.count {
            let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR || errno == EAGAIN { continue }
            if n <= 0 { break }
            count += n
        }
        guard count == head.count else { return nil }  // shrank while read: read it whole
        var checked = head
        if size > Document.wholeLimit {
            var cut = 1 << 20
            while cut > 0, head[cut] & 0xC0 == 0x80 { cut -= 1 }  // at a character's start
            checked = Array(head[..<cut])
        }
        let bom = checked.starts(with: [0xEF, 0xBB, 0xBF]) || checked.starts(with: [0xFF, 0xFE]) || checked.starts(with: [0xFE, 0xFF])
        guard !bom, !Self.isBinary(checked), TextDecoder.isValidUTF8(checked), !Self.isBlank(checked) else { return nil }
        // The start shown: up to `bytes`, cut after its last line break.
        head.removeLast(head.count - min(bytes, head.count))
        guard let end = head.lastIndex(of: 0x0A), end > 0 else { return nil }
        head.removeLast(head.count - end - 1)
        return SourceText(utf8: head, encoding: .utf8, validated: false)
    }

    /// Decodes bytes already read (stdin, tests), applying the same checks as files.
    public func load(bytes: [UInt8]) throws(LoadError) -> SourceText {
        if bytes.count > sizeLimit { throw .tooLarge(limit: sizeLimit) }
        return try Self.decode(bytes)
    }

    static func decode(_ bytes: [UInt8]) throws(LoadError) -> SourceText {
        if isBinary(bytes) { throw .binary }
        let text = TextDecoder.decode(bytes)
        if isBlank(text.utf8) { throw .empty }
        return text
    }

    /// Reads a regular file without blocking on FIFOs or devices and without reading past
    /// the size limit.
    public func read(path: String) throws(LoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw Self.error(errno: errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw Self.error(errno: errno) }
        let mode = st.st_mode & S_IFMT
        if mode == S_IFDIR { throw .isDirectory }
        if mode != S_IFREG { throw .notRegularFile }
        if Int(st.st_size) > sizeLimit { throw .tooLarge(limit: sizeLimit) }
        // Straight into the array, without zero-filling it first (30 ms less for 100 MB).
        // A file that grows while it is read is read as it was when opened: up to the
        // size it had then (a log being appended to stops somewhere, not at the limit).
        let size = Int(st.st_size)
        var failure: LoadError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            count = 0
            // A big buffer in 2 MiB pages where the kernel allows it: a 100 MB file then
            // costs 50 page faults instead of 25,000 (a third of reading it).
            if size >= 8 << 20, let base = buf.baseAddress {
                let huge = 2 << 20
                let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
                let end = (Int(bitPattern: base) + size) & ~(huge - 1)
                if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
            }
            while count < buf.count {
                let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = Self.error(errno: errno)
                    return
                }
                if n == 0 { break }  // it shrank while being read: what there was
                count += n
            }
        }
        if let failure { throw failure }
        return bytes
    }

    static func error(errno code: Int32) -> LoadError {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .isDirectory
        case ELOOP: .unreadable("too many levels of symbolic links")
        default: .unreadable(String(cString: strerror(code)))
        }
    }

    /// NUL bytes (outside UTF-16 with a BOM), or mostly control bytes, mean not text.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        var controls = 0
        var nul = false
        bytes.withUnsafeBufferPointer { b in
            // Skip eight bytes at a time while none is below 0x20 (most of any text).
            var i = 0
            while i + 8 <= b.count {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 != 0 {
                    for c in b[i..<i + 8] where c < 0x20 {
                        if c == 0 { nul = true; return }
                        if c != 0x0A && c != 0x0D && c != 0x09 && c != 0x0C && c != 0x1B { controls += 1 }
                    }
                }
                i += 8
            }
            for c in b[i...] where c < 0x20 {
                if c == 0 { nul = true; break }
                if c != 0x0A && c != 0x0D && c != 0x09 && c != 0x0C && c != 0x1B { controls += 1 }
            }
        }
        if nul { return true }
        return bytes.count >= 16 && controls * 10 > bytes.count * 3
    }

    static func isBlank(_ utf8: [UInt8]) -> Bool {
        var i = 0
        while i < utf8.count {
            let (s, len) = UTF8Scan.scalar(in: utf8, at: i)
            if !s.properties.isWhitespace && s.value != 0xFEFF && s.value != 0x200B { return false }
            i += len
        }
        return true
    }

    static func formatBytes(_ n: Int) -> String {
        if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
        return "\(n)-byte"
    }
}
