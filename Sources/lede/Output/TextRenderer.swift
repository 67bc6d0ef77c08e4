import LedeCore
import LedeUI

/// Prints a cleaned article as text, with quotes and parties highlighted when colour is
/// on: the reader's styles (`Presentation`), written as ANSI SGR codes.
struct TextRenderer {
    var color: Bool

    static let reset = "\u{1B}[0m"

    /// The SGR codes of a style, in the colours the reader uses on a terminal.
    static func sgr(_ style: StyleRole) -> String {
        switch style {
        case .normal: ""
        case .dim, .legend: "\u{1B}[2m"
        case .title: "\u{1B}[1m"
        case .standfirst, .term: "\u{1B}[3m"          // italic
        case .quote: "\u{1B}[32m"                     // green
        case .person: "\u{1B}[1;33m"                  // bold yellow
        case .org: "\u{1B}[1;36m"                     // bold cyan
        case .place: "\u{1B}[1;35m"                   // bold magenta
        case .selected, .status: "\u{1B}[7m"
        case .chosen: "\u{1B}[1;7m"
        case .match: "\u{1B}[30;43m"
        }
    }

    func render(_ a: Article) -> String {
        var out = ""
        for (pi, p) in a.paragraphs.enumerated() {
            if !out.isEmpty { out += "\n" }
            out += color ? highlighted(a, pi) : p.text.string
            out += "\n"
        }
        if color {
            out += "\n" + Self.sgr(.dim) + "— " + Self.reset
            out += Presentation.legend.map { Self.sgr($0.style) + $0.label + Self.reset }.joined(separator: " ") + "\n"
        }
        return out
    }

    /// A paragraph with its styles as SGR codes, a code at each change of style.
    func highlighted(_ a: Article, _ pi: Int) -> String {
        let text = a.paragraphs[pi].text
        var out = ""
        for run in Presentation.runs(Presentation.styles(a, paragraph: pi)) {
            let code = Self.sgr(run.style)
            out += code.isEmpty ? text.string(run.range) : code + text.string(run.range) + Self.reset
        }
        return out
    }
}
