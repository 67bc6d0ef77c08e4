/// The one feature extractor of the speech-or-term classifier: is a quoted span words
/// someone said, or a term, a title, a scare quote? Its evidence is what the old rules
/// looked at (length, capitals, "so-called", a reporting verb in the sentence) and what
/// the speaker ranker found.
enum SpeechFeatures {
    public static let version: UInt32 = 4

    enum Template: UInt16, CaseIterable {
        case bias = 1
        case words, firstWordCapitalised, allCapitalised, endsWithPunctuation, hasComma
        case termCueBefore, titleCueBefore, cuesInSentence, wordBefore, wordAfter, firstWord
        case bestSpeaker, bestSpeakerMargin, paragraphMostlyQuote, continues, closed, opensParagraph, inTitle
        case lengthAndBestSpeaker, previousWasSpeech
        case capitalisedShare, termCueWord, lowerCaseStart, singleMarks, nameInside
        case cueDistanceBefore, cueDistanceAfter, lengthAndCueBefore, capitalsAndSpeaker, titleCueWord
    }

    typealias T = Template

    /// The features of span `si` of paragraph `p`, given the ranker's best candidate and
    /// its margin over "nobody" (in the ranker's real units).
    static func add(_ f: inout FeatureVector, _ views: [ParagraphView], _ p: Int, _ si: Int,
                    best: SpeakerCandidate.Kind, margin: Double, previousWasSpeech: Bool?) {
        let v = views[p]
        let q = v.spanTokens[si]
        let span = v.spans[si]
        f.add(T.bias.rawValue)
        var words = 0, capitalised = 0
        var first: Token? = nil
        var hasComma = false
        for k in q where v.tokens[k].kind != .punct || v.tokens[k].text == "," {
            let t = v.tokens[k]
            if t.text == "," { hasComma = true; continue }
            if first == nil { first = t }
            words += 1
            if t.isCapitalized || !t.isWord { capitalised += 1 }
        }
        let length = SpeakerFeatures.bucket(words)
        f.add(T.words.rawValue, length)
        if let first {
            if first.isCapitalized { f.add(T.firstWordCapitalised.rawValue) }
            f.add(T.firstWord.rawValue, first.hash)
        }
        if words > 0 && capitalised == words { f.add(T.allCapitalised.rawValue, length) }
        var share: UInt64 = 0
        if words > 0 {
            share = capitalised * 5 >= words * 4 ? 2 : capitalised * 2 >= words ? 1 : 0
            f.add(T.capitalisedShare.rawValue, share, length)
        }
        // A short name in capitals with nobody to say it is a title ("Meet the Press").
        f.add(T.capitalsAndSpeaker.rawValue, share &* 16 &+ min(length, 4), UInt64(best.rawValue))
        if let first, !first.isCapitalized, first.isWord { f.add(T.lowerCaseStart.rawValue, length) }
        if let open = q.first.map({ v.tokens[$0] }), open.text == "\u{2018}" || open.text == "'" { f.add(T.singleMarks.rawValue) }
        // A party named inside: a title names things more than speech does.
        if q.contains(where: { v.mentionAt[$0] >= 0 }) { f.add(T.nameInside.rawValue, length) }
        if hasComma { f.add(T.hasComma.rawValue) }
        // ".”", ",”", "?”": the quotation ends a clause inside its marks.
        if q.count >= 2 {
            let last = v.tokens[q.upperBound - 2]
            if last.kind == .punct, [".", ",", "?", "!"].contains(last.text) { f.add(T.endsWithPunctuation.rawValue, last.text.fnvHash) }
        }
        // The words before: "so-called", "dubbed" (two back), "the book", "titled" (three).
        for (seen, k) in v.wordsBefore(q.lowerBound, count: 3).enumerated() {
            let t = v.tokens[k]
            if seen < 2, t.classes.contains(.termCue) {
                f.add(T.termCueBefore.rawValue)
                f.add(T.termCueWord.rawValue, t.hash)
            }
            if t.classes.contains(.titleCue) {
                f.add(T.titleCueBefore.rawValue)
                f.add(T.titleCueWord.rawValue, t.hash)
            }
        }
        f.add(T.wordBefore.rawValue, q.lowerBound > 0 ? v.tokens[q.lowerBound - 1].hash : 1)
        f.add(T.wordAfter.rawValue, q.upperBound < v.tokens.count ? v.tokens[q.upperBound].hash : 1)
        // Reporting verbs in the sentences the quotation touches, outside it.
        let cues = v.cuesInSentence(around: q)
        f.add(T.cuesInSentence.rawValue, UInt64(min(cues, 2)))
        // How near the nearest reporting verb stands ("called it “fake”", "“…,” he said").
        var before = 0
        while before < 8, q.lowerBound - before - 1 >= 0, !ParagraphView.isCue(v.tokens[q.lowerBound - before - 1]) { before += 1 }
        let cueBefore: UInt64 = before < 8 && q.lowerBound - before - 1 >= 0 ? UInt64(min(before, 4)) + 1 : 0
        var after = 0
        while after < 8, q.upperBound + after < v.tokens.count, !ParagraphView.isCue(v.tokens[q.upperBound + after]) { after += 1 }
        let cueAfter: UInt64 = after < 8 && q.upperBound + after < v.tokens.count ? UInt64(min(after, 4)) + 1 : 0
        f.add(T.cueDistanceBefore.rawValue, cueBefore)
        f.add(T.cueDistanceAfter.rawValue, cueAfter)
        f.add(T.lengthAndCueBefore.rawValue, length, cueBefore &* 8 &+ cueAfter)
        f.add(T.bestSpeaker.rawValue, UInt64(best.rawValue))
        f.add(T.bestSpeakerMargin.rawValue, UInt64(best.rawValue), margin <= 0 ? 0 : 1 + SpeakerFeatures.bucket(Int(margin)))
        f.add(T.lengthAndBestSpeaker.rawValue, length, UInt64(best.rawValue))
        if v.isMostlyQuote { f.add(T.paragraphMostlyQuote.rawValue) }
        if span.continues { f.add(T.continues.rawValue) }
        if !span.closed { f.add(T.closed.rawValue) }
        if q.lowerBound <= 1 { f.add(T.opensParagraph.rawValue) }
        if v.role == .title { f.add(T.inTitle.rawValue) }
        if let previousWasSpeech { f.add(T.previousWasSpeech.rawValue, previousWasSpeech ? 1 : 2) }
    }
}
