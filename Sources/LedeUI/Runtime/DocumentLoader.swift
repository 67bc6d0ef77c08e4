import Synchronization
import LedeCore

/// Reads article files into documents for the reader.
public struct DocumentLoader: Sendable {
    public var loader = ArticleLoader()
    public var analyzer = ArticleAnalyzer()
    /// What the library knows of sites' furniture, once it is open: shared by every copy of
    /// the loader (the worker's too).
    public let sites = SiteMemorySlot()
    /// A file over this many bytes is first shown from its start (`preview`).
    public var previewAbove = 8 << 20
    /// How much of such a file is read for the first frame.
    public var previewBytes = 2 << 20

    public init() {}

    /// The entry for a long file, from its first `previewBytes` only (marked `partial`),
    /// so that its first frame does not wait for all of it to be read; nil for any other
    /// file. The reader then reads it whole in the background (`Worker.Job.readWhole`).
    public func preview(_ path: String) -> Entry? {
        guard path != "-", let head = loader.loadPreview(path: path, above: previewAbove, bytes: previewBytes) else { return nil }
        var entry = Entry(path: path, document: Document(source: head, analyzer: analyzer, site: sites.memory), error: nil)
        entry.partial = true
        return entry
    }

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
