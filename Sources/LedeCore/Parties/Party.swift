/// The kinds of named party Lede tells apart.
public enum PartyType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON"
    case org = "ORG"
    case place = "PLACE"

    /// Position in `allCases`.
    var index: Int {
        switch self {
        case .person: 0
        case .org: 1
        case .place: 2
        }
    }
}

/// One mention of a party in the text.
public struct Mention: Sendable, Equatable {
    /// Byte range in the source text.
    public var source: Range<Int>
    /// The analysed paragraph it is in, and its byte range in that paragraph's cleaned text.
    public var paragraph: Int
    public var local: Range<Int>
    /// The text as written ("Kerry").
    public var text: String
    public var type: PartyType
    /// Index into `Article.parties`.
    public var party: Int
}

/// A named party of an article with its canonical name ("John Kerry") and the other
/// names it goes by there ("Kerry").
public struct Party: Sendable, Equatable {
    public var name: String
    public var type: PartyType
    /// Other names used for it in the article, in order of first use.
    public var aliases: [String]
    /// Indices into `Article.mentions`.
    public var mentions: [Int]
}
