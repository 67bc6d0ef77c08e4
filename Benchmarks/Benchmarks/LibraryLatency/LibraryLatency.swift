// Query latencies on a library of 10,000 synthetic articles (release build). Make the
// library first (Benchmarks/library-bench.sh does): its folder is $LEDE_BENCH_LIBRARY,
// else /tmp/lede-bench-library.
import Benchmark
import Foundation
import LedeCore
import LedeStore

let root = ProcessInfo.processInfo.environment["LEDE_BENCH_LIBRARY"] ?? "/tmp/lede-bench-library"
nonisolated(unsafe) let library: Library? = FileManager.default.fileExists(atPath: root + "/index.sqlite") ? try? Library(root: root) : nil

/// Searches a reader might type: a common word, two words, a rare word, a prefix, a name.
let searches = ["harbour", "budget vote", "stadium", "deba*", "hospital meeting residents", "railway Tuesday"]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("full-text search (one query)") { benchmark in
        guard let library else { benchmark.error("no library at \(root): run Benchmarks/library-bench.sh"); return }
        for i in benchmark.scaledIterations {
            blackHole(try? library.search(searches[i % searches.count]))
        }
    }

    // People named in the articles, by full name and by surname alone (an alias).
    let parties: [String] = {
        guard let library, let some = try? library.list().prefix(40) else { return [] }
        var names: [String] = []
        for a in some {
            if let text = try? library.text(of: a.id),
               let p = ArticleAnalyzer().analyze(text).parties.first(where: { $0.type == .person }) {
                names.append(p.name)
                if let last = p.name.split(separator: " ").last { names.append(String(last)) }
            }
        }
        return names
    }()

    Benchmark("articles mentioning a party (one query)") { benchmark in
        guard let library, !parties.isEmpty else { benchmark.error("no library at \(root): run Benchmarks/library-bench.sh"); return }
        for i in benchmark.scaledIterations {
            blackHole(try? library.list(LibraryQuery(party: parties[i % parties.count])))
        }
    }

    Benchmark("list the library, newest first") { benchmark in
        guard let library else { benchmark.error("no library at \(root): run Benchmarks/library-bench.sh"); return }
        for _ in benchmark.scaledIterations { blackHole(try? library.list()) }
    }
}
