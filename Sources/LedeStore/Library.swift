import GRDB
import LedeCore
#if canImport(Glibc)
import Glibc
#endif

/// The library: stored article files under `articles/` (the truth) and an SQLite index
/// over them (metadata, full text, quotations, party mentions) plus the reading state.
///
/// The index is rebuilt from the files when it is missing or damaged; files dropped into
/// `articles/` by hand are indexed at open, removed ones drop out. Every file write is
/// atomic, SQLite runs in WAL mode with a busy timeout, so two `lede` processes at once
/// corrupt nothing.
public final class Library: @unchecked Sendable {
    /// The library folder.
    public let root: String
    public var articlesFolder: String { root + "/articles" }
    var indexPath: String { root + "/index.sqlite" }
    /// The reading state, also kept in a file so that a rebuilt index gets it back.
    var readingPath: String { root + "/reading.tsv" }
    /// What the library has learnt of each site: a line per stored page and block of it
    /// (publication, fingerprint), appended as pages are added, so that a rebuilt index
    /// gets the counts back.
    var siteBlocksPath: String { root + "/site-blocks.tsv" }
    /// Whether `add` drops the blocks it has learnt are a site's furniture (off for output
    /// that must not depend on what was stored before).
    public var learnsSites = true
    let db: DatabasePool
    let analyzer: ArticleAnalyzer
    /// What happened at open that the user should hear of ("index rebuilt…").
    public private(set) var notes: [String] = []

    /// The library's folder: `$LEDE_HOME`, else `$XDG_DATA_HOME/lede`, else
    /// `~/.local/share/lede`.
    public static func defaultRoot() -> String {
        func env(_ name: String) -> String? {
            guard let v = getenv(name) else { return nil }
            let s = String(cString: v)
            return s.isEmpty ? nil : s
        }
        if let home = env("LEDE_HOME") { return home }
        if let data = env("XDG_DATA_HOME") { return data + "/lede" }
        return (env("HOME") ?? "/") + "/.local/share/lede"
    }

    /// Opens (creating if need be) the library at `root`, rebuilding a missing or damaged
    /// index from the files, and bringing the index in line with the files.
    public init(root: String = Library.defaultRoot(), analyzer: ArticleAnalyzer = ArticleAnalyzer()) throws(StoreError) {
        self.root = root
        self.analyzer = analyzer
        try AtomicFile.makeFolders(root + "/articles")
        var rebuilt = access(root + "/index.sqlite", F_OK) != 0
        do {
            db = try Self.openIndex(root + "/index.sqlite")
        } catch {
            rebuilt = true
            // Damaged beyond opening: keep it aside, start afresh from the files.
            let aside = root + "/index.sqlite.damaged"
            for suffix in ["", "-wal", "-shm"] { rename(root + "/index.sqlite" + suffix, aside + suffix) }
            do { db = try Self.openIndex(root + "/index.sqlite") } catch { throw .database("\(error)") }
            notes.append("the library index was damaged (kept as index.sqlite.damaged); rebuilt from the article files")
        }
        let (added, removed) = try sync()
        if rebuilt, added > 0, notes.isEmpty { notes.append("library index rebuilt from \(added) article file\(added == 1 ? "" : "s")") }
        else if !rebuilt, added + removed > 0 {
            notes.append("library: \(added) article file\(added == 1 ? "" : "s") picked up, \(removed) gone")
        }
        // A new index gets back the reading state it cannot rebuild from the articles.
        if rebuilt {
            try restoreReadingState()
            try restoreSiteBlocks()
        }
    }

    static func openIndex(_ path: String) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: config)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE article (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    file TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    source TEXT,
                    date TEXT,
                    origin TEXT,
                    hash TEXT NOT NULL,
                    added TEXT NOT NULL,
                    quotes INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL
                );
                CREATE INDEX article_when ON article(coalesce(date, substr(added, 1, 10)) DESC, added DESC);
                CREATE INDEX article_title ON article(title COLLATE NOCASE);
                CREATE INDEX article_source ON article(source COLLATE NOCASE);
                CREATE VIRTUAL TABLE article_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
                CREATE TABLE quote (
                    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
                    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT
                );
                CREATE INDEX quote_article ON quote(article);
                CREATE INDEX quote_speaker ON quote(speaker);
                CREATE TABLE mention (
                    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
                    party TEXT NOT NULL COLLATE NOCASE, type TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
                );
                CREATE INDEX mention_party ON mention(party, article);
                CREATE INDEX mention_article ON mention(article);
                CREATE TABLE alias (
                    alias TEXT NOT NULL COLLATE NOCASE, party TEXT NOT NULL,
                    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE
                );
                CREATE INDEX alias_alias ON alias(alias);
                CREATE INDEX alias_article ON alias(article);
                CREATE TABLE reading (
                    id TEXT PRIMARY KEY, position INTEGER NOT NULL, read INTEGER NOT NULL, last_opened TEXT
                );
                """)
        }
        migrator.registerMigration("v2: meta") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        }
        // Articles stored before it have no publication until they are indexed again.
        migrator.registerMigration("v3: publication") { db in
            try db.execute(sql: "ALTER TABLE article ADD COLUMN publication TEXT")
        }
        // How many stored pages of each publication had each block (by fingerprint).
        migrator.registerMigration("v4: site blocks") { db in
            try db.execute(sql: """
                CREATE TABLE site_block (
                    publication TEXT NOT NULL, fingerprint INTEGER NOT NULL, articles INTEGER NOT NULL,
                    PRIMARY KEY (publication, fingerprint)
                ) WITHOUT ROWID
                """)
        }
        try migrator.migrate(pool)
        return pool
    }

    // MARK: - Adding

    /// What `add` did with a text.
    public enum AddOutcome: Sendable, Equatable {
        case added(StoredArticle)
        /// The same cleaned text is already stored, under this id.
        case duplicate(id: String, title: String)
    }

    /// Cleans and stores texts; `origins` name where they came from. The files are
    /// written and made durable before the index knows them, so an article reported added
    /// survives a crash (at worst it is indexed again at the next open).
    public func add(_ texts: [(source: SourceText, origin: String?)]) throws(StoreError) -> [AddOutcome] {
        var outcomes: [AddOutcome] = []
        var fresh: [(ArticleFile, Article, String)] = []
        var seen = Set<String>()
        // The site counts as they stand, and as this batch adds to them (the fourth page of
        // a site in one batch already loses the footer the first three had).
        var sites = SiteCounts()
        var learnt: [(publication: String, fingerprints: Set<UInt64>)] = []
        var batch = AtomicBatch()
        defer { batch.discard() }
        for (source, origin) in texts {
            let memory: SiteMemory? = learnsSites ? { publication in
                (try? self.siteFurniture(publication, counts: &sites)) ?? []
            } : nil
            let file = cleaned(source, origin: origin, site: memory)
            let (id, title, text) = (file.id, file.title, file.text)
            if seen.contains(id) || (try? stored(id)) != nil {
                outcomes.append(.duplicate(id: id, title: title))
                continue
            }
            seen.insert(id)
            let path = articlesFolder + "/" + id + ".txt"
            try batch.write(file.serialized(), to: path)
            // The page as it came in is what a site's furniture is counted on (the stored
            // file is already cleaned).
            if let publication = file.publication {
                let prints = SiteBlocks.fingerprints(of: source)
                sites.add(publication, prints)
                learnt.append((publication, prints))
            }
            let analysed = analyzer.analyze(SourceText(text))
            fresh.append((file, analysed, path))
            outcomes.append(.added(StoredArticle(id: id, title: title, source: file.source, publication: file.publication,
                                                 date: file.date, path: path,
                                                 quotes: analysed.quotes.filter { $0.kind == .speech }.count,
                                                 read: false, added: file.added)))
        }
        guard !fresh.isEmpty else { return outcomes }
        try batch.commit()
        try appendSiteBlocks(learnt)
        try write { db in
            for (file, article, path) in fresh { try Self.index(file, article, path: path, in: db) }
            try Self.count(learnt, in: db)
        }
        return outcomes
    }

    /// The stored form of a text: cleaned, named by its content hash.
    func cleaned(_ source: SourceText, origin: String?, fallbackTitle: String = "(untitled)", site: SiteMemory? = nil) -> ArticleFile {
        // Only the cleaning and the header: the stored text is analysed after.
        let raw = analyzer.structure(source, site: site)
        let text = raw.paragraphs.map { $0.text.string }.joined(separator: "\n\n")
        let hash = SHA256.hex(text.utf8)
        let title = raw.title?.text.string ?? raw.paragraphs.first.map { String($0.text.string.prefix(120)) } ?? fallbackTitle
        return ArticleFile(id: ArticleFile.id(ofHash: hash), title: title, source: raw.writers,
                           publication: raw.publicationName, date: raw.date?.iso, origin: origin, hash: hash, added: Self.now(), text: text)
    }

    static func index(_ file: ArticleFile, _ article: Article, path: String, in db: Database) throws {
        var st = stat()
        stat(path, &st)
        let name = String(path.split(separator: "/").last ?? "")
        // Indexed again (a file changed by hand): its old rows go first.
        if let old = try Int64.fetchOne(db, sql: "SELECT rowid FROM article WHERE file = ? OR id = ?", arguments: [name, file.id]) {
            try forget(old, in: db)
        }
        let speech = article.quotes.filter { $0.kind == .speech }
        try db.execute(sql: """
            INSERT INTO article (id, file, title, source, publication, date, origin, hash, added, quotes, size, mtime)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [file.id, name, file.title, file.source, file.publication, file.date, file.origin, file.hash, file.added,
                             speech.count, Int64(st.st_size), Int64(st.st_mtim.tv_sec)])
        let rowid = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO article_text (rowid, title, body) VALUES (?, ?, ?)",
                       arguments: [rowid, file.title, file.text])
        let quote = try db.makeStatement(sql: "INSERT INTO quote (article, start, end, text, speaker) VALUES (?, ?, ?, ?, ?)")
        for q in speech {
            try quote.execute(arguments: [rowid, q.source.lowerBound, q.source.upperBound, q.text, q.speaker])
        }
        let mention = try db.makeStatement(sql: "INSERT INTO mention (article, party, type, start, end) VALUES (?, ?, ?, ?, ?)")
        for m in article.mentions {
            try mention.execute(arguments: [rowid, article.parties[m.party].name, m.type.rawValue, m.source.lowerBound, m.source.upperBound])
        }
        let alias = try db.makeStatement(sql: "INSERT INTO alias (alias, party, article) VALUES (?, ?, ?)")
        for p in article.parties {
            for a in p.aliases where a != p.name { try alias.execute(arguments: [a, p.name, rowid]) }
        }
    }

    /// Drops an article's index rows (its quotes, mentions and aliases go with it).
    static func forget(_ rowid: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM article_text WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM article WHERE rowid = ?", arguments: [rowid])
    }

    // MARK: - Removing

    /// Removes stored articles (file, index rows, reading state). Returns the ids found.
    @discardableResult
    public func remove(_ ids: [String]) throws(StoreError) -> [String] {
        var removed: [String] = []
        for id in ids {
            guard let article = try stored(id) else { continue }
            if unlink(article.path) != 0 && errno != ENOENT {
                throw .io("\(article.path): \(String(cString: strerror(errno)))")
            }
            removed.append(article.id)
        }
        guard !removed.isEmpty else { return [] }
        AtomicFile.syncFolder(of: articlesFolder + "/x")
        try write { db in
            for id in removed {
                if let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM article WHERE id = ?", arguments: [id]) {
                    try Self.forget(rowid, in: db)
                }
                try db.execute(sql: "DELETE FROM reading WHERE id = ?", arguments: [id])
            }
        }
        try saveReadingFile()
        return removed
    }

    // MARK: - Reading

    /// One stored article by id (or a unique prefix of one).
    public func stored(_ id: String) throws(StoreError) -> StoredArticle? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: Self.select + " WHERE substr(a.id, 1, length(?1)) = ?1 LIMIT 2", arguments: [id])
            return rows.count == 1 ? self.article(rows[0]) : rows.first { ($0[0] as String) == id }.map(self.article)
        }
    }

    /// Stored articles, for lists.
    public func list(_ query: LibraryQuery = LibraryQuery()) throws(StoreError) -> [StoredArticle] {
        var sql = Self.select
        var arguments: StatementArguments = []
        var conditions: [String] = []
        if query.unreadOnly { conditions.append("coalesce(r.read, 0) = 0") }
        if let party = query.party {
            conditions.append("a.rowid IN (\(Self.partyArticles))")
            arguments += [party, party]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        switch query.sort {
        case .date: sql += " ORDER BY coalesce(a.date, substr(a.added, 1, 10)) DESC, a.added DESC"
        case .title: sql += " ORDER BY a.title COLLATE NOCASE, a.added DESC"
        case .source: sql += " ORDER BY a.source IS NULL, a.source COLLATE NOCASE, a.added DESC"
        }
        return try read { db in
            var out: [StoredArticle] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { out.append(self.article(row)) }
            return out
        }
    }

    /// Articles mentioning a party, by its canonical name or any alias it went by
    /// ("Kerry" finds the articles that name John Kerry).
    static let partyArticles = """
        SELECT article FROM mention WHERE party = ?1
        UNION SELECT article FROM mention WHERE party IN (SELECT party FROM alias WHERE alias = ?2)
        """

    /// Full-text search over titles and text, best first, with a snippet each.
    public func search(_ text: String, limit: Int = 200) throws(StoreError) -> [StoredArticle] {
        let query = Self.ftsQuery(text)
        guard !query.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.columns), bm25(article_text, 5.0, 1.0) AS rank,
                       snippet(article_text, 1, '[', ']', '…', 12) AS snip
                FROM article_text JOIN article a ON a.rowid = article_text.rowid
                LEFT JOIN reading r ON r.id = a.id
                WHERE article_text MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [query, limit]).map { row in
                var a = self.article(row)
                a.snippet = row["snip"]
                a.rank = row["rank"]
                return a
            }
        }
    }

    /// The words of a query as an FTS5 query: each word quoted (so no word is taken for
    /// syntax), all required; a trailing `*` keeps its prefix meaning.
    static func ftsQuery(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            var w = String(word)
            let prefix = w.hasSuffix("*")
            if prefix { w.removeLast() }
            w = w.replacingOccurrences(of: "\"", with: "\"\"")
            guard !w.isEmpty else { return nil }
            return "\"\(w)\"" + (prefix ? "*" : "")
        }.joined(separator: " ")
    }

    /// The stored text of an article (what the reader opens).
    public func text(of id: String) throws(StoreError) -> SourceText {
        guard let a = try stored(id) else { throw .noSuchArticle(id) }
        let bytes: [UInt8]
        do { bytes = try ArticleLoader().read(path: a.path) } catch { throw .io("\(a.path): \(error)") }
        return SourceText(try ArticleFile.parse(bytes).text)
    }

    /// Where the reader was in an article.
    public func reading(_ id: String) throws(StoreError) -> ReadingState? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM reading WHERE id = ?", arguments: [id]).map {
                ReadingState(position: $0["position"], read: ($0["read"] as Int) != 0, lastOpened: $0["last_opened"])
            }
        }
    }

    /// Keeps where the reader is in an article (and whether it is read).
    public func setReading(_ id: String, position: Int, read: Bool) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO reading (id, position, read, last_opened) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET position = excluded.position, read = excluded.read,
                    last_opened = excluded.last_opened
                """, arguments: [id, position, read ? 1 : 0, Self.now()])
        }
        try saveReadingFile()
    }

    // MARK: - Files and index in line

    /// Indexes article files the index does not know (or that changed) and forgets the
    /// ones that are gone. Returns how many were indexed and how many dropped.
    @discardableResult
    public func sync() throws(StoreError) -> (added: Int, removed: Int) {
        // Files come and go by renames and unlinks, which change the folder's mtime: the
        // same mtime as at the last scan means nothing came or went (an article edited in
        // place by hand is seen once the folder changes).
        var folderStat = stat()
        guard stat(articlesFolder, &folderStat) == 0 else { throw .io("\(articlesFolder): \(String(cString: strerror(errno)))") }
        let folderStamp = "\(folderStat.st_mtim.tv_sec).\(folderStat.st_mtim.tv_nsec)"
        let lastStamp: String? = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'folder'") }
        if lastStamp == folderStamp { return (0, 0) }
        var files: [String: (size: Int64, mtime: Int64)] = [:]
        guard let dir = opendir(articlesFolder) else { throw .io("\(articlesFolder): \(String(cString: strerror(errno)))") }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasSuffix(".txt"), !name.hasPrefix(".") else { continue }
            var st = stat()
            guard stat(articlesFolder + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            files[name] = (Int64(st.st_size), Int64(st.st_mtim.tv_sec))
        }
        closedir(dir)
        let known: [String: (size: Int64, mtime: Int64)] = try read { db in
            var out: [String: (Int64, Int64)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT file, size, mtime FROM article") {
                out[row["file"]] = (row["size"], row["mtime"])
            }
            return out
        }
        let gone = known.keys.filter { files[$0] == nil }
        let new = files.filter { name, f in known[name].map { $0.size != f.size || $0.mtime != f.mtime } ?? true }.keys.sorted()
        var indexed: [(ArticleFile, Article, String)] = []
        for name in new {
            let path = articlesFolder + "/" + name
            guard let bytes = try? ArticleLoader().read(path: path) else { continue }
            if let file = try? ArticleFile.parse(bytes) {
                indexed.append((file, analyzer.analyze(SourceText(file.text)), path))
            } else if let adopted = adopt(bytes, name: name) {
                indexed.append(adopted)
            }
        }
        if !gone.isEmpty || !indexed.isEmpty {
            try write { db in
                for name in gone {
                    if let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM article WHERE file = ?", arguments: [name]) {
                        try Self.forget(rowid, in: db)
                    }
                }
                for (file, article, path) in indexed { try Self.index(file, article, path: path, in: db) }
            }
        }
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('folder', ?)", arguments: [folderStamp]) }
        return (indexed.count, gone.count)
    }

    /// A plain article dropped into `articles/` by hand becomes a stored one: cleaned,
    /// given its header, written as `ID.txt`; the dropped file goes once that is durable.
    private func adopt(_ bytes: [UInt8], name: String) -> (ArticleFile, Article, String)? {
        let path = articlesFolder + "/" + name
        let source: SourceText
        do { source = try ArticleLoader().load(bytes: bytes) } catch {
            notes.append("\(path): \(error); left alone")
            return nil
        }
        let file = cleaned(source, origin: path, fallbackTitle: String(name.dropLast(4)))
        let (id, text) = (file.id, file.text)
        let target = articlesFolder + "/" + id + ".txt"
        if target != path {
            if access(target, F_OK) == 0 {
                notes.append("\(path): the same article is stored as \(id); left alone")
                return nil
            }
            guard (try? AtomicFile.write(file.serialized(), to: target)) != nil else { return nil }
            unlink(path)
            AtomicFile.syncFolder(of: path)
        } else {
            guard (try? AtomicFile.write(file.serialized(), to: target)) != nil else { return nil }
        }
        notes.append("\(name): added to the library as \(id)")
        return (file, analyzer.analyze(SourceText(text)), target)
    }

    /// The reading state as a file beside the index (id, position, read, last opened),
    /// rewritten atomically after each change: the index can be rebuilt, this cannot.
    func saveReadingFile() throws(StoreError) {
        let rows: [Row] = try read { db in try Row.fetchAll(db, sql: "SELECT * FROM reading ORDER BY id") }
        var text = "# id\tposition\tread\tlast opened\n"
        for r in rows {
            text += "\(r["id"] as String)\t\(r["position"] as Int)\t\(r["read"] as Int)\t\((r["last_opened"] as String?) ?? "")\n"
        }
        try AtomicFile.write(Array(text.utf8), to: readingPath)
    }

    func restoreReadingState() throws(StoreError) {
        guard let bytes = try? ArticleLoader().read(path: readingPath) else { return }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        try write { db in
            for line in lines where !line.hasPrefix("#") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard f.count >= 3, let position = Int(f[1]), let read = Int(f[2]) else { continue }
                try db.execute(sql: "INSERT OR REPLACE INTO reading (id, position, read, last_opened) VALUES (?, ?, ?, ?)",
                               arguments: [f[0], position, read, f.count > 3 && !f[3].isEmpty ? f[3] : nil])
            }
        }
    }

    // MARK: - What the library learns of each site

    /// Counts of a publication's blocks, read from the index once per publication and
    /// added to as a batch is stored.
    struct SiteCounts {
        var counts: [String: [UInt64: Int]] = [:]
        mutating func add(_ publication: String, _ prints: Set<UInt64>) {
            for p in prints { counts[publication, default: [:]][p, default: 0] += 1 }
        }
    }

    /// The fingerprints of the blocks a publication's stored pages have had often enough
    /// to be its furniture.
    func siteFurniture(_ publication: String, counts: inout SiteCounts) throws(StoreError) -> Set<UInt64> {
        if counts.counts[publication] == nil {
            let rows: [Row] = try read { db in
                try Row.fetchAll(db, sql: "SELECT fingerprint, articles FROM site_block WHERE publication = ?", arguments: [publication])
            }
            var known: [UInt64: Int] = [:]
            for r in rows { known[UInt64(bitPattern: r[0] as Int64)] = r[1] }
            counts.counts[publication] = known
        }
        return Set(counts.counts[publication]!.filter { $0.value >= SiteBlocks.articlesToLearn }.keys)
    }

    /// The site furniture the library knows for a publication (for `lede clean`, the reader).
    public func siteFurniture(_ publication: String) -> Set<UInt64> {
        var counts = SiteCounts()
        return (try? siteFurniture(publication, counts: &counts)) ?? []
    }

    static func count(_ learnt: [(publication: String, fingerprints: Set<UInt64>)], in db: Database) throws {
        let upsert = try db.makeStatement(sql: """
            INSERT INTO site_block (publication, fingerprint, articles) VALUES (?, ?, 1)
            ON CONFLICT(publication, fingerprint) DO UPDATE SET articles = articles + 1
            """)
        for (publication, prints) in learnt {
            for p in prints { try upsert.execute(arguments: [publication, Int64(bitPattern: p)]) }
        }
    }

    /// Appends a batch's pages to the plain file: one line per page, its publication then
    /// its fingerprints in hex. Appending costs what the batch costs, however large the
    /// library; a line cut short by a crash (no newline) is skipped when read.
    func appendSiteBlocks(_ learnt: [(publication: String, fingerprints: Set<UInt64>)]) throws(StoreError) {
        guard !learnt.isEmpty else { return }
        var text = ""
        for (publication, prints) in learnt {
            text += ArticleFile.oneLine(publication).replacingOccurrences(of: "\t", with: " ")
            for p in prints.sorted() { text += "\t" + String(p, radix: 16) }
            text += "\n"
        }
        let fd = open(siteBlocksPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw .io("\(siteBlocksPath): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .io("\(siteBlocksPath): \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// A rebuilt index gets the site counts back from the plain file.
    func restoreSiteBlocks() throws(StoreError) {
        guard let bytes = try? ArticleLoader().read(path: siteBlocksPath) else { return }
        var learnt: [(publication: String, fingerprints: Set<UInt64>)] = []
        // Only whole lines: the last one, without its newline, was cut short by a crash.
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2 else { continue }
            let prints = f.dropFirst().compactMap { UInt64($0, radix: 16) }
            guard prints.count == f.count - 1 else { continue }
            learnt.append((String(f[0]), Set(prints)))
        }
        try write { db in try Self.count(learnt, in: db) }
    }

    // MARK: - Helpers

    /// The columns `article(_:)` reads, by position (names cost a lookup per row, and a
    /// list is 10,000 rows).
    static let columns = "a.id, a.title, a.source, a.date, a.file, a.quotes, coalesce(r.read, 0), a.added, a.publication"
    static let select = "SELECT \(columns) FROM article a LEFT JOIN reading r ON r.id = a.id"

    func article(_ row: Row) -> StoredArticle {
        StoredArticle(id: row[0], title: row[1], source: row[2], publication: row[8], date: row[3],
                      path: articlesFolder + "/" + (row[4] as String), quotes: row[5],
                      read: (row[6] as Int) != 0, added: row[7])
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try db.read(body) } catch { throw .database("\(error)") }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try db.write(body) } catch { throw .database("\(error)") }
    }

    static func now() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }
}
