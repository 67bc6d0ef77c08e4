import Testing
@testable import LedeCore

/// The learning layer: the model file, the perceptron, training that gives the same bytes
/// for the same data, and the models compiled into Lede.
@Suite struct ModelFileTests {
    func table(_ name: String, labels: Int, _ rows: [(UInt64, [Int16])]) -> ModelFile.Table {
        ModelFile.Table(name: name, labels: labels, featureVersion: 7, scale: 0.5, features: rows.map { ($0.0, $0.1) })
    }

    @Test func writesAndReadsBackInPlace() throws {
        let a = table("tagger", labels: 3, [(Feature.key(1, 42), [1, -2, 3]), (Feature.key(2), [0, 5, 0])])
        let b = table("speaker", labels: 1, [(Feature.key(9, 1), [7])])
        let models = try Models(bytes: ModelFile.write([a, b]))
        let tagger = try #require(models.tagger)
        #expect(tagger.labels == 3 && tagger.featureVersion == 7 && tagger.featureCount == 2)
        var scores = [Int32](repeating: 0, count: 3)
        scores.withUnsafeMutableBufferPointer { tagger.accumulate([Feature.key(1, 42), Feature.key(2), Feature.key(3)], into: $0.baseAddress!) }
        #expect(scores == [1, 3, 3])
        #expect(tagger.weights(of: Feature.key(1, 42)) == [0.5, -1, 1.5])
        #expect(tagger.weights(of: Feature.key(1, 43)) == nil)
        #expect(models.speaker?.score([Feature.key(9, 1), Feature.key(9, 1)]) == 14)
        #expect(models.speech == nil)
    }

    @Test func damagedFilesAreRefusedNotRead() {
        let bytes = ModelFile.write([table("tagger", labels: 2, [(Feature.key(1, 1), [1, 1])])])
        #expect(throws: ModelFile.Error.notAModelFile) { try Models(bytes: Array("not a model".utf8)) }
        #expect(throws: ModelFile.Error.self) { try Models(bytes: Array(bytes.prefix(bytes.count - 8))) }
        var wrongVersion = bytes
        wrongVersion[8] = 99
        #expect(throws: ModelFile.Error.unsupportedVersion(99)) { try Models(bytes: wrongVersion) }
        // Every truncation is an error or a valid file, never a crash.
        for n in stride(from: 0, to: bytes.count, by: 7) { _ = try? Models(bytes: Array(bytes.prefix(n))) }
    }

    /// A directory or table damaged so that reading it as it says would read out of
    /// bounds, divide the wrong way or probe for ever is refused.
    @Test func damagedDirectoriesAreRefused() {
        let bytes = ModelFile.write([table("tagger", labels: 2, [(Feature.key(1, 1), [1, 1]), (Feature.key(1, 2), [2, 2])])])
        func patched(_ offset: Int, _ value: UInt32) -> [UInt8] {
            var b = bytes
            for i in 0..<4 { b[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
            return b
        }
        let entry = 16
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(12, 0xFFFF_FFFF)) }            // model count
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 32, 0xFFFF_FFFF)) }    // labels
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 36, 3)) }              // slots not a power of two
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 40, 0xFFFF_FFF8)) }    // table offset
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 48, Float.nan.bitPattern)) }
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 48, Float(-1).bitPattern)) }
        #expect(throws: ModelFile.Error.self) { try Models(bytes: patched(entry + 56, 0x8000_0000)) }    // features
        // A table with no empty slot: a probe for a missing feature would never end.
        let fpOffset = Int(bytes[entry + 40]) | Int(bytes[entry + 41]) << 8
        let slots = Int(bytes[entry + 36])
        var full = bytes
        for i in 0..<slots where full[fpOffset + 8 * i] == 0 { full[fpOffset + 8 * i] = 1 }
        #expect(throws: ModelFile.Error.self) { try Models(bytes: full) }
        #expect((try? Models(bytes: bytes)) != nil)
    }

    @Test func modelsCompiledIntoLedeAreCurrent() throws {
        // A model trained for another version of its features is not used: retrain
        // (swift run -c release lede-train) after changing a feature extractor.
        let models = try ModelFile.read(Models.embeddedBytes, owner: nil, checkRows: true)
        #expect(models["tagger"]?.featureVersion == TaggerFeatures.version)
        #expect(models["tagger"]?.labels == LedeCore.Tag.count)
        #expect(models["speaker"]?.featureVersion == SpeakerFeatures.version)
        #expect(models["speech"]?.featureVersion == SpeechFeatures.version)
        #expect(models["casing"]?.featureVersion == TaggerFeatures.version)
        #expect(models["speaker"]?.labels == 1 && models["speech"]?.labels == 1 && models["casing"]?.labels == 1)
        #expect(Models.shared.tagger != nil && Models.shared.speaker != nil && Models.shared.speech != nil)
    }
}

@Suite struct PerceptronTests {
    @Test func learnsASeparableProblem() throws {
        let trainer = PerceptronTrainer(labels: 2)
        // Two decisions that share a bias feature and differ in one word.
        let a = [Feature.key(0), Feature.key(1, 1)], b = [Feature.key(0), Feature.key(1, 2)]
        var scores = [0.0, 0.0]
        for _ in 0..<5 {
            for (f, gold) in [(a, 0), (b, 1)] {
                trainer.tick()
                trainer.scores(f, into: &scores)
                let predicted = scores[1] > scores[0] ? 1 : 0
                trainer.learn(f, gold: gold, predicted: predicted)
            }
        }
        let m = try #require(try ModelFile.read(ModelBytes(ModelFile.write([trainer.table(name: "t", featureVersion: 1)])))["t"])
        var out = [Int32](repeating: 0, count: 2)
        out.withUnsafeMutableBufferPointer { m.accumulate(a, into: $0.baseAddress!) }
        #expect(out[0] > out[1])
        out = [0, 0]
        out.withUnsafeMutableBufferPointer { m.accumulate(b, into: $0.baseAddress!) }
        #expect(out[1] > out[0])
    }

    @Test func shuffleIsTheSameForTheSameSeed() {
        var r1 = SplitMix64(seed: 5), r2 = SplitMix64(seed: 5), r3 = SplitMix64(seed: 6)
        var a = Array(0..<50), b = Array(0..<50), c = Array(0..<50)
        a.deterministicShuffle(&r1)
        b.deterministicShuffle(&r2)
        c.deterministicShuffle(&r3)
        #expect(a == b)
        #expect(a != c)
        #expect(a.sorted() == Array(0..<50))
    }
}

/// A tiny corpus of our own, marked as lede-train's own corpus is: the tagger trained on
/// it twice gives the same bytes, and learns it.
@Suite struct TaggerTrainingTests {
    static let articles: [(String, [(String, EntityType)])] = [
        ("Harbour talks resume\n\nJane Roe met Ali Khan in Portsmouth on Monday. Roe said the union would wait.",
         [("Jane Roe", .person), ("Ali Khan", .person), ("Portsmouth", .place), ("Roe", .person)]),
        ("Council vote\n\nThe Riverton City Council voted on Tuesday. Mayor Linda Cho said Riverton needed the lane.",
         [("Riverton City Council", .org), ("Linda Cho", .person), ("Riverton", .place)]),
        ("Choir wins\n\nThe Ashcombe Village Choir won in Leeds. Tom Hale of the BBC said the British choir sang well.",
         [("Ashcombe Village Choir", .org), ("Leeds", .place), ("Tom Hale", .person), ("BBC", .org), ("British", .misc)]),
    ]

    static func examples() -> [TaggerExample] {
        articles.map { text, names in
            let source = SourceText(text)
            var entities: [(range: Range<Int>, type: EntityType)] = []
            var from = text.utf8.startIndex
            for (name, type) in names {
                let r = text.utf8[from...].firstRange(of: name.utf8)!
                let start = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
                entities.append((start..<(start + name.utf8.count), type))
                from = r.upperBound
            }
            return TaggerExample(source: source, entities: entities)
        }
    }

    @Test func trainingIsDeterministic() {
        var training = TaggerTraining()
        training.epochs = 4
        let analyzer = ArticleAnalyzer(models: Models())
        let first = ModelFile.write([training.train(Self.examples(), analyzer: analyzer)])
        let second = ModelFile.write([training.train(Self.examples(), analyzer: analyzer)])
        #expect(first == second)
        training.seed = 99
        // Another shuffle gives other averaged weights: the seed is used.
        #expect(ModelFile.write([training.train(Self.examples(), analyzer: analyzer)]) != first)
    }

    @Test func learnsItsTrainingArticles() throws {
        var training = TaggerTraining()
        training.epochs = 8
        let table = training.train(Self.examples(), analyzer: ArticleAnalyzer(models: Models()))
        let models = try Models(bytes: ModelFile.write([table]))
        let article = ArticleAnalyzer(models: models).analyze(SourceText(Self.articles[0].0))
        #expect(article.parties.map(\.name).contains("Jane Roe"))
        #expect(article.mentions.first { $0.text == "Roe" }.map { article.parties[$0.party].name } == "Jane Roe")
    }
}

@Suite struct TagDecoderTests {
    @Test func bilouOrder() {
        let b = LedeCore.Tag(.begin, .person), i = LedeCore.Tag(.inside, .person), l = LedeCore.Tag(.last, .person), u = LedeCore.Tag(.unit, .org)
        #expect(TagDecoder.allowed(b, after: .outside, last: false))
        #expect(!TagDecoder.allowed(b, after: .outside, last: true))
        #expect(!TagDecoder.allowed(i, after: .outside, last: false))
        #expect(TagDecoder.allowed(i, after: b, last: false))
        #expect(!TagDecoder.allowed(LedeCore.Tag(.inside, .org), after: b, last: false))
        #expect(TagDecoder.allowed(l, after: i, last: true))
        #expect(!TagDecoder.allowed(i, after: i, last: true))
        #expect(!TagDecoder.allowed(.outside, after: b, last: false))
        #expect(TagDecoder.allowed(u, after: l, last: false))
        // The oracle: a missed start begins late, an entity that must end ends.
        #expect(TagDecoder.oracle(i, after: .outside, last: false) == b)
        #expect(TagDecoder.oracle(l, after: .outside, last: false) == LedeCore.Tag(.unit, .person))
        #expect(TagDecoder.oracle(.outside, after: b, last: false) == l)
    }

    @Test func spansFromTags() {
        let o = LedeCore.Tag.outside
        let first: [LedeCore.Tag] = [LedeCore.Tag(.begin, .person), LedeCore.Tag(.last, .person), o, LedeCore.Tag(.unit, .place)]
        let second: [LedeCore.Tag] = [o, LedeCore.Tag(.unit, .misc)]
        let spans: [TaggedSpan] = PartyTagger.spans([first, second])
        let expected: [TaggedSpan] = [
            TaggedSpan(paragraph: 0, tokens: 0..<2, type: .person),
            TaggedSpan(paragraph: 0, tokens: 3..<4, type: .place),
            TaggedSpan(paragraph: 1, tokens: 1..<2, type: .misc),
        ]
        #expect(spans == expected)
    }
}

/// The quote models trained twice on a tiny corpus of our own give the same bytes, and
/// another seed other bytes.
@Suite struct QuoteTrainingTests {
    /// Articles with their quotations, each with its speaker as the annotators mark it
    /// (nil: a term or title, in `unattributed`).
    static let articles: [(String, [(quote: String, speaker: String?)])] = [
        ("Harbour talks resume\n\n“We will wait for the vote,” said Jane Roe, the union’s secretary. Ali Khan, who owns the yard, said: “The offer stands.”",
         [("“We will wait for the vote,”", "Jane Roe"), ("“The offer stands.”", "Ali Khan")]),
        ("Council vote\n\nMayor Linda Cho called the plan a “lifeline” for Riverton. “It will be built by spring,” she said.",
         [("“lifeline”", nil), ("“It will be built by spring,”", "she")]),
        ("Choir wins\n\nThe choir sang “The Lark Ascending” in Leeds. “We did not expect it,” choirmaster Tom Hale said.",
         [("“The Lark Ascending”", nil), ("“We did not expect it,”", "Tom Hale")]),
    ]

    static func examples() -> [QuoteExample] {
        articles.map { text, quotes in
            func range(_ s: String) -> Range<Int> {
                let r = text.utf8.firstRange(of: s.utf8)!
                let start = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
                return start..<(start + s.utf8.count)
            }
            let gold = quotes.filter { $0.speaker != nil }.map { q in
                QuoteExample.Gold(range: range(q.quote), speaker: q.speaker, speakerSpans: [range(q.speaker!)])
            }
            return QuoteExample(source: SourceText(text), quotes: gold,
                                unattributed: quotes.filter { $0.speaker == nil }.map { range($0.quote) })
        }
    }

    func train(seed: UInt64) throws -> [UInt8] {
        var training = QuoteTraining()
        training.speakerEpochs = 3
        training.speechEpochs = 3
        training.runs = 2
        training.seed = seed
        let analyzer = ArticleAnalyzer()
        let speaker = training.trainSpeaker(Self.examples(), analyzer: analyzer)
        let models = try Models(bytes: ModelFile.write([speaker]))
        let speech = training.trainSpeech(Self.examples(), analyzer: analyzer, speaker: try #require(models.speaker))
        return ModelFile.write([speaker, speech])
    }

    @Test func trainingIsDeterministic() throws {
        let first = try train(seed: 1)
        #expect(try train(seed: 1) == first)
        #expect(try train(seed: 2) != first)
    }
}
