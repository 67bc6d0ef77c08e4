/// The named-party tagger: a linear model over `TaggerFeatures`, decoded greedily from
/// left to right with BILOU constraints (an entity, once begun, goes on or ends; it
/// cannot end before it begins). A token that cannot start a name (no capital letter)
/// outside a name is O without being scored, which is most tokens of an article.
public struct PartyTagger: Sendable {
    public let model: LinearModel?
    let gazetteer: Gazetteer
    let casing: WordCasing

    public init(model: LinearModel?, casing: LinearModel? = nil, gazetteer: Gazetteer = .shared) {
        // A model trained for other features or tags would only mislead.
        self.model = model?.ifCompatible(version: TaggerFeatures.version, labels: Tag.count)
        self.casing = WordCasing(model: casing?.ifCompatible(version: TaggerFeatures.version, labels: 1))
        self.gazetteer = gazetteer
    }

    /// The tags of every token of every paragraph, in one pass from the start of the
    /// article to its end. (A second pass that also knew how the first tagged each word
    /// elsewhere in the article cost twice as much and gained nothing measurable.)
    public func tag(_ input: TaggerInput) -> [[Tag]] {
        guard let model else { return input.tokens.map { [Tag](repeating: .outside, count: $0.count) } }
        var sums = [Int32](repeating: 0, count: Tag.count)
        let score: (FeatureVector, inout [Double]) -> Void = { features, scores in
            sums.withUnsafeMutableBufferPointer { s in
                for l in 0..<Tag.count { s[l] = 0 }
                model.accumulate(features.keys, into: s.baseAddress!)
                for l in 0..<Tag.count { scores[l] = Double(s[l]) }
            }
        }
        return TagDecoder.decode(input, gazetteer: gazetteer, casing: casing, score: score)
    }

    /// The entities in tagged paragraphs.
    public static func spans(_ tags: [[Tag]]) -> [TaggedSpan] {
        var out: [TaggedSpan] = []
        for (p, row) in tags.enumerated() {
            var start: Int? = nil
            for (i, t) in row.enumerated() {
                guard let type = t.type, let position = t.position else { start = nil; continue }
                switch position {
                case .unit: out.append(TaggedSpan(paragraph: p, tokens: i..<(i + 1), type: type)); start = nil
                case .begin: start = i
                case .inside: break
                case .last:
                    if let s = start { out.append(TaggedSpan(paragraph: p, tokens: s..<(i + 1), type: type)) }
                    start = nil
                }
            }
        }
        return out
    }
}

/// Greedy decoding, the same for tagging and for training (where `learn` is told the
/// features of each decision that differs from the best tag the gold allows).
enum TagDecoder {
    static func decode(_ input: TaggerInput, gazetteer: Gazetteer, casing: WordCasing,
                       gold: [[Tag]]? = nil, learn: ((FeatureVector, Tag, Tag) -> Void)? = nil,
                       score: (FeatureVector, inout [Double]) -> Void) -> [[Tag]] {
        var out: [[Tag]] = []
        out.reserveCapacity(input.tokens.count)
        var features = FeatureVector(capacity: 96)
        var scores = [Double](repeating: 0, count: Tag.count)
        var earlier = HashMap64<UInt8>()
        for p in input.tokens.indices {
            let toks = input.tokens[p]
            var tags = [Tag](repeating: .outside, count: toks.count)
            guard toks.contains(where: { $0.kind == .word }) else { out.append(tags); continue }
            var facts = TokenFacts(toks, input.texts[p], capitals: input.capitals[p], gazetteer: gazetteer)
            var previous = Tag.outside, secondPrevious = Tag.outside
            for i in toks.indices {
                let open = previous.isOpen
                guard open || facts.canStart[i] else {
                    secondPrevious = previous
                    previous = .outside
                    continue
                }
                let w = toks[i].hash
                features.removeAll()
                TaggerFeatures.addStatic(&features, input, p, i, &facts, gazetteer: gazetteer, casing: casing)
                TaggerFeatures.addDynamic(&features, word: w, shape: facts.shape(i), previous: previous,
                                          secondPrevious: secondPrevious, earlier: earlier[w] ?? 0)
                score(features, &scores)
                // A name cannot go on past the paragraph's end or into punctuation such
                // as a comma or a quote mark.
                let last = i + 1 == toks.count || !canContinue(toks, i + 1)
                var best = Tag.outside
                var bestScore = -Double.infinity
                for tag in Tag.all where allowed(tag, after: previous, last: last) && scores[Int(tag.rawValue)] > bestScore {
                    best = tag
                    bestScore = scores[Int(tag.rawValue)]
                }
                if let gold, let learn {
                    let target = oracle(gold[p][i], after: previous, last: last)
                    if target != best { learn(features, target, best) }
                }
                tags[i] = best
                earlier[w] = best.type.map { UInt8($0.rawValue + 1) } ?? 5
                secondPrevious = previous
                previous = best
            }
            out.append(tags)
        }
        return out
    }

    /// Whether token `i` can be inside a name or end it: words and numbers, the "&" of
    /// "Douglas & Lomason", and the apostrophe of a possessive inside a name ("Sheriff's
    /// Department") but not one that closes a quotation ("‘The Lark Ascending’").
    @inline(__always)
    static func canContinue(_ toks: [Token], _ i: Int) -> Bool {
        let t = toks[i]
        // "U.S. The": the full stop of an abbreviation that also ends the sentence.
        if i > 0, toks[i - 1].hasDot, t.isCapitalized, t.classes.contains(.common) { return false }
        if t.kind != .punct || t.text == "&" { return true }
        return toks.isPossessive(at: i)
    }

    /// BILOU order: inside an entity only I or L of its type; outside, O, B or U; nothing
    /// left open at the end of a paragraph.
    @inline(__always)
    static func allowed(_ tag: Tag, after previous: Tag, last: Bool) -> Bool {
        if previous.isOpen {
            guard tag.type == previous.type else { return false }
            return last ? tag.position == .last : tag.position == .inside || tag.position == .last
        }
        guard let position = tag.position else { return true }
        return position == .unit || (position == .begin && !last)
    }

    /// The best tag the gold allows after the tags already given: the gold tag if it is
    /// allowed; else, inside an entity, its end; outside, the start of the gold entity
    /// under way (B for I, U for L), so a late start still covers most of it.
    static func oracle(_ gold: Tag, after previous: Tag, last: Bool) -> Tag {
        if allowed(gold, after: previous, last: last) { return gold }
        if previous.isOpen, let type = previous.type { return Tag(.last, type) }
        if let type = gold.type, let position = gold.position {
            switch position {
            case .inside: return last ? Tag(.unit, type) : Tag(.begin, type)
            case .last: return Tag(.unit, type)
            case .begin: return Tag(.unit, type)  // only at the end of a paragraph
            case .unit: return gold
            }
        }
        return .outside
    }
}
