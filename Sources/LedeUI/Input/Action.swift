/// Every user intent, named once. The key map, the help screen and (later) the config
/// file's key names all come from `KeyMap.bindings`.
public enum Action: String, Sendable, CaseIterable {
    case lineDown = "line-down"
    case lineUp = "line-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextQuote = "next-quote"
    case previousQuote = "previous-quote"
    case nextBySpeaker = "next-quote-same-speaker"
    case previousBySpeaker = "previous-quote-same-speaker"
    case nextMention = "next-mention"
    case previousMention = "previous-mention"
    case quotesOverlay = "quotes"
    case partiesOverlay = "parties"
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case openPrompt = "open-path"
    case toggleHighlights = "toggle-highlights"
    case switchLayout = "switch-layout"
    case widenList = "widen-list"
    case narrowList = "narrow-list"
    case showLibrary = "library"
    case sortList = "sort-list"
    case unreadOnly = "unread-only"
    case addToLibrary = "add-to-library"
    case removeStored = "remove-stored"
    case partyArticles = "party-articles"
    case switchPane = "switch-pane"
    case open
    case cancel
    case back
    case help
    case redraw
}

/// What a key does while a line is being typed at the bottom of the screen.
public enum PromptAction: String, Sendable, CaseIterable {
    case accept
    case cancel
    case complete
    case deleteCharacter = "delete-character"
    case deleteWord = "delete-word"
    case deleteAll = "delete-all"
    /// Yes, in a question that asks for one (removing a stored article).
    case confirm
}

/// Where a key is pressed: what it means depends on the pane with the focus.
public enum Pane: Sendable, Equatable {
    case list, reader
}

/// The key map: each action with its keys and its help text, in help-screen order.
public enum KeyMap {
    public struct Binding: Sendable {
        public var action: Action
        public var keys: [Key]
        public var help: String
    }

    public static let bindings: [Binding] = [
        Binding(action: .lineDown, keys: [.char("j"), .down], help: "next line (list: next article)"),
        Binding(action: .lineUp, keys: [.char("k"), .up], help: "previous line (list: previous article)"),
        Binding(action: .pageDown, keys: [.char(" "), .pageDown, .ctrl("f")], help: "next page"),
        Binding(action: .pageUp, keys: [.char("b"), .pageUp, .ctrl("b")], help: "previous page"),
        Binding(action: .halfPageDown, keys: [.ctrl("d")], help: "half a page down"),
        Binding(action: .halfPageUp, keys: [.ctrl("u")], help: "half a page up"),
        Binding(action: .top, keys: [.char("g"), .home], help: "first line"),
        Binding(action: .bottom, keys: [.char("G"), .end], help: "last line"),
        Binding(action: .nextQuote, keys: [.char("]")], help: "next quotation"),
        Binding(action: .previousQuote, keys: [.char("[")], help: "previous quotation"),
        Binding(action: .nextBySpeaker, keys: [.char("'")], help: "next quotation by the same speaker"),
        Binding(action: .previousBySpeaker, keys: [.char("\"")], help: "previous quotation by the same speaker"),
        Binding(action: .nextMention, keys: [.char("}")], help: "next mention of the chosen party (or of any)"),
        Binding(action: .previousMention, keys: [.char("{")], help: "previous mention of the chosen party (or of any)"),
        Binding(action: .quotesOverlay, keys: [.char("Q")], help: "who said what: Enter jumps to the quotation"),
        Binding(action: .partiesOverlay, keys: [.char("P")], help: "parties by type: Enter chooses one and jumps to it"),
        Binding(action: .search, keys: [.char("/")], help: "search the article (in the library list: the library)"),
        Binding(action: .nextMatch, keys: [.char("n")], help: "next match"),
        Binding(action: .previousMatch, keys: [.char("N")], help: "previous match"),
        Binding(action: .openPrompt, keys: [.char("o")], help: "open a file or folder (Tab completes, ~ is home)"),
        Binding(action: .toggleHighlights, keys: [.char("h")], help: "highlighting of quotes and parties off/on"),
        Binding(action: .switchLayout, keys: [.char("L")], help: "list beside the article, or one pane at a time"),
        Binding(action: .widenList, keys: [.char(">")], help: "widen the list"),
        Binding(action: .narrowList, keys: [.char("<")], help: "narrow the list"),
        Binding(action: .showLibrary, keys: [.char("l")], help: "the library: stored articles, newest first"),
        Binding(action: .sortList, keys: [.char("s")], help: "library: sort by date, title or source"),
        Binding(action: .unreadOnly, keys: [.char("u")], help: "library: unread articles only, or all"),
        Binding(action: .addToLibrary, keys: [.char("a")], help: "add the open file to the library"),
        Binding(action: .removeStored, keys: [.char("d")], help: "remove the selected stored article (asks first)"),
        Binding(action: .partyArticles, keys: [.char("M")], help: "every stored article mentioning the chosen party"),
        Binding(action: .switchPane, keys: [.tab], help: "switch between the list and the article"),
        Binding(action: .open, keys: [.enter], help: "open the selected article or overlay row"),
        Binding(action: .cancel, keys: [.escape], help: "close; clear the search or chosen party; go back (never quits)"),
        Binding(action: .back, keys: [.char("q")], help: "close; go back; quit from the list"),
        Binding(action: .help, keys: [.char("?")], help: "this help"),
        Binding(action: .redraw, keys: [.ctrl("l")], help: "redraw the screen"),
    ]

    /// The keys of a prompt (its own context: Ctrl-U there clears the line, not half a page).
    public struct PromptBinding: Sendable {
        public var action: PromptAction
        public var keys: [Key]
    }

    public static let promptBindings: [PromptBinding] = [
        PromptBinding(action: .complete, keys: [.tab]),
        PromptBinding(action: .deleteCharacter, keys: [.backspace]),
        PromptBinding(action: .deleteWord, keys: [.ctrl("w")]),
        PromptBinding(action: .deleteAll, keys: [.ctrl("u")]),
        PromptBinding(action: .accept, keys: [.enter]),
        PromptBinding(action: .cancel, keys: [.escape]),
        PromptBinding(action: .confirm, keys: [.char("y"), .char("Y")]),
    ]

    static let promptByKey: [Key: PromptAction] = {
        var map: [Key: PromptAction] = [:]
        for b in promptBindings { for k in b.keys { map[k] = b.action } }
        return map
    }()

    /// What a key does in a prompt, if it is not text.
    public static func promptAction(for key: Key) -> PromptAction? { promptByKey[key] }

    /// The first key of a prompt action, as the help names it.
    public static func promptLabel(of action: PromptAction) -> String {
        promptBindings.first { $0.action == action }?.keys.first?.label ?? action.rawValue
    }

    /// Keys that are not reader actions, for the help screen: they edit a prompt, or the
    /// terminal handles them.
    public static var otherKeys: [(keys: String, help: String)] {
        [
            (promptLabel(of: .complete), "in the open prompt: complete the path"),
            ([PromptAction.deleteCharacter, .deleteWord, .deleteAll].map(promptLabel).joined(separator: " "),
             "in a prompt: delete a character, a word, everything"),
            ("\(promptLabel(of: .accept)) \(promptLabel(of: .cancel))", "in a prompt: accept, cancel"),
            ("Ctrl-Z", "suspend (fg comes back)"),
            ("Ctrl-C", "quit at once"),
        ]
    }

    static let byKey: [Key: Action] = {
        var map: [Key: Action] = [:]
        for b in bindings { for k in b.keys { map[k] = b.action } }
        return map
    }()

    /// The keys of an action as the help names them ("q", "Ctrl-L"), for messages and
    /// screens, so a key rebound is named right everywhere.
    public static func label(of action: Action) -> String {
        bindings.first { $0.action == action }?.keys.first?.label ?? action.rawValue
    }

    /// The action a key asks for, if any.
    public static func action(for key: Key) -> Action? { byKey[key] }
}
