// lede-eval: scores the model layer against the annotated sets in ../shared/data.
// Usage: swift run -c release lede-eval [DATA_DIR] [--verbose]
// Prints one table: cleaning, quotations, named parties, mention linking.
import Foundation
import LedeCore

let args = CommandLine.arguments.dropFirst()
let verbose = args.contains("--verbose")
let dataDir = args.first { !$0.hasPrefix("--") } ?? "../shared/data"
let analyzer = ArticleAnalyzer()

guard FileManager.default.fileExists(atPath: dataDir) else {
    FileHandle.standardError.write("lede-eval: \(dataDir): no such folder\n".data(using: .utf8)!)
    exit(1)
}

func files(_ dir: String, ext: String) -> [String] {
    let url = URL(fileURLWithPath: dataDir).appendingPathComponent(dir)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    // Only documents with their gold beside them (not LICENSE or README files).
    return names.filter { $0.hasSuffix("." + ext) && names.contains(($0 as NSString).deletingPathExtension + ".json") }
        .sorted().map { url.appendingPathComponent($0).path }
}

func json(_ path: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any] ?? [:]
}

func load(_ path: String) -> SourceText {
    TextDecoder.decode(Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()))
}

struct PRF {
    var tp = 0.0, fp = 0.0, fn = 0.0
    var p: Double { tp + fp == 0 ? 0 : tp / (tp + fp) }
    var r: Double { tp + fn == 0 ? 0 : tp / (tp + fn) }
    var f: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
}

func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
var rows: [(String, String, String, String, String)] = []
@MainActor func row(_ name: String, _ p: Double, _ r: Double, _ f: Double, _ note: String = "") {
    rows.append((name, fmt(p), fmt(r), fmt(f), note))
}

// MARK: Cleaning — bags of \w+ tokens, per-document P and R averaged, F1 of the averages.

func wordTokens(_ s: String) -> [String: Int] {
    var bag: [String: Int] = [:]
    var cur = String.UnicodeScalarView()
    for u in s.unicodeScalars {
        if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark {
            cur.append(u)
        } else if !cur.isEmpty { bag[String(cur), default: 0] += 1; cur.removeAll() }
    }
    if !cur.isEmpty { bag[String(cur), default: 0] += 1 }
    return bag
}

@MainActor func cleaning(_ dir: String) {
    var sp = 0.0, sr = 0.0, n = 0.0
    for txt in files(dir, ext: "txt") {
        let gold = json(txt.replacingOccurrences(of: ".txt", with: ".json"))["body"] as? String ?? ""
        let article = analyzer.analyze(load(txt))
        let predicted = article.body.map { $0.text.string }.joined(separator: "\n\n")
        let g = wordTokens(gold), pr = wordTokens(predicted)
        var common = 0
        for (k, v) in pr { common += min(v, g[k] ?? 0) }
        let pc = pr.values.reduce(0, +), gc = g.values.reduce(0, +)
        let p = pc == 0 ? (gc == 0 ? 1 : 0) : Double(common) / Double(pc)
        let r = gc == 0 ? 1 : Double(common) / Double(gc)
        if verbose { print("  \(dir)/\((txt as NSString).lastPathComponent) P=\(fmt(p)) R=\(fmt(r))") }
        sp += p; sr += r; n += 1
    }
    let p = sp / max(n, 1), r = sr / max(n, 1)
    row("cleaning tokens (\(dir), \(Int(n)) pages)", p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
}

// MARK: Quotations — one-to-one match when shared characters are at least half of each span.

@MainActor func quotes() {
    var span = PRF(), withSpeaker = PRF()
    var docs = 0
    for txt in files("quotes-dev", ext: "txt") {
        let gold = json(txt.replacingOccurrences(of: ".txt", with: ".json"))
        let goldQuotes = gold["quotes"] as? [[String: Any]] ?? []
        let source = load(txt)
        let article = analyzer.analyze(source)
        let predicted = article.quotes.filter { $0.kind == .speech }
        let pRanges = predicted.map { source.scalarOffset(ofByte: $0.source.lowerBound)..<source.scalarOffset(ofByte: $0.source.upperBound) }
        let gRanges = goldQuotes.map { ($0["start"] as! Int)..<($0["end"] as! Int) }
        var usedGold = Set<Int>()
        var matched = 0, matchedSpeaker = 0
        let text = Array(source.string.unicodeScalars)
        for (pi, pr) in pRanges.enumerated() {
            var best: Int? = nil, bestShared = 0
            for (gi, gr) in gRanges.enumerated() where !usedGold.contains(gi) {
                let shared = pr.clamped(to: gr).count
                if shared * 2 >= pr.count && shared * 2 >= gr.count && shared > bestShared { best = gi; bestShared = shared }
            }
            guard let gi = best else {
                if verbose { print("  FP \(String(String.UnicodeScalarView(text[pr])).prefix(80))") }
                continue
            }
            usedGold.insert(gi)
            matched += 1
            let g = goldQuotes[gi]
            let q = predicted[pi]
            let goldSpeaker = g["speaker"] as? String
            var ok = false
            if goldSpeaker == nil {
                ok = q.speaker == nil
            } else if let s = q.speakerSource {
                let sr = source.scalarOffset(ofByte: s.lowerBound)..<source.scalarOffset(ofByte: s.upperBound)
                for pair in g["speaker_spans"] as? [[Int]] ?? [] where pair.count == 2 && sr.overlaps(pair[0]..<pair[1]) { ok = true }
            }
            if !ok, let gs = goldSpeaker, let ps = q.speaker {
                let stop: Set<String> = ["the", "a", "an", "of", "and", "he", "she", "they", "who", "mr", "mrs", "ms", "dr"]
                let gw = Set(gs.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting(stop)
                let pw = Set(ps.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting(stop)
                ok = !gw.isDisjoint(with: pw)
            }
            if ok { matchedSpeaker += 1 }
            else if verbose { print("  SPK gold=\(goldSpeaker ?? "nil") ours=\(q.speaker ?? "nil") :: \(q.text.prefix(60))") }
        }
        if verbose {
            for (gi, gr) in gRanges.enumerated() where !usedGold.contains(gi) {
                print("  FN \(String(String.UnicodeScalarView(text[gr])).prefix(80))")
            }
        }
        span.tp += Double(matched); span.fp += Double(pRanges.count - matched); span.fn += Double(gRanges.count - matched)
        withSpeaker.tp += Double(matchedSpeaker)
        withSpeaker.fp += Double(pRanges.count - matchedSpeaker)
        withSpeaker.fn += Double(gRanges.count - matchedSpeaker)
        docs += 1
    }
    row("quote spans (quotes-dev, \(docs) articles)", span.p, span.r, span.f)
    row("quote + speaker (quotes-dev)", withSpeaker.p, withSpeaker.r, withSpeaker.f)
}

// MARK: Named parties — exact and overlap matches per type; MISC predictions ignored.

struct Entity { var range: Range<Int>; var type: String; var cluster: String? }

@MainActor func entities(_ dir: String) -> [(SourceText, Article, [Entity], [Range<Int>])] {
    files(dir, ext: "txt").map { txt in
        let gold = json(txt.replacingOccurrences(of: ".txt", with: ".json"))
        let ents = (gold["entities"] as? [[String: Any]] ?? []).map {
            Entity(range: ($0["start"] as! Int)..<($0["end"] as! Int), type: $0["type"] as! String, cluster: $0["cluster"] as? String)
        }
        let misc = (gold["misc"] as? [[String: Any]] ?? []).map { ($0["start"] as! Int)..<($0["end"] as! Int) }
        let source = load(txt)
        return (source, analyzer.analyze(source), ents, misc)
    }
}

@MainActor func parties(_ dir: String, _ docs: [(SourceText, Article, [Entity], [Range<Int>])]) {
    var exact: [String: PRF] = [:], overlap: [String: PRF] = [:]
    var confusion: [String: Int] = [:]
    for (source, article, gold, misc) in docs {
        let predicted = article.mentions.map {
            Entity(range: source.scalarOffset(ofByte: $0.source.lowerBound)..<source.scalarOffset(ofByte: $0.source.upperBound), type: $0.type.rawValue, cluster: nil)
        }.filter { p in !misc.contains { $0.overlaps(p.range) } || gold.contains { $0.range.overlaps(p.range) } }
        for type in ["PERSON", "ORG", "PLACE", "ALL"] {
            let g = gold.filter { type == "ALL" || $0.type == type }
            let p = predicted.filter { type == "ALL" || $0.type == type }
            var e = exact[type] ?? PRF(), o = overlap[type] ?? PRF()
            let exactHits = p.filter { pe in g.contains { $0.range == pe.range && $0.type == pe.type } }.count
            e.tp += Double(exactHits); e.fp += Double(p.count - exactHits); e.fn += Double(g.count - exactHits)
            var used = Set<Int>()
            var overlapHits = 0
            for pe in p {
                if let gi = g.indices.first(where: { !used.contains($0) && g[$0].range.overlaps(pe.range) && g[$0].type == pe.type }) {
                    used.insert(gi); overlapHits += 1
                }
            }
            o.tp += Double(overlapHits); o.fp += Double(p.count - overlapHits); o.fn += Double(g.count - overlapHits)
            exact[type] = e; overlap[type] = o
        }
        if verbose {
            for pe in predicted {
                if let ge = gold.first(where: { $0.range.overlaps(pe.range) }) {
                    if ge.type != pe.type { confusion["\(ge.type)->\(pe.type)", default: 0] += 1 }
                } else {
                    confusion["none->\(pe.type)", default: 0] += 1
                }
            }
            for ge in gold where !predicted.contains(where: { $0.range.overlaps(ge.range) }) {
                confusion["\(ge.type)->none", default: 0] += 1
                if ProcessInfo.processInfo.environment["SHOW_FN"] != nil {
                    print("  FN \(ge.type) \(String(String.UnicodeScalarView(Array(source.string.unicodeScalars)[ge.range])))")
                }
            }
            if ProcessInfo.processInfo.environment["SHOW_FP"] != nil {
                for pe in predicted where !gold.contains(where: { $0.range.overlaps(pe.range) }) {
                    print("  FP \(pe.type) \(String(String.UnicodeScalarView(Array(source.string.unicodeScalars)[pe.range])))")
                }
            }
        }
    }
    for type in ["PERSON", "ORG", "PLACE", "ALL"] {
        let e = exact[type]!, o = overlap[type]!
        row("parties exact \(type) (\(dir))", e.p, e.r, e.f)
        row("parties overlap \(type) (\(dir))", o.p, o.r, o.f)
    }
    if verbose { print("  confusion (\(dir)): \(confusion.sorted { $0.key < $1.key })") }
}

/// Pairs of matched mentions: same party in the gold (cluster) and in ours (party).
@MainActor func linking(_ docs: [(SourceText, Article, [Entity], [Range<Int>])]) {
    var all = PRF(), alias = PRF()
    for (source, article, gold, _) in docs {
        var matched: [(gold: Entity, party: Int, text: String)] = []
        var used = Set<Int>()
        for m in article.mentions {
            let r = source.scalarOffset(ofByte: m.source.lowerBound)..<source.scalarOffset(ofByte: m.source.upperBound)
            if let gi = gold.indices.first(where: { !used.contains($0) && gold[$0].range.overlaps(r) }), gold[gi].cluster != nil {
                used.insert(gi)
                matched.append((gold[gi], m.party, m.text))
            }
        }
        for i in matched.indices {
            for j in (i + 1)..<matched.count {
                let g = matched[i].gold.cluster == matched[j].gold.cluster
                let p = matched[i].party == matched[j].party
                let isAlias = matched[i].text != matched[j].text
                func count(_ s: inout PRF) {
                    if g && p { s.tp += 1 } else if p { s.fp += 1 } else if g { s.fn += 1 }
                }
                count(&all)
                if isAlias { count(&alias) }
                if verbose && g != p && ProcessInfo.processInfo.environment["SHOW_LINK"] != nil {
                    print("  LINK \(g ? "split" : "joined") \(matched[i].text) [\(article.parties[matched[i].party].name)] ~ \(matched[j].text) [\(article.parties[matched[j].party].name)]")
                }
            }
        }
    }
    row("mention linking, all pairs (gum-news-dev)", all.p, all.r, all.f)
    row("mention linking, alias pairs (gum-news-dev)", alias.p, alias.r, alias.f)
}

let started = Date()
var bytes = 0
cleaning("clean-dev")
cleaning("clean-dev-rawtags")
quotes()
let conll = entities("ner-dev/conll2003-dev")
parties("conll2003-dev", conll)
let gum = entities("ner-dev/gum-news-dev")
parties("gum-news-dev", gum)
linking(gum)

let w0 = rows.map(\.0.count).max() ?? 10
print("measure".padding(toLength: w0, withPad: " ", startingAt: 0) + "      P      R     F1")
for r in rows {
    print(r.0.padding(toLength: w0, withPad: " ", startingAt: 0) + "  " + r.1 + "  " + r.2 + "  " + r.3)
}
print(String(format: "(%.1f s)", Date().timeIntervalSince(started)))
