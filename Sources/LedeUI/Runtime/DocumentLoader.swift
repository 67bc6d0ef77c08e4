import LedeCore

/// Reads article files into documents for the reader.
public struct DocumentLoader: Sendable {
    public var loader = ArticleLoader()
    public var analyzer = ArticleAnalyzer()

    public init() {}

    /// A document, or the one-line reason it cannot be read.
    public func document(_ path: String) -> (Document?, String?) {
        if path == "-" { return (nil, "standard input cannot be read full-screen (try lede show -)") }
        do throws(LoadError) {
            return (Document(source: try loader.loadLong(path: path), analyzer: analyzer), nil)
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
