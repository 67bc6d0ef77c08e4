/// Words that attribute speech, as data.
enum QuoteCues {
    /// Reporting verbs in their common forms ("said", "says", "added", "told").
    static let verbs: Set<String> = words("""
    said say says saying told tell tells telling added add adds adding asked ask asks asking
    explained explains explain noted notes note wrote write writes writing stated states
    declared declares insisted insists argued argues argue warned warns warn claimed claims
    continued continues replied replies responded responds recalled recalls acknowledged
    acknowledges admitted admits announced announces suggested suggests tweeted tweets posted
    commented comments observed observes remarked remarks cautioned cautions conceded concedes
    complained complains predicted predicts promised promises vowed vows urged urges stressed
    stresses emphasized emphasised emphasizes emphasises called calls described describes
    quipped quips joked jokes shouted shouts whispered testified testifies concluded concludes
    countered counters maintained maintains reiterated reiterates contended contends confirmed
    confirms denied denies agreed agrees thinks believes believed yelled screamed exclaimed
    boasted boasts lamented laments mused muses pleaded pleads demanded demands questioned
    wondered wonders answered answers began begins reported reports announced acknowledged
    recounted recounts blasted slammed charged charges accused accuses praised praises
    criticized criticised criticizes criticises dismissed dismisses described labeled labelled
    branded touted touts highlighted highlights pointed explaining adding noting writing
    arguing warning saying telling insisting
    """)

    /// Pronouns that can stand as a speaker, possessives included ("his “low energy”
    /// jibe"), and what each can stand for.
    static let malePronouns: Set<String> = ["he", "his"]
    static let femalePronouns: Set<String> = ["she", "her"]
    static let groupPronouns: Set<String> = ["they", "we", "it", "their", "its"]
    static let pronouns: Set<String> = malePronouns.union(femalePronouns).union(groupPronouns).union(["i"])
    /// The speaker speaking of themselves: "I", "we" in a transcript turn are its speaker.
    static let firstPerson: Set<String> = ["i", "we", "me", "us", "my", "our"]

    /// Words that, right before a quotation, make it a term whatever else the sentence
    /// says: the writer holds the word at arm's length.
    static let distancing: Set<String> = ["so-called"]

    /// Words that mark a short quote as the name of a work.
    static let titleCues: Set<String> = words("""
    titled entitled headlined book film movie song album show novel documentary poem article
    column essay play series episode report speech slogan campaign hashtag
    """)

    /// Prepositions that, before a few quoted words in Title Case, make them the name of a
    /// show, a book or a place ("appeared on “Meet the Press”", "a fan of “Parks and
    /// Recreation”"): speech is not introduced this way.
    static let titlePrepositions: Set<String> = words("on of in from")

    /// Words that mark a short quote as a term held at arm's length.
    static let termCues: Set<String> = words("so-called dubbed called named termed labelled labeled known")

    /// Nouns that head a speaker described rather than named ("a spokesman", "the report").
    static let speakerNouns: Set<String> = words("""
    official spokesman spokeswoman spokesperson aide adviser advisor analyst expert economist
    lawyer attorney prosecutor police ministry government company campaign statement report
    source sources survey poll ad advertisement study group committee council agency
    department office administration commission court judge president minister secretary
    senator governor mayor leader chief director executive chairman candidate voter voters
    resident residents member members supporter supporters critic critics activist activists
    witness witnesses observer observers officer officers researcher researchers scientist
    scientists doctor doctors teacher official's officials people woman man women men person
    crowd audience organizers organisers protesters demonstrators website message letter
    email memo release tweet post article editorial column book paper newspaper network
    organization organisation union party team coach player spokespeople representatives
    representative envoy ambassador diplomat diplomats authorities military army board
    lawyer document filing complaint lawsuit panel jury judge spokesman statement notice
    """)

    /// Words that open a description of a speaker ("the campaign", "a spokesman").
    static let determiners: Set<String> = words("""
    the a an one another some several many most few two three both all other these those
    his her its their our multiple former
    """)

    /// Words that may stand between a speaker and the reporting verb ("has also said").
    static let auxiliaries: Set<String> = words("""
    has had have is was were will would also later then once previously again repeatedly
    reportedly recently publicly often never already first quickly simply just flatly
    """)

    /// Speaker nouns that name a body, a text or many people, not one person ("the
    /// campaign", "the report", "the network").
    static let notAPerson: Set<String> = words("""
    ministry government company campaign statement report source survey poll ad
    advertisement study group committee council agency department office administration
    commission court crowd audience website message letter email memo release tweet post
    article editorial column book paper newspaper network organization organisation union
    party team military army board document filing complaint lawsuit panel jury notice
    police people
    """)

    /// Capitalised words that open a paragraph with a colon without naming a speaker.
    static let notSpeakerLabels: Set<String> = words("""
    update updated correction exclusive breaking editor editors note previously email byline
    watch read related source sources photo video listen warning disclosure clarification
    fix boom look busted short stat top more also see follow
    """)

    static func words(_ s: String) -> Set<String> { WordList.set(s) }
}
