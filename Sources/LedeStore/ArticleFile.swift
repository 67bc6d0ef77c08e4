import LedeCore

/// A stored article: a cleaned text file anyone can read with `less` and grep, with a
/// small header of metadata lines before a blank line:
///
///     Lede-Article: 1
///     Id: 3f2a9c1b7d4e5a60
///     Title: Harbour talks collapse
///     Source: By Ann Lee
///     Publication: The Coast Herald
///     Date: 2025-03-03
///     Origin: /home/me/news/harbour.txt
///     Content-Hash: sha256:3f2a9c1b…
///     Added: 2026-11-29T10:00:00Z
///
///     Harbour talks collapse
///
///     “We have been patient for months,” said Daniel Reyes…
public struct ArticleFile: Sendable, Equatable {
    public var id: String
    public var title: String
    public var source: String?
    /// The site that published it, as the page's title line named it.
    public var publication: String? = nil
    public var date: String?
    public var origin: String?
    /// SHA-256 of the cleaned text, hex.
    public var hash: String
    public var added: String
    /// The cleaned article: its paragraphs, a blank line between them.
    public var text: String

    static let magic = "Lede-Article: 1"

    /// The id of a text: the start of its content hash.
    public static func id(ofHash hash: String) -> String { String(hash.prefix(16)) }

    /// The file's bytes.
    public func serialized() -> [UInt8] {
        var lines = [Self.magic, "Id: \(id)", "Title: \(Self.oneLine(title))"]
        if let source { lines.append("Source: \(Self.oneLine(source))") }
        if let publication { lines.append("Publication: \(Self.oneLine(publication))") }
        if let date { lines.append("Date: \(Self.oneLine(date))") }
        if let origin { lines.append("Origin: \(Self.oneLine(origin))") }
        lines.append("Content-Hash: sha256:\(hash)")
        lines.append("Added: \(added)")
        return Array((lines.joined(separator: "\n") + "\n\n" + text + "\n").utf8)
    }

    /// Reads a stored file, or says why it is not one.
    public static func parse(_ bytes: [UInt8]) throws(StoreError) -> ArticleFile {
        // The header ends at the first blank line.
        var end = -1
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A { end = i; break }
            i += 1
        }
        guard end > 0 else { throw .notAnArticleFile("no header") }
        let header = String(decoding: bytes[0..<end], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard header.first.map(String.init) == magic else { throw .notAnArticleFile("no Lede-Article line") }
        var fields: [String: String] = [:]
        for line in header.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .notAnArticleFile("bad header line") }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        guard let id = fields["Id"], let title = fields["Title"], let hashField = fields["Content-Hash"],
              hashField.hasPrefix("sha256:"), let added = fields["Added"] else {
            throw .notAnArticleFile("header lacks Id, Title, Content-Hash or Added")
        }
        var body = bytes[(end + 2)...]
        if body.last == 0x0A { body = body.dropLast() }
        guard TextDecoder.isValidUTF8(Array(body)) else { throw .notAnArticleFile("text is not UTF-8") }
        return ArticleFile(id: id, title: title, source: fields["Source"], publication: fields["Publication"],
                           date: fields["Date"], origin: fields["Origin"],
                           hash: String(hashField.dropFirst(7)), added: added, text: String(decoding: body, as: UTF8.self))
    }

    /// Header values stay on their line.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }
}

/// What went wrong in the library, as one line.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notAnArticleFile(String)
    case io(String)
    case noSuchArticle(String)
    case database(String)

    public var description: String {
        switch self {
        case .notAnArticleFile(let why): "not a stored article (\(why))"
        case .io(let why): why
        case .noSuchArticle(let id): "no article \(id) in the library"
        case .database(let why): "library index: \(why)"
        }
    }
}
