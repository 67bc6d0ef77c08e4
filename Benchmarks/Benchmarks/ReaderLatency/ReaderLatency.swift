// The reader's latencies through the scripted terminal (release build): start to first
// frame for the seed article and for a 100 MB article, one scroll step on the 100 MB
// article, and peak memory. The 100 MB article is written from the project's own
// Samples (repeated) into a temporary file; no corpus text is used.
import Benchmark
import Foundation
import LedeCore
import LedeUI

let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../Samples").standardized.path
let seed = samples + "/us-russia-syria-pact.txt"

/// A 100 MB article made of the samples, over and over (made once, then reused).
let bigArticle: String = {
    let path = NSTemporaryDirectory() + "lede-bench-100mb.txt"
    let target = 100 << 20
    if let attrs = try? FileManager.default.attributesOfItem(atPath: path),
       (attrs[.size] as? Int ?? 0) >= target { return path }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    var block = Data()
    for n in names { block.append(FileManager.default.contents(atPath: samples + "/" + n) ?? Data()); block.append(contentsOf: Array("\n\n".utf8)) }
    var out = Data(capacity: target + block.count)
    while out.count < target { out.append(block) }
    FileManager.default.createFile(atPath: path, contents: out)
    return path
}()

nonisolated(unsafe) var scrollApp: ReaderApp?

func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        maxDuration: .seconds(20),
        maxIterations: 30
    )
    // Warm the gazetteers once: a real start pays this once too (see the tmux figures).
    _ = ArticleAnalyzer().analyze(SourceText("Warm up, said John Smith in Paris."))

    Benchmark("first frame: seed article") { benchmark in
        for _ in benchmark.scaledIterations {
            let app = ReaderApp(terminal: ScriptedTerminal(width: 100, height: 30), files: [seed])
            app.start()
            blackHole(app)
        }
    }

    Benchmark("first frame: 100 MB article", configuration: .init(maxIterations: 10)) { benchmark in
        _ = bigArticle
        benchmark.startMeasurement()
        let app = ReaderApp(terminal: ScriptedTerminal(width: 100, height: 30), files: [bigArticle])
        app.start()
        benchmark.stopMeasurement()
        blackHole(app)
    }

    // One page down per iteration through the article, one app for all iterations:
    // sections are analysed as the reader reaches them (the worker warms the next one
    // ahead, given the 2 ms a reader takes at the least between two key presses).
    Benchmark("scroll step: 100 MB article", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(30), maxIterations: 3000)) { benchmark in
        if scrollApp == nil {
            scrollApp = ReaderApp(terminal: ScriptedTerminal(width: 100, height: 30), files: [bigArticle])
            scrollApp!.start()
        }
        let app = scrollApp!
        usleep(2_000)
        benchmark.startMeasurement()
        app.apply(.key(.pageDown))
        app.terminal.present(render(app.state))
        benchmark.stopMeasurement()
    }

    // The whole article indexed in the background, then read to the end: peak memory.
    Benchmark("memory: 100 MB article indexed and read to the end", configuration: .init(metrics: [.peakMemoryResident, .wallClock], maxIterations: 1)) { benchmark in
        let app = ReaderApp(terminal: ScriptedTerminal(width: 100, height: 30), files: [bigArticle])
        app.start()
        app.settle()
        app.apply(.key(.char("G")))
        app.apply(.key(.char("Q")))
        blackHole(render(app.state))
    }
}
