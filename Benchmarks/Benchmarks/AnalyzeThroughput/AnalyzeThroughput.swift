// Throughput of the model layer (decode, clean, structure, quotes, parties) on one core,
// over the development corpora in ../shared/data (or $LEDE_DATA). One iteration analyses
// every article once; the "KB/s" metric is the corpus size over that iteration's time.
// And the cost of a paragraph packed with quotations (a transcript, a live blog): one
// paragraph of N repeats of a short sentence with three quotations, N = 2,000 to 32,000,
// which must grow linearly with N.
import Benchmark
import Foundation
import LedeCore

struct Corpus {
    var files: [[UInt8]] = []
    var bytes = 0

    static func load() -> Corpus {
        let root = ProcessInfo.processInfo.environment["LEDE_DATA"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../../../shared/data").standardized.path
        var corpus = Corpus()
        let folders = ["clean-dev", "clean-dev-rawtags", "quotes-dev", "ner-dev/conll2003-dev", "ner-dev/gum-news-dev"]
        for folder in folders {
            let dir = root + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") && names.contains(String(name.dropLast(4)) + ".json") {
                if let data = FileManager.default.contents(atPath: dir + "/" + name) {
                    corpus.files.append(Array(data))
                    corpus.bytes += data.count
                }
            }
        }
        return corpus
    }
}

nonisolated(unsafe) let corpus = Corpus.load()

/// One paragraph of `n` repeats of a sentence with three short quotations.
func quoteDense(_ n: Int) -> SourceText {
    let sentence = "“Yes,” she said. “No,” he said, “maybe not.” "
    return SourceText("Dense\n\n" + String(repeating: sentence, count: n) + "\n")
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .custom("KB/s", polarity: .prefersLarger, useScalingFactor: false)],
        maxDuration: .seconds(20),
        maxIterations: 30
    )

    Benchmark("analyze dev corpora") { benchmark in
        guard corpus.bytes > 0 else {
            benchmark.error("no corpus found: set LEDE_DATA to the shared/data folder")
            return
        }
        let analyzer = ArticleAnalyzer()
        _ = analyzer.analyze(SourceText("Warm up the gazetteers."))
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        var quotes = 0
        for bytes in corpus.files {
            let article = analyzer.analyze(TextDecoder.decode(bytes))
            quotes += article.quotes.count
        }
        benchmark.stopMeasurement()
        blackHole(quotes)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(.custom("KB/s", polarity: .prefersLarger, useScalingFactor: false),
                              Int(Double(corpus.bytes) / 1024 / seconds))
    }

    for n in [2_000, 8_000, 32_000] {
        let text = quoteDense(n)
        Benchmark("quote-dense paragraph, N = \(n)",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)) { benchmark in
            let analyzer = ArticleAnalyzer()
            benchmark.startMeasurement()
            let article = analyzer.analyze(text)
            benchmark.stopMeasurement()
            blackHole(article.quotes.count)
        }
    }
}
