import Testing
import Foundation
import LedeCore
@testable import LedeUI

/// A library in memory: what the app loop needs of one, recording what it is told.
final class FakeLibrary: LibraryService {
    var articles: [(StoredArticle, String)]
    var readingState: [String: ReadingState] = [:]
    var saves: [(id: String, position: Int, read: Bool)] = []
    var added: [String] = []
    let location = "/home/me/.local/share/lede"

    init(_ texts: [(id: String, text: String, date: String?)]) {
        articles = texts.map { t in
            let title = String(t.text.split(separator: "\n").first ?? "")
            let quotes = ArticleAnalyzer().analyze(SourceText(t.text)).quotes.filter { $0.kind == .speech }.count
            return (StoredArticle(id: t.id, title: title, source: nil, date: t.date, path: "/lib/\(t.id).txt",
                                  quotes: quotes, read: false, added: "2026-11-29T10:00:00Z"), t.text)
        }
    }

    func list(_ query: LibraryQuery) throws -> [StoredArticle] {
        var out = articles.map { a in
            var s = a.0
            s.read = readingState[s.id]?.read ?? false
            return s
        }
        if query.unreadOnly { out = out.filter { !$0.read } }
        if let party = query.party {
            out = out.filter { s in
                let text = articles.first { $0.0.id == s.id }!.1
                return ArticleAnalyzer().analyze(SourceText(text)).parties.contains { $0.name == party || $0.aliases.contains(party) }
            }
        }
        switch query.sort {
        case .date: out.sort { ($0.date ?? "") > ($1.date ?? "") }
        case .title: out.sort { $0.title < $1.title }
        case .source: break
        }
        return out
    }

    func search(_ words: String) throws -> [StoredArticle] {
        try list(LibraryQuery()).filter { s in
            articles.first { $0.0.id == s.id }!.1.lowercased().contains(words.lowercased())
        }.map { var s = $0; s.snippet = "…[\(words)]…"; return s }
    }

    func text(of id: String) throws -> SourceText { SourceText(articles.first { $0.0.id == id }!.1) }
    func reading(_ id: String) throws -> ReadingState? { readingState[id] }
    func setReading(_ id: String, position: Int, read: Bool) throws {
        saves.append((id, position, read))
        readingState[id] = ReadingState(position: position, read: read, lastOpened: nil)
    }
    func add(path: String) throws -> String { added.append(path); return "added to the library as abc" }
    /// A publication's furniture, as a library learns it from stored pages.
    var furniture: [String: Set<UInt64>] = [:]
    func siteFurniture(_ publication: String) -> Set<UInt64> { furniture[publication] ?? [] }
    func remove(_ id: String) throws { articles.removeAll { $0.0.id == id } }
}

/// Long enough to scroll in a 60x10 terminal.
let longTalks = talks + "\n\n" + (1...12).map { "Paragraph \($0): the talks went on into the night, and nobody in the hall would say when they might end." }.joined(separator: "\n\n")

@Suite struct LibraryViewTests {
    func app(_ library: FakeLibrary, width: Int = 100, height: Int = 12) -> (ReaderApp, ScriptedTerminal) {
        let t = ScriptedTerminal(width: width, height: height)
        let app = ReaderApp(terminal: t, files: [], library: library)
        app.start()
        app.settle()
        return (app, t)
    }

    func status(_ app: ReaderApp) -> String { render(app.state).text(row: app.state.height - 1) }

    let library = {
        FakeLibrary([("a1", longTalks, "2025-03-03"), ("b2", sample, "2024-01-01"),
                     ("c3", "Bridge reopens\n\n“Traffic will flow again,” said Mayor Linda Cho in Riverton.", nil)])
    }

    @Test func noPathOpensTheLibraryNewestFirstWithUnreadMarks() {
        let (app, t) = app(library())
        #expect(app.state.listMode == .library(LibraryQuery()))
        #expect(app.state.entries.map(\.title) == ["Harbour talks collapse", "Harbour talks collapse", "Bridge reopens"])
        let frame = t.lastFrame!
        #expect(frame.text(row: 0).hasPrefix(" • Harbour talks collapse"))
        #expect(frame.text(row: 1).hasPrefix("   2025-03-03 · 4 quotations"))
        #expect(status(app).hasPrefix(" library · 3 articles · newest first"))
    }

    @Test func sortAndUnreadOnly() {
        let lib = library()
        let (app, _) = app(lib)
        app.press(.char("s"))
        #expect(status(app).contains("library: 3 articles, by title"))
        #expect(app.state.entries.first?.title == "Bridge reopens")
        lib.readingState["c3"] = ReadingState(position: 0, read: true, lastOpened: nil)
        app.press(.char("u"))
        #expect(app.state.entries.map(\.stored!.id) == ["a1", "b2"])
        #expect(status(app).contains("unread only"))
        app.press(.char("u"))
        #expect(app.state.entries.count == 3)
    }

    @Test func searchTheLibraryAndComeBack() {
        let (app, _) = app(library())
        app.press(.char("/"))
        #expect(app.state.prompt?.kind == .librarySearch)
        for c in "riverton" { app.press(.char(c)) }
        app.press(.enter)
        #expect(app.state.listMode == .search("riverton"))
        #expect(app.state.entries.map(\.title) == ["Bridge reopens"])
        #expect(render(app.state).text(row: 1).contains("…[riverton]…"))
        app.press(.char("/"))
        for c in "zebra" { app.press(.char(c)) }
        app.press(.enter)
        #expect(app.state.message == "nothing in the library matches “zebra”")
        #expect(app.state.entries.count == 1, "an empty result keeps the list")
        app.press(.escape)
        #expect(app.state.listMode == .library(LibraryQuery()))
        #expect(app.state.entries.count == 3)
    }

    @Test func readingPositionIsKeptAndRestored() {
        let lib = library()
        let (app, _) = app(lib, width: 60, height: 10)
        app.press(.enter)  // into the first article: now read
        #expect(lib.saves.last?.read == true)
        for _ in 0..<9 { app.press(.char("j")) }
        let top = app.state.topText!
        let words = render(app.state).text(row: 0)
        app.press(.char("q"))  // back to the list
        app.press(.char("j"))  // another article: the first one's place is kept
        let saved = lib.saves.last!
        #expect(saved.id == "a1" && saved.position > 0 && saved.read)
        app.press(.char("k"))
        #expect(app.state.topText == top, "reopened at the same place")
        app.press(.enter)  // one pane at a time at 60 columns: into the article
        #expect(render(app.state).text(row: 0) == words)
        #expect(app.state.entries[0].stored?.read == true)
    }

    @Test func closingKeepsThePlace() {
        let lib = library()
        let (app, _) = app(lib, width: 60, height: 10)
        app.press(.enter)
        for _ in 0..<5 { app.press(.char("j")) }
        let before = lib.saves.count
        app.apply(.closing)
        #expect(lib.saves.count == before + 1)
        #expect(lib.saves.last!.position > 0)
    }

    @Test func removeAsksFirst() {
        let lib = library()
        let (app, _) = app(lib)
        app.press(.char("d"))
        #expect(status(app).contains("Remove “Harbour talks collapse” from the library? (y/n)"))
        app.press(.char("n"))
        #expect(app.state.message == "kept")
        #expect(lib.articles.count == 3)
        app.press(.char("d"))
        app.press(.char("y"))
        #expect(lib.articles.count == 2)
        #expect(app.state.entries.count == 2)
        #expect(app.state.message == "removed “Harbour talks collapse”")
    }

    @Test func articlesMentioningAPartyFromTheOverlay() {
        let (app, _) = app(library())
        app.press(.enter)
        app.press(.char("P"))
        let rows = overlayRows(app.state).rows
        let reyes = rows.firstIndex { $0.text.contains("Daniel Reyes") }!
        while app.state.overlayRow < reyes { app.press(.char("j")) }
        app.press(.char("M"))
        #expect(app.state.listMode == .party("Daniel Reyes"))
        #expect(app.state.entries.map(\.stored!.id) == ["a1", "b2"])
        #expect(status(app).contains("mention Daniel Reyes"))
        app.press(.char("q"))
        #expect(app.state.listMode == .library(LibraryQuery()), "q goes back from results")
        #expect(!app.state.quitting)
        app.press(.char("q"))
        #expect(app.state.quitting)
    }

    @Test func addTheOpenFile() {
        let lib = FakeLibrary([])
        let t = ScriptedTerminal(width: 80, height: 12)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardizedFileURL.path
        let app = ReaderApp(terminal: t, files: [samples + "/us-russia-syria-pact.txt"], library: lib)
        app.start()
        app.press(.char("a"))
        #expect(lib.added == [samples + "/us-russia-syria-pact.txt"])
        #expect(app.state.message == "added to the library as abc")
        app.press(.char("d"))
        #expect(app.state.message == "not a stored article")
    }

    /// `lede FILE`: the article is on screen before the library is opened; attached after,
    /// the library works and its opening note shows in the status bar.
    @Test func theLibraryIsAttachedAfterTheFirstFrame() {
        let lib = FakeLibrary([])
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples").standardizedFileURL.path
        let t = ScriptedTerminal(width: 80, height: 12, script: [.key(.char("a")), .key(.char("q"))])
        let app = ReaderApp(terminal: t, files: [samples + "/us-russia-syria-pact.txt"])
        var framesBefore = -1
        let status = app.run(afterFirstFrame: { app in
            framesBefore = t.frames
            #expect(render(app.state).text(row: 0).contains("US to offer Russia"))
            app.attach(library: lib, notes: ["library index rebuilt from 3 article files"])
            #expect(render(app.state).text(row: app.state.height - 1).contains("library index rebuilt"))
        })
        #expect(status == 0)
        #expect(framesBefore == 1)
        #expect(lib.added == [samples + "/us-russia-syria-pact.txt"])
    }

    /// A page read before the library opened is read again with what the library knows of
    /// its site: its furniture goes, the reader stays where it was, and says why.
    @Test func thePageIsCleanedWithTheLibrarysSiteMemoryOnceItOpens() throws {
        let footer = "Get the Coast Herald morning briefing delivered to your inbox every day of the week."
        let page = "Harbour talks collapse | The Coast Herald\n\nBy Ann Lee\n\n“We have been patient for months,” said Daniel Reyes of the union.\n\nTalks will resume on Monday, the union said, after a week in which the port stood still.\n\n\(footer)\n"
        let path = NSTemporaryDirectory() + "lede-site-\(UUID().uuidString.prefix(8)).txt"
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lib = FakeLibrary([])
        lib.furniture["The Coast Herald"] = SiteBlocks.fingerprints(of: SourceText(footer))
        let app = ReaderApp(terminal: ScriptedTerminal(width: 80, height: 30), files: [path])
        app.start()
        let text = { (0..<app.state.bodyHeight).map { render(app.state).text(row: $0) }.joined(separator: "\n") }
        #expect(text().contains("Coast Herald morning briefing"), "no library yet: the page as it is")
        app.attach(library: lib)
        app.settle()
        #expect(!text().contains("Coast Herald morning briefing"))
        #expect(text().contains("Talks will resume on Monday"))
        #expect(app.state.message == "cleaned with what the library knows of The Coast Herald")
        // A site the library knows nothing of is not read again.
        let other = FakeLibrary([])
        let again = ReaderApp(terminal: ScriptedTerminal(width: 80, height: 30), files: [path])
        again.start()
        again.attach(library: other)
        again.settle()
        #expect(again.state.message == nil)
    }

    /// Removing the article the reader is on drops what it had chosen in it: the next
    /// article's status bar never reads a quotation of the removed one.
    @Test func removingTheOpenArticleForgetsItsCurrentQuote() {
        let (app, _) = app(library(), width: 60, height: 10)
        app.press(.enter)
        app.press(.char("]"))
        app.press(.char("]"))
        #expect(app.state.currentQuote != nil)
        app.press(.char("q"))
        app.press(.char("d"))
        app.press(.char("y"))
        #expect(app.state.currentQuote == nil)
        app.press(.enter)
        _ = render(app.state)  // the next article draws (it used to index the old quote)
        #expect(app.state.entries.count == 2)
    }

    @Test func anEmptyLibraryShowsTheWelcomeWithItsPlace() {
        let (app, t) = app(FakeLibrary([]), width: 120)
        #expect(app.state.entries.isEmpty)
        let text = (0..<t.lastFrame!.height).map { t.lastFrame!.text(row: $0) }.joined(separator: "\n")
        #expect(text.contains("Library: /home/me/.local/share/lede — empty"))
    }
}

@Suite struct ListDetailsTests {
    @Test func theListNamesThePublicationBeforeTheByline() {
        let a = StoredArticle(id: "abc", title: "Harbour talks stall", source: "By Jane Roe", publication: "The Coast Herald",
                              date: "2025-03-03", path: "/lib/abc.txt", quotes: 2, read: false, added: "2026-11-29T10:00:00Z")
        #expect(details(a) == "2025-03-03 · The Coast Herald · By Jane Roe · 2 quotations")
        var unsigned = a
        unsigned.source = nil
        #expect(details(unsigned) == "2025-03-03 · The Coast Herald · 2 quotations")
    }
}
