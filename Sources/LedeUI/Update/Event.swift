import LedeCore

/// Work the app loop does for the UI (file I/O), whose results come back as events.
public enum Effect: Sendable, Equatable {
    /// Read and analyse a listed entry that is still pending.
    case load(EntryID)
    /// Read a path typed in the open prompt (`~` already expanded).
    case open(path: String)
    /// List completions for a path typed in the open prompt.
    case complete(path: String)
    /// Forget the last frame and repaint everything.
    case redraw
    /// List library articles (a view of the library, a search, a party's articles).
    case showList(ListMode)
    /// Keep the reading position (a source byte offset) of a stored article.
    case saveReading(id: String, position: Int, read: Bool)
    /// Store a file in the library.
    case addToLibrary(path: String)
    /// Remove a stored article.
    case removeFromLibrary(id: String)
}

/// A mouse report, when `--mouse` is on.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case wheelUp, wheelDown, click }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything that can happen to the reader: input, and the results of effects.
public enum Event: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// A pending entry was read (a document, or why not), with where the reader had got
    /// to in it (a source byte offset), for a stored article.
    case loaded(entry: EntryID, document: Document?, error: String?, position: Int? = nil)
    /// A file read again with the library's site memory: its document, cleaned of the
    /// site's furniture.
    case reloaded(entry: EntryID, document: Document)
    /// A long file read whole, after its start was shown (or why it could not be).
    case readWhole(entry: EntryID, document: Document?, error: String?)
    /// The open prompt's path was read: its entries (a folder gives several).
    case opened([Entry])
    /// The open prompt's path could not be read.
    case openFailed(String)
    /// Completions for the open prompt: the completed text and the other candidates.
    case completed(text: String, candidates: [String])
    /// The background worker indexed more of an entry's document.
    case indexed(entry: EntryID)
    /// Library articles for a list.
    case listed(ListMode, [StoredArticle])
    /// The library said something (an article added, an error).
    case libraryMessage(String)
    /// A stored article was removed.
    case removedFromLibrary(id: String)
    /// The app is about to end: keep what must be kept.
    case closing
}
