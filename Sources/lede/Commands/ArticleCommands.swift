import ArgumentParser
import LedeCore
import LedeStore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the cleaned article with quotes and parties highlighted.")

    @Argument(help: "An article file, or - for standard input.") var path: String
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let article = try ArticleSource().article(path)
        emit(TextRenderer(color: color.enabled()).render(article))
    }
}

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print the cleaned text: title, standfirst, byline, date line and body.")

    @Argument(help: "An article file, or - for standard input.") var path: String
    @Flag(help: "Print only the body paragraphs, separated by blank lines.") var body = false
    @Flag(help: "Print every block of the page with what the cleaner decided about it and why: the rule and the measures it read, the neighbours and the main-text search, and the part of the article it became.") var explain = false
    @Flag(help: "Clean as if there were no library: keep the blocks it has learnt are the site's furniture (for output that does not depend on what was stored).")
    var noLibrary = false

    func run() throws {
        var source = ArticleSource()
        if !noLibrary, let library = Library.ifPresent() { source.site = library.siteFurniture }
        if explain {
            emit(Self.explanation(of: try source.text(path), analyzer: source.analyzer, site: source.site))
            return
        }
        let article = try source.article(path)
        let paragraphs = body ? article.body : article.paragraphs
        emit(paragraphs.map { $0.text.string }.joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n"))
    }
}

extension Clean {
    /// One line per block: its final class, the part of the article it became, why (the
    /// rule that gave its first class with the measures it read, then what the neighbours
    /// and the main-region search changed), and its text.
    static func explanation(of text: SourceText, analyzer: ArticleAnalyzer, site: SiteMemory? = nil) -> String {
        let blocks = BlockSplitter.split(text)
        let steps = analyzer.classifier.explain(blocks)
        let (structure, _) = analyzer.prepare(text, site: site)
        let siteBlocks = Set(site.map { SiteBlocks.known(blocks, in: text, site: $0) } ?? [])
        var role: [Int: String] = [:]
        for p in structure.paragraphs { role[p.block] = p.role.rawValue }
        var out = ""
        for (i, (b, e)) in zip(blocks, steps).enumerated() {
            var why = "\(e.initial.rawValue): \(e.rule.rawValue) (\(e.features.summary))"
            if e.afterRuns != e.initial { why += "; \(e.afterRuns.rawValue) in a run of prose" }
            if e.afterContext != e.afterRuns { why += "; \(e.afterContext.rawValue) by its neighbours" }
            if e.final != e.afterContext {
                why += e.features.dateOnly ? "; bad: a date line ends the main text" : "; bad: outside the main text"
            }
            if e.final == .good && siteBlocks.contains(i) && role[i] == nil {
                why += "; site: three or more stored articles of this publication had it"
            }
            let part = role[i] ?? (e.final == .good ? (i == 0 ? "title line" : "above the headline") : "-")
            let line = Sanitizer.display(String(b.text.string.prefix(80)))
            out += "\(e.final.rawValue.padding(8)) \(part.padding(10)) \(why)\n         \(line)\n"
        }
        return out
    }
}

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quotations and who said them.")

    @Argument(help: "An article file, or - for standard input.") var path: String
    @Flag(help: "Print JSON: an array of {start,end,text,kind,speaker,speaker_start,speaker_end,quote}.")
    var json = false
    @Flag(help: "Include quoted terms and titles, not only speech.") var all = false

    func run() throws {
        let article = try ArticleSource().article(path)
        if json { emit(ArticleJSON.quotes(article, all: all) + "\n"); return }
        var out = ""
        for q in article.quotes where all || q.kind == .speech {
            let who = q.speaker ?? "(unattributed)"
            let kind = q.kind == .speech ? "" : " [\(q.kind.rawValue)]"
            // Quotations are numbered 1…n as the reader numbers them; terms and titles
            // (with --all) have no number.
            let number = q.quotationNumber.map { "\($0)." } ?? "–"
            out += "\(number) \(who)\(kind): \(q.text)\n"
        }
        emit(out)
    }
}

struct Parties: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parties",
        abstract: "List the people, organisations and places named, with their mentions.")

    @Argument(help: "An article file, or - for standard input.") var path: String
    @Flag(help: "Print JSON: an array of mentions {start,end,type,text,canonical}.") var json = false

    func run() throws {
        let article = try ArticleSource().article(path)
        if json { emit(ArticleJSON.mentions(article) + "\n"); return }
        var out = ""
        for type in PartyType.allCases {
            let parties = article.parties.filter { $0.type == type }
                .sorted { $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.name < $1.name }
            guard !parties.isEmpty else { continue }
            out += "\(type.rawValue)\n"
            for p in parties {
                let aliases = p.aliases.isEmpty ? "" : " (also: \(p.aliases.joined(separator: ", ")))"
                out += "  \(p.name) ×\(p.mentions.count)\(aliases)\n"
            }
        }
        emit(out)
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse files and folders (*.txt, recursively) into JSON, one object per article.")

    @Argument(help: "Article files and folders.") var paths: [String]
    @Flag(help: "One JSON object per line instead of a JSON array.") var jsonl = false

    func run() throws {
        let source = ArticleSource()
        var failed = 0
        var first = true
        if !jsonl { emit("[") }
        for path in ArticlePaths.expand(paths) {
            do {
                let text = try source.text(path)
                if !jsonl { emit(first ? "\n" : ",\n") }
                if text.utf8.count > Document.wholeLimit {
                    // A long text is analysed and written section by section.
                    ArticleJSON.streamArticle(Document(source: text, analyzer: source.analyzer), path: path, emit: emit)
                } else {
                    var w = JSONWriter()
                    ArticleJSON.article(source.analyzer.analyze(text, site: source.site), path: path, into: &w)
                    emit(w.out)
                }
                if jsonl { emit("\n") }
                first = false
            } catch {
                failed += 1
                warn("\(error)")
            }
        }
        if !jsonl { emit(first ? "]\n" : "\n]\n") }
        if failed > 0 { throw ExitCode(1) }
    }
}
