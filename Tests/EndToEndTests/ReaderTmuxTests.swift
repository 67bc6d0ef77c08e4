import Testing
import Foundation
import LedeCore

/// The real binary in a real (detached) terminal: tmux, driven by send-keys and read by
/// capture-pane. tmux is started with posix_spawn (see Run), never Foundation.Process.
@Suite(.serialized) struct ReaderTmuxTests {
    let socket = NSTemporaryDirectory() + "lede-tmux-\(UUID().uuidString.prefix(8))"
    /// A library of the test's own: never the user's.
    let home = NSTemporaryDirectory() + "lede-tmux-home-\(UUID().uuidString.prefix(8))"
    let seed = Run.samples + "/us-russia-syria-pact.txt"

    var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func t(_ args: [String]) -> RunResult { Run.run(tmux!, ["-S", socket] + args) }

    func finish() {
        _ = t(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The pane's text once `predicate` holds (or the last capture after `seconds`).
    func capture(until predicate: (String) -> Bool, seconds: Double = 30) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while Date() < deadline {
            text = t(["capture-pane", "-p"]).stdout
            if predicate(text) { return text }
            usleep(100_000)
        }
        return text
    }

    /// The pane once lede has handled every key and resize sent before, waiting for a state,
    /// never for time: `h` turns highlighting off, whose note ("highlighting off", at the end
    /// of the status bar, drawn last) can only show once the keys before it are handled;
    /// a second `h` turns it on again, and the legend is back. An article must be open.
    func synced(seconds: Double = 30) -> String {
        keys("h")
        _ = capture(until: { $0.split(separator: "\n").last?.contains("highlighting off") == true }, seconds: seconds)
        keys("h")
        return capture(until: { text in
            let status = text.split(separator: "\n").last ?? ""
            return status.contains("quote person org place") && !status.contains("highlighting off")
        }, seconds: seconds)
    }

    /// Starts `lede ARG` in a detached 100x30 session; the shell then prints its status.
    func start(_ arg: String, after: String = "") -> Bool {
        let command = "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)' '\(arg)'; echo EXIT=$?; \(after) sleep 30"
        return t(["new-session", "-d", "-x", "100", "-y", "30", command]).status == 0
    }

    @Test func jumpThroughTheSeedsQuotesAndQuitWithCtrlC() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(seed, after: "stty -a;"))
        let first = capture { $0.contains("US to offer Russia") }
        #expect(first.contains("US to offer Russia anti-terror pact in Syria: Report"))
        #expect(!first.contains("Subscribe"))
        _ = t(["send-keys", "]"])
        _ = t(["send-keys", "]"])
        let second = capture { $0.contains("quote 2/3") }
        #expect(second.contains("quote 2/3 — John Kerry"))
        // Colours reach the terminal: the quote is drawn in its own colour.
        let styled = t(["capture-pane", "-e", "-p"]).stdout
        #expect(styled.contains("\u{1B}["))
        _ = t(["send-keys", "C-c"])
        // stty prints after the status: wait for both.
        let after = capture { $0.contains("EXIT=") && $0.contains("icanon") }
        #expect(after.contains("EXIT=130"))
        let words = after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(words.contains("icanon") && words.contains("echo"), "the terminal is back in canonical mode with echo")
    }

    @Test func quitWithQLeavesStatusZero() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(Run.samples))
        let list = capture { $0.contains("Tokyo café") && $0.contains("│") }
        #expect(list.contains("│"), "list and reader side by side")
        _ = t(["send-keys", "q"])
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    func keys(_ keys: String...) { _ = t(["send-keys"] + keys) }

    /// Processes whose command line names `path` and that are lede (from /proc).
    func processes(mentioning path: String) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                  let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let args = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return args.first?.hasSuffix("/lede") == true && args.contains(path) ? pid : nil
        }
    }

    /// Sends text literally (no key names).
    func typeText(_ text: String) { _ = t(["send-keys", "-l", text]) }

    @Test func overlaysAndSearchOnTheSeed() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(seed))
        _ = capture { $0.contains("US to offer Russia") }
        keys("Q")
        // Wait for the whole frame, not its first row: curses may be caught mid-update.
        let quotes = capture { $0.contains("Who said what") && $0.contains("John Kerry: ") }
        #expect(quotes.contains("Who said what — 3 quotations"))
        #expect(quotes.contains("John Kerry: "))
        keys("Escape", "P")
        let parties = capture { $0.contains("People (") && $0.contains("Places (") }
        #expect(parties.contains("John Kerry ×"))
        #expect(parties.contains("also Kerry"))
        #expect(parties.contains("Places ("))
        keys("Escape", "/")
        typeText("Lavrov")
        keys("Enter")
        let found = capture { $0.contains("/Lavrov match 1/1 (n N)") }
        #expect(found.contains("/Lavrov match 1/1 (n N)"))
        // The match the reader is on is drawn in reverse video, apart from other matches.
        let reversed = { (s: String) in s.range(of: "7m(\u{1B}\\[[0-9;]*m)*Lavrov", options: .regularExpression) != nil }
        var styled = ""
        for _ in 0..<300 where !reversed(styled) {
            styled = t(["capture-pane", "-e", "-p"]).stdout
            usleep(100_000)
        }
        #expect(reversed(styled))
        keys("?")
        let help = capture { $0.contains("Keys") && $0.contains("next quotation") }
        #expect(help.split(separator: "\n").contains { $0.contains("│ ]  ") && $0.hasSuffix("next quotation") || $0.contains("│ ]  ") && $0.contains("next quotation ") })
        keys("Escape", "q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func aBadPathInTheOpenPromptLosesNothing() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(Run.samples))
        _ = capture { $0.contains("Tokyo café") }
        keys("o")
        typeText("/nowhere/at/all.txt")
        keys("Enter")
        let failed = capture { $0.contains("no such file") && $0.contains("Tokyo café") }
        #expect(failed.contains("Open: /nowhere/at/all.txt"))
        #expect(failed.contains("/nowhere/at/all.txt: no such file or directory"))
        #expect(failed.contains("Tokyo café"), "the list is still there")
        keys("C-u")
        typeText(Run.samples + "/wide-char")
        keys("Tab")
        _ = capture { $0.contains("wide-characters-tokyo.txt") }
        keys("Enter")
        let opened = capture { $0.contains("Shinjuku") && $0.contains("喫茶さくら") }
        #expect(opened.contains("喫茶さくら"))
        keys("q", "q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func resizeKeepsTheSentenceAtTheTop() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(seed))
        _ = capture { $0.contains("US to offer Russia") }
        for _ in 0..<12 { keys("j") }
        _ = capture { !$0.hasPrefix(" US to offer") && !$0.isEmpty }
        let before = synced()
        let top = before.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let firstWords = top.split(separator: " ").prefix(2).joined(separator: " ")
        #expect(!firstWords.isEmpty)
        _ = t(["resize-window", "-x", "50", "-y", "20"])
        _ = capture { ($0.split(separator: "\n").last?.count ?? 0) <= 50 }  // the status bar is 50 wide
        let after = synced()
        #expect(after.split(separator: "\n").prefix(2).contains { $0.contains(firstWords) }, "\(firstWords) stays at the top")
        _ = t(["resize-window", "-x", "100", "-y", "30"])
        _ = capture { ($0.split(separator: "\n").last?.count ?? 0) > 50 }
        let back = synced()
        #expect(back.split(separator: "\n").prefix(2).contains { $0.contains(firstWords) })
        keys("q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func escapeSequencesInAnArticleChangeNothing() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        let path = NSTemporaryDirectory() + "lede-hostile-\(UUID().uuidString.prefix(8)).txt"
        let hostile = "Harbour \u{1B}]0;pwned\u{7}talks\n\n\u{1B}[2J\u{1B}[H“We are patient,” said Daniel Reyes \u{1B}]52;c;cHduZWQ=\u{7}of the union, \u{1B}]8;;http://evil.test\u{1B}\\a link\u{1B}]8;;\u{1B}\\ and \u{1B}P1$qm\u{1B}\\ \u{202E}reversed.\n"
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = t(["new-session", "-d", "-x", "100", "-y", "30", "sleep 30"])
        _ = t(["select-pane", "-T", "lede-test-title"])
        _ = t(["respawn-pane", "-k", "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)' '\(path)'; echo EXIT=$?; sleep 30"])
        let screen = capture { $0.contains("Daniel Reyes") && $0.contains("quote person org place") }
        #expect(screen.contains("␛"), "escapes show as placeholders")
        #expect(screen.contains("Harbour"))
        #expect(screen.split(separator: "\n").last?.contains("quote person org place") == true, "the status bar is where it belongs")
        #expect(t(["display-message", "-p", "#{pane_title}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "lede-test-title")
        keys("q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
        #expect(t(["display-message", "-p", "#{pane_title}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "lede-test-title")
    }

    @Test func ctrlZSuspendsAndFgRepaints() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        _ = t(["new-session", "-d", "-x", "100", "-y", "30", "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' PS1='$ ' bash --norc --noprofile -i"])
        _ = capture { $0.contains("$") }
        typeText("'\(Run.lede)' '\(seed)'")
        keys("Enter")
        _ = capture { $0.contains("US to offer Russia") }
        keys("C-z")
        let suspended = capture { $0.contains("Stopped") }
        #expect(suspended.contains("Stopped"))
        #expect(!suspended.contains("quote person org place"), "the shell has the screen back")
        typeText("fg")
        keys("Enter")
        let back = capture { $0.contains("US to offer Russia") && $0.contains("quote person org place") }
        #expect(back.contains("US to offer Russia"))
        keys("q")
        // Type into the shell only once lede has gone (on a busy machine it takes a moment).
        _ = capture { !$0.contains("quote person org place") }
        typeText("echo EXIT=$?")
        keys("Enter")
        // Wait for the shell's answer, a line of its own: the typed command holds "EXIT=" too,
        // and a capture between the echo of the keys and the answer saw only that.
        let answered = capture { $0.split(separator: "\n").contains { $0.hasPrefix("EXIT=") } }
        #expect(answered.split(separator: "\n").contains("EXIT=0"))
    }

    @Test func withoutAPathAWelcomeScreenThenOpen() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        _ = t(["new-session", "-d", "-x", "100", "-y", "30", "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)'; echo EXIT=$?; sleep 30"])
        let welcome = capture { $0.contains("Nothing is open yet.") }
        #expect(welcome.contains("o        open a file or folder"))
        keys("o")
        typeText(Run.samples)
        keys("Enter")
        let opened = capture { $0.contains("Tokyo café") && $0.contains("│") }
        #expect(opened.contains("│"), "a folder opens its articles beside the reader")
        keys("q", "q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func mouseClickSelectsAndTheWheelScrollsWithMouseOn() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        _ = t(["new-session", "-d", "-x", "100", "-y", "30", "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)' --mouse '\(Run.samples)'; echo EXIT=$?; sleep 30"])
        _ = capture { $0.contains("Tokyo café") }
        // SGR mouse reports, as a terminal sends them: a click on the third entry's title
        // (column 5, row 5, 1-based), then two wheel-downs over the reading pane.
        typeText("\u{1B}[<0;5;5M")
        typeText("\u{1B}[<0;5;5m")
        let clicked = capture { $0.split(separator: "\n").first?.contains("Dock workers walk out as harbour talks") == true }
        let title = clicked.split(separator: "\n").first ?? ""
        #expect(title.hasSuffix("Dock workers walk out as harbour talks collapse") || title.contains("│ Dock workers"))
        typeText("\u{1B}[<65;60;10M")
        typeText("\u{1B}[<65;60;10M")
        let scrolled = capture { !($0.split(separator: "\n").first?.contains("│ Dock workers") ?? true) }
        #expect(!(scrolled.split(separator: "\n").first?.contains("│ Dock workers") ?? true), "the wheel scrolled the article")
        keys("q", "q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test(arguments: [("TERM", 143), ("HUP", 129)])
    func aSignalRestoresTheTerminalWithItsStatus(signal: String, status: Int) throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        // A copy under a unique name, so that pkill finds this reader and no other.
        let path = NSTemporaryDirectory() + "lede-signal-\(UUID().uuidString.prefix(8)).txt"
        try FileManager.default.copyItem(atPath: seed, toPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(start(path, after: "stty -a;"))
        _ = capture { $0.contains("US to offer Russia") && $0.contains("quote person org place") }
        let pids = processes(mentioning: path)
        #expect(pids.count == 1)
        for pid in pids { kill(pid, signal == "TERM" ? SIGTERM : SIGHUP) }
        let after = capture { $0.contains("EXIT=") && $0.contains("icanon") }
        #expect(after.contains("EXIT=\(status)"))
        let words = after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(words.contains("icanon") && words.contains("echo"))
    }

    @Test func theLibraryReopensAtTheSamePlace() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(Run.lede(["add", Run.samples], env: ["LEDE_HOME": home]).status == 0)
        let command = "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)'; echo EXIT=$?; sleep 30"
        func openKerry(first: Bool) -> String {
            // The second time, the same pane starts lede again (the server stays up).
            _ = first ? t(["new-session", "-d", "-x", "100", "-y", "30", command]) : t(["respawn-pane", "-k", command])
            _ = capture { $0.contains("library · 6 articles · newest first") }
            keys("/")
            typeText("kerry")
            keys("Enter")
            _ = capture { $0.contains("found for “kerry”") && $0.contains("…US Secretary of State") }
            keys("Enter")
            return synced()
        }
        let first = openKerry(first: true)
        #expect(first.split(separator: "\n").first?.contains("US to offer Russia") == true)
        for _ in 0..<15 { keys("j") }
        let before = synced()
        let top = before.split(separator: "\n").first.map { String($0.split(separator: "│").last ?? "").trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(!top.isEmpty && !top.hasPrefix("US to offer Russia"))
        keys("q", "q", "q")  // the article, the results, the library
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
        let again = openKerry(first: false)
        let againTop = again.split(separator: "\n").first.map { String($0.split(separator: "│").last ?? "").trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(againTop == top, "reopened at the same sentence")
        keys("q", "q", "q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    /// The layout and the terminal agree on every cluster's width: CJK, emoji (with
    /// variation selectors, flags, joined families) and combining marks in titles beside the
    /// list's separator, and in the article. If they disagreed, tmux would put the cells
    /// elsewhere and the separator would not be at the list's width on every row.
    @Test func wideAndCombiningCharactersKeepTheColumns() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        let folder = NSTemporaryDirectory() + "lede-widths-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let titles = ["喫茶さくら opens a second café in 新宿 at last",
                      // (Not ❤\u{FE0F}: tmux 3.3 draws a text character with VS16 one column
                      // wide, other terminals two. The canvas gives it two and places every
                      // cell itself, so it leaves a blank in tmux, never a tear, but a width
                      // counted from the capture would be one too many.)
                      "Cafe\u{301} owners say 👍 and 🎉 to the new rules",
                      "Flags 🇯🇵 🇫🇷 and families 👩\u{200D}👩\u{200D}👧 at the fair",
                      "Ångström, naïve, Z\u{0335}a\u{0301}l\u{0308}g\u{0327}o and ｆｕｌｌ ｗｉｄｔｈ"]
        for (i, title) in titles.enumerated() {
            let body = "“\(title), and more,” said Jane Roe of the \(["Tokyo", "Paris", "Lyon", "Oslo"][i]) fair."
            try "\(title)\n\n\(body)\n\n\(body)\n".write(toFile: folder + "/\(i).txt", atomically: true, encoding: .utf8)
        }
        #expect(start(folder))
        // Every file read (the list shows each one's quotations) and the article drawn.
        let screen = capture { $0.components(separatedBy: "2 quotations").count == 5 && $0.contains("quote person org place") && $0.contains("said Jane Roe") }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let separators = rows.compactMap { row -> Int? in
            guard let bar = row.firstIndex(of: "│") else { return nil }
            return DisplayWidth.of(row[..<bar])
        }
        #expect(separators.count >= 20, "\(screen)")
        #expect(Set(separators).count == 1, "the separator is in one column on every row: \(separators)\n\(screen)")
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 100 }, "\(screen)")
        // What terminals draw in different widths is drawn so that all agree: a flag as its
        // letters, a joined emoji sequence as its first emoji; nothing leaks onto a row.
        #expect(screen.contains("Flags JP FR and families 👩 at the"), "\(screen)")
        #expect(!screen.unicodeScalars.contains { $0.value == 0x200D }, "\(screen)")
        #expect(screen.contains("喫茶さくら opens a second café in 新宿 at last"), "\(screen)")
        keys("q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func aResizeStormKeepsTheReaderAliveAndItsPlace() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { finish() }
        #expect(start(seed))
        _ = capture { $0.contains("US to offer Russia") && $0.contains("quote person org place") }
        for _ in 0..<10 { keys("j") }
        let before = synced()
        let top = before.split(separator: "\n").first.map(String.init) ?? ""
        // Hundreds of sizes, 1x1 among them, as fast as tmux takes them.
        var rng = SystemRandomNumberGenerator()
        var sizes = (0..<300).map { _ in (Int.random(in: 1...160, using: &rng), Int.random(in: 1...60, using: &rng)) }
        sizes.insert((1, 1), at: 150)
        sizes.append((1, 1))
        for (w, h) in sizes { _ = t(["resize-window", "-x", "\(w)", "-y", "\(h)"]) }
        _ = t(["resize-window", "-x", "100", "-y", "30"])
        // A busy machine may take a while over the storm: wait for a whole 100x30 frame.
        _ = capture(until: { text in
            let lines = text.split(separator: "\n")
            return lines.count > 10 && (lines.last?.count ?? 0) > 50 && lines.last?.contains("quote person org place") == true
        }, seconds: 60)
        let after = synced()
        #expect(after.contains("quote person org place"), "still drawing after the storm")
        #expect(after.split(separator: "\n").first.map(String.init) == top, "the same text at the top")
        keys("q")
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
