// Scores the model layer against the annotated sets in ../shared/data: cleaning,
// quotations, named parties, mention linking. Used by lede-eval (the shipped models) and
// lede-train (a model just trained), so both print the same measures the same way.
import Foundation
import LedeCore

/// Precision, recall and F1 from counts.
public struct PRF: Sendable {
    public var tp = 0.0, fp = 0.0, fn = 0.0
    public init() {}
    public var p: Double { tp + fp == 0 ? 0 : tp / (tp + fp) }
    public var r: Double { tp + fn == 0 ? 0 : tp / (tp + fn) }
    public var f: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
}

/// One line of the table.
public struct Row: Sendable {
    public var name: String
    public var p: Double, r: Double, f: Double
}

public func format(_ rows: [Row]) -> String {
    func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
    let w0 = rows.map(\.name.count).max() ?? 10
    var out = "measure".padding(toLength: w0, withPad: " ", startingAt: 0) + "      P      R     F1\n"
    for r in rows {
        out += r.name.padding(toLength: w0, withPad: " ", startingAt: 0) + "  " + fmt(r.p) + "  " + fmt(r.r) + "  " + fmt(r.f) + "\n"
    }
    return out
}

/// A gold entity: its scalar range, type and (GUM) cluster.
public struct Entity: Sendable {
    public var range: Range<Int>
    public var type: String
    public var cluster: String?
}

/// An annotated document of ner-dev or ner-train.
public struct NERDocument: Sendable {
    public var path: String
    public var source: SourceText
    public var entities: [Entity]
    public var misc: [Entity]
}

public struct Evaluation {
    public let dataDir: String
    public let analyzer: ArticleAnalyzer
    public let verbose: Bool
    public let environment = ProcessInfo.processInfo.environment

    public init(dataDir: String, analyzer: ArticleAnalyzer, verbose: Bool = false) {
        self.dataDir = dataDir
        self.analyzer = analyzer
        self.verbose = verbose
    }

    /// The `.txt` files of a folder of the data that have their gold `.json` beside them.
    public func files(_ dir: String, ext: String = "txt") -> [String] {
        let url = URL(fileURLWithPath: dataDir).appendingPathComponent(dir)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && names.contains(($0 as NSString).deletingPathExtension + ".json") }
            .sorted().map { url.appendingPathComponent($0).path }
    }

    public static func json(_ path: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any] ?? [:]
    }

    public static func load(_ path: String) -> SourceText {
        TextDecoder.decode(Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()))
    }

    public static func goldPath(_ txt: String) -> String { (txt as NSString).deletingPathExtension + ".json" }

    // MARK: Cleaning — bags of \w+ tokens, per-document P and R averaged, F1 of the averages.

    static func wordTokens(_ s: String) -> [String: Int] {
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

    /// The cleaning row, and the pages whose gold first body paragraph is lost (most of its
    /// words missing from the body).
    public func cleaningWithLosses(_ dir: String) -> (row: Row, firstParagraphLost: [String]) {
        var sp = 0.0, sr = 0.0, n = 0.0
        var lost: [String] = []
        for txt in files(dir) {
            let gold = Self.json(Self.goldPath(txt))["body"] as? String ?? ""
            let article = analyzer.analyze(Self.load(txt))
            let predicted = article.body.map { $0.text.string }.joined(separator: "\n\n")
            let g = Self.wordTokens(gold), pr = Self.wordTokens(predicted)
            var common = 0
            for (k, v) in pr { common += min(v, g[k] ?? 0) }
            let pc = pr.values.reduce(0, +), gc = g.values.reduce(0, +)
            let p = pc == 0 ? (gc == 0 ? 1 : 0) : Double(common) / Double(pc)
            let r = gc == 0 ? 1 : Double(common) / Double(gc)
            if verbose { print("  \(dir)/\((txt as NSString).lastPathComponent) P=\(String(format: "%.3f", p)) R=\(String(format: "%.3f", r))") }
            sp += p; sr += r; n += 1
            if let first = gold.components(separatedBy: "\n\n").first(where: { !Self.wordTokens($0).isEmpty }) {
                let words = Self.wordTokens(first)
                let missing = words.reduce(0) { $0 + ((pr[$1.key] ?? 0) == 0 ? $1.value : 0) }
                if missing * 2 > words.values.reduce(0, +) { lost.append((txt as NSString).lastPathComponent) }
            }
        }
        let p = sp / max(n, 1), r = sr / max(n, 1)
        return (Row(name: "cleaning tokens (\(dir), \(Int(n)) pages)", p: p, r: r, f: p + r == 0 ? 0 : 2 * p * r / (p + r)), lost)
    }

    // MARK: Quotations — one-to-one match when shared characters are at least half of each span.

    public func quotes(_ dir: String = "quotes-dev") -> [Row] {
        quotes(files(dir), name: dir)
    }

    /// The quotation measures over a list of annotated articles.
    public func quotes(_ paths: [String], name dir: String) -> [Row] {
        var span = PRF(), withSpeaker = PRF()
        var docs = 0
        for txt in paths {
            let gold = Self.json(Self.goldPath(txt))
            let goldQuotes = gold["quotes"] as? [[String: Any]] ?? []
            let source = Self.load(txt)
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
                if Self.speakerMatches(g, q, source) { matchedSpeaker += 1 }
                else if verbose { print("  SPK gold=\(g["speaker"] as? String ?? "nil") ours=\(q.speaker ?? "nil") :: \(q.text.prefix(60))") }
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
        return [Row(name: "quote spans (\(dir), \(docs) articles)", p: span.p, r: span.r, f: span.f),
                Row(name: "quote + speaker (\(dir))", p: withSpeaker.p, r: withSpeaker.r, f: withSpeaker.f)]
    }

    /// The lenient speaker match of the quotes-dev README: the attributing mention overlaps
    /// the gold source, or the two names share a content word.
    public static func speakerMatches(_ g: [String: Any], _ q: Quote, _ source: SourceText) -> Bool {
        let goldSpeaker = g["speaker"] as? String
        if goldSpeaker == nil { return q.speaker == nil }
        if let s = q.speakerSource {
            let sr = source.scalarOffset(ofByte: s.lowerBound)..<source.scalarOffset(ofByte: s.upperBound)
            for pair in g["speaker_spans"] as? [[Int]] ?? [] where pair.count == 2 && sr.overlaps(pair[0]..<pair[1]) { return true }
        }
        if let gs = goldSpeaker, let ps = q.speaker { return QuoteTraining.namesMatch(gs, ps) }
        return false
    }

    // MARK: Named parties — exact and overlap matches per type; MISC predictions ignored.

    /// The documents of a NER folder with their gold.
    public func nerDocuments(_ dir: String) -> [NERDocument] {
        files(dir).map { txt in
            let gold = Self.json(Self.goldPath(txt))
            func entities(_ key: String) -> [Entity] {
                (gold[key] as? [[String: Any]] ?? []).map {
                    Entity(range: ($0["start"] as! Int)..<($0["end"] as! Int), type: $0["type"] as! String, cluster: $0["cluster"] as? String)
                }
            }
            return NERDocument(path: txt, source: Self.load(txt), entities: entities("entities"), misc: entities("misc"))
        }
    }

    /// The documents analysed once, for `parties` and `linking` to share.
    public func analyzed(_ docs: [NERDocument]) -> [Article] { docs.map { analyzer.analyze($0.source) } }

    public func parties(_ name: String, _ docs: [NERDocument], articles: [Article]? = nil,
                        types: [String] = ["PERSON", "ORG", "PLACE", "ALL"]) -> [Row] {
        var exact: [String: PRF] = [:], overlap: [String: PRF] = [:]
        var confusion: [String: Int] = [:]
        let articles = articles ?? analyzed(docs)
        for (doc, article) in zip(docs, articles) {
            let source = doc.source
            let gold = doc.entities
            let misc = doc.misc.map(\.range)
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
                let scalars = Array(source.string.unicodeScalars)
                func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
                for pe in predicted {
                    if let ge = gold.first(where: { $0.range.overlaps(pe.range) }) {
                        if ge.type != pe.type {
                            confusion["\(ge.type)->\(pe.type)", default: 0] += 1
                            if environment["SHOW_TYPE"] != nil { print("  TYPE \(ge.type)->\(pe.type) \(text(pe.range))") }
                        } else if ge.range != pe.range, environment["SHOW_SPAN"] != nil {
                            print("  SPAN gold=\(text(ge.range)) ours=\(text(pe.range))")
                        }
                    } else {
                        confusion["none->\(pe.type)", default: 0] += 1
                    }
                }
                for ge in gold where !predicted.contains(where: { $0.range.overlaps(ge.range) }) {
                    confusion["\(ge.type)->none", default: 0] += 1
                    if environment["SHOW_FN"] != nil { print("  FN \(ge.type) \(text(ge.range))") }
                }
                if environment["SHOW_FP"] != nil {
                    for pe in predicted where !gold.contains(where: { $0.range.overlaps(pe.range) }) {
                        print("  FP \(pe.type) \(text(pe.range))")
                    }
                }
            }
        }
        var rows: [Row] = []
        for type in types {
            let e = exact[type]!, o = overlap[type]!
            rows.append(Row(name: "parties exact \(type) (\(name))", p: e.p, r: e.r, f: e.f))
            rows.append(Row(name: "parties overlap \(type) (\(name))", p: o.p, r: o.r, f: o.f))
        }
        if verbose { print("  confusion (\(name)): \(confusion.sorted { $0.key < $1.key })") }
        return rows
    }

    /// Pairs of matched mentions: same party in the gold (cluster) and in ours (party).
    public func linking(_ docs: [NERDocument], articles: [Article]? = nil) -> [Row] {
        var all = PRF(), alias = PRF()
        for (doc, article) in zip(docs, articles ?? analyzed(docs)) {
            let source = doc.source
            let gold = doc.entities
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
                    if verbose && g != p && environment["SHOW_LINK"] != nil {
                        print("  LINK \(g ? "split" : "joined") \(matched[i].text) [\(article.parties[matched[i].party].name)] ~ \(matched[j].text) [\(article.parties[matched[j].party].name)]")
                    }
                }
            }
        }
        return [Row(name: "mention linking, all pairs (gum-news-dev)", p: all.p, r: all.r, f: all.f),
                Row(name: "mention linking, alias pairs (gum-news-dev)", p: alias.p, r: alias.r, f: alias.f)]
    }
}
