/// What the word tables say about a word, as bits: one lookup a token instead of a
/// `Set<String>` probe (SipHash on a fresh `String`) per table.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let personTitle = WordClass(rawValue: 1 << 0)
    public static let orgWord = WordClass(rawValue: 1 << 1)
    public static let placeWord = WordClass(rawValue: 1 << 2)
    public static let connector = WordClass(rawValue: 1 << 3)
    // 1 << 4 is free.
    public static let nameParticle = WordClass(rawValue: 1 << 5)
    public static let placePreposition = WordClass(rawValue: 1 << 6)
    public static let personVerb = WordClass(rawValue: 1 << 7)
    public static let common = WordClass(rawValue: 1 << 8)
    public static let notName = WordClass(rawValue: 1 << 9)
    public static let cueVerb = WordClass(rawValue: 1 << 10)
    public static let pronoun = WordClass(rawValue: 1 << 11)
    public static let titleCue = WordClass(rawValue: 1 << 12)
    public static let termCue = WordClass(rawValue: 1 << 13)
    public static let speakerNoun = WordClass(rawValue: 1 << 14)
    /// Begins a boilerplate vocabulary phrase.
    public static let phraseStart = WordClass(rawValue: 1 << 15)
    /// Its full stop does not end a sentence ("Mr.", "Gen.", "U.S.").
    public static let abbreviation = WordClass(rawValue: 1 << 16)
    /// Opens a description of a speaker ("the", "a").
    public static let determiner = WordClass(rawValue: 1 << 17)
    /// May stand between a speaker and the reporting verb ("has", "also").
    public static let auxiliary = WordClass(rawValue: 1 << 18)
    /// Opens a paragraph with a colon without naming a speaker ("UPDATE:").
    public static let notSpeakerLabel = WordClass(rawValue: 1 << 19)
    /// A speaker noun for a body or a text rather than one person ("campaign", "report").
    public static let notAPerson = WordClass(rawValue: 1 << 20)
    /// A pronoun for a man, for a woman, or for a group or a thing ("he", "she", "they").
    public static let malePronoun = WordClass(rawValue: 1 << 21)
    public static let femalePronoun = WordClass(rawValue: 1 << 22)
    public static let groupPronoun = WordClass(rawValue: 1 << 23)
    /// Makes the quotation right after it a term ("so-called").
    public static let distancing = WordClass(rawValue: 1 << 24)
    /// "I", "we", "my": the speaker speaking of themselves.
    public static let firstPerson = WordClass(rawValue: 1 << 25)
    /// "on", "of": before a quoted name in Title Case, it is a title ("on “Meet the Press”").
    public static let titlePreposition = WordClass(rawValue: 1 << 26)
}

/// Word hashing and the table of word classes. Words are identified by the 64-bit FNV-1a
/// hash of their lower-case UTF-8 bytes; the table is open-addressed on that hash.
public struct Lexicon: Sendable {
    private(set) var keys: [UInt64]
    private(set) var classes: [UInt32]
    private(set) var stops: [UInt8]
    private let mask: Int

    /// The word classes compiled into Lede (as `lede-train --tables` laid them out; built
    /// from the lists should that file not be there).
    public static let shared = Lexicon(tables: TablesFile.embedded) ?? Lexicon()

    /// The word classes built from the lists in the code (what `lede-train --tables` lays out).
    public static func fromLists() -> Lexicon { Lexicon() }

    init(keys: [UInt64], classes: [UInt32], stops: [UInt8]) {
        self.keys = keys
        self.classes = classes
        self.stops = stops
        mask = keys.count - 1
    }

    /// FNV-1a over bytes, ASCII upper case folded to lower.
    @inline(__always)
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for var c in bytes {
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }

    /// The hash of a word as written in a table (lower case, or folded here if ASCII).
    public static func hash(_ word: String) -> UInt64 { hash(Array(word.lowercased().utf8)) }

    init() {
        var entries: [UInt64: (WordClass, UInt8)] = [:]
        func add(_ words: Set<String>, _ c: WordClass) {
            for w in words { entries[Self.hash(w), default: ([], 0)].0.insert(c) }
        }
        add(PartyCues.personTitles, .personTitle)
        add(PartyCues.orgWords, .orgWord)
        add(PartyCues.placeWords, .placeWord)
        add(PartyCues.connectors, .connector)
        add(PartyCues.nameParticles, .nameParticle)
        add(PartyCues.placePrepositions, .placePreposition)
        add(PartyCues.personVerbs, .personVerb)
        add(PartyCues.commonCapitalised, .common)
        add(PartyCues.notNames, .notName)
        add(QuoteCues.verbs, .cueVerb)
        add(QuoteCues.pronouns, .pronoun)
        add(QuoteCues.titleCues, .titleCue)
        add(QuoteCues.termCues, .termCue)
        add(QuoteCues.speakerNouns, .speakerNoun)
        add(Set(QuoteCues.speakerNouns.map { $0.hasSuffix("s") ? $0 : $0 + "s" }), .speakerNoun)  // plurals
        add(QuoteCues.determiners, .determiner)
        add(QuoteCues.auxiliaries, .auxiliary)
        add(QuoteCues.notSpeakerLabels, .notSpeakerLabel)
        add(QuoteCues.notAPerson, .notAPerson)
        add(QuoteCues.malePronouns, .malePronoun)
        add(QuoteCues.femalePronouns, .femalePronoun)
        add(QuoteCues.groupPronouns, .groupPronoun)
        add(QuoteCues.distancing, .distancing)
        add(QuoteCues.firstPerson, .firstPerson)
        add(QuoteCues.titlePrepositions, .titlePreposition)
        add(Tokenizer.abbreviations, .abbreviation)
        for phrase in BoilerplateVocabulary.allPhrases {
            if let first = PhraseMatcher.words(phrase).first { entries[Self.hash(first), default: ([], 0)].0.insert(.phraseStart) }
        }
        precondition(StopWords.lists.count == StopWords.languageCount)
        for (i, list) in StopWords.lists.enumerated() {
            for w in list.words { entries[Self.hash(w), default: ([], 0)].1 |= 1 << i }
        }
        var size = 1024
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        classes = [UInt32](repeating: 0, count: size)
        stops = [UInt8](repeating: 0, count: size)
        // In the order of the hashes, so that the same lists lay out the same table.
        for (k, v) in entries.sorted(by: { $0.key < $1.key }) {
            var i = Int(truncatingIfNeeded: k) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            classes[i] = v.0.rawValue
            stops[i] = v.1
        }
    }

    @inline(__always)
    private func slot(_ h: UInt64) -> Int? {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[i]
            if k == h { return i }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// The classes of a word and its stop-word languages, in one probe.
    @inline(__always)
    public func lookup(_ h: UInt64) -> (WordClass, UInt8) {
        guard let i = slot(h) else { return ([], 0) }
        return (WordClass(rawValue: classes[i]), stops[i])
    }

    /// The classes of a word by its hash.
    @inline(__always)
    public func classes(_ h: UInt64) -> WordClass {
        slot(h).map { WordClass(rawValue: classes[$0]) } ?? []
    }

    /// A bit per `StopWords.lists` language whose list holds the word.
    @inline(__always)
    public func stopLanguages(_ h: UInt64) -> UInt8 {
        slot(h).map { stops[$0] } ?? 0
    }
}
