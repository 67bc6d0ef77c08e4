/// The bundled gazetteers: given names, surnames, places, organisations, demonyms, built
/// from public facts by `Scripts/make-gazetteers.py` (and by hand) and compiled into the
/// binary, so the `lede` executable needs no resource folder beside it.
public struct Gazetteer: Sendable {
    /// Given names and the gender they are usually given to (for "he" and "she").
    public let givenNames: WordTable<Gender>
    /// Surname → frequency rank (1 is commonest).
    public let surnames: WordTable<Int>
    /// Place name → kind (country, capital, state, city, …).
    public let places: WordTable<String>
    /// Alias → canonical place (US → United States).
    public let placeAliases: WordTable<String>
    /// Organisation name or alias → canonical name.
    public let organisations: WordTable<String>
    /// Demonyms and adjectives that name no party ("Russian", "Islamist").
    public let demonyms: WordTable<Bool>
    /// Every organisation and place name or alias with its type and canonical name, in one
    /// table (organisations first, as in `known`): one probe per candidate name.
    public let knownNames: WordTable<KnownName>
    /// Place names and aliases → canonical place.
    public let placeCanonical: WordTable<String>
    /// The first word of every place and organisation name and alias: a cheap test
    /// before building a name to look up.
    public let nameStarts: WordTable<Bool>
    /// News agencies' one-word names and aliases ("Reuters", "AFP"), by `Lexicon` hash of
    /// the lower-case word.
    public let agencies: HashSet64

    /// The gazetteers compiled into Lede.
    public static let shared = Gazetteer()

    init() {
        // The name lists are the bulk (11,000 lines): built from the bytes, no Strings.
        givenNames = WordTable(lines: PackageResources.given_names_txt) { fields, _ in
            let mark = fields.count > 1 ? fields[1] : []
            return mark.elementsEqual([0x4D]) ? .male : mark.elementsEqual([0x46]) ? .female : .unknown  // M, F
        }
        surnames = WordTable(lines: PackageResources.surnames_txt, foldCase: true) { _, line in line + 1 }
        var p: [String: String] = [:]
        for row in Self.lines(PackageResources.places_tsv) { p[row[0]] = row.count > 1 ? row[1] : "place" }
        var aliases: [String: String] = [:]
        for row in Self.lines(PackageResources.place_aliases_tsv) {
            let canonical = row.count > 1 && !row[1].isEmpty ? row[1] : row[0]
            aliases[row[0]] = canonical
            if p[canonical] == nil { p[canonical] = "place" }
        }
        places = WordTable(Array(p))
        placeAliases = WordTable(Array(aliases))
        var o: [String: String] = [:]
        var agencies = HashSet64()
        for row in Self.lines(PackageResources.organisations_tsv) {
            o[row[0]] = row.count > 1 && !row[1].isEmpty ? row[1] : row[0]
            if row.count > 2, row[2] == "agency", !row[0].contains(" ") { agencies.insert(Lexicon.hash(row[0])) }
        }
        self.agencies = agencies
        organisations = WordTable(Array(o))
        demonyms = WordTable(lines: PackageResources.demonyms_tsv) { _, _ in true }
        var starts = Set<String>()
        for name in Array(p.keys) + Array(aliases.keys) + Array(o.keys) {
            if let first = name.split(separator: " ").first { starts.insert(String(first)) }
        }
        nameStarts = WordTable(starts.map { ($0, true) })
        var canonical: [String: String] = [:]
        for name in p.keys { canonical[name] = name }
        for (alias, target) in aliases { canonical[alias] = target }
        placeCanonical = WordTable(Array(canonical))
        var known: [String: KnownName] = [:]
        for (name, target) in canonical { known[name] = KnownName(type: .place, canonical: target) }
        for (name, target) in o { known[name] = KnownName(type: .org, canonical: target) }
        knownNames = WordTable(Array(known))
    }

    /// Non-comment lines split on tabs.
    static func lines(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(bytes.count / 8)
        TabSeparated.forEachRow(bytes) { fields in rows.append(fields.map { String(decoding: $0, as: UTF8.self) }) }
        return rows
    }

    /// The gender a person's full name suggests by its first word, if any.
    public func gender(ofName name: String) -> Gender {
        guard let first = name.split(separator: " ").first else { return .unknown }
        return givenNames[String(first)] ?? .unknown
    }

    /// The canonical place for a name or alias, if it is one.
    public func place(_ name: String) -> String? { placeCanonical[name] }
}

/// What a given name says of the person's gender, as far as name lists can tell.
public enum Gender: Sendable {
    case male, female, unknown
}

/// A name the gazetteers know: its type and canonical form.
public struct KnownName: Sendable {
    public var type: PartyType
    public var canonical: String
}
