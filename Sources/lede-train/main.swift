// lede-train: trains Lede's models from ../shared/data and writes them into the package
// (Sources/CLedeModels/include/lede-models.bin), then prints the dev scores of the models
// it trained. The same data gives the same bytes.
//
// Usage: swift run -c release lede-train [DATA_DIR] [--dry-run] [--verbose]
//        swift run -c release lede-train --tables   (after editing a gazetteer list in
//          Sources/LedeCore/Resources or a word list in the code: lays the tables out
//          again, no training)
//   [--epochs N] [--quote-epochs N] [--runs N] [--own-weight N] [--no-casing]
//   [--cv N] (quote models, cross-validated on quotes-train) [--cv-tagger N] [--probe FILE,...]
import Foundation
import LedeCore
import LedeEvaluation

var args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    let v = args[i + 1]
    args.removeSubrange(i...(i + 1))
    return v
}
@MainActor func flag(_ name: String) -> Bool {
    guard let i = args.firstIndex(of: name) else { return false }
    args.remove(at: i)
    return true
}
/// A count option: a whole number of at least `least`, or the run stops with a message.
@MainActor func count(_ name: String, least: Int = 1) -> Int? {
    guard let text = option(name) else { return nil }
    guard let n = Int(text), n >= least else { fail("\(name) wants a whole number of at least \(least), not '\(text)'") }
    return n
}
let epochs = count("--epochs")
let ownWeight = count("--own-weight", least: 0) ?? 2
let quoteEpochs = count("--quote-epochs")
let crossValidation = count("--cv", least: 2)
let taggerCrossValidation = count("--cv-tagger", least: 2)
let runs = count("--runs")
let probe = option("--probe")
let noCasing = flag("--no-casing")
let dryRun = flag("--dry-run")
let verbose = flag("--verbose")
/// With --verbose, SHOW_SPK=1 lists each wrong speaker.
let showSpeakers = ProcessInfo.processInfo.environment["SHOW_SPK"] != nil
let dataDir = args.first ?? "../shared/data"
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let modelPath = packageRoot.appendingPathComponent("Sources/CLedeModels/include/lede-models.bin").path
let stampPath = packageRoot.appendingPathComponent("Sources/CLedeModels/models.c").path

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("lede-train: \(message)\n".data(using: .utf8)!)
    exit(1)
}

/// Writes a file compiled into CLedeModels, and its stamp line in models.c, which makes
/// the build see the new file.
func writeEmbedded(_ bytes: [UInt8], to path: String, stamp: String) {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var c = try String(contentsOfFile: stampPath, encoding: .utf8)
        if let r = c.range(of: "// \(stamp): [0-9a-f]+", options: .regularExpression) {
            c.replaceSubrange(r, with: "// \(stamp): " + String(format: "%08x", fnv32(bytes)))
            try c.write(toFile: stampPath, atomically: true, encoding: .utf8)
        }
        print("wrote \(path)")
    } catch {
        fail("\(path): \(error)")
    }
}

if flag("--tables") {
    // Built from the lists, never from the file compiled in.
    writeEmbedded(TablesFile.write(gazetteer: .fromLists(), lexicon: .fromLists()),
                  to: packageRoot.appendingPathComponent("Sources/CLedeModels/include/lede-tables.bin").path, stamp: "tables")
    exit(0)
}
guard FileManager.default.fileExists(atPath: dataDir + "/ner-train") else { fail("\(dataDir)/ner-train: no such folder") }

let clock = Date()
func elapsed() -> String { String(format: "%.0f s", Date().timeIntervalSince(clock)) }

// MARK: The tagger, from ner-train (CoNLL-2003 training split).

// The analyser without models: what training reads, as the reader prepares it.
let plainAnalyzer = ArticleAnalyzer(models: Models())
let reader = Evaluation(dataDir: dataDir, analyzer: plainAnalyzer)
let types: [String: EntityType] = ["PERSON": .person, "ORG": .org, "PLACE": .place, "MISC": .misc]
let nerDocs = reader.nerDocuments("ner-train/conll2003-train")
let nerTrain = nerDocs.map { doc in
    TaggerExample(source: doc.source, entities: (doc.entities + doc.misc).compactMap { e in
        guard let type = types[e.type] else { return nil }
        return (doc.source.byteOffset(ofScalar: e.range.lowerBound)..<doc.source.byteOffset(ofScalar: e.range.upperBound), type)
    })
}
let own: [TaggerExample]
do { own = try OwnCorpus.read(packageRoot.appendingPathComponent("Training/parties").path) } catch { fail("\(error)") }
print("tagger: \(nerTrain.count) training articles, and \(own.count) of our own (each counted \(ownWeight) times)")
let ownRepeated = Array(repeating: own, count: ownWeight).flatMap { $0 }
var taggerTraining = TaggerTraining()
if let epochs { taggerTraining.epochs = epochs }
// How words are written, counted over the political news of quotes-train: texts the
// tagger does not train on, so that the counts say the same of its training words as of
// any other (counted over its own training texts, they told it what it was learning).
// The quote models train on the same articles, read once here.
let quoteFiles = reader.files("quotes-train")
let quoteTrain: [QuoteExample] = quoteFiles.map(quoteExample)
let casingTable = taggerTraining.casing(quoteTrain.map(\.source), analyzer: plainAnalyzer)
// The tables shipped beside the tagger (none without casing: the tagger was trained without).
let casingTables = noCasing ? [] : [casingTable]
let casing = noCasing ? nil : try Models(bytes: ModelFile.write([casingTable])).casing
print("casing: \(casingTable.featureCount) words")

if let runs { taggerTraining.runs = runs }
let taggerTable = taggerTraining.train(nerTrain + ownRepeated, analyzer: plainAnalyzer,
                                       casing: casing) { epoch, mistakes in
    if epoch == taggerTraining.epochs { print("  a run done: \(mistakes) mistakes in its last epoch (\(elapsed()))") }
}
print("tagger: \(taggerTable.featureCount) features, \(taggerTable.fingerprints.count) slots")
let taggerOnly = try Models(bytes: ModelFile.write([taggerTable] + casingTables))

// What the tagger just trained makes of some files (--probe FILE,FILE).
if let probe {
    for path in probe.split(separator: ",") {
        let a = ArticleAnalyzer(models: taggerOnly).analyze(Evaluation.load(String(path)))
        print("\(path): " + a.mentions.map { "\($0.text)/\($0.type.rawValue.prefix(3))" }.joined(separator: " "))
    }
}

// Cross-validation of the tagger on ner-train (CoNLL), for choosing its features.
if let folds = taggerCrossValidation {
    var exact = 0.0, overlap = 0.0
    for k in 0..<folds {
        let train = nerTrain.indices.filter { $0 % folds != k }.map { nerTrain[$0] }
        let test = nerDocs.indices.filter { $0 % folds == k }.map { nerDocs[$0] }
        let table = taggerTraining.train(train + ownRepeated, analyzer: plainAnalyzer, casing: casing)
        let m = try Models(bytes: ModelFile.write([table] + casingTables))
        let rows = Evaluation(dataDir: dataDir, analyzer: ArticleAnalyzer(models: m)).parties("fold \(k)", test, types: ["ALL"])
        print(format(rows), terminator: "")
        exact += rows[0].f
        overlap += rows[1].f
    }
    print(String(format: "cross-validated tagger (%d folds): exact F1 %.4f, overlap F1 %.4f (%@)", folds, exact / Double(folds), overlap / Double(folds), elapsed()))
    exit(0)
}

// MARK: The speaker ranker and the speech classifier, from quotes-train (PolNeAR).

func quoteExample(_ txt: String) -> QuoteExample {
    let source = Evaluation.load(txt)
    let gold = Evaluation.json(Evaluation.goldPath(txt))
    func bytes(_ a: Int, _ b: Int) -> Range<Int> { source.byteOffset(ofScalar: a)..<source.byteOffset(ofScalar: b) }
    let quotes = (gold["quotes"] as? [[String: Any]] ?? []).map { q in
        QuoteExample.Gold(range: bytes(q["start"] as! Int, q["end"] as! Int), speaker: q["speaker"] as? String,
                          speakerSpans: (q["speaker_spans"] as? [[Int]] ?? []).filter { $0.count == 2 }.map { bytes($0[0], $0[1]) })
    }
    let unattributed = (gold["unattributed_quoted_segments"] as? [[Int]] ?? []).filter { $0.count == 2 }.map { bytes($0[0], $0[1]) }
    return QuoteExample(source: source, quotes: quotes, unattributed: unattributed)
}
print("quotes: \(quoteTrain.count) training articles, \(quoteTrain.reduce(0) { $0 + $1.quotes.count }) gold quotations")
var quoteTraining = QuoteTraining()
if let runs { quoteTraining.runs = runs }
if let quoteEpochs { quoteTraining.speakerEpochs = quoteEpochs; quoteTraining.speechEpochs = quoteEpochs }

// Cross-validation of the quote models on quotes-train: a steadier measure than the 91
// articles of quotes-dev for choosing features, and one that leaves quotes-dev unseen.
if let folds = crossValidation {
    var fSum = [0.0, 0.0]
    var confusion: [String: Int] = [:]
    for k in 0..<folds {
        let trainIdx = quoteTrain.indices.filter { $0 % folds != k }
        let testIdx = quoteTrain.indices.filter { $0 % folds == k }
        var t = quoteTraining
        let train = trainIdx.map { quoteTrain[$0] }
        let sp = t.trainSpeaker(train, analyzer: ArticleAnalyzer(models: taggerOnly))
        let m1 = try Models(bytes: ModelFile.write([taggerTable] + casingTables + [sp]))
        let se = t.trainSpeech(train, analyzer: ArticleAnalyzer(models: m1), speaker: m1.speaker!)
        let m2 = try Models(bytes: ModelFile.write([taggerTable] + casingTables + [sp, se]))
        let rows = Evaluation(dataDir: dataDir, analyzer: ArticleAnalyzer(models: m2)).quotes(testIdx.map { quoteFiles[$0] }, name: "fold \(k)")
        print(format(rows), terminator: "")
        for (i, r) in rows.enumerated() { fSum[i] += r.f }
        if verbose {
            for (key, n) in t.confusion(testIdx.map { quoteTrain[$0] }, analyzer: ArticleAnalyzer(models: m2), speaker: m2.speaker!, verbose: showSpeakers) {
                confusion[key, default: 0] += n
            }
        }
    }
    for (key, n) in confusion.sorted(by: { $0.value > $1.value }) { print("  \(n)\t\(key)") }
    print(String(format: "cross-validated (%d folds): quote spans F1 %.3f, quote + speaker F1 %.3f (%@)",
                 folds, fSum[0] / Double(folds), fSum[1] / Double(folds), elapsed()))
    exit(0)
}
let speakerEpochs = quoteTraining.speakerEpochs, speechEpochs = quoteTraining.speechEpochs
let speakerTable = quoteTraining.trainSpeaker(quoteTrain, analyzer: ArticleAnalyzer(models: taggerOnly)) { epoch, mistakes in
    if epoch == speakerEpochs { print("  a run done: \(mistakes) mistakes in its last epoch (\(elapsed()))") }
}
print("speaker: \(speakerTable.featureCount) features; \(quoteTraining.unreachableSpeakers) gold speakers among no candidate")
let withSpeaker = try Models(bytes: ModelFile.write([taggerTable] + casingTables + [speakerTable]))
let speechTable = quoteTraining.trainSpeech(quoteTrain, analyzer: ArticleAnalyzer(models: withSpeaker), speaker: withSpeaker.speaker!) { epoch, mistakes in
    if epoch == speechEpochs { print("  a run done: \(mistakes) mistakes in its last epoch (\(elapsed()))") }
}
print("speech: \(speechTable.featureCount) features")

// MARK: Write and measure.

let bytes = ModelFile.write([taggerTable] + casingTables + [speakerTable, speechTable])
let models = try Models(bytes: bytes)
print("model file: \(bytes.count) bytes")

let eval = Evaluation(dataDir: dataDir, analyzer: ArticleAnalyzer(models: models), verbose: verbose)
var rows: [Row] = []
rows += eval.parties("conll2003-dev", eval.nerDocuments("ner-dev/conll2003-dev"))
let gum = eval.nerDocuments("ner-dev/gum-news-dev")
let gumArticles = eval.analyzed(gum)
rows += eval.parties("gum-news-dev", gum, articles: gumArticles, types: ["ALL"])
rows += eval.linking(gum, articles: gumArticles)
rows += eval.quotes()
print(format(rows), terminator: "")

if verbose {
    let quoteDev: [QuoteExample] = reader.files("quotes-dev").map(quoteExample)
    for (k, n) in quoteTraining.confusion(quoteDev, analyzer: ArticleAnalyzer(models: models), speaker: models.speaker!,
                                          verbose: showSpeakers).sorted(by: { $0.value > $1.value }) {
        print("  \(n)\t\(k)")
    }
}

if !dryRun {
    writeEmbedded(bytes, to: modelPath, stamp: "models")
}
print("(\(elapsed()))")

func fnv32(_ bytes: [UInt8]) -> UInt32 {
    var h: UInt32 = 0x811c9dc5
    for b in bytes { h = (h ^ UInt32(b)) &* 0x01000193 }
    return h
}
