// The header measure of ../shared/tools/score-structure.py, the same way: title, byline and
// date against each page's own metadata, counted only where the page's text can give them.
import Foundation
import LedeCore

extension Evaluation {
    /// Right and scored pages for one header field.
    public struct Tally: Sendable {
        public var right = 0, pages = 0
        public var misses: [String] = []
        public var accuracy: Double { pages == 0 ? 0 : Double(right) / Double(pages) }
    }

    public func header(_ dir: String) -> (title: Tally, byline: Tally, date: Tally) {
        var title = Tally(), byline = Tally(), date = Tally()
        for txt in files(dir) {
            let gold = Self.json(Self.goldPath(txt))
            let derived = gold["derived"] as? [String: Any] ?? [:]
            let source = Self.load(txt)
            let article = analyzer.analyze(source)
            let name = (txt as NSString).lastPathComponent
            let wanted = Set([gold["title"] as? String, derived["first_h1"] as? String].map { HeaderScore.norm($0) }).subtracting([""])
            if !wanted.isEmpty {
                title.pages += 1
                if wanted.contains(HeaderScore.norm(article.title?.text.string)) { title.right += 1 } else { title.misses.append(name) }
            }
            let page = source.string
            let names = HeaderScore.authors(derived["author_meta"] as? String, page)
            if !names.isEmpty {
                byline.pages += 1
                let b = article.writers ?? ""
                let words = Set(HeaderScore.norm(b).split(separator: " ").map(String.init))
                let ok = names.allSatisfy { n in HeaderScore.norm(n).split(separator: " ").last.map { words.contains(String($0)) } ?? true }
                    && !HeaderScore.matches(HeaderScore.furniture, b) && b.count < 160
                if ok { byline.right += 1 } else { byline.misses.append(name) }
            }
            if let g = HeaderScore.day(derived["published_meta"] as? String), page.contains(String(g.year)) {
                date.pages += 1
                if let d = article.date, abs(HeaderScore.dayNumber(d.year, d.month, d.day) - HeaderScore.dayNumber(g.year, g.month, g.day)) <= 1 {
                    date.right += 1
                } else { date.misses.append(name) }
            }
        }
        return (title, byline, date)
    }
}

/// score-structure.py's normalisation and author reading, in Swift.
enum HeaderScore {
    static let furniture = try! NSRegularExpression(
        pattern: #"\b(photo|image|getty|discover|subject|staff|updated|published|share|follow|email|comments?|click)\b"#,
        options: [.caseInsensitive])
    static let orgWords = try! NSRegularExpression(
        pattern: #"\b(news|insider|international|staff|press|media|times|post|agency|network|digital|desk|team|editorial|reuters|ap|afp|magazine|online|group|service|bureau|wire)\b"#,
        options: [.caseInsensitive])
    static let nameToken = try! NSRegularExpression(
        pattern: #"^([A-Z\u00C0-\u024F][\w\u00C0-\u024F'’.-]*|de|da|van|von|der|al|el|bin|la|le|del|di)$"#)
    static let splitter = try! NSRegularExpression(pattern: #",| and |&|\||\.\s"#)

    static func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// NFKC, lower case, no quote marks, runs of non-word characters as one space.
    static func norm(_ s: String?) -> String {
        let lowered = (s ?? "").precomposedStringWithCompatibilityMapping.lowercased()
        var out = "", space = false
        for u in lowered.unicodeScalars {
            if "\u{2018}\u{2019}\u{201C}\u{201D}\"'`".unicodeScalars.contains(u) { continue }
            if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark {
                if space && !out.isEmpty { out += " " }
                space = false
                out.unicodeScalars.append(u)
            } else { space = true }
        }
        return out
    }

    /// The person names of the author metadata that the page's text contains.
    static func authors(_ meta: String?, _ text: String) -> [String] {
        let meta = (meta ?? "").trimmingCharacters(in: .whitespaces)
        guard !meta.isEmpty, !meta.hasPrefix("http"), meta.count <= 120 else { return [] }
        let textWords = Set(norm(text).split(separator: " ").map(String.init))
        var parts: [String] = []
        var last = meta.startIndex
        for m in splitter.matches(in: meta, range: NSRange(meta.startIndex..., in: meta)) {
            let r = Range(m.range, in: meta)!
            parts.append(String(meta[last..<r.lowerBound]))
            last = r.upperBound
        }
        parts.append(String(meta[last...]))
        return parts.compactMap { raw in
            let p = raw.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let tokens = p.split(separator: " ").map(String.init)
            guard (2...4).contains(tokens.count), !matches(furniture, p), !matches(orgWords, p),
                  tokens.allSatisfy({ matches(nameToken, $0) }),
                  let lastWord = tokens.last, textWords.contains(norm(lastWord)) else { return nil }
            return p
        }
    }

    static func day(_ s: String?) -> (year: Int, month: Int, day: Int)? {
        guard let s, let m = try? #/(\d{4})-(\d{2})-(\d{2})/#.firstMatch(in: s),
              let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3) else { return nil }
        return (y, mo, d)
    }

    /// Days since a fixed epoch (for a difference of days).
    static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3
        return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400
    }
}
