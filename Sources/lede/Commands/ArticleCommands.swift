import ArgumentParser
import LedeCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        abstract: "Print the cleaned text: title, standfirst, byline, date line and body.")

    @Argument(help: "An article file, or - for standard input.") var path: String
    @Flag(help: "Print only the body paragraphs, separated by blank lines.") var body = false
    @Flag(help: "Print every block of the page with what the cleaner decided about it.") var explain = false

    func run() throws {
        let source = ArticleSource()
        if explain {
            let text = try source.text(path)
            let blocks = BlockSplitter.split(text)
            let (classes, _) = source.analyzer.classifier.classify(blocks)
            var out = ""
            for (b, c) in zip(blocks, classes) {
                let line = b.text.string
                out += c.rawValue + String(repeating: " ", count: max(0, 8 - c.rawValue.count)) + " \(line.prefix(100))\n"
            }
            emit(out)
            return
        }
        let article = try source.article(path)
        let paragraphs = body ? article.body : article.paragraphs
        emit(paragraphs.map { $0.text.string }.joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n"))
    }
}

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
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
                let article = try source.article(path)
                var w = JSONWriter()
                ArticleJSON.article(article, path: path, into: &w)
                if jsonl { emit(w.out + "\n") } else { emit((first ? "\n" : ",\n") + w.out) }
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
