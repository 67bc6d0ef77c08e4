/// The page's title line split into the headline and the publication: "Headline | Site",
/// "Headline - Site", "Headline : Site", "Headline – Site", "Headline | News | Site". A
/// headline's own colon ("…in Syria: Report") and a leading section ("Opinion | …") stay.
enum TitleSplitter {
    /// Byte ranges into the title line's text.
    struct Split: Equatable {
        var headline: Range<Int>
        var publication: Range<Int>?
    }

    /// How a site's name is set after a headline. The spaced colon and hyphen also appear
    /// inside headlines, so they ask more of what follows them.
    struct Separator {
        let bytes: [UInt8]
        /// Whether the words after it must also be found elsewhere on the page, or be a
        /// domain, before they count as the site's name.
        let needsEvidence: Bool
    }

    static let separators: [Separator] = [
        Separator(bytes: Array(" | ".utf8), needsEvidence: false),
        Separator(bytes: Array(" \u{2013} ".utf8), needsEvidence: false),  // en dash
        Separator(bytes: Array(" \u{2014} ".utf8), needsEvidence: false),  // em dash
        Separator(bytes: Array(" \u{00B7} ".utf8), needsEvidence: false),  // middle dot
        Separator(bytes: Array(" :: ".utf8), needsEvidence: false),
        Separator(bytes: Array(" - ".utf8), needsEvidence: false),
        Separator(bytes: Array(" : ".utf8), needsEvidence: true),
    ]

    /// The most words a site's name or a section has.
    static let maxSiteWords = 5
    /// The fewest words a headline keeps once the site is cut off.
    static let minHeadlineWords = 2

    /// Splits `text` (the title line). `elsewhere` says whether a phrase occurs on the page
    /// outside the title line (a footer's "© 2019 CityAM", a logo's alt text).
    static func split(_ text: [UInt8], elsewhere: (String) -> Bool) -> Split {
        var end = text.count
        var publication: Range<Int>? = nil
        // Peel segments off the end while they look like a site's name or, once the site is
        // found, a section of it ("| News | Al Jazeera").
        while let (sepStart, sep) = lastSeparator(text, before: end) {
            let tail = (sepStart + sep.bytes.count)..<end
            let words = Self.words(text, tail)
            let head = 0..<sepStart
            guard isHeadline(text, head), isNameLike(text, tail, words) else { break }
            if publication == nil {
                let phrase = String(decoding: text[tail], as: UTF8.self)
                if sep.needsEvidence && !(isDomain(phrase) || elsewhere(phrase)) { break }
                publication = tail
            } else if sep.bytes != separators[0].bytes || words.count > 3 {
                // Only "|" sets a section between headline and site.
                break
            }
            end = sepStart
        }
        return Split(headline: 0..<end, publication: publication)
    }

    /// The last separator that ends before `end`, with its start.
    static func lastSeparator(_ text: [UInt8], before end: Int) -> (Int, Separator)? {
        var best: (Int, Separator)? = nil
        for sep in separators {
            let n = sep.bytes.count
            var i = end - n
            while i >= 0 {
                if text[i] == sep.bytes[0], Array(text[i..<(i + n)]) == sep.bytes { break }
                i -= 1
            }
            if i >= 0, best == nil || i > best!.0 { best = (i, sep) }
        }
        return best
    }

    /// What is left once the site is cut off still reads as a headline: two words, or a
    /// run of text in a script written without spaces.
    static func isHeadline(_ text: [UInt8], _ r: Range<Int>) -> Bool {
        let n = words(text, r).count
        return n >= minHeadlineWords || (n == 1 && r.count >= 12 && text[r].contains { $0 >= 0xE0 })
    }

    /// Space-separated words of a range.
    static func words(_ text: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, text[i] == 0x20 { i += 1 }
            let s = i
            while i < r.upperBound, text[i] != 0x20 { i += 1 }
            if s < i { out.append(s..<i) }
        }
        return out
    }

    /// Words joining a name's capitalised words ("Times of India", "Mensagens de Reflexão").
    static let joiners: Set<String> = ["of", "the", "and", "&", "de", "da", "do", "dos", "das", "del", "la", "le", "les",
                                       "du", "des", "di", "der", "die", "und", "für", "y", "e", "et", "on", "for", "in"]

    /// A short run of capitalised words, a domain, or a name in a script without capitals:
    /// the shape of "TheHill", "Sky News", "oregonlive.com", "Mensagens de Reflexão". A
    /// phrase that ends a sentence or has lower-case words is part of the headline.
    static func isNameLike(_ text: [UInt8], _ r: Range<Int>, _ words: [Range<Int>]) -> Bool {
        guard (1...maxSiteWords).contains(words.count), r.count <= 60 else { return false }
        let phrase = String(decoding: text[r], as: UTF8.self)
        if isDomain(phrase) { return true }
        if let last = phrase.unicodeScalars.last, "?!.,;\"\u{201D}".unicodeScalars.contains(last) { return false }
        var capitalised = 0
        for w in words {
            let word = String(decoding: text[w], as: UTF8.self)
            guard let first = word.unicodeScalars.first else { continue }
            if first.properties.isUppercase || first.properties.numericType != nil { capitalised += 1; continue }
            // A script without capitals (Japanese, Arabic) gives no case to read.
            if first.properties.isAlphabetic && !first.properties.isLowercase { capitalised += 1; continue }
            if joiners.contains(word.lowercased()) && w != words.first { continue }
            return false
        }
        return capitalised > 0
    }

    /// A whole title line that is a site's name, not a headline: a few capitalised words.
    static func isSiteName(_ text: [UInt8]) -> Bool {
        let w = words(text, 0..<text.count)
        return w.count <= 4 && isNameLike(text, 0..<text.count, w)
    }

    /// "Moneycontrol.com", "oregonlive.com", "www.example.co.uk".
    static func isDomain(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        guard !lower.contains(" "), let dot = lower.lastIndex(of: ".") else { return false }
        let tld = lower[lower.index(after: dot)...]
        return (2...6).contains(tld.count) && tld.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
            && lower[..<dot].count >= 2
    }
}
