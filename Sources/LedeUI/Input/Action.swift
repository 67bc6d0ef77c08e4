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
    case switchPane = "switch-pane"
    case open
    case back
    case redraw
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
        Binding(action: .switchPane, keys: [.tab], help: "switch between the list and the article"),
        Binding(action: .open, keys: [.enter], help: "open the selected article"),
        Binding(action: .back, keys: [.char("q"), .escape], help: "go back; quit from the list"),
        Binding(action: .redraw, keys: [.ctrl("l")], help: "redraw the screen"),
    ]

    static let byKey: [Key: Action] = {
        var map: [Key: Action] = [:]
        for b in bindings { for k in b.keys { map[k] = b.action } }
        return map
    }()

    /// The action a key asks for, if any.
    public static func action(for key: Key) -> Action? { byKey[key] }
}
