/// What the cleaner decided about a block.
public enum BlockClass: String, Sendable, Codable {
    /// Article text.
    case good
    /// Prose-like but short: article text when its neighbours are.
    case nearGood
    /// Too short to tell: decided by its neighbours.
    case short
    /// Page furniture.
    case bad
    /// Furniture of this page's site: a block the library has seen on three of its stored
    /// articles.
    case siteFurniture = "site"
}

/// Classifies blocks as article text or boilerplate the way jusText does: a first class
/// from each block's own features (length, stop-word density, link density, vocabulary),
/// then short and near-good blocks decided by their neighbours; then, like boilerpipe, the
/// article is taken as the densest run of text, so that good-looking islands far from it
/// (comments, author blurbs, related summaries) fall away.
public struct BoilerplateClassifier: Sendable {
    // Thresholds from jusText's defaults, tuned on clean-dev.
    var lengthLow = 70
    var lengthHigh = 200
    var stopLow = 0.28
    var stopHigh = 0.32
    var maxLinkDensity = 0.2
    var proseStopLow = 0.18

    public init() {}

    /// The class of each block (context applied) and the main article region.
    public func classify(_ blocks: [Block]) -> (classes: [BlockClass], features: [BlockFeatures]) {
        let run = run(blocks, trace: false)
        return (run.classes, run.features)
    }

    /// What decided a block, stage by stage, for `lede clean --explain`.
    public struct Explanation: Sendable {
        public var features: BlockFeatures
        /// The rule that gave the first class, and that class.
        public var rule: Rule
        public var initial: BlockClass
        /// The class after the prose runs, after the neighbours, and in the end (the main
        /// region kept).
        public var afterRuns: BlockClass
        public var afterContext: BlockClass
        public var final: BlockClass
    }

    public func explain(_ blocks: [Block]) -> [Explanation] {
        let r = run(blocks, trace: true)
        return blocks.indices.map { i in
            Explanation(features: r.features[i], rule: r.rules[i], initial: r.stages[0][i], afterRuns: r.stages[1][i],
                        afterContext: r.stages[2][i], final: r.classes[i])
        }
    }

    /// The passes, in order; with `trace`, the classes after each one are kept.
    func run(_ blocks: [Block], trace: Bool) -> (classes: [BlockClass], features: [BlockFeatures], rules: [Rule], stages: [[BlockClass]]) {
        var features = blocks.map(BlockFeatures.measure)
        let language = Self.chooseLanguage(features)
        for i in features.indices { Self.countVocabulary(&features[i], language: language) }
        let first = features.map(initialRule)
        var classes = first.map(\.0)
        var stages: [[BlockClass]] = []
        if trace { stages.append(classes) }
        Self.promoteProseRuns(&classes, features)
        if trace { stages.append(classes) }
        Self.applyContext(&classes)
        if trace { stages.append(classes) }
        Self.keepMainRegion(&classes, features)
        return (classes, features, trace ? first.map(\.1) : [], stages)
    }

    /// The page's language: the stop-word list its words hit most often (a bit index into
    /// `StopWords.lists`).
    static func chooseLanguage(_ features: [BlockFeatures]) -> Int {
        var hits = [Int](repeating: 0, count: StopWords.languageCount)
        for f in features { for l in hits.indices { hits[l] += Int(f.stopCounts[l]) } }
        return hits.indices.max { hits[$0] < hits[$1] } ?? 0
    }

    /// Stop words in the page's language and the vocabulary phrases in the block. The
    /// vocabulary only decides blocks short enough for a phrase to weigh in them.
    static func countVocabulary(_ f: inout BlockFeatures, language: Int) {
        f.stopWords = Int(f.stopCounts[language])
        f.callToAction = f.wordCount <= 60 ? BoilerplateVocabulary.callToActionMatcher.count(in: f.words) : 0
        f.credit = f.wordCount < 25 ? BoilerplateVocabulary.creditMatcher.count(in: f.words) : 0
        f.endMarker = f.wordCount <= 6 && BoilerplateVocabulary.endMarkerMatcher.isExactly(f.words)
        f.strongCallToAction = f.wordCount < 40 && BoilerplateVocabulary.strongCallToActionMatcher.count(in: f.words) > 0
    }

    /// The rules of the first class, in the order they are tried.
    public enum Rule: String, Sendable {
        case links = "link density over 0.2"
        case strongPitch = "a strong call to action"
        case credit = "a credit"
        case endMarker = "an end marker"
        case teaser = "one sentence cut off with an ellipsis"
        case pitch = "call-to-action words"
        case price = "a price in a short line"
        case digits = "mostly digits"
        case cjkProse = "CJK prose with sentence marks"
        case cjkShort = "short CJK text"
        case short = "under 70 characters"
        case manyStopWords = "stop words 0.32 or more"
        case someStopWords = "stop words 0.28 or more"
        case newsSentence = "a long sentence dense in names and numbers"
        case fewStopWords = "too few stop words"
    }

    func initialClass(_ f: BlockFeatures) -> BlockClass { initialRule(f).0 }

    func initialRule(_ f: BlockFeatures) -> (BlockClass, Rule) {
        let cta = f.callToAction
        if f.linkDensity > maxLinkDensity { return (.bad, .links) }
        if f.strongCallToAction { return (.bad, .strongPitch) }
        if f.credit > 0 { return (.bad, .credit) }
        if f.endMarker { return (.bad, .endMarker) }
        if f.truncated && f.wordCount <= 80 { return (.bad, .teaser) }
        // Vocabulary weighs by how much of a short block it is; a sentence of prose
        // ("The offer stands," said ...) is not furniture for using an everyday word.
        let density = f.stopDensity
        let prose = f.endsLikeSentence && f.wordCount >= 12 && density >= stopHigh
        if cta > 0 && !prose && (f.wordCount < 12 || cta * 12 >= f.wordCount) { return (.bad, .pitch) }
        if f.currency && f.wordCount < 8 { return (.bad, .price) }
        if f.wordCount > 0 && f.digits * 2 > f.scalars && f.scalars < 40 { return (.bad, .digits) }

        if f.cjk > f.scalars / 2 {
            // CJK prose: judged by length and sentence punctuation alone.
            if f.cjk >= 40 && f.sentenceMarks > 0 { return (.good, .cjkProse) }
            return (f.cjk >= 15 ? .nearGood : .short, .cjkShort)
        }
        if f.scalars < lengthLow {
            return (.short, .short)
        }
        if density >= stopHigh { return (f.scalars > lengthHigh ? .good : .nearGood, .manyStopWords) }
        if density >= stopLow { return (.nearGood, .someStopWords) }
        // News sentences dense in names and numbers: prose by their shape.
        if density >= proseStopLow && f.wordCount >= 15 && f.endsLikeSentence { return (.nearGood, .newsSentence) }
        return (.bad, .fewStopWords)
    }

    /// Near-good paragraphs side by side are an article's body even when none of them is
    /// long enough to be good alone (a short news story of short paragraphs): a run of
    /// them (short blocks allowed between) of three or more, or of two holding 240 characters of near-good
    /// text becomes good.
    static func promoteProseRuns(_ classes: inout [BlockClass], _ features: [BlockFeatures]) {
        var i = 0
        while i < classes.count {
            guard classes[i] == .nearGood else { i += 1; continue }
            var j = i
            var chars = 0, count = 0
            while j < classes.count, classes[j] == .nearGood || classes[j] == .short || classes[j] == .good {
                if classes[j] != .short { chars += features[j].scalars; count += 1 }
                j += 1
            }
            if count >= 3 || (count >= 2 && chars >= 240) {
                for k in i..<j where classes[k] == .nearGood { classes[k] = .good }
            }
            i = j
        }
    }

    /// jusText's context pass: a short block takes the class of its non-short neighbours
    /// (good only if both are good); a near-good block is good unless bad blocks flank it
    /// on both sides. The ends of the page count as neither, so a short text of short
    /// paragraphs (no block long enough to be "good") keeps its body.
    static func applyContext(_ classes: inout [BlockClass]) {
        let original = classes
        // Near-good blocks first, so that a short block beside one that stays (a title
        // above a story of short paragraphs) sees article text, not furniture further off.
        let firm = Neighbours(original, skipNear: true)
        for i in classes.indices where original[i] == .nearGood {
            classes[i] = firm.before[i] == .bad && firm.after[i] == .bad ? .bad : .good
        }
        let decided = Neighbours(classes, skipNear: true)
        let near = Neighbours(original, skipNear: false)
        for i in classes.indices where original[i] == .short {
            let p = decided.before[i], n = decided.after[i]
            if p == .bad || n == .bad {
                if p == .bad && n == .bad { classes[i] = .bad; continue }
                // One bad side: good only when the other side is good and near-good text
                // touches it.
                classes[i] = (near.before[i] == .nearGood || near.after[i] == .nearGood) && (p == .good || n == .good) ? .good : .bad
            } else {
                // Good or a page edge on both sides. With nothing good or bad anywhere,
                // the page is a short clean text: keep it.
                classes[i] = .good
            }
        }
    }

    /// For every block, the class of the nearest block before and after it that decides:
    /// good or bad (and near-good too unless `skipNear`), short blocks passed over; nil at
    /// the page's ends. Two passes, so a page of a million short blocks stays linear.
    struct Neighbours {
        var before: [BlockClass?]
        var after: [BlockClass?]

        init(_ classes: [BlockClass], skipNear: Bool) {
            func decides(_ c: BlockClass) -> Bool { c == .good || c == .bad || (c == .nearGood && !skipNear) }
            before = Array(repeating: nil, count: classes.count)
            after = Array(repeating: nil, count: classes.count)
            var last: BlockClass? = nil
            for i in classes.indices {
                before[i] = last
                if decides(classes[i]) { last = classes[i] }
            }
            last = nil
            for i in classes.indices.reversed() {
                after[i] = last
                if decides(classes[i]) { last = classes[i] }
            }
        }
    }

    /// Keeps only the densest run of good text (largest-sum segment: good blocks count
    /// their words, bad ones cost theirs), and ends it at a footer marker.
    static let dateBreak = 40.0

    static func keepMainRegion(_ classes: inout [BlockClass], _ features: [BlockFeatures]) {
        var best = 0.0, bestRange = 0..<0
        var sum = 0.0, start = 0
        for i in classes.indices {
            let w = Double(max(features[i].wordCount, features[i].cjk / 2))
            // A line that is only a date (whatever its neighbours made of it) starts another
            // story: a list of stories gives one per story. A live blog's entries are
            // longer than the break costs.
            sum += features[i].dateOnly ? -dateBreak : classes[i] == .good ? w : -(0.35 * w + 2)
            if sum <= 0 { sum = 0; start = i + 1; continue }
            if sum > best { best = sum; bestRange = start..<(i + 1) }
        }
        for i in classes.indices where !bestRange.contains(i) && classes[i] == .good {
            classes[i] = .bad
        }
    }
}

