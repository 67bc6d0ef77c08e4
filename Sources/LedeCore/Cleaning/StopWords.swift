/// Stop-word lists, one per language (the commonest function words). A paragraph of prose
/// is dense in them; menus, captions and buttons are not (jusText's main signal).
enum StopWords {
    /// How many languages `lists` has, known without building the lists (the word classes
    /// that carry them are read from the tables file).
    static let languageCount = 7

    static let lists: [(language: String, words: Set<String>)] = [
        ("en", words("""
        a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it
        its itself just me more most my myself no nor not now of off on once only or other our ours
        out over own said same she should so some such than that the their theirs them then there
        these they this those through to too under until up very was we were what when where which
        while who whom why will with would you your yours also may might must shall since though
        """)),
        ("pt", words("""
        a ao aos as até com como da das de dela dele deles do dos e ela elas ele eles em entre era
        essa esse esta este eu foi for há isso já lhe mais mas me mesmo meu minha muito na não nas
        nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu
        sua são também te tem tinha um uma você vocês à às é está estão foram sobre ainda porque
        """)),
        ("es", words("""
        a al algo como con contra cual cuando de del desde donde durante e el ella ellas ellos en
        entre era es esa ese esta este esto fue ha hay la las le les lo los más me mi muy ni no nos
        o para pero por porque que quien se sea ser si sin sobre su sus también te tiene todo un
        una uno unos y ya está están han había
        """)),
        ("fr", words("""
        à au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais
        me même mes moi mon ne nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes
        toi ton tu un une vous été être avait ont plus comme aussi fait peut tout
        """)),
        ("de", words("""
        aber alle als also am an auch auf aus bei bin bis da damit dann das dass dem den denn der
        des die dies doch du durch ein eine einem einen einer es für hat hatte ich ihr im in ist
        ja kann mit nach nicht noch nur oder sich sie sind so um und uns von vor war was wenn wie
        wir wird zu zum zur über sehr werden wurde
        """)),
        ("it", words("""
        a al alla anche che chi ci come con da dal dalla del della dei di e è gli ha hanno i il in
        io la le lo loro ma mi ne nel nella non o per più questo questa se si sono su sua suo tra
        un una uno
        """)),
        ("ru", words("""
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
        мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть
        был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть
        надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда
        кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтоб нее сейчас
        были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот
        через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
        иногда лучше чуть том нельзя такой им более всегда конечно всю между это также
        """)),
    ]

    private static func words(_ s: String) -> Set<String> { WordList.set(s) }
}
