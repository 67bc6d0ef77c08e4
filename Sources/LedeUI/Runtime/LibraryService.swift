import LedeCore

/// The library as the reader's app loop uses it (`lede` hands it LedeStore's library;
/// tests an in-memory one). Errors come back as one-line messages.
public protocol LibraryService: AnyObject {
    /// Where the library lives.
    var location: String { get }
    func list(_ query: LibraryQuery) throws -> [StoredArticle]
    func search(_ words: String) throws -> [StoredArticle]
    /// The stored text of an article.
    func text(of id: String) throws -> SourceText
    func reading(_ id: String) throws -> ReadingState?
    func setReading(_ id: String, position: Int, read: Bool) throws
    /// Stores a file; says what happened ("added as …", "already stored as …").
    func add(path: String) throws -> String
    func remove(_ id: String) throws
    /// The fingerprints of the blocks a publication's stored pages have had often enough
    /// to be its furniture (the reader drops them from a page of that site).
    func siteFurniture(_ publication: String) -> Set<UInt64>
}

extension LibraryService {
    public func siteFurniture(_ publication: String) -> Set<UInt64> { [] }
}
