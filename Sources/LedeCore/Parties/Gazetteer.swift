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
            guard fields.count > 1, fields[1].count == 1 else { return .unknown }
            return fields[1].first == 0x4D ? .male : fields[1].first == 0x46 ? .female : .unknown  // M, F
        }
        surnames = WordTable(lines: PackageResources.surnames_txt, foldCase: true) { _, line in line + 1 }
        // The other tables are built from rows in order, a later entry for the same name
        // winning (as `WordTable` keeps the last): no dictionary of Strings on the way, a
        // few milliseconds less before the first analysis.
        let placeRows = Self.lines(PackageResources.places_tsv)
        let aliasRows = Self.lines(PackageResources.place_aliases_tsv)
        let orgRows = Self.lines(PackageResources.organisations_tsv)
        func second(_ row: [String]) -> String? { row.count > 1 && !row[1].isEmpty ? row[1] : nil }
        // Places: the canonical place of every alias (a place, unless the list says more),
        // then the list's places with their kind.
        let aliases = aliasRows.map { (alias: $0[0], place: second($0) ?? $0[0]) }
        places = WordTable(aliases.map { ($0.place, "place") } + placeRows.map { ($0[0], $0.count > 1 ? $0[1] : "place") })
        placeAliases = WordTable(aliases.map { ($0.alias, $0.place) })
        var agencies = HashSet64()
        for row in orgRows where row.count > 2 && row[2] == "agency" && !row[0].contains(" ") { agencies.insert(Lexicon.hash(row[0])) }
        self.agencies = agencies
        let orgs = orgRows.map { ($0[0], second($0) ?? $0[0]) }
        organisations = WordTable(orgs)
        demonyms = WordTable(lines: PackageResources.demonyms_tsv) { _, _ in true }
        // Every place name is its own canonical form; an alias names its place.
        let canonical = aliases.map { ($0.place, $0.place) } + placeRows.map { ($0[0], $0[0]) } + aliases.map { ($0.alias, $0.place) }
        placeCanonical = WordTable(canonical)
        knownNames = WordTable(canonical.map { ($0.0, KnownName(type: .place, canonical: $0.1)) }
            + orgs.map { ($0.0, KnownName(type: .org, canonical: $0.1)) })
        // The first word of every name, by the hash of its bytes.
        nameStarts = WordTable(hashed: canonical.map { WordTable<Bool>.firstWordHash($0.0) } + orgs.map { WordTable<Bool>.firstWordHash($0.0) }, value: true)
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
