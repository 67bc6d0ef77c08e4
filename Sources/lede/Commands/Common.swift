import ArgumentParser
import LedeCore
#if canImport(Glibc)
import Glibc
#endif

/// A runtime error printed as `lede: PATH: reason`, exit status 1.
struct RuntimeFailure: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour output to `fd`: `never` and `NO_COLOR` win over a terminal.
    func enabled(fd: Int32 = STDOUT_FILENO) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
            if let t = getenv("TERM"), String(cString: t) == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}

/// Loads and analyses articles for the commands.
struct ArticleSource {
    var loader = ArticleLoader()
    var analyzer = ArticleAnalyzer()
    /// What a library has learnt of sites' furniture, when one is used.
    var site: SiteMemory? = nil

    /// Reads a path ("-" is standard input) and analyses it, or throws `RuntimeFailure`.
    func article(_ path: String) throws -> Article {
        analyzer.analyze(try text(path), site: site)
    }

    /// Reads and decodes a path ("-" is standard input), or throws `RuntimeFailure`.
    func text(_ path: String) throws -> SourceText {
        do {
            if path == "-" { return try loader.load(bytes: readStandardInput(limit: loader.sizeLimit)) }
            return try loader.load(path: path)
        } catch {
            throw RuntimeFailure(path: path == "-" ? "<stdin>" : path, reason: error.description)
        }
    }

    func readStandardInput(limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}

/// Writes to standard output; a closed pipe ends the program quietly.
func emit(_ s: String) { writeAll(STDOUT_FILENO, s) }

/// Prints `lede: message` on standard error.
func warn(_ s: String) { writeAll(STDERR_FILENO, "lede: " + s + "\n") }

func writeAll(_ fd: Int32, _ s: String) {
    var s = s
    s.withUTF8 { buf in
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            off += n
        }
    }
}
