import Synchronization
import LedeCore

/// Reads article files into documents for the reader.
public struct DocumentLoader: Sendable {
    public var loader = ArticleLoader()
    public var analyzer = ArticleAnalyzer()
    /// What the library knows of sites' furniture, once it is open: shared by every copy of
    /// the loader (the worker's too).
    public let sites = SiteMemorySlot()

    public init() {}

    /// A document, or the one-line reason it cannot be read.
    public func document(_ path: String) -> (Document?, String?) {
        if path == "-" { return (nil, "standard input cannot be read full-screen (try lede show -)") }
        do throws(LoadError) {
            return (Document(source: try loader.loadLong(path: path), analyzer: analyzer, site: sites.memory), nil)
        } catch {
            return (nil, error.description)
        }
    }

    /// The entry for a path, read now.
    public func entry(_ path: String) -> Entry {
        let (document, error) = document(path)
        return Entry(path: path, document: document, error: error)
    }
}

/// The library's site memory, set when the library is opened (after the first frame) and
/// read by whichever thread loads a page.
public final class SiteMemorySlot: Sendable {
    private let slot = Mutex<(@Sendable (String) -> Set<UInt64>)?>(nil)

    public init() {}

    public var memory: (@Sendable (String) -> Set<UInt64>)? {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}
