import Testing
import Foundation

/// The real binary in a real (detached) terminal: tmux, driven by send-keys and read by
/// capture-pane. tmux is started with posix_spawn (see Run), never Foundation.Process.
@Suite(.serialized) struct ReaderTmuxTests {
    let socket = NSTemporaryDirectory() + "lede-tmux-\(UUID().uuidString.prefix(8))"
    let seed = Run.samples + "/us-russia-syria-pact.txt"

    var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func t(_ args: [String]) -> RunResult { Run.run(tmux!, ["-S", socket] + args) }

    /// The pane's text once `predicate` holds (or the last capture after `seconds`).
    func capture(until predicate: (String) -> Bool, seconds: Double = 10) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while Date() < deadline {
            text = t(["capture-pane", "-p"]).stdout
            if predicate(text) { return text }
            usleep(100_000)
        }
        return text
    }

    /// Starts `lede ARG` in a detached 100x30 session; the shell then prints its status.
    func start(_ arg: String, after: String = "") -> Bool {
        let command = "TERM=xterm-256color LANG=C.UTF-8 '\(Run.lede)' '\(arg)'; echo EXIT=$?; \(after) sleep 30"
        return t(["new-session", "-d", "-x", "100", "-y", "30", command]).status == 0
    }

    @Test func jumpThroughTheSeedsQuotesAndQuitWithCtrlC() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { _ = t(["kill-server"]) }
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
        let after = capture { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=130"))
        let words = after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(words.contains("icanon") && words.contains("echo"), "the terminal is back in canonical mode with echo")
    }

    @Test func quitWithQLeavesStatusZero() throws {
        guard tmux != nil else { Issue.record("tmux is not installed"); return }
        defer { _ = t(["kill-server"]) }
        #expect(start(Run.samples))
        let list = capture { $0.contains("Tokyo café") }
        #expect(list.contains("│"), "list and reader side by side")
        _ = t(["send-keys", "q"])
        #expect(capture { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
