// lede-eval: scores the model layer against the annotated sets in ../shared/data.
// Usage: swift run -c release lede-eval [DATA_DIR] [--verbose]
// Prints one table: cleaning, quotations, named parties, mention linking.
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
rows.append(eval.cleaning("clean-dev"))
rows.append(eval.cleaning("clean-dev-rawtags"))
rows += eval.quotes()
let conll = eval.nerDocuments("ner-dev/conll2003-dev")
rows += eval.parties("conll2003-dev", conll)
let gum = eval.nerDocuments("ner-dev/gum-news-dev")
let gumArticles = eval.analyzed(gum)
rows += eval.parties("gum-news-dev", gum, articles: gumArticles)
rows += eval.linking(gum, articles: gumArticles)
print(format(rows), terminator: "")
print(String(format: "(%.1f s)", Date().timeIntervalSince(started)))
