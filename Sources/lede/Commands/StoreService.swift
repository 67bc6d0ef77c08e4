import LedeCore
import LedeStore
import LedeUI

/// LedeStore's library as the reader's app loop sees it.
final class StoreService: LibraryService {
    let library: Library

    init(_ library: Library) { self.library = library }

    var location: String { library.root }
    func list(_ query: LibraryQuery) throws -> [StoredArticle] { try library.list(query) }
    func search(_ words: String) throws -> [StoredArticle] { try library.search(words) }
    func text(of id: String) throws -> SourceText { try library.text(of: id) }
    func reading(_ id: String) throws -> ReadingState? { try library.reading(id) }
    func setReading(_ id: String, position: Int, read: Bool) throws { try library.setReading(id, position: position, read: read) }
    func remove(_ id: String) throws { try library.remove([id]) }
    func siteFurniture(_ publication: String) -> Set<UInt64> { library.siteFurniture(publication) }

    func add(path: String) throws -> String {
        let text = try ArticleSource().text(path)
        switch try library.add([(text, Add.absolute(path))])[0] {
        case .added(let a): return "added to the library as \(a.id)"
        case .duplicate(let id, _): return "already in the library as \(id)"
        }
    }
}
