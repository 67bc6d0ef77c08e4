/// Who a pronoun that introduces a quotation stands for ("he added", "she said"): the
/// person named most recently before it (outside quotations and the byline) whose given
/// name does not say the other sex, else the speaker before; an organisation for "they"
/// and "we". It looks back over a bounded number of mentions, so its cost does not grow
/// with the article.
struct PronounResolver {
    let mentions: [Mention]
    let parties: [Party]
    /// The gender each party's name suggests (people only), worked out once.
    let genders: [Gender]
    /// How many mentions back, and how many paragraphs back, it looks.
    static let mentionsBack = 24
    static let paragraphsBack = 6

    init(mentions: [Mention], parties: [Party], gazetteer: Gazetteer) {
        self.mentions = mentions
        self.parties = parties
        genders = parties.map { $0.type == .person ? gazetteer.gender(ofName: $0.name) : .unknown }
    }

    /// The gender a party's name suggests (people only).
    func gender(_ party: Int) -> Gender { genders[party] }

    /// The party for pronoun `word` in paragraph `p`; `before` is the index of the first
    /// mention at or after the pronoun; `lastSpeaker` the party that spoke last.
    func resolve(_ word: Token, paragraph p: Int, before: Int, views: [ParagraphView], lastSpeaker: Int?) -> Int? {
        let classes = word.classes
        if classes.contains(.malePronoun) || classes.contains(.femalePronoun) {
            // The nearest person whose given name does not say the other sex: "she" skips
            // the man named last, and a name the lists do not know ("Raj") is not passed
            // over for a man named paragraphs earlier.
            let other: Gender = classes.contains(.malePronoun) ? .female : .male
            if let nearest = nearestMention(before: before, paragraph: p, views: views, where: { m in
                m.type == .person && gender(m.party) != other
            }) { return nearest }
            if let lastSpeaker, parties[lastSpeaker].type == .person, gender(lastSpeaker) != other { return lastSpeaker }
            return nil
        }
        if classes.contains(.groupPronoun) {
            if let lastSpeaker, parties[lastSpeaker].type == .org { return lastSpeaker }
            return nearestMention(before: before, paragraph: p, views: views) { $0.type == .org }
        }
        return nil
    }

    /// The person a definite description stands for ("the Wisconsin Republican said"): the
    /// speaker before if a person, else the person named last before it.
    func resolveDescription(paragraph p: Int, before: Int, views: [ParagraphView], lastSpeaker: Int?) -> Int? {
        if let lastSpeaker, parties[lastSpeaker].type == .person { return lastSpeaker }
        return nearestMention(before: before, paragraph: p, views: views) { $0.type == .person }
    }

    /// The party of the nearest mention outside quotations before mention index `before`
    /// (within the bounds above) that `accepts`.
    func nearestMention(before: Int, paragraph p: Int, views: [ParagraphView], where accepts: (Mention) -> Bool) -> Int? {
        var k = before - 1
        var steps = 0
        while k >= 0, steps < Self.mentionsBack, mentions[k].paragraph >= p - Self.paragraphsBack {
            // A byline names the writer, not someone in the story.
            if views[mentions[k].paragraph].role != .byline, !isQuoted(mentions[k], views), accepts(mentions[k]) {
                return mentions[k].party
            }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// A mention inside a quotation names someone spoken of, not a speaker.
    func isQuoted(_ m: Mention, _ views: [ParagraphView]) -> Bool {
        let spans = views[m.paragraph].spans
        // The last span starting at or before the mention (spans are in order).
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].range.lowerBound <= m.local.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && m.local.upperBound <= spans[lo - 1].range.upperBound
    }
}
