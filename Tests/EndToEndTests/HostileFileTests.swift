import Foundation
import Testing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The hostile files' folder, removed when the test process ends (56 MB of them).
nonisolated(unsafe) var hostileFolderToRemove: String?

/// Files that try to break Lede, made by the tests themselves, through every command and
/// the reader: a one-line error or a correct result, exit status 0, 1 or 2 (never a
/// signal), in time proportional to the input, memory bounded.
@Suite(.serialized) struct HostileFileTests {
    /// The hostile files, written once per test run into a temporary folder.
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "lede-hostile-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        hostileFolderToRemove = dir
        atexit {
            guard let dir = hostileFolderToRemove else { return }
            chmod(dir + "/unreadable.txt", 0o644)
            try? FileManager.default.removeItem(atPath: dir)
        }
        func write(_ name: String, _ bytes: [UInt8]) {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
        }
        func text(_ s: String) -> [UInt8] { Array(s.utf8) }
        var rng = SystemRandomNumberGenerator()
        write("binary.txt", (0..<65_536).map { i in i % 7 == 0 ? 0 : UInt8.random(in: 0...255, using: &rng) })
        write("invalid-utf8.txt", text("Caf") + [0xC3] + text(" owners said John Smith.\n\n“Good,” said ") + [0xE2, 0x80] + text(" Smith.\n"))
        write("cp1252.txt", [0x93] + text("We stay,") + [0x94] + text(" said Ana Ruiz at the caf") + [0xE9] + text(" in Lisbon.\n"))
        let utf16 = "Title\n\n“We stay,” said John Kerry in Moscow.\n"
        write("utf16le-bom.txt", [0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        write("utf16be-bom.txt", [0xFE, 0xFF] + utf16.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        write("utf16le-no-bom.txt", utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let sentence = "The talks went on and on, and nobody in the hall would say when they might end. "
        write("one-50mb-line.txt", text(String(repeating: sentence, count: (50 << 20) / sentence.utf8.count) + "“Enough,” said John Kerry."))
        write("million-paragraphs.txt", text(String(repeating: "word\n\n", count: 1_000_000)))
        let marks = ["“", "”", "\"", "‘", "’", "'", "«", "»", "word ", "said Kerry "]
        write("unbalanced-quotes.txt", text("Title\n\n" + (0..<10_000).map { marks[($0 * 7919) % marks.count] }.joined() + "\n"))
        write("nested-quotes.txt", text("Title\n\n" + String(repeating: "“‘\"«", count: 2500) + "deep" + String(repeating: "»\"’”", count: 2500) + " said Kerry.\n"))
        write("only-whitespace.txt", text(" \t\n\n\u{00A0}\u{2003}\r\n   \n"))
        write("crlf-and-cr.txt", text("Title\r\n\r\n“One,” said John Kerry.\r\n\r\nTwo\rthree said Lavrov.\r\r“Four,” he said.\r"))
        write("tabs.txt", text("Title\t\t\there\n\n\t“Tabbed,”\tsaid\tJohn Kerry\tin\tParis.\n"))
        write("escapes.txt", text("Title \u{1B}]0;pwned\u{7}\n\n\u{1B}[2J\u{1B}[HThe mayor said \"we \u{1B}]52;c;cHduZWQ=\u{7} will\" and \u{1B}]8;;http://x.test\u{1B}\\link\u{1B}]8;;\u{1B}\\ then \u{1B}P1$qm\u{1B}\\ \u{9B}2J \u{7}\u{8}\u{7F} left.\n"))
        write("bidi.txt", text("Title\n\n" + String(repeating: "\u{202E} said Kerry \u{202C} \u{2066} word \u{2069} \u{200F}", count: 5000) + "\n"))
        write("zero-width-and-combining.txt", text("Title\n\nA" + String(repeating: "\u{301}", count: 100_000) + " said Kerry.\n\n"
            + String(repeating: "\u{200B}\u{200D}\u{FEFF}", count: 30_000) + "\n\n" + String(repeating: "e\u{301}\u{302}\u{303}\u{304} ", count: 20_000) + "\n"))
        write("emoji.txt", text("Title 🇫🇷🇯🇵\n\n“Yes 👩‍👩‍👧‍👦,” said John Kerry 🏳️‍🌈 at the meeting in Paris on Monday, where the talks went on into the night.\n\n"
            + "The ministers said that they would meet again in the spring, and that the family 👨‍👩‍👧 of flags 🇫🇷🇯🇵🇺🇳 would stay.\n\n"
            + String(repeating: "👩🏽‍💻🇺🇳🏴‍☠️ ", count: 20_000) + "\n"))
        mkfifo(dir + "/fifo.txt", 0o644)
        symlink(dir + "/loop-b.txt", dir + "/loop-a.txt")
        symlink(dir + "/loop-a.txt", dir + "/loop-b.txt")
        symlink("/dev/zero", dir + "/dev-zero.txt")
        try? FileManager.default.createDirectory(atPath: dir + "/a-directory.txt", withIntermediateDirectories: true)
        write("unreadable.txt", text("Title\n\n“Secret,” said John Kerry.\n"))
        chmod(dir + "/unreadable.txt", 0)
        return dir
    }()

    static let names: [String] = [
        "binary.txt", "invalid-utf8.txt", "cp1252.txt", "utf16le-bom.txt", "utf16be-bom.txt", "utf16le-no-bom.txt",
        "one-50mb-line.txt", "million-paragraphs.txt", "unbalanced-quotes.txt", "nested-quotes.txt",
        "only-whitespace.txt", "crlf-and-cr.txt", "tabs.txt", "escapes.txt", "bidi.txt",
        "zero-width-and-combining.txt", "emoji.txt", "fifo.txt", "loop-a.txt", "dev-zero.txt",
        "a-directory.txt", "unreadable.txt",
    ]

    /// What must come of a file when it cannot be read (nil: it must be read).
    static let refusals: [String: String] = [
        "binary.txt": "looks like a binary file, not text",
        "utf16le-no-bom.txt": "looks like a binary file, not text",
        "only-whitespace.txt": "empty or only whitespace",
        "fifo.txt": "not a regular file",
        "dev-zero.txt": "not a regular file",
        "loop-a.txt": "too many levels of symbolic links",
        "a-directory.txt": "is a directory",
    ]

    static func size(_ path: String) -> Double {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Double(st.st_size) / 1_048_576 : 0
    }

    @Test(arguments: names)
    func everyCommand(_ name: String) throws {
        let path = Self.folder + "/" + name
        let home = NSTemporaryDirectory() + "lede-hostile-home-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let megabytes = Self.size(path)
        // Debug builds on a shared machine: generous, but proportional to the input.
        let limit = 20 + 4 * megabytes
        for command in ["show", "clean", "quotes", "parties", "analyze", "add"] {
            let r = Run.start(Run.lede, [command, path], env: ["LEDE_HOME": home]).wait(limit: limit)
            let what = "\(command) \(name)"
            #expect(!r.timedOut, "\(what) ran past \(Int(limit)) s")
            #expect([0, 1, 2].contains(r.status), "\(what) ended with \(r.status): \(r.stderr.prefix(300))")
            // Bounded by the input: a fixed allowance plus a multiple of its size (a million
            // tiny paragraphs cost more per byte than prose).
            #expect(r.maxRSS < 400_000 + Int(96 * 1024 * megabytes), "\(what) peaked at \(r.maxRSS) KiB")
            #expect(!r.stdout.contains("\u{1B}"), "\(what) printed an escape")
            if r.status != 0 {
                let lines = r.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].hasPrefix("lede: "), "\(what): \(r.stderr.prefix(300))")
            }
            if command == "show", let reason = Self.refusals[name] {
                if name == "a-directory.txt" {
                    #expect(r.status == 1 && r.stderr.hasSuffix(": \(reason)\n"), "\(what): \(r.stderr)")
                } else {
                    #expect(r.status == 1 && r.stderr == "lede: \(path): \(reason)\n", "\(what): \(r.stderr)")
                }
            } else if command == "show", name != "unreadable.txt" || getuid() == 0 {
                #expect(r.status == 0, "\(what): \(r.stderr.prefix(300))")
            }
        }
    }

    @Test func readResultsAreRight() {
        func show(_ name: String) -> String { Run.lede(["show", Self.folder + "/" + name]).stdout }
        #expect(show("cp1252.txt").contains("“We stay,” said Ana Ruiz at the café in Lisbon."))
        #expect(show("utf16le-bom.txt").contains("“We stay,” said John Kerry in Moscow."))
        #expect(show("utf16be-bom.txt").contains("“We stay,” said John Kerry in Moscow."))
        #expect(Run.lede(["quotes", Self.folder + "/crlf-and-cr.txt"]).stdout.contains("John Kerry: “One,”"))
        #expect(Run.lede(["quotes", Self.folder + "/tabs.txt"]).stdout.contains("John Kerry: “Tabbed,”"))
        #expect(show("escapes.txt").contains("\u{241B}]0;pwned"))
        #expect(show("emoji.txt").contains("👩‍👩‍👧‍👦"))
    }

    @Test func aFileThatGrowsOrVanishesWhileRead() throws {
        let path = NSTemporaryDirectory() + "lede-growing-\(UUID().uuidString.prefix(8)).txt"
        defer { unlink(path) }
        try "Title\n\n“Start,” said John Kerry.\n".write(toFile: path, atomically: true, encoding: .utf8)
        // A writer appends as fast as it can while lede reads; then the file goes.
        final class Stop: Sendable { let flag = Mutex(false) }
        let stop = Stop()
        let writer = Thread {
            guard let h = FileHandle(forWritingAtPath: path) else { return }
            let line = Data("More words, said Lavrov in Moscow, and more.\n".utf8)
            var written = 0
            while !stop.flag.withLock({ $0 }) && written < 20 << 20 { h.seekToEndOfFile(); h.write(line); written += line.count }
            try? h.close()
        }
        writer.start()
        usleep(20_000)
        for command in ["show", "analyze"] {
            let r = Run.start(Run.lede, [command, path]).wait(limit: 60)
            #expect(!r.timedOut && [0, 1].contains(r.status), "\(command): \(r.status) \(r.stderr.prefix(200))")
        }
        stop.flag.withLock { $0 = true }
        usleep(50_000)
        let started = Run.start(Run.lede, ["show", path])
        unlink(path)
        let r = started.wait(limit: 30)
        #expect(!r.timedOut && [0, 1].contains(r.status))
        if r.status == 1 { #expect(r.stderr == "lede: \(path): no such file\n") }
    }

    @Test func theReaderOpensEachAndQuits() throws {
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("tmux is not installed"); return
        }
        let socket = NSTemporaryDirectory() + "lede-hostile-tmux-\(UUID().uuidString.prefix(8))"
        let home = NSTemporaryDirectory() + "lede-hostile-rhome-\(UUID().uuidString.prefix(8))"
        func t(_ args: [String]) -> RunResult { Run.run(tmux, ["-S", socket] + args) }
        defer { _ = t(["kill-server"]); try? FileManager.default.removeItem(atPath: home) }
        func screen(until done: (String) -> Bool, seconds: Double = 60) -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var text = ""
            while Date() < deadline {
                text = t(["capture-pane", "-p"]).stdout
                if done(text) { break }
                usleep(100_000)
            }
            return text
        }
        _ = t(["new-session", "-d", "-x", "100", "-y", "30", "sleep 600"])
        for name in Self.names {
            let path = Self.folder + "/" + name
            _ = t(["respawn-pane", "-k", "TERM=xterm-256color LANG=C.UTF-8 LEDE_HOME='\(home)' '\(Run.lede)' '\(path)'; echo EXIT=$?; sleep 600"])
            // A frame with the status bar (an article, or the file's error in the pane).
            let first = screen { $0.contains("EXIT=") || $0.contains("quote person org place") || $0.contains(name) }
            if !first.contains("EXIT=") { _ = t(["send-keys", "q"]) }
            let end = screen { $0.contains("EXIT=") }
            #expect(end.contains("EXIT=0") || end.contains("EXIT=1"), "\(name): \(end.suffix(200))")
            #expect(!end.contains("EXIT=13") && !end.contains("EXIT=14"), "\(name) ended by a signal")
        }
    }
}
