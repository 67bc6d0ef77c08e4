/// An article with its gold entities, for training the tagger.
public struct TaggerExample: Sendable {
    public var source: SourceText
    /// Gold entities as source byte ranges.
    public var entities: [(range: Range<Int>, type: EntityType)]

    public init(source: SourceText, entities: [(range: Range<Int>, type: EntityType)]) {
        self.source = source
        // A total order, so that the same entities in any order give the same tags.
        self.entities = entities.sorted {
            ($0.range.lowerBound, $0.range.upperBound, $0.type.rawValue) < ($1.range.lowerBound, $1.range.upperBound, $1.type.rawValue)
        }
    }
}

/// Trains the tagger: each article is prepared as the analyser prepares it (cleaned,
/// tokenised), its gold entities become BILOU tags of its tokens, and the perceptron
/// learns from the greedy decoder's mistakes, article by article, in an order shuffled
/// the same way on every run.
public struct TaggerTraining {
    public var epochs = 12
    public var seed: UInt64 = 0x1ED0
    /// Runs over the data in different orders, whose models are averaged: the averaged
    /// perceptron's result still depends on the order it saw the data in, and the mean of
    /// five orders moved the dev figures far less from one change to the next.
    public var runs = 5
    /// Features updated fewer times than this are left out of the model.
    public var minUpdates: Int32 = 2
    /// Learn from every block of a training article, also those the cleaner drops (the
    /// annotated sets are clean text; what the cleaner drops there is tables and lists).
    public var everyBlock = true

    public init() {}

    /// A prepared article and the gold tag of each of its tokens.
    struct Prepared {
        var input: TaggerInput
        var gold: [[Tag]]
    }

    public func train(_ examples: [TaggerExample], analyzer: ArticleAnalyzer, casing: LinearModel? = nil,
                      gazetteer: Gazetteer = .shared, progress: ((Int, Int) -> Void)? = nil) -> ModelFile.Table {
        let casing = WordCasing(model: casing)
        let prepared = examples.map { Self.prepare($0, analyzer: analyzer, everyBlock: everyBlock) }
        var trainers: [PerceptronTrainer] = []
        for run in 0..<runs {
            let trainer = PerceptronTrainer(labels: Tag.count)
            var order = Array(prepared.indices)
            var rng = SplitMix64(seed: seed &+ UInt64(run) &* 0x9E37)
            for epoch in 0..<epochs {
                order.deterministicShuffle(&rng)
                var mistakes = 0
                for d in order {
                    _ = TagDecoder.decode(prepared[d].input, gazetteer: gazetteer, casing: casing, gold: prepared[d].gold,
                                          learn: { features, gold, predicted in
                        trainer.learn(features.keys, gold: Int(gold.rawValue), predicted: Int(predicted.rawValue))
                        mistakes += 1
                    }, score: { features, scores in
                        trainer.tick()
                        trainer.scores(features.keys, into: &scores)
                    })
                }
                progress?(epoch + 1, mistakes)
            }
            trainers.append(trainer)
        }
        return PerceptronTrainer.table(trainers, name: "tagger", featureVersion: TaggerFeatures.version, minUpdates: minUpdates)
    }

    /// How words are written across some texts (not the tagger's own training articles),
    /// for `WordCasing`.
    public func casing(_ texts: [SourceText], analyzer: ArticleAnalyzer) -> ModelFile.Table {
        var counter = WordCasing.Counter()
        for text in texts {
            let (structure, tokens) = analyzer.prepare(text)
            counter.count(TaggerInput(paragraphs: structure.paragraphs, tokens: tokens))
        }
        return counter.table()
    }

    /// The article as the tagger reads it, with gold BILOU tags on its tokens: a token is
    /// in an entity when it overlaps the entity's range.
    static func prepare(_ example: TaggerExample, analyzer: ArticleAnalyzer, everyBlock: Bool) -> Prepared {
        var (structure, tokens) = analyzer.prepare(example.source)
        var paragraphs = structure.paragraphs
        if everyBlock {
            let taken = Set(paragraphs.map(\.block))
            for (i, b) in BlockSplitter.split(example.source).enumerated() where !taken.contains(i) && !b.text.isEmpty {
                paragraphs.append(Paragraph(role: .body, text: b.text, block: i))
            }
            paragraphs.sort { $0.block < $1.block }
            tokens = paragraphs.map { Tokenizer.tokenize($0.text.utf8) }
        }
        let input = TaggerInput(paragraphs: paragraphs, tokens: tokens)
        let entities = example.entities
        var k = 0
        var gold: [[Tag]] = []
        for (p, toks) in tokens.enumerated() {
            var owner = [Int](repeating: -1, count: toks.count)
            for (i, t) in toks.enumerated() {
                let r = paragraphs[p].text.sourceRange(t.range)
                while k < entities.count, entities[k].range.upperBound <= r.lowerBound { k += 1 }
                // Ranges may come out of order across paragraphs; look back a little.
                var j = k
                while j > 0, entities[j - 1].range.upperBound > r.lowerBound { j -= 1 }
                while j < entities.count, entities[j].range.lowerBound < r.upperBound {
                    if entities[j].range.overlaps(r) { owner[i] = j; break }
                    j += 1
                }
            }
            var tags = [Tag](repeating: .outside, count: toks.count)
            var i = 0
            while i < toks.count {
                guard owner[i] >= 0 else { i += 1; continue }
                var e = i + 1
                while e < toks.count, owner[e] == owner[i] { e += 1 }
                let type = entities[owner[i]].type
                if e == i + 1 {
                    tags[i] = Tag(.unit, type)
                } else {
                    tags[i] = Tag(.begin, type)
                    for m in (i + 1)..<(e - 1) { tags[m] = Tag(.inside, type) }
                    tags[e - 1] = Tag(.last, type)
                }
                i = e
            }
            gold.append(tags)
        }
        return Prepared(input: input, gold: gold)
    }
}
