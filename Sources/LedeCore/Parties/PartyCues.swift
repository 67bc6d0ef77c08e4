/// Words around and inside names that tell what kind of party a name is. Data, not code.
enum PartyCues {
    /// Titles and roles before a person's name ("President Vladimir Putin", "Gen. Smith").
    static let personTitles: Set<String> = words("""
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president
    vice-president secretary minister premier chancellor senator sen sen. rep rep.
    representative congressman congresswoman governor gov gov. mayor judge justice king queen
    prince princess pope cardinal archbishop bishop rabbi imam sheikh ayatollah emir sultan
    general gen gen. lt lt. col col. colonel major maj maj. captain capt capt. sgt sgt.
    sergeant admiral adm adm. commander cmdr marshal lieutenant corporal private officer
    inspector detective chief director chairman chairwoman chair ceo spokesman spokeswoman
    spokesperson ambassador envoy leader coach striker midfielder defender goalkeeper
    manager skipper captain batsman bowler champion rev rev. reverend father sister brother
    deputy attorney-general prosecutor chief-executive candidate nominee actor actress singer
    donor billionaire tycoon businessman businesswoman activist author writer columnist
    journalist reporter analyst economist pollster strategist adviser advisor aide staffer
    delegate lawmaker legislator congressman economist historian professor researcher
    councillor councilor councilman councilwoman alderman choirmaster headteacher principal
    """)

    /// Words that make a name an organisation ("Al-Nusra Front", "Foreign Ministry").
    static let orgWords: Set<String> = words("""
    front council ministry party bank company corp corp. corporation inc inc. ltd ltd. llc plc
    group association union committee commission university institute agency department army
    forces force court organization organisation federation league club fc united city-fc
    times post news journal herald tribune telegraph gazette press airlines airways motors
    foundation fund board authority office service services police parliament assembly senate
    congress government movement network center centre hospital school college church brigade
    brigades battalion coalition alliance bureau exchange industries holdings partners capital
    securities group's trust society academy guard navy airforce regiment command
    administration cabinet caucus campaign co co. systems technologies laboratories labs
    institution conference tribunal commission's railways railway energy oil petroleum
    insurance media broadcasting television radio magazine review daily weekly records studios
    pictures entertainment reserve treasury unit squad team taliban
    """)

    /// Words that make a name a place ("Red Sea", "Sichuan Province").
    static let placeWords: Set<String> = words("""
    river sea ocean gulf bay lake island islands mountains mountain mount mt mt. valley desert
    province county region district street avenue square road bridge peninsula strait canal
    coast heights plain plateau basin delta forest park airport port harbour harbor border
    crossing governorate prefecture oblast state-of territory village town city
    """)

    /// Connectors allowed inside a multi-word name when a capitalised word follows.
    static let connectors: Set<String> = ["of", "the", "de", "del", "della", "da", "do", "dos", "das", "van", "von", "der", "den", "la", "le", "du", "des", "bin", "ibn", "al", "el", "y", "for", "and", "&"]

    /// Lower-case particles that open a name-part ("al-Assad", "bin Laden").
    static let nameParticles: Set<String> = ["al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "le", "la", "du", "ul", "ud"]

    /// Prepositions that put a following name in a place.
    static let placePrepositions: Set<String> = ["in", "at", "from", "near", "to", "across", "outside", "inside", "into", "towards", "toward", "around", "throughout"]

    /// Verbs that a person, rather than a place or thing, does right after being named.
    static let personVerbs: Set<String> = words("""
    said says told tells added adds asked asks explained noted wrote writes stated declared
    insisted argued warned claimed replied responded recalled acknowledged admitted announced
    suggested tweeted commented believes believed thinks thought wants wanted urged stressed
    """)

    /// Common words that start sentences in capitals and are not names by themselves.
    static let commonCapitalised: Set<String> = words("""
    a an the this that these those there here it its he she they we you i his her their our my
    your but and or nor so yet for if when while where after before since until although though
    because as at by in on of to from with without into onto over under about above below
    between among through during against despite according asked currently meanwhile however
    moreover furthermore nevertheless nonetheless instead also still even just only then now
    today yesterday tomorrow tonight last next first second third finally earlier later once
    both either neither each every any all some many most few several such no not none
    one two three four five six seven eight nine ten hundreds thousands millions
    what which who whom whose why how whether
    is are was were be been being has have had do does did will would can could should may
    might must shall let lets
    mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    yes no oh well okay ok please thanks thank sorry
    new old other another more less much very too well good great big small
    like unlike including following despite amid among via per
    read watch see click subscribe share follow sign log
    in-depth breaking live update updated exclusive opinion analysis editorial photo video
    """)

    /// Capitalised tokens that are never parties: times, zones, units, abbreviations.
    static let notNames: Set<String> = words("""
    am pm a.m. p.m. ist gmt utc est edt cst cdt pst pdt cet cest bst jst aest msk hkt
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept oct oct.
    nov nov. dec dec. mon tue wed thu fri sat sun no no. vs v tv dvd ceo cfo coo gdp
    kg km mph ft oz lb lbs ok ii iii iv vi vii viii ix xi xii pdf html url faq q a
    """)

    static func words(_ s: String) -> Set<String> { WordList.set(s) }
}
