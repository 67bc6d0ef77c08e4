import ArgumentParser
import LedeCore
import LedeStore
#if canImport(Glibc)
import Glibc
#endif

extension Library {
    /// The library the commands use, its notes (an index rebuilt…) said on standard error.
    /// The library, if there is one, for a command that reads a file by path (`lede clean`):
    /// none is created; a library that cannot be opened is passed over with a warning.
    static func ifPresent() -> Library? {
        guard access(defaultRoot() + "/index.sqlite", F_OK) == 0 else { return nil }
        do { return try Library() } catch {
            warn("\(defaultRoot()): \(error.description); reading without the library")
            return nil
        }
    }

    static func forCommands() throws -> Library {
        do {
            let library = try Library()
            for note in library.notes { warn(note) }
            return library
        } catch {
            throw RuntimeFailure(path: Library.defaultRoot(), reason: error.description)
        }
    }
}

/// `lede add PATH...|-`
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Clean articles and store them in the library.",
        discussion: "Folders add their *.txt files. Articles already stored (the same cleaned text) are skipped and said so. On a terminal, long imports show a progress bar; piped, each file gets a line: added|duplicate<TAB>ID<TAB>PATH.")

    @Argument(help: "Article files and folders, or - for standard input.") var paths: [String]
    @Flag(help: "Do not drop the blocks the library has learnt are a site's furniture (a footer that three stored articles of the same publication had).")
    var noLibrary = false

    func run() throws {
        let library = try Library.forCommands()
        library.learnsSites = !noLibrary
        let files = ArticlePaths.expand(paths)
        let source = ArticleSource()
        let onTerminal = isatty(STDOUT_FILENO) == 1
        var progress = Progress(total: files.count, enabled: isatty(STDERR_FILENO) == 1 && files.count >= 20)
        var added = 0, duplicates = 0, failed = 0
        // In batches: the files of a batch are made durable together, then indexed in one
        // transaction, then reported.
        var batch: [(SourceText, String?, String)] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let outcomes: [Library.AddOutcome]
            do { outcomes = try library.add(batch.map { ($0.0, $0.1) }) }
            catch { throw RuntimeFailure(path: library.root, reason: error.description) }
            for (outcome, item) in zip(outcomes, batch) {
                switch outcome {
                case .added(let a):
                    added += 1
                    if !onTerminal { emit("added\t\(a.id)\t\(item.2)\n") }
                case .duplicate(let id, let title):
                    duplicates += 1
                    if onTerminal { progress.clear(); emit("skipped \(item.2): already stored as \(id) (\(title))\n") }
                    else { emit("duplicate\t\(id)\t\(item.2)\n") }
                }
            }
            batch.removeAll()
        }
        for path in files {
            do {
                let text = try source.text(path)
                batch.append((text, path == "-" ? nil : Self.absolute(path), path == "-" ? "<stdin>" : path))
            } catch let failure as RuntimeFailure {
                progress.clear()
                warn(failure.description)
                failed += 1
            }
            if batch.count >= 64 { try flush() }
            progress.step()
        }
        try flush()
        progress.clear()
        if onTerminal {
            var parts = ["\(added) added"]
            if duplicates > 0 { parts.append("\(duplicates) already stored") }
            if failed > 0 { parts.append("\(failed) could not be read") }
            emit(parts.joined(separator: ", ") + " (library: \(library.root))\n")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buf, buf.count) != nil else { return path }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
struct Progress {
    let total: Int
    let enabled: Bool
    var done = 0
    var drawn = false
    var last = ContinuousClock.now

    mutating func step() {
        done += 1
        guard enabled, ContinuousClock.now - last > .milliseconds(100) || done == total else { return }
        last = ContinuousClock.now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        writeAll(STDERR_FILENO, "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                 + "] \(done)/\(total)")
        drawn = true
    }

    mutating func clear() {
        guard drawn else { return }
        writeAll(STDERR_FILENO, "\r\u{1B}[K")
        drawn = false
    }
}

enum SortChoice: String, ExpressibleByArgument, CaseIterable {
    case date, title, source
}

/// `lede list`
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the stored articles, newest first.")

    @Flag(help: "Print a JSON array of {id, title, source, publication, date, path, quotes, read}.") var json = false
    @Option(help: "Order: date (newest first), title or source.") var sort: SortChoice = .date
    @Option(help: "Only articles that mention this party (a name or an alias it goes by).") var party: String?
    @Flag(help: "Only unread articles.") var unread = false

    func run() throws {
        let library = try Library.forCommands()
        let query = LibraryQuery(sort: LibraryQuery.Sort(rawValue: sort.rawValue) ?? .date, unreadOnly: unread, party: party)
        let articles: [StoredArticle]
        do { articles = try library.list(query) } catch { throw RuntimeFailure(path: library.root, reason: error.description) }
        if json {
            var w = JSONWriter()
            w.beginArray()
            for a in articles {
                w.beginObject()
                w.field("id", a.id); w.field("title", a.title); w.field("source", a.source)
                w.field("publication", a.publication); w.field("date", a.date)
                w.field("path", a.path); w.field("quotes", a.quotes); w.field("read", a.read)
                w.endObject()
            }
            w.endArray()
            emit(w.out + "\n")
            return
        }
        var out = ""
        for a in articles {
            let date = String((a.date ?? "").prefix(10)).padding(10)
            out += "\(a.read ? " " : "•") \(a.id)  \(date)  \(Sanitizer.display(a.title))"
            let who = [a.publication, a.source].compactMap { $0 }
            if !who.isEmpty { out += "  — \(Sanitizer.display(who.joined(separator: ", ")))" }
            out += "  (\(a.quotes) quotation\(a.quotes == 1 ? "" : "s"))\n"
        }
        emit(out)
    }
}

/// `lede search QUERY`
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the library's articles (full text, best first).",
                                                    discussion: "Every word must appear; word* matches words starting so.")

    @Argument(help: "Words to look for.") var words: [String]
    @Flag(help: "Print a JSON array of {id, title, snippet, rank}.") var json = false

    func run() throws {
        let library = try Library.forCommands()
        let hits: [StoredArticle]
        do { hits = try library.search(words.joined(separator: " ")) } catch { throw RuntimeFailure(path: library.root, reason: error.description) }
        if json {
            var w = JSONWriter()
            w.beginArray()
            for a in hits {
                w.beginObject()
                w.field("id", a.id); w.field("title", a.title); w.field("snippet", a.snippet); w.field("rank", a.rank)
                w.endObject()
            }
            w.endArray()
            emit(w.out + "\n")
            return
        }
        var out = ""
        for a in hits {
            out += "\(a.id)  \(Sanitizer.display(a.title))\n    \(Sanitizer.display(a.snippet ?? ""))\n"
        }
        emit(out)
    }
}

/// `lede rm ID...`
struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove stored articles (by id, or a unique start of one).")

    @Argument(help: "Article ids, as lede list shows them.") var ids: [String]

    func run() throws {
        let library = try Library.forCommands()
        var missing = false
        for id in ids {
            do {
                guard let a = try library.stored(id) else { warn("\(id): no such article in the library"); missing = true; continue }
                try library.remove([a.id])
                emit("removed \(a.id)  \(Sanitizer.display(a.title))\n")
            } catch {
                throw RuntimeFailure(path: library.root, reason: error.description)
            }
        }
        if missing { throw ExitCode(1) }
    }
}

/// `lede path`
struct LibraryPath: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print where the library is.")

    func run() throws { emit(Library.defaultRoot() + "\n") }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
