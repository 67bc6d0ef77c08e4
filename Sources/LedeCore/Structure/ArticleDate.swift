/// A date (and maybe a time) found in an article's text.
public struct ArticleDate: Sendable, Equatable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?

    /// ISO 8601: `2016-07-14` or `2016-07-14T15:08`.
    public var iso: String {
        var s = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if let hour, let minute { s += "T\(pad(hour, 2)):\(pad(minute, 2))" }
        return s
    }

    private func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }
}

/// Finds dates in short header lines: "Last Updated : Jul 14 2016 | 3:08 PM IST",
/// "July 14, 2016", "14 July 2016", "2016-07-14", "27/09/2018".
public enum DateParser {
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let tables = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
        ]
        for t in tables { for (i, name) in t.enumerated() { m[name] = i + 1 } }
        for (i, name) in tables[0].enumerated() { m[String(name.prefix(3))] = i + 1 }
        m["sept"] = 9
        return m
    }()

    enum Token: Equatable { case number(Int, digits: Int), word(String), sep(Character) }

    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var num = 0, digits = 0
        var word: [UInt8] = []
        var ascii = true
        func flush() {
            if digits > 0 { out.append(.number(num, digits: digits)); num = 0; digits = 0 }
            if !word.isEmpty {
                let w = String(decoding: word, as: UTF8.self)
                out.append(.word(ascii ? w : w.lowercased()))
                word.removeAll(keepingCapacity: true)
                ascii = true
            }
        }
        for u in s.unicodeScalars {
            let v = u.value
            if v >= 0x30 && v <= 0x39 {
                if !word.isEmpty { flush() }
                if digits < 9 { num = num * 10 + Int(v - 0x30) }
                digits += 1
            } else if UTF8Scan.isLetter(u) {
                if digits > 0 { flush() }
                if v < 0x80 { word.append(UInt8(v) | 0x20) } else { ascii = false; TextDecoder.appendUTF8(u, to: &word) }
            } else {
                // "Nov 20 20194:29 AM": a year run into the time after it.
                if v == 0x3A, digits == 5 || digits == 6 {
                    let p = digits == 5 ? 10 : 100
                    if (1900...2100).contains(num / p), num % p < 24 {
                        out.append(.number(num / p, digits: 4))
                        num %= p
                        digits -= 4
                    }
                }
                flush()
                if v != 0x20 { out.append(.sep(Character(u))) }
            }
        }
        flush()
        return out
    }

    /// The first date in `text`, if any.
    public static func parse(_ text: String) -> ArticleDate? {
        parse(tokens(text), from: 0, to: nil)
    }

    /// Words a line that is only a date may hold besides its numbers.
    static let dateWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "at", "de", "am", "pm", "a", "p", "m", "st", "nd", "rd", "th",
        "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "et",
    ]

    /// Whether `text` is a date and nothing else ("Tuesday November 19, 2019", "19/11/2019
    /// 10:30 GMT"): what a list of stories sets under each one.
    public static func isOnlyADate(_ text: String) -> Bool {
        let t = tokens(text)
        for token in t {
            if case .word(let w) = token, months[w] == nil, !dateWords.contains(w) { return false }
        }
        return parse(t, from: 0, to: nil) != nil
    }

    /// Words that say the date after them is when the article was last changed.
    static let updateWords: Set<String> = ["updated", "update", "atualizado", "actualizado", "aktualisiert", "modifié"]

    /// The date a line gives for publication, and the one it gives as "Updated", apart:
    /// "Published Nov 20, 2019 … Updated Nov 21, 2019". A line with only an updated date has
    /// no publication date.
    public static func parseDates(_ text: String) -> (published: ArticleDate?, updated: ArticleDate?) {
        let t = tokens(text)
        // "ESTUpdated": a scraper runs the word into the one before.
        guard let u = t.firstIndex(where: { if case .word(let w) = $0 { return updateWords.contains(w) || w.hasSuffix("updated") } else { return false } }) else {
            return (parse(t, from: 0, to: nil), nil)
        }
        return (parse(t, from: 0, to: u), parse(t, from: u, to: nil))
    }

    /// The first date that starts in tokens `from..<to`.
    static func parse(_ t: [Token], from: Int, to: Int?) -> ArticleDate? {
        for i in from..<(to ?? t.count) {
            if var d = match(t, i) {
                // A time after the date: 3:08 PM, 15:08.
                var j = i
                while j < (to ?? t.count) - 2 {
                    if case .number(let h, _) = t[j], t[j + 1] == .sep(":"), case .number(let m, 2) = t[j + 2], h < 24, m < 60 {
                        var hour = h
                        if j + 3 < t.count, case .word(let ap) = t[j + 3] {
                            if ap == "pm" && hour < 12 { hour += 12 }
                            if ap == "am" && hour == 12 { hour = 0 }
                        }
                        d.hour = hour
                        d.minute = m
                        break
                    }
                    j += 1
                }
                return d
            }
        }
        return nil
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return ArticleDate(year: y, month: m, day: d)
    }

    private static func match(_ t: [Token], _ i: Int) -> ArticleDate? {
        func num(_ k: Int) -> (Int, Int)? {
            guard k < t.count, case .number(let n, let digits) = t[k] else { return nil }
            return (n, digits)
        }
        func month(_ k: Int) -> Int? {
            guard k < t.count, case .word(let w) = t[k] else { return nil }
            return months[w]
        }
        func skipSeps(_ k: Int) -> Int {
            var k = k
            while k < t.count, case .sep(let c) = t[k], c == "." || c == "," { k += 1 }
            return k
        }
        // "19th", "1st": the ordinal's letters after the day.
        func skipOrdinal(_ k: Int) -> Int {
            guard k < t.count, case .word(let w) = t[k], ["st", "nd", "rd", "th"].contains(w) else { return k }
            return k + 1
        }
        // Month Day[,] Year
        if let m = month(i) {
            var k = skipSeps(i + 1)
            if let (d, dd) = num(k), dd <= 2 {
                k = skipSeps(skipOrdinal(k + 1))
                if let (y, yd) = num(k), yd == 4 { return valid(y, m, d) }
            }
        }
        // Day Month Year (with "de" between, as in Portuguese and Spanish)
        if let (d, dd) = num(i), dd <= 2 {
            var k = skipSeps(skipOrdinal(i + 1))
            if k < t.count, t[k] == .word("de") { k += 1 }
            if let m = month(k) {
                k = skipSeps(k + 1)
                if k < t.count, t[k] == .word("de") { k += 1 }
                if let (y, yd) = num(k), yd == 4 { return valid(y, m, d) }
            }
        }
        // Y-M-D and D/M/Y or M/D/Y
        if let (a, ad) = num(i), i + 4 < t.count, case .sep(let s1) = t[i + 1], let (b, _) = num(i + 2),
           case .sep(let s2) = t[i + 3], s1 == s2, s1 == "-" || s1 == "/" || s1 == ".", let (c, cd) = num(i + 4) {
            if ad == 4 { return valid(a, b, c) }
            if cd == 4 {
                if a > 12 { return valid(c, b, a) }
                if b > 12 { return valid(c, a, b) }
                return valid(c, b, a)  // day first: the commoner form outside the US
            }
        }
        return nil
    }
}
