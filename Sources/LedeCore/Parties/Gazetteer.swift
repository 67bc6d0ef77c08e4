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

    /// The gazetteers compiled into Lede, as `lede-train --tables` laid them out (built
    /// from the lists should that file not be there).
    public static let shared: Gazetteer = Gazetteer(tables: TablesFile.embedded) ?? Gazetteer()

    /// The gazetteers built from the bundled lists (what `lede-train --tables` lays out).
    public static func fromLists() -> Gazetteer { Gazetteer() }

    init() {
        // Built from the bundled bytes: keys hashed where they lie, a String made only for
        // a value (a canonical name), and each made once. The tables are needed by the
        // first analysis, so every millisecond here is one before the reader's first frame.
        givenNames = WordTable(lines: PackageResources.given_names_txt) { row in
            guard row.count > 1, row.bytes(1).count == 1 else { return .unknown }
            return row.bytes(1)[0] == 0x4D ? .male : row.bytes(1)[0] == 0x46 ? .female : .unknown  // M, F
        }
        surnames = WordTable(lines: PackageResources.surnames_txt, foldCase: true) { row in row.number + 1 }
        demonyms = WordTable(lines: PackageResources.demonyms_tsv) { _ in true }
        // The other tables are built from rows in order, a later entry for the same name
        // winning (as `WordTable` keeps the last).
        struct Name {
            var hash: UInt64, first: UInt64, name: String
            init(_ name: String) {
                self.name = name
                hash = WordTable<Bool>.rawHash(name.utf8)
                first = WordTable<Bool>.firstWordHash(name.utf8)
            }
            init(_ row: TableRow) {
                let bytes = row.bytes(0)
                name = row.string(0)
                hash = WordTable<Bool>.rawHash(bytes)
                first = WordTable<Bool>.firstWordHash(bytes)
            }
        }
        var placeRows: [(name: Name, kind: String)] = []
        placeRows.reserveCapacity(4096)
        TabSeparated.forEachRow(PackageResources.places_tsv) { row in
            placeRows.append((Name(row), row.count > 1 ? row.string(1) : "place"))
        }
        // Places: the canonical place of every alias (a place, unless the list says more).
        var aliases: [(alias: Name, place: Name)] = []
        TabSeparated.forEachRow(PackageResources.place_aliases_tsv) { row in
            let alias = Name(row)
            aliases.append((alias, row.nonEmpty(1).map(Name.init) ?? alias))
        }
        var orgs: [(name: Name, canonical: String)] = []
        var agencies = HashSet64()
        TabSeparated.forEachRow(PackageResources.organisations_tsv) { row in
            let name = Name(row)
            orgs.append((name, row.nonEmpty(1) ?? name.name))
            if row.count > 2, row.string(2) == "agency", !name.name.contains(" ") { agencies.insert(Lexicon.hash(name.name)) }
        }
        self.agencies = agencies
        places = WordTable(hashed: aliases.map { ($0.place.hash, "place") } + placeRows.map { ($0.name.hash, $0.kind) })
        placeAliases = WordTable(hashed: aliases.map { ($0.alias.hash, $0.place.name) })
        organisations = WordTable(hashed: orgs.map { ($0.name.hash, $0.canonical) })
        // Every place name is its own canonical form; an alias names its place.
        let canonical = aliases.map { ($0.place, $0.place.name) } + placeRows.map { ($0.name, $0.name.name) } + aliases.map { ($0.alias, $0.place.name) }
        placeCanonical = WordTable(hashed: canonical.map { ($0.0.hash, $0.1) })
        knownNames = WordTable(hashed: canonical.map { ($0.0.hash, KnownName(type: .place, canonical: $0.1)) }
            + orgs.map { ($0.name.hash, KnownName(type: .org, canonical: $0.canonical)) })
        // The first word of every name, by the hash of its bytes.
        nameStarts = WordTable(hashed: canonical.map { $0.0.first } + orgs.map { $0.name.first }, value: true)
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
