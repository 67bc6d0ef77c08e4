import Testing
import Foundation

/// The `lede` binary's scriptable commands, run as a user would.
@Suite struct CommandLineTests {
    let seed = Run.samples + "/us-russia-syria-pact.txt"

    func json(_ s: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(s.utf8))
    }

    @Test func quotesJSON() throws {
        let r = Run.lede(["quotes", seed, "--json"])
        #expect(r.status == 0)
        let quotes = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(quotes.count == 3)
        let kerry = quotes.filter { $0["speaker"] as? String == "John Kerry" }
        #expect(kerry.count == 2)
        // Offsets are scalar offsets into the file as read: they point at the quote marks.
        let text = Array(try String(contentsOfFile: seed, encoding: .utf8).unicodeScalars)
        for q in quotes {
            let start = try #require(q["start"] as? Int), end = try #require(q["end"] as? Int)
            #expect(String(String.UnicodeScalarView(text[start..<end])) == q["text"] as? String)
        }
        let he = try #require(kerry.last)
        let s = try #require(he["speaker_start"] as? Int), e = try #require(he["speaker_end"] as? Int)
        #expect(String(String.UnicodeScalarView(text[s..<e])) == "he")
        for key in ["start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "quote"] {
            #expect(quotes[0].keys.contains(key), "missing \(key)")
        }
        let all = try #require(try json(Run.lede(["quotes", seed, "--json", "--all"]).stdout) as? [[String: Any]])
        #expect(all.contains { $0["text"] as? String == "\"caliphate\"" && $0["kind"] as? String == "term" })
    }

    /// Quotations are numbered 1…n, as the reader numbers them: the paragraphs of one
    /// quotation share a number, and quoted terms (with --all) have none.
    @Test func quotesAreNumberedOneToN() throws {
        let text = Run.lede(["quotes", Run.samples + "/harbour-strike-curly-quotes.txt"]).stdout
        let numbers = text.split(separator: "\n").compactMap { line in line.split(separator: ".").first.flatMap { Int($0) } }
        #expect(numbers.first == 1)
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 })
        #expect(Set(numbers).count < numbers.count, "the quotation over two paragraphs shares its number")
        let all = Run.lede(["quotes", seed, "--all"]).stdout
        #expect(all.contains("– (unattributed) [term]: \"caliphate\""))
        let json = try #require(try json(Run.lede(["quotes", seed, "--json", "--all"]).stdout) as? [[String: Any]])
        #expect(json.filter { $0["kind"] as? String == "speech" }.compactMap { $0["quote"] as? Int } == [1, 2, 3])
        #expect(json.filter { $0["kind"] as? String != "speech" }.allSatisfy { $0["quote"] is NSNull })
    }

    /// A text over 1 MiB is analysed in sections and written as it goes: one valid object
    /// whose offsets point into the whole file, quotations numbered on across sections.
    @Test func aLongTextIsAnalysedInSectionsAndStreamed() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: Run.samples).filter { $0.hasSuffix(".txt") }.sorted()
        let block = try samples.map { try String(contentsOfFile: Run.samples + "/" + $0, encoding: .utf8) }.joined(separator: "\n\n")
        var text = ""
        var k = 0
        while text.utf8.count < 1_300_000 {
            k += 1
            // Each copy told apart, so the cleaner does not take copies for site furniture.
            text += block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : $0 + " Part \(k)." }.joined(separator: "\n") + "\n\n"
        }
        let path = NSTemporaryDirectory() + "lede-long-\(UUID().uuidString.prefix(8)).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = Run.lede(["analyze", "--jsonl", path])
        #expect(r.status == 0)
        let object = try #require(try json(r.stdout) as? [String: Any])
        let scalars = Array(text.unicodeScalars)
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.count > 500)
        for p in [paragraphs[0], paragraphs[paragraphs.count / 2], paragraphs[paragraphs.count - 1]] {
            let start = try #require(p["start"] as? Int), end = try #require(p["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])).contains((p["text"] as? String ?? "").prefix(20)))
        }
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        let numbers = quotes.compactMap { $0["quote"] as? Int }
        #expect(numbers.first == 1 && numbers.count > 100)
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 }, "numbered on across sections")
        let last = try #require(quotes.last)
        let qs = try #require(last["start"] as? Int), qe = try #require(last["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[qs..<qe])) == last["text"] as? String)
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(parties.contains { $0["name"] as? String == "John Kerry" })
    }

    @Test func partiesJSONAndText() throws {
        let r = Run.lede(["parties", seed, "--json"])
        #expect(r.status == 0)
        let mentions = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(mentions.contains { $0["text"] as? String == "Kerry" && $0["canonical"] as? String == "John Kerry" && $0["type"] as? String == "PERSON" })
        let text = Run.lede(["parties", seed]).stdout
        #expect(text.contains("PERSON") && text.contains("John Kerry") && text.contains("(also: Kerry)"))
    }

    @Test func cleanExplainSaysWhyForEachBlock() {
        let out = Run.lede(["clean", seed, "--explain"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        // Each block: its class, the part it became and why, then its text indented.
        // The cleaner's class first, then what the structure made of the block.
        let title = lines.firstIndex { $0.dropFirst(9).hasPrefix("title ") }
        #expect(title.map { lines[$0 + 1].contains("US to offer Russia anti-terror pact") } == true)
        #expect(lines.contains { $0.hasPrefix("good     body ") && $0.contains("stop words") })
        #expect(lines.contains { $0.dropFirst(9).hasPrefix("byline ") && $0.contains("under 70 characters") })
        // The Shutterstock credit: dropped, and the rule that dropped it named.
        let credit = lines.firstIndex { $0.contains("image via Shutterstock") }
        #expect(credit.map { lines[$0 - 1].hasPrefix("bad      -          bad: ") } == true)
    }

    @Test func cleanAndShowPlainWhenPiped() {
        let body = Run.lede(["clean", seed, "--body"]).stdout
        #expect(body.hasPrefix("The United States is to offer"))
        #expect(!body.contains("Subscribe") && !body.contains("Shutterstock"))
        let shown = Run.lede(["show", seed])
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("\u{1B}["))
        let colored = Run.lede(["show", seed, "--color", "always"]).stdout
        #expect(colored.contains("\u{1B}["))
        // NO_COLOR does not override an explicit --color always, and auto stays plain.
        #expect(!Run.lede(["show", seed, "--color", "auto"], env: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    @Test func standardInput() {
        let r = Run.lede(["quotes", "-"], stdin: "Title\n\n\"We will be there,\" said Ana Ruiz.\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Ana Ruiz"))
    }

    @Test func errorsAreOneLineWithStatusOne() {
        let missing = Run.lede(["clean", "/nonexistent/article.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "lede: /nonexistent/article.txt: no such file\n")
        let dir = Run.lede(["quotes", NSTemporaryDirectory()])
        #expect(dir.status == 1)
        #expect(dir.stderr.hasSuffix(": is a directory\n"))
        let empty = Run.lede(["parties", "-"], stdin: "   \n")
        #expect(empty.status == 1)
        #expect(empty.stderr == "lede: <stdin>: empty or only whitespace\n")
    }

    @Test func usageErrorsExitTwo() {
        #expect(Run.lede(["quotes"]).status == 2)
        // A word that is no command is taken for a path to read: a one-line error.
        let typo = Run.lede(["frobnicate"])
        #expect(typo.status == 1)
        #expect(typo.stderr == "lede: frobnicate: no such file\n")
        #expect(Run.lede(["show", seed, "--color", "sometimes"]).status == 2)
        #expect(Run.lede(["--help"]).status == 0)
        // No path and no terminal: nothing to show full-screen, a usage error.
        let bare = Run.lede([])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("nothing to read"))
    }

    @Test func analyzeBatchGoesOnPastErrors() throws {
        let dir = NSTemporaryDirectory() + "lede-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Title one\n\n\"Fine,\" she said.\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/sub/b.txt"))
        try "Title three\n\nText.\n".write(toFile: dir + "/sub/c.txt", atomically: true, encoding: .utf8)
        try "not an article".write(toFile: dir + "/notes.md", atomically: true, encoding: .utf8)
        let r = Run.lede(["analyze", dir, "--jsonl"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        // The default command, piped, prints the readable ones and fails for the rest.
        let piped = Run.lede([dir])
        #expect(piped.status == 1)
        #expect(piped.stdout.contains("Title one") && piped.stdout.contains("Title three"))
        #expect(piped.stderr == "lede: \(dir)/sub/b.txt: looks like a binary file, not text\n")
        #expect(r.stderr.contains("b.txt: looks like a binary file"))
        let first = try #require(try json(String(lines[0])) as? [String: Any])
        #expect(first["title"] as? String == "Title one")
        for key in ["path", "title", "byline", "date", "paragraphs", "quotes", "parties"] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        let array = Run.lede(["analyze", seed])
        #expect(array.status == 0)
        #expect(try (json(array.stdout) as? [Any])?.count == 1)
    }
}

@Suite struct HostileTextTests {
    @Test func escapeSequencesNeverReachTheOutput() throws {
        let dir = NSTemporaryDirectory() + "lede-esc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/esc.txt"
        let hostile = "Title \u{1B}]0;pwned\u{7}\n\n\u{1B}[2JThe mayor said \"we \u{1B}]52;c;Y2xpcGJvYXJk\u{7} will\" and \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ left \u{202E}now.\n"
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)
        for command in [["clean", path], ["show", path], ["quotes", path, "--all"], ["parties", path], ["show", path, "--color", "always"]] {
            let r = Run.lede(command)
            #expect(r.status == 0, "\(command)")
            let styled = command.contains("always")
            // Only Lede's own SGR colour codes may carry ESC, never the article's bytes.
            let withoutStyles = r.stdout.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
            #expect(!withoutStyles.contains("\u{1B}"), "\(command)")
            #expect(!r.stdout.contains("\u{7}") && !r.stdout.contains("\u{202E}"), "\(command)")
            if !styled && (command[0] == "clean" || command[0] == "show") { #expect(r.stdout.contains("\u{241B}"), "\(command): the placeholder shows") }
        }
    }
}
