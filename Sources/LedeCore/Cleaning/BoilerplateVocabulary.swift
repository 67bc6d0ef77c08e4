/// Phrases that mark page furniture rather than article text, by kind. Matched in lower
/// case as whole-word phrases; what they weigh depends on the block's length.
enum BoilerplateVocabulary {
    /// Calls to action, paywalls, plans, share/follow/cookie/newsletter prompts, navigation.
    static var allPhrases: [String] { callToAction + strongCallToAction + credit + endMarkers }

    static let callToActionMatcher = PhraseMatcher(callToAction)
    static let strongCallToActionMatcher = PhraseMatcher(strongCallToAction)
    static let creditMatcher = PhraseMatcher(credit)
    static let endMarkerMatcher = PhraseMatcher(endMarkers)

    static let callToAction: [String] = WordList.phrases("""
    subscribe|subscription|subscriber|subscribers|sign in|sign up|log in|login|logout|register|
    newsletter|newsletters|unsubscribe|cookie|cookies|privacy policy|terms of use|terms of service|
    terms and conditions|all rights reserved|copyright|share this|share on|share|tweet|whatsapp|
    pinterest|linkedin|reddit|email this|print this|follow us|follow|like us|advertisement|
    advertise|sponsored|promoted|read more|read next|more from|next story|previous story|
    related stories|related articles|related|recommended|trending|most popular|most read|
    popular now|you may also like|you might also like|also read|also see|see also|click here|
    tap here|download the app|get the app|our app|free trial|cancel anytime|renews automatically|
    per month|a month|per year|best value|save|offer|plans|premium|paywall|
    digital access|unlimited access|already a subscriber|create an account|account|
    your inbox|inbox|sent to your|skip to content|skip to main content|menu|search|home|
    back to top|load more|show more|view all|see all|comments|comment|leave a comment|
    post a comment|reply|report abuse|contact us|about us|careers|sitemap|site map|faq|
    help center|feedback|editorial standards|powered by|follow the author|published by|
    first published|last updated|updated on|posted on|posted in|filed under|tags|topics|
    written by|reading time|min read|minute read|read time|listen to this article|
    loading|please enable javascript|enable javascript|ad blocker|adblock|
    assine|assinante|assinatura|compartilhe|compartilhar|leia mais|leia também|veja também|
    comente|comentários|publicidade|entrar|cadastre-se|inscreva-se|receba|siga|saiba mais|
    artigos relacionados|suscríbete|compartir|leer más|publicidad|abonnez-vous|partager|
    lire aussi|newsletter|anmelden|teilen|weiterlesen|werbung|iscriviti|condividi|
    подписаться|поделиться|читать также|реклама|комментарии|войти
    """)

    /// Calls to action so plain that a short or medium block holding one is furniture.
    static let strongCallToAction: [String] = WordList.phrases("""
    subscribe|subscription|subscribers|sign in|sign up|log in|newsletter|newsletters|cookie|
    cookies|privacy policy|terms of use|terms of service|all rights reserved|copyright|
    advertisement|click here|free trial|cancel anytime|renews automatically|read more|
    next story|skip to content|skip to main content|already a subscriber|create an account|
    follow us|share this|enable javascript|digital subscription|premium stories|assine|
    inscreva-se|cadastre-se|leia mais|suscríbete|abonnez-vous|подписаться
    """)

    /// Image and photo credits, captions' tails.
    static let credit: [String] = WordList.phrases("""
    image via|photo via|via shutterstock|shutterstock|getty images|getty|istock|istockphoto|
    photo|photo credit|photograph|image credit|picture|credit|file photo|ap photo|
    afp photo|reuters photo|photo by|photos by|illustration by|illustration:|courtesy of|
    foto|imagem|reprodução|divulgação
    """)

    /// Lines that close an article: after one of these, what follows is footer.
    static let endMarkers: [String] = WordList.phrases("""
    next story|more from this section|related stories|related articles|you may also like|
    you might also like|recommended for you|more stories|more news|read next|read more|
    most popular|most read|trending now|also read|leave a comment|comments|artigos relacionados|
    leia também|veja também|veja mais
    """)
}

