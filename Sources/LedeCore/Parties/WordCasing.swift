/// How a word is usually written in running text, counted over the training texts by
/// `lede-train` and shipped in the model file: "sees", "talks" and "look" are written in
/// lower case where nothing forces a capital, "Kerry" and "Pirelli" are not. It tells
/// the tagger what a capital at the start of a sentence or in a Title Case headline
/// hides, for words it has no other evidence about.
public struct WordCasing: Sendable {
    let table: LinearModel?
    static let template: UInt16 = 0xCA5E

    public init(model: LinearModel?) { table = model }

    /// From 1 (mostly capitalised mid-sentence) to 4 (almost always lower case); nil for
    /// a word too rare in the training texts to say.
    @inline(__always)
    func bucket(_ word: UInt64) -> UInt64? {
        guard let table else { return nil }
        let v = table.score(Feature.key(Self.template, word))
        return v <= 0 ? nil : UInt64(min(v, 4))
    }

    /// Counts, over texts, how often each word is written in lower case and how often
    /// capitalised where no capital is required (not at a sentence start, not in a line of
    /// capitals).
    public struct Counter {
        var lower: [UInt64: Int] = [:]
        var capitalised: [UInt64: Int] = [:]
        /// Words seen fewer times than this in all are left out.
        public var minCount = 3

        public init() {}

        public mutating func count(_ input: TaggerInput) {
            for (p, toks) in input.tokens.enumerated() where !input.capitals[p] && input.roles[p] == .body {
                for t in toks where t.kind == .word {
                    if !t.isCapitalized { lower[t.hash, default: 0] += 1 }
                    else if !t.sentenceStart { capitalised[t.hash, default: 0] += 1 }
                }
            }
        }

        /// The table, words in the order of their hashes (so the same counts give the
        /// same bytes).
        public func table() -> ModelFile.Table {
            var rows: [(key: UInt64, weights: [Int16])] = []
            for w in Set(lower.keys).union(capitalised.keys).sorted() {
                let l = lower[w] ?? 0, c = capitalised[w] ?? 0
                guard l + c >= minCount else { continue }
                let share = Double(l) / Double(l + c)
                let bucket: Int16 = share >= 0.95 ? 4 : share >= 0.7 ? 3 : share >= 0.3 ? 2 : 1
                rows.append((Feature.key(WordCasing.template, w), [bucket]))
            }
            return ModelFile.Table(name: "casing", labels: 1, featureVersion: TaggerFeatures.version, scale: 1, features: rows)
        }
    }
}
