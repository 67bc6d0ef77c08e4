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
