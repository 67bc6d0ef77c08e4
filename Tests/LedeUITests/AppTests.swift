import Testing
import Foundation
import LedeCore
@testable import LedeUI

/// The whole app (loop, worker, effects against real files) through the scripted terminal.
@Suite struct AppTests {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Samples").standardizedFileURL.path

    func screen(_ t: ScriptedTerminal) -> String {
        let f = t.lastFrame!
        return (0..<f.height).map { f.text(row: $0) }.joined(separator: "\n")
    }

    @Test func opensAFolderReadsTheRestInTheBackgroundAndQuits() {
        let t = ScriptedTerminal(width: 100, height: 30)
        let app = ReaderApp(terminal: t, files: ArticlePaths.expand([samples]))
        app.start()
        #expect(t.frames == 1)
        #expect(app.state.entries.count >= 6)
        #expect(app.state.entries[0].document != nil)
        app.settle()
        #expect(app.state.entries.allSatisfy { !$0.isPending })
        app.press(.char("G"))
        app.press(.enter)
        app.press(.char("]"))
        #expect(render(app.state).text(row: 29).contains("quote 1/"))
        #expect(app.run() == 0)  // the script ends in q keys: back to the list, then quit
    }

    func longFile(_ name: String, paragraphs: Int) throws -> (path: String, text: String, dir: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-preview-\(getpid())-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("long.txt").path
        let text = "Harbour report\n\n" + (0..<paragraphs).map { i in
            "Paragraph \(i) of the long report on the harbour talks, with enough words to be prose."
        }.joined(separator: "\n\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, text, dir)
    }

    func status(_ app: ReaderApp) -> String { render(app.state).text(row: app.state.height - 1) }

    @Test func aLongFileIsShownFromItsStartWhileTheRestIsRead() throws {
        let (path, text, dir) = try longFile("small", paragraphs: 400)
        defer { try? FileManager.default.removeItem(at: dir) }
        var loader = DocumentLoader()
        loader.previewAbove = 10_000
        loader.previewBytes = 8_000
        let t = ScriptedTerminal(width: 70, height: 10)
        let app = ReaderApp(terminal: t, files: [path], loader: loader)
        // The first frame is the file's start, read alone, ending at a line break.
        let head = try #require(app.state.entries[0].document?.source.utf8)
        #expect(app.state.entries[0].partial && head.count <= 8_000 && head.last == 0x0A)
        #expect(Array(text.utf8.prefix(head.count)) == head)
        app.start()
        #expect(screen(t).hasPrefix(" Harbour report"))
        #expect(status(app).contains("of the start (reading the rest…)"))
        // Keys work on the start meanwhile (and the status still says it is the start);
        // the place reached is kept when the whole arrives, and the note goes.
        app.apply(.key(.char("j")))
        app.apply(.key(.char("j")))
        app.apply(.key(.char("j")))
        #expect(status(app).contains("reading the rest"))
        let top = render(app.state).text(row: 0)
        app.settle()
        #expect(!app.state.entries[0].partial)
        #expect(app.state.entries[0].document?.source.utf8.count == text.utf8.count)
        #expect(render(app.state).text(row: 0) == top)
        #expect(!status(app).contains("reading the rest"))
        app.apply(.key(.char("G")))
        #expect((0..<9).contains { render(app.state).text(row: $0).contains("Paragraph 399") })
        // A short file, or anything but plain UTF-8, is read whole at once.
        #expect(loader.preview(samples + "/us-russia-syria-pact.txt") == nil)
        let utf16 = dir.appendingPathComponent("utf16.txt").path
        try text.data(using: .utf16)!.write(to: URL(fileURLWithPath: utf16))
        #expect(loader.preview(utf16) == nil)
    }

    @Test func theWholeCutInSectionsReplacesAStartReadAsOnePiece() throws {
        // A start under 1 MiB is one piece, the whole (over 1 MiB) is in sections: a place
        // far into the start is a paragraph the whole's first section does not have.
        let (path, text, dir) = try longFile("big", paragraphs: 14_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(text.utf8.count > Document.wholeLimit)
        var loader = DocumentLoader()
        loader.previewAbove = 100_000
        loader.previewBytes = 600_000
        let t = ScriptedTerminal(width: 70, height: 10)
        let app = ReaderApp(terminal: t, files: [path], loader: loader)
        #expect(app.state.entries[0].partial && app.state.document?.isSectioned == false)
        app.start()
        app.apply(.key(.char("G")))
        func firstText() -> String? {
            (0..<9).map { render(app.state).text(row: $0) }.first { $0.contains("Paragraph") }
        }
        let top = try #require(firstText())
        app.settle()
        #expect(app.state.document?.isSectioned == true && !app.state.entries[0].partial)
        #expect(firstText() == top)
    }

    @Test func openPromptAgainstTheFileSystem() {
        let t = ScriptedTerminal(width: 100, height: 30)
        let app = ReaderApp(terminal: t, files: [])
        app.start()
        #expect(screen(t).contains("Nothing is open yet."))
        app.press(.char("o"))
        for c in samples + "/us-russia" { app.press(.char(c)) }
        app.press(.tab)
        #expect(app.state.prompt?.text == samples + "/us-russia-syria-pact.txt")
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(app.state.entry?.title == "US to offer Russia anti-terror pact in Syria: Report")
        app.press(.char("o"))
        for c in "/no/such/file.txt" { app.press(.char(c)) }
        app.press(.enter)
        #expect(app.state.prompt?.error == "/no/such/file.txt: no such file or directory")
        #expect(app.state.entries.count == 1)
    }

    /// Opening reads off the UI loop: the prompt closes at once, the status says what is
    /// being read, keys are handled meanwhile, and the article shows when it is read.
    @Test func openingReadsInTheBackgroundWithANote() {
        let t = ScriptedTerminal(width: 100, height: 30)
        let app = ReaderApp(terminal: t, files: [])
        app.start()
        app.apply(.key(.char("o")))
        for c in samples + "/us-russia-syria-pact.txt" { app.apply(.key(.char(c))) }
        app.apply(.key(.enter))
        #expect(app.state.prompt == nil)
        // Worker results are applied only when the loop drains them: still pending here.
        #expect(app.state.entry?.isPending == true)
        #expect(render(app.state).text(row: 29).contains("reading us-russia-syria-pact.txt…"))
        app.apply(.key(.char("?")))  // a key while it is read
        #expect(app.state.overlay == .help)
        app.apply(.key(.escape))
        app.settle()
        #expect(app.state.entry?.title == "US to offer Russia anti-terror pact in Syria: Report")
        #expect(app.state.focus == .reader)
    }

    @Test func aSignalEndsTheLoopWithItsStatus() {
        let t = ScriptedTerminal(width: 80, height: 24, script: [.key(.char("j")), .signal(15)])
        let app = ReaderApp(terminal: t, files: [samples + "/us-russia-syria-pact.txt"])
        #expect(app.run() == 143)
    }
}
