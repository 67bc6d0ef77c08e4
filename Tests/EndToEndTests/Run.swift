import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with posix_spawn (not Foundation.Process, which hangs under `swift test`
/// here and leaves signals blocked), with stdin from a file and stdout/stderr to files.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Peak resident memory of the process, in KiB, as seen while it ran (with a limit).
    var maxRSS: Int = 0
    /// Wall-clock seconds it ran.
    var seconds: Double = 0
    /// Killed for running past its time limit.
    var timedOut = false
}

enum Run {
    /// The `lede` executable built beside the test bundle.
    static var lede: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("lede").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        // swift-testing runs from the build folder in some setups.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/lede").standardized.path
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Samples").standardized.path

    static func lede(_ args: [String], stdin: String = "", env: [String: String] = [:]) -> RunResult {
        run(lede, args, stdin: stdin, env: env)
    }

    static func run(_ program: String, _ args: [String], stdin: String = "", env: [String: String] = [:]) -> RunResult {
        start(program, args, stdin: stdin, env: env).wait()
    }

    /// A program started and not yet waited for.
    struct Started {
        let pid: pid_t
        let dir: String
        var outPath: String { dir + "/out" }

        /// What it has written to standard output so far.
        var stdoutSoFar: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }

        /// Waits for the program (killing it after `limit` seconds, if given).
        func wait(limit: Double? = nil) -> RunResult {
            defer { try? FileManager.default.removeItem(atPath: dir) }
            guard pid > 0 else { return RunResult(status: -1, stdout: "", stderr: "spawn failed") }
            let start = Date()
            var status: Int32 = 0
            var usage = rusage()
            var timedOut = false
            // Peak memory from /proc while it runs: wait4's ru_maxrss also counts the test
            // runner's own memory (posix_spawn shares it until exec).
            var peak = 0
            while true {
                if limit != nil, let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                   let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                   let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
                    peak = max(peak, kb)
                }
                let r = wait4(pid, &status, limit == nil ? 0 : WNOHANG, &usage)
                if r == pid { break }
                if r < 0 && errno != EINTR { break }
                if let limit, Date().timeIntervalSince(start) > limit, !timedOut {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                if limit != nil { usleep(5_000) }
            }
            let exited = (status & 0x7F) == 0
            let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            let out = (try? String(contentsOfFile: dir + "/out", encoding: .utf8)) ?? ""
            let err = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
            return RunResult(status: code, stdout: out, stderr: err, maxRSS: peak,
                             seconds: Date().timeIntervalSince(start), timedOut: timedOut)
        }
    }

    static func start(_ program: String, _ args: [String], stdin: String = "", env: [String: String] = [:]) -> Started {
        let dir = NSTemporaryDirectory() + "lede-run-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let inPath = dir + "/in", outPath = dir + "/out", errPath = dir + "/err"
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))

        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        for (k, v) in env { environment[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attr, argv, envp)
        return Started(pid: rc == 0 ? pid : -1, dir: dir)
    }
}
