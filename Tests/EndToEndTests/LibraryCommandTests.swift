import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The library commands on a temporary LEDE_HOME.
@Suite struct LibraryCommandTests {
    let home = NSTemporaryDirectory() + "lede-home-\(UUID().uuidString.prefix(8))"
    var env: [String: String] { ["LEDE_HOME": home] }

    func lede(_ args: [String], stdin: String = "") -> RunResult { Run.lede(args, stdin: stdin, env: env) }

    /// Short articles of my own, numbered so that each is different.
    func writeArticles(_ count: Int, into dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<count {
            try """
            Report \(i) on the harbour

            “Statement \(i) is final,” said Maria Okafor in Portsmouth on day \(i) of the strike.

            The union said talks would resume on day \(i + 1), and that members would vote.
            """.write(toFile: dir + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
    }

    @Test func addListSearchRemoveAndPath() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let added = lede(["add", Run.samples])
        #expect(added.status == 0)
        let lines = added.stdout.split(separator: "\n")
        #expect(lines.count == 6 && lines.allSatisfy { $0.hasPrefix("added\t") })
        let again = lede(["add", Run.samples + "/us-russia-syria-pact.txt"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("duplicate\t"))
        let list = lede(["list", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        #expect(json.count == 6)
        #expect(Set(json[0].keys) == ["id", "title", "source", "publication", "date", "path", "quotes", "read"])
        let seed = try #require(json.first { ($0["title"] as? String)?.hasPrefix("US to offer Russia") == true })
        #expect(seed["quotes"] as? Int == 3)
        #expect(seed["read"] as? Bool == false)
        #expect(FileManager.default.fileExists(atPath: seed["path"] as! String))
        let hits = try JSONSerialization.jsonObject(with: Data(lede(["search", "Kerry", "--json"]).stdout.utf8)) as! [[String: Any]]
        #expect(hits.count == 1)
        #expect(Set(hits[0].keys) == ["id", "title", "snippet", "rank"])
        #expect((hits[0]["snippet"] as? String)?.contains("[Kerry]") == true)
        #expect(lede(["list", "--party", "Kerry"]).stdout.contains("US to offer Russia"))
        #expect(lede(["list", "--sort", "title"]).stdout.split(separator: "\n").first?.contains("Bridge reopens") == true)
        let id = seed["id"] as! String
        let removed = lede(["rm", id])
        #expect(removed.status == 0)
        #expect(removed.stdout.hasPrefix("removed \(id)"))
        #expect(lede(["rm", id]).status == 1)
        #expect(lede(["list"]).stdout.split(separator: "\n").count == 5)
        #expect(lede(["path"]).stdout == home + "\n")
        #expect(lede(["--help"]).stdout.contains("The library is in \(home)"))
    }

    @Test func perFileErrorsAndStandardInput() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = lede(["add", Run.samples + "/us-russia-syria-pact.txt", "/nonexistent/x.txt", "-"],
                     stdin: "Standard input story\n\n“It works,” said Ana Ruiz in Lisbon.\n")
        #expect(r.status == 1)
        #expect(r.stderr == "lede: /nonexistent/x.txt: no such file\n")
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(lede(["list"]).stdout.contains("Standard input story"))
    }

    @Test func twoAddsAtOnceCorruptNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let dir = home + "-src"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeArticles(120, into: dir)
        // Both add the same 120 files: each is stored once, nothing fails.
        let a = Run.start(Run.lede, ["add", dir], env: env)
        let b = Run.start(Run.lede, ["add", dir], env: env)
        let (ra, rb) = (a.wait(), b.wait())
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(lede(["list", "--json"]).stdout.utf8)) as! [[String: Any]]
        #expect(list.count == 120)
        #expect(lede(["search", "Statement", "77"]).stdout.contains("Report 77 on the harbour"))
    }

    @Test func sigkillLosesNoArticleReportedAdded() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let dir = home + "-src"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeArticles(600, into: dir)
        let add = Run.start(Run.lede, ["add", dir], env: env)
        // Kill it as soon as it has reported some (and before it is done).
        var reported: [Substring] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            reported = add.stdoutSoFar.split(separator: "\n").filter { $0.hasPrefix("added\t") && $0.hasSuffix(".txt") }
            if reported.count >= 64 { break }
            usleep(2_000)
        }
        kill(add.pid, SIGKILL)
        let r = add.wait()
        #expect(r.status == 137)
        #expect(!reported.isEmpty)
        let ids = Set(reported.map { $0.split(separator: "\t")[1] })
        let list = try JSONSerialization.jsonObject(with: Data(lede(["list", "--json"]).stdout.utf8)) as! [[String: Any]]
        let stored = Set(list.compactMap { $0["id"] as? String }.map { Substring($0) })
        #expect(ids.isSubset(of: stored), "every article reported added is in the library")
        // And the rest can be added afterwards, the first ones said to be duplicates.
        let rest = lede(["add", dir])
        #expect(rest.status == 0)
        #expect(rest.stdout.split(separator: "\n").filter { $0.hasPrefix("duplicate\t") }.count >= ids.count)
        #expect((try JSONSerialization.jsonObject(with: Data(lede(["list", "--json"]).stdout.utf8)) as! [Any]).count == 600)
    }
}
