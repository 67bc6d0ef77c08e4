import Foundation
/// An article with its gold quotations, for training the speaker ranker and the speech
/// classifier. Ranges are source byte ranges.
public struct QuoteExample: Sendable {
    public struct Gold: Sendable {
        public var range: Range<Int>
        /// The annotator's source text ("he", "the campaign", "Hillary Clinton"), if any.
        public var speaker: String?
        public var speakerSpans: [Range<Int>]
        public init(range: Range<Int>, speaker: String?, speakerSpans: [Range<Int>]) {
            self.range = range
            self.speaker = speaker
            self.speakerSpans = speakerSpans
        }
    }

    public var source: SourceText
    public var quotes: [Gold]
    /// Quote-marked text that is not a quotation (a title, a term, a scare quote).
    public var unattributed: [Range<Int>]

    public init(source: SourceText, quotes: [Gold], unattributed: [Range<Int>]) {
        self.source = source
        self.quotes = quotes
        self.unattributed = unattributed
    }
}

/// Trains the speaker ranker and then the speech classifier, on articles prepared and
/// tagged as the analyser prepares them, by running the same pass over their quoted spans
/// as `QuoteFinder` with closures that learn.
public struct QuoteTraining {
    public var speakerEpochs = 15
    public var speechEpochs = 15
    public var seed: UInt64 = 0x5EA4
    /// Runs over the data in different orders, whose models are averaged (as the tagger's).
    public var runs = 5
    /// Gold quotations whose speaker was among no candidate, in the last epoch.
    public private(set) var unreachableSpeakers = 0

    public init() {}

    /// An article ready for the quote pass, with each span's gold.
    struct Prepared {
        var decoder: QuoteDecoder
        var example: QuoteExample
    }

    /// What the gold says of a span: a quotation (its index), a non-quotation, or unclear
    /// (it overlaps a gold quotation without matching it: the marks were read otherwise).
    enum Verdict { case quote(Int), notQuote, unclear }

    static func verdict(_ range: Range<Int>, _ example: QuoteExample) -> Verdict {
        var overlapping = false
        for (gi, g) in example.quotes.enumerated() where g.range.overlaps(range) {
            let shared = g.range.clamped(to: range).count
            if shared * 2 >= g.range.count && shared * 2 >= range.count { return .quote(gi) }
            overlapping = true
        }
        return overlapping ? .unclear : .notQuote
    }

    /// Whether a candidate's speaker is the gold one, as the quotes-dev README scores it:
    /// its words overlap the gold source, or the two names share a content word.
    static func isRight(_ d: SpanDecision, _ ci: Int, _ gold: QuoteExample.Gold) -> Bool {
        guard let speaker = gold.speaker else { return d.candidates[ci].kind == .none }
        if d.candidates[ci].kind == .none { return false }
        if let s = d.sources[ci], gold.speakerSpans.contains(where: { $0.overlaps(s) }) { return true }
        guard let name = d.names[ci] else { return false }
        return namesMatch(name, speaker)
    }

    /// The lenient name match of the quotes-dev README, for training and measuring alike:
    /// the two names share a content word ("Sen. Cruz", "Ted Cruz").
    public static func namesMatch(_ a: String, _ b: String) -> Bool {
        !contentWords(a).isDisjoint(with: contentWords(b))
    }

    static let stop: Set<String> = ["the", "a", "an", "of", "and", "he", "she", "they", "who", "mr", "mrs", "ms", "dr"]

    static func contentWords(_ s: String) -> Set<String> {
        Set(s.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting(stop)
    }

    func prepare(_ examples: [QuoteExample], analyzer: ArticleAnalyzer) -> [Prepared] {
        examples.map { ex in
            let (structure, tokens) = analyzer.prepare(ex.source)
            let (mentions, parties) = analyzer.recognizer.recognize(structure.paragraphs, tokens: tokens)
            return Prepared(decoder: QuoteDecoder(paragraphs: structure.paragraphs, tokens: tokens, mentions: mentions,
                                                  parties: parties, gazetteer: .shared), example: ex)
        }
    }

    /// The ranker: on each gold quotation whose speaker is among the candidates, the best
    /// right candidate's features go up and the chosen wrong one's down.
    public mutating func trainSpeaker(_ examples: [QuoteExample], analyzer: ArticleAnalyzer,
                                      progress: ((Int, Int) -> Void)? = nil) -> ModelFile.Table {
        let prepared = prepare(examples, analyzer: analyzer)
        var trainers: [PerceptronTrainer] = []
        var unreachable = 0
        for run in 0..<runs {
            let trainer = PerceptronTrainer(labels: 1)
            var order = Array(prepared.indices)
            var rng = SplitMix64(seed: seed &+ UInt64(run) &* 0x9E37)
            for epoch in 0..<speakerEpochs {
                order.deterministicShuffle(&rng)
                var mistakes = 0
                unreachable = 0
                for d in order {
                    let ex = prepared[d].example
                    let views = prepared[d].decoder.views
                    _ = prepared[d].decoder.run(rank: { trainer.score($0) }, everySpeaker: true, isSpeech: { decision, _ in
                        let range = views[decision.paragraph].text.sourceRange(views[decision.paragraph].spans[decision.span].range)
                        guard case .quote(let gi) = Self.verdict(range, ex) else { return false }
                        let gold = ex.quotes[gi]
                        trainer.tick()
                        let right = decision.candidates.indices.filter { Self.isRight(decision, $0, gold) }
                        if right.isEmpty { unreachable += 1 }
                        guard !right.isEmpty, !right.contains(decision.chosen) else { return true }
                        let target = right.max { decision.scores[$0] < decision.scores[$1] }!
                        trainer.update(decision.features[target], label: 0, by: 1)
                        trainer.update(decision.features[decision.chosen], label: 0, by: -1)
                        mistakes += 1
                        return true
                    })
                }
                progress?(epoch + 1, mistakes)
            }
            trainers.append(trainer)
        }
        unreachableSpeakers = unreachable
        return PerceptronTrainer.table(trainers, name: "speaker", featureVersion: SpeakerFeatures.version)
    }

    /// The speech classifier, with the trained ranker's decisions among its features: a
    /// gold quotation is speech, a span the gold lists as unattributed or does not mark is
    /// not; a span the gold reads otherwise teaches nothing.
    public func trainSpeech(_ examples: [QuoteExample], analyzer: ArticleAnalyzer, speaker: LinearModel,
                            progress: ((Int, Int) -> Void)? = nil) -> ModelFile.Table {
        let prepared = prepare(examples, analyzer: analyzer)
        let rank: ([UInt64]) -> Double = { speaker.realScore($0) }
        var trainers: [PerceptronTrainer] = []
        for run in 0..<runs {
            let trainer = PerceptronTrainer(labels: 1)
            var order = Array(prepared.indices)
            var rng = SplitMix64(seed: seed &+ 1 &+ UInt64(run) &* 0x9E37)
            for epoch in 0..<speechEpochs {
                order.deterministicShuffle(&rng)
                var mistakes = 0
                for d in order {
                    let ex = prepared[d].example
                    let views = prepared[d].decoder.views
                    _ = prepared[d].decoder.run(rank: rank, everySpeaker: true, isSpeech: { decision, features in
                        let range = views[decision.paragraph].text.sourceRange(views[decision.paragraph].spans[decision.span].range)
                        let predicted = trainer.score(features) > 0
                        let label: Double
                        switch Self.verdict(range, ex) {
                        case .quote: label = 1
                        case .notQuote: label = -1
                        case .unclear: return predicted
                        }
                        trainer.tick()
                        if (label > 0) != predicted {
                            trainer.update(features, label: 0, by: label)
                            mistakes += 1
                        }
                        return predicted
                    })
                }
                progress?(epoch + 1, mistakes)
            }
            trainers.append(trainer)
        }
        return PerceptronTrainer.table(trainers, name: "speech", featureVersion: SpeechFeatures.version)
    }
}

extension QuoteTraining {
    /// For measuring: how the ranker's choices on gold quotations went, counted by the
    /// kind chosen and the kind of the best right candidate ("person→pronoun": chose a
    /// name where the right candidate was a pronoun; "→-": no candidate was right).
    public func confusion(_ examples: [QuoteExample], analyzer: ArticleAnalyzer, speaker: LinearModel,
                          verbose: Bool = false) -> [String: Int] {
        var counts: [String: Int] = [:]
        let rank: ([UInt64]) -> Double = { speaker.realScore($0) }
        for p in prepare(examples, analyzer: analyzer) {
            let views = p.decoder.views
            _ = p.decoder.run(rank: rank, everySpeaker: true, isSpeech: { d, _ in
                let range = views[d.paragraph].text.sourceRange(views[d.paragraph].spans[d.span].range)
                guard case .quote(let gi) = Self.verdict(range, p.example) else { return false }
                let gold = p.example.quotes[gi]
                let right = d.candidates.indices.filter { Self.isRight(d, $0, gold) }
                let chosen = "\(d.candidates[d.chosen].kind)"
                if right.contains(d.chosen) { counts["ok " + chosen, default: 0] += 1; return true }
                let best = right.max { d.scores[$0] < d.scores[$1] }
                let key = chosen + "→" + (best.map { "\(d.candidates[$0].kind)" } ?? "-")
                counts[key, default: 0] += 1
                if verbose {
                    let v = views[d.paragraph]
                    let q = v.text.string(v.spans[d.span].range).prefix(50)
                    print("  \(key) gold=\(gold.speaker ?? "nil") ours=\(d.names[d.chosen] ?? "nil") :: \(q)")
                    if key == "person→person" || key == "pronoun→person" {
                        print("      ¶ " + v.text.string.prefix(400).replacingOccurrences(of: "\n", with: " "))
                    }
                }
                return true
            })
        }
        return counts
    }
}
