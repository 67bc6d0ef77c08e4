import Foundation
import GRDB
import Testing
import LedeCore
@testable import LedeStore

/// A library in a fresh temporary folder, removed afterwards.
final class TempLibrary {
    let root = NSTemporaryDirectory() + "lede-store-\(UUID().uuidString.prefix(8))"
    deinit { try? FileManager.default.removeItem(atPath: root) }
    func open() throws -> Library { try Library(root: root) }
}

let harbour = """
Harbour talks collapse

By Ann Lee

March 3, 2025

“We have been patient for months,” said Daniel Reyes of the Transport Union in Portsmouth.

The port authority said it would not change its offer. “The offer stands,” said Maria Okafor, who chairs the authority.

“It is a mess,” Reyes added.
"""

let bridge = """
Bridge reopens after repairs

The Elm Street bridge reopened on Tuesday after eight months of repairs, the city said.

“Traffic will flow again,” said Mayor Linda Cho at the ribbon cutting in Riverton.
"""

let choir = """
Village choir wins national title

The Ashcombe choir won the national championship on Saturday.

“We did not expect it,” said choirmaster Eileen Hartley. The mayor of Riverton sent her congratulations.
"""

func add(_ library: Library, _ texts: String..., origin: String? = nil) throws -> [Library.AddOutcome] {
    try library.add(texts.map { (SourceText($0), origin) })
}

@Suite struct LibraryTests {
    @Test func addListAndTheFileIsPlainText() throws {
        let t = TempLibrary()
        let library = try t.open()
        let outcomes = try add(library, harbour, bridge, origin: "/news/x.txt")
        guard case .added(let first) = outcomes[0] else { Issue.record("not added"); return }
        #expect(first.title == "Harbour talks collapse")
        #expect(first.source == "Ann Lee", "the byline's names")
        #expect(first.date == "2025-03-03")
        #expect(first.quotes == 3)
        let file = try String(contentsOfFile: first.path, encoding: .utf8)
        #expect(file.hasPrefix("Lede-Article: 1\nId: \(first.id)\nTitle: Harbour talks collapse\n"))
        #expect(file.contains("\n\nHarbour talks collapse\n\nBy Ann Lee"))
        #expect(file.contains("Origin: /news/x.txt\n"))
        let list = try library.list()
        // Newest first: the undated one counts from when it was added (today).
        #expect(list.map(\.title) == ["Bridge reopens after repairs", "Harbour talks collapse"])
        #expect(try library.list(LibraryQuery(sort: .title)).map(\.title) == ["Bridge reopens after repairs", "Harbour talks collapse"])
        #expect(try library.text(of: first.id).string.hasPrefix("Harbour talks collapse\n\nBy Ann Lee"))
    }

    @Test func theSameContentIsADuplicate() throws {
        let t = TempLibrary()
        let library = try t.open()
        _ = try add(library, harbour)
        let again = try add(library, harbour + "\n\nSubscribe now for unlimited access.", harbour)
        guard case .duplicate(let id, let title) = again[0] else { Issue.record("stored twice"); return }
        #expect(title == "Harbour talks collapse")
        #expect(try library.list().count == 1)
        #expect(try library.stored(id) != nil)
        #expect(again.count == 2)
    }

    @Test func removeTakesFileIndexAndReadingState() throws {
        let t = TempLibrary()
        let library = try t.open()
        guard case .added(let a) = try add(library, harbour)[0] else { return }
        try library.setReading(a.id, position: 40, read: true)
        #expect(try library.remove([String(a.id.prefix(6))]) == [a.id])
        #expect(try library.list().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: a.path))
        #expect(try library.reading(a.id) == nil)
        #expect(try library.remove(["nope"]).isEmpty)
    }

    @Test func searchRanksAndSnippets() throws {
        let t = TempLibrary()
        let library = try t.open()
        _ = try add(library, harbour, bridge, choir)
        let hits = try library.search("riverton")
        #expect(Set(hits.map(\.title)) == ["Bridge reopens after repairs", "Village choir wins national title"])
        #expect(hits.allSatisfy { $0.snippet?.contains("[Riverton]") == true })
        #expect(try library.search("harbour talks").first?.title == "Harbour talks collapse")
        #expect(try library.search("patien*").count == 1)
        // Words that look like query syntax are words.
        #expect(try library.search("\"AND OR NOT (").isEmpty)
        #expect(try library.search("   ").isEmpty)
    }

    @Test func articlesMentioningAPartyByNameOrAlias() throws {
        let t = TempLibrary()
        let library = try t.open()
        _ = try add(library, harbour, bridge, choir)
        #expect(try library.list(LibraryQuery(party: "Daniel Reyes")).map(\.title) == ["Harbour talks collapse"])
        #expect(try library.list(LibraryQuery(party: "reyes")).map(\.title) == ["Harbour talks collapse"])
        #expect(Set(try library.list(LibraryQuery(party: "Riverton")).map(\.title)) == ["Bridge reopens after repairs", "Village choir wins national title"])
        #expect(try library.list(LibraryQuery(party: "Nobody Atall")).isEmpty)
    }

    @Test func readingStateSurvivesARestartAndAnIndexRebuild() throws {
        let t = TempLibrary()
        guard case .added(let a) = try add(try t.open(), harbour, bridge)[0] else { return }
        try t.open().setReading(a.id, position: 123, read: true)
        #expect(try t.open().reading(a.id) == ReadingState(position: 123, read: true, lastOpened: try t.open().reading(a.id)?.lastOpened))
        #expect(try t.open().list(LibraryQuery(unreadOnly: true)).map(\.title) == ["Bridge reopens after repairs"])
        // The index goes; the files and the reading file bring it all back.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: t.root + "/index.sqlite" + suffix) }
        let rebuilt = try t.open()
        #expect(rebuilt.notes == ["library index rebuilt from 2 article files"])
        #expect(try rebuilt.list().count == 2)
        #expect(try rebuilt.reading(a.id)?.position == 123)
        #expect(try rebuilt.search("patient").count == 1)
    }

    @Test func thePublicationIsStoredListedAndRebuilt() throws {
        let t = TempLibrary()
        guard case .added(let a) = try add(try t.open(), "Harbour talks stall | The Coast Herald\n\n" + harbour.split(separator: "\n", maxSplits: 1)[1])[0]
        else { Issue.record("not added"); return }
        #expect(a.title == "Harbour talks stall")
        #expect(a.publication == "The Coast Herald")
        let file = try String(contentsOfFile: a.path, encoding: .utf8)
        #expect(file.contains("\nPublication: The Coast Herald\n"))
        #expect(file.contains("\n\nHarbour talks stall\n\n"), "the stored text has the headline without the site")
        #expect(try t.open().list().first?.publication == "The Coast Herald")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: t.root + "/index.sqlite" + suffix) }
        #expect(try t.open().list().first?.publication == "The Coast Herald", "a rebuilt index reads it from the file")
    }

    @Test func anIndexFromBeforeThePublicationIsMigratedAndKeepsReadingState() throws {
        let t = TempLibrary()
        guard case .added(let a) = try add(try t.open(), harbour, bridge)[0] else { return }
        try t.open().setReading(a.id, position: 42, read: true)
        // Yesterday's index: no publication column, and no record of that migration.
        try t.open().write { db in
            try db.execute(sql: "ALTER TABLE article DROP COLUMN publication")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3: publication'")
        }
        let migrated = try t.open()
        #expect(migrated.notes.isEmpty, "migrated in place, not rebuilt")
        #expect(try migrated.list().count == 2)
        #expect(try migrated.reading(a.id)?.position == 42)
        let columns = try migrated.read { db in try db.columns(in: "article").map(\.name) }
        #expect(columns.contains("publication"))
    }

    /// A page of a site: its own story, and the footer every page of the site carries
    /// (article-like: only the library can tell it is furniture).
    func sitePage(_ site: String, _ n: Int, _ story: String) -> String {
        """
        Story \(n) about the harbour | \(site)

        Story \(n) about the harbour

        \(story)

        The \(site) is an independent newspaper owned by its readers, and every story we publish is paid for by people who believe that local news matters.
        """
    }

    static let stories = [
        "The harbour board voted on Tuesday to close the old ferry pier for repairs before the winter storms arrive, after engineers found cracks.",
        "Fishermen said they wanted to be heard before any decision was taken, and the board agreed to hold a public meeting in the town hall.",
        "The lifeboat crew rescued two sailors off the point on Sunday night, the second rescue this month, and praised the coastguard for its speed.",
        "A new lighthouse keeper has started at the station, the first in twenty years, and says the long winter nights do not frighten her at all.",
    ]

    @Test func threeStoredArticlesOfASiteTeachItsFooterToTheFourth() throws {
        let t = TempLibrary()
        let library = try t.open()
        let pages = (0..<4).map { sitePage("Coast Herald", $0, Self.stories[$0]) }
        _ = try add(library, pages[0], pages[1], pages[2])
        // Another paper carrying the same block has not taught it.
        guard case .added(let other) = try add(library, sitePage("Bay Times", 9, Self.stories[3]))[0] else { return }
        #expect(try library.text(of: other.id).string.contains("independent newspaper"))
        guard case .added(let fourth) = try add(library, pages[3])[0] else { Issue.record("not added"); return }
        let text = try library.text(of: fourth.id).string
        #expect(!text.contains("independent newspaper"), "the footer goes from the fourth")
        #expect(text.contains("lighthouse keeper"), "the story stays")
        // The plain file brings the counts back to a rebuilt index.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: t.root + "/index.sqlite" + suffix) }
        #expect(try t.open().siteFurniture("Coast Herald").count >= 1)
        #expect(try t.open().siteFurniture("Bay Times").isEmpty)
    }

    @Test func theFourthOfABatchAlreadyLosesTheFooterAndLearningCanBeTurnedOff() throws {
        let t = TempLibrary()
        let pages = (0..<4).map { sitePage("Coast Herald", $0, Self.stories[$0]) }
        let outcomes = try add(try t.open(), pages[0], pages[1], pages[2], pages[3])
        guard case .added(let fourth) = outcomes[3] else { Issue.record("not added"); return }
        #expect(!(try t.open().text(of: fourth.id).string.contains("independent newspaper")))
        let plain = try t.open()
        plain.learnsSites = false
        guard case .added(let fifth) = try add(plain, sitePage("Coast Herald", 5, "The ferry timetable changes on Monday, with an extra crossing at dawn for workers at the harbour."))[0] else { return }
        #expect(try plain.text(of: fifth.id).string.contains("independent newspaper"))
    }

    @Test func aDamagedIndexIsRebuiltAndKeptAside() throws {
        let t = TempLibrary()
        guard case .added(let a) = try add(try t.open(), harbour, bridge)[0] else { return }
        try t.open().setReading(a.id, position: 77, read: true)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: t.root + "/index.sqlite" + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: t.root + "/index.sqlite"))
        let rebuilt = try t.open()
        #expect(rebuilt.notes.first?.hasPrefix("the library index was damaged") == true)
        #expect(try rebuilt.list().count == 2)
        #expect(FileManager.default.fileExists(atPath: t.root + "/index.sqlite.damaged"))
        #expect(try rebuilt.reading(a.id)?.position == 77, "the reading state comes back too")
        #expect(try rebuilt.stored("%") == nil, "an id is not a pattern")
    }

    @Test func filesDroppedInOrTakenOutByHand() throws {
        let t = TempLibrary()
        let library = try t.open()
        guard case .added(let a) = try add(library, harbour)[0] else { return }
        // A stored file copied in from another library, and a plain article dropped in.
        let other = TempLibrary()
        guard case .added(let b) = try add(try other.open(), bridge)[0] else { return }
        try FileManager.default.copyItem(atPath: b.path, toPath: library.articlesFolder + "/\(b.id).txt")
        try choir.write(toFile: library.articlesFolder + "/choir.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: a.path)
        let reopened = try t.open()
        #expect(Set(try reopened.list().map(\.title)) == ["Bridge reopens after repairs", "Village choir wins national title"])
        #expect(!FileManager.default.fileExists(atPath: library.articlesFolder + "/choir.txt"), "adopted under its id")
        #expect(reopened.notes.contains { $0.hasPrefix("choir.txt: added to the library as ") })
        // Not an article: left alone, said so, nothing else lost.
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: library.articlesFolder + "/junk.txt"))
        let again = try t.open()
        #expect(again.notes.contains { $0.contains("junk.txt") && $0.hasSuffix("left alone") })
        #expect(try again.list().count == 2)
    }

    @Test func twoLibrariesAddingAtOnceLoseNothing() async throws {
        let t = TempLibrary()
        _ = try t.open()
        let texts = (0..<40).map { i in "Report number \(i) on the harbour\n\n“Statement \(i) is final,” said Maria Okafor in Portsmouth on day \(i)." }
        let root = t.root
        try await withThrowingTaskGroup(of: Void.self) { group in
            for half in [0, 1] {
                group.addTask {
                    let library = try Library(root: root)
                    for i in stride(from: half, to: texts.count, by: 2) { _ = try library.add([(SourceText(texts[i]), nil)]) }
                }
            }
            try await group.waitForAll()
        }
        let library = try t.open()
        #expect(try library.list().count == 40)
        #expect(library.notes.isEmpty, "the index already knew every file")
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func whereTheLibraryLives() {
        setenv("LEDE_HOME", "/tmp/lh", 1)
        #expect(Library.defaultRoot() == "/tmp/lh")
        unsetenv("LEDE_HOME")
        setenv("XDG_DATA_HOME", "/tmp/xdg", 1)
        #expect(Library.defaultRoot() == "/tmp/xdg/lede")
        unsetenv("XDG_DATA_HOME")
        #expect(Library.defaultRoot().hasSuffix("/.local/share/lede"))
    }
}

/// Files added in a batch: nothing in place before the batch is committed, every file
/// whole after, no temporary file left either way.
@Suite struct AtomicBatchTests {
    @Test func commitPutsEveryFileInPlaceAndDiscardLeavesNothing() throws {
        let folder = NSTemporaryDirectory() + "lede-batch-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var batch = AtomicBatch()
        for i in 0..<3 { try batch.write(Array("article \(i)\n".utf8), to: folder + "/\(i).txt") }
        var names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 3 && names.allSatisfy { $0.contains(".tmp-") }, "nothing in place yet")
        try batch.commit()
        names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["0.txt", "1.txt", "2.txt"])
        #expect(try String(contentsOfFile: folder + "/2.txt", encoding: .utf8) == "article 2\n")
        var dropped = AtomicBatch()
        try dropped.write(Array("never\n".utf8), to: folder + "/3.txt")
        dropped.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names)
    }
}
