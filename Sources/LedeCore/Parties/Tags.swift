/// The entity types the tagger tells apart. MISC (nationalities, events, works) is
/// learned so that it stays out of the other three; Lede does not show it as a party.
public enum EntityType: Int, Sendable, CaseIterable {
    case person, org, place, misc

    /// The party type shown to readers, if any.
    public var partyType: PartyType? {
        switch self {
        case .person: .person
        case .org: .org
        case .place: .place
        case .misc: nil
        }
    }
}

/// A BILOU tag: outside, or the beginning, inside, last or only token of an entity of a
/// type. BILOU rather than BIO: the tagger must decide where a name ends as well as where
/// it starts, and learns it better when the end has its own label (Ratinov & Roth 2009).
public struct Tag: Hashable, Sendable {
    public let rawValue: UInt8

    public enum Position: Int, Sendable, CaseIterable { case begin, inside, last, unit }

    public static let outside = Tag(rawValue: 0)
    /// O plus four positions for each of the four types.
    public static let count = 1 + 4 * EntityType.allCases.count

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ position: Position, _ type: EntityType) {
        rawValue = UInt8(1 + type.rawValue * 4 + position.rawValue)
    }

    public var isOutside: Bool { rawValue == 0 }
    public var type: EntityType? { isOutside ? nil : EntityType(rawValue: Int(rawValue - 1) / 4) }
    public var position: Position? { isOutside ? nil : Position(rawValue: Int(rawValue - 1) % 4) }
    /// Begin or inside: the entity goes on at the next token.
    public var isOpen: Bool { position == .begin || position == .inside }

    public static let all: [Tag] = (0..<count).map { Tag(rawValue: UInt8($0)) }

    public var name: String {
        guard let type, let position else { return "O" }
        return "BILU".map(String.init)[position.rawValue] + "-" + ["PER", "ORG", "LOC", "MISC"][type.rawValue]
    }
}

/// A run of tokens the tagger labelled as one entity.
public struct TaggedSpan: Sendable, Equatable {
    public var paragraph: Int
    /// Token indices in the paragraph.
    public var tokens: Range<Int>
    public var type: EntityType
}
