// lede-eval: scores the model layer against the annotated sets in ../shared/data.
// Usage: swift run -c release lede-eval [DATA_DIR] [--verbose]
// Prints one table: cleaning, quotations, named parties, mention linking; then the pages
// whose first body paragraph the cleaner lost, and the header (title, byline, date) as
// ../shared/tools/score-structure.py scores it.
// With --verbose, SHOW_FN, SHOW_FP, SHOW_TYPE, SHOW_SPAN and SHOW_LINK in the environment
// list the parties' misses of each kind.
import Foundation
import LedeCore
import LedeEvaluation

let args = CommandLine.arguments.dropFirst()
let verbose = args.contains("--verbose")
let dataDir = args.first { !$0.hasPrefix("--") } ?? "../shared/data"

guard FileManager.default.fileExists(atPath: dataDir) else {
    FileHandle.standardError.write("lede-eval: \(dataDir): no such folder\n".data(using: .utf8)!)
    exit(1)
}

let started = Date()
let eval = Evaluation(dataDir: dataDir, analyzer: ArticleAnalyzer(), verbose: verbose)
var rows: [Row] = []
let cleanDev = eval.cleaningWithLosses("clean-dev"), rawTags = eval.cleaningWithLosses("clean-dev-rawtags")
rows.append(cleanDev.row)
rows.append(rawTags.row)
rows += eval.quotes()
let conll = eval.nerDocuments("ner-dev/conll2003-dev")
rows += eval.parties("conll2003-dev", conll)
let gum = eval.nerDocuments("ner-dev/gum-news-dev")
let gumArticles = eval.analyzed(gum)
rows += eval.parties("gum-news-dev", gum, articles: gumArticles)
rows += eval.linking(gum, articles: gumArticles)
print(format(rows), terminator: "")
func lost(_ l: [String]) -> String { l.isEmpty ? "0" : "\(l.count) (\(l.joined(separator: ", ")))" }
print("first body paragraph lost: clean-dev \(lost(cleanDev.firstParagraphLost)), rawtags \(lost(rawTags.firstParagraphLost))")
let h = eval.header("clean-dev")
for (name, t) in [("title", h.title), ("byline", h.byline), ("date", h.date)] {
    print(String(format: "header %@ (clean-dev): %d/%d = %.3f", name, t.right, t.pages, t.accuracy)
          + (verbose && !t.misses.isEmpty ? "  missed: " + t.misses.joined(separator: ", ") : ""))
}
print(String(format: "(%.1f s)", Date().timeIntervalSince(started)))
