import LedeCore
#if canImport(Glibc)
import Glibc
#endif

/// The app loop: terminal events and worker results in, `handle` on the state, effects
/// run (file I/O lives here, not in `update`), frames out.
public final class ReaderApp {
    public let terminal: any Terminal
    public private(set) var state: ReaderState
    let worker: Worker
    let loader: DocumentLoader
    /// The library, when there is one (attached after the first frame when files are given).
    private(set) var library: (any LibraryService)?
    private var indexing = Set<ObjectIdentifier>()
    /// Documents whose fallback decoding has been told (once each).
    private var toldFallback = Set<ObjectIdentifier>()
    private var queued = Set<String>()

    /// Lists article files (`ArticlePaths.expand` gives a folder's), reading the first now,
    /// so that the first frame shows it; the rest are read by the worker.
    /// With no files and a library, the list is the library, newest first.
    public init(terminal: any Terminal, files: [String], library: (any LibraryService)? = nil,
                loader: DocumentLoader = DocumentLoader()) {
        self.terminal = terminal
        self.loader = loader
        self.library = library
        var entries = files.map(Entry.pending)
        // A long file is shown from its start while the worker reads it whole.
        if let first = entries.first { entries[0] = loader.preview(first.path) ?? loader.entry(first.path) }
        let (w, h) = terminal.size
        state = ReaderState(entries: entries, width: w, height: h)
        state.libraryPath = library?.location
        worker = Worker(source: loader)
        if let library { useSiteMemory(of: library) }
        if files.isEmpty, library != nil {
            run([.showList(.library(LibraryQuery()))])
            state.message = nil
        }
    }

    deinit { worker.stop() }

    /// Draws the first frame and hands the worker its jobs.
    public func start() {
        for e in state.entries where e.partial { worker.addFirst(.readWhole(entry: e.id, path: e.path)) }
        scheduleWork()
        terminal.present(render(state))
    }

    /// Attaches the library once the first frame is up: `a`, `l` and reading positions
    /// then work; what it said on opening (a rebuilt index) shows in the status bar.
    public func attach(library: any LibraryService, notes: [String] = []) {
        self.library = library
        state.libraryPath = library.location
        if let note = notes.last { apply(.libraryMessage(note)) }
        // Pages read from now on are cleaned with what the library knows of their site;
        // those read before it opened are read again, in the background, if it knows theirs.
        useSiteMemory(of: library)
        for e in state.entries { reloadIfItsSiteIsKnown(e) }
        terminal.present(render(state))
    }

    /// A page read without the library's site memory (before the library opened, or by
    /// a load already under way then) is read again if the library knows its site. Only a
    /// file analysed whole: a long one is not a web page.
    private func reloadIfItsSiteIsKnown(_ e: Entry) {
        guard let library, e.stored == nil, !e.partial, let d = e.document, !d.usedSiteMemory, !d.isSectioned,
              let publication = d.heading.publication, !library.siteFurniture(publication).isEmpty else { return }
        worker.add(.reload(entry: e.id, path: e.path))
    }

    /// Applies a worker's result; a page it read without the site memory may be read again.
    private func applyResult(_ result: Event) {
        apply(result)
        if case .loaded(let id, _, _, _) = result, let e = state.entries.first(where: { $0.id == id }) { reloadIfItsSiteIsKnown(e) }
    }

    /// Pages read from now on are cleaned with what the library knows of their site.
    private func useSiteMemory(of library: any LibraryService) {
        let service = UncheckedLibrary(library)
        loader.sites.memory = { service.library.siteFurniture($0) }
    }

    /// Runs until the reader quits; returns the exit status (128 + signal when killed).
    /// `afterFirstFrame` runs once the first frame is on screen (opening the library).
    public func run(afterFirstFrame: (ReaderApp) -> Void = { _ in }) -> Int32 {
        start()
        afterFirstFrame(self)
        while !state.quitting {
            let event = terminal.nextEvent(timeout: worker.busy ? 50 : 250)
            var changed = false
            for result in worker.drain() {
                applyResult(result)
                changed = true
            }
            if let event {
                switch event {
                case .signal(let sig):
                    apply(.closing)  // keep the reading position, then go
                    return 128 + sig
                case .resize(let w, let h): apply(.resize(width: w, height: h))
                case .key(let key): apply(.key(key))
                case .mouse(let m): apply(.mouse(m))
                }
                changed = true
            }
            if tellFallback() { changed = true }
            if changed { terminal.present(render(state)) }
        }
        return 0
    }

    /// Handles one event and runs the effects it asks for.
    public func apply(_ event: Event) {
        run(handle(&state, event))
    }

    private func run(_ effects: [Effect]) {
        var effects = effects
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            switch effect {
            case .redraw:
                terminal.invalidate()
            case .load(let id):
                // Off the UI loop: keys stay live while a slow disk or a big file is read.
                guard let entry = state.entries.first(where: { $0.id == id }), entry.isPending else { continue }
                if let failed = load(entry) { effects += handle(&state, failed) }
            case .showList(let mode):
                effects += handle(&state, list(mode))
            case .saveReading(let id, let position, let read):
                do { try library?.setReading(id, position: position, read: read) }
                catch { effects += handle(&state, .libraryMessage("could not keep the reading position: \(error)")) }
            case .addToLibrary(let path):
                guard let library else { continue }
                let message: String
                do { message = try library.add(path: path) } catch { message = "\(path): \(error)" }
                effects += handle(&state, .libraryMessage(message))
            case .removeFromLibrary(let id):
                guard let library else { continue }
                do {
                    try library.remove(id)
                    effects += handle(&state, .removedFromLibrary(id: id))
                } catch {
                    effects += handle(&state, .libraryMessage("could not remove: \(error)"))
                }
            case .open(let typed):
                effects += handle(&state, open(Paths.expand(typed), typed: typed))
            case .complete(let typed):
                let (text, candidates) = Paths.complete(typed)
                effects += handle(&state, .completed(text: text, candidates: candidates))
            }
        }
        scheduleWork()
    }

    /// Waits for the worker to finish what it has (tests, benchmarks), applying results.
    public func settle() {
        while worker.busy { usleep(1000); for r in worker.drain() { applyResult(r) } }
        for r in worker.drain() { applyResult(r) }
        tellFallback()
    }

    /// Says once per document that part of a long file was not UTF-8 (found as its
    /// sections are analysed). Returns whether it said so now.
    @discardableResult
    private func tellFallback() -> Bool {
        guard let d = state.document, d.usedFallback, toldFallback.insert(ObjectIdentifier(d)).inserted else { return false }
        apply(.libraryMessage("part of this file is not UTF-8: read as Windows-1252 there"))
        return true
    }

    /// Has the worker read an entry next, before anything else: a file from disk, or a
    /// stored article's text from the library (read here: one small file and one row) to
    /// analyse with where the reader left it. Returns the failure when the library cannot
    /// give the text.
    private func load(_ entry: Entry) -> Event? {
        guard let stored = entry.stored, let library else {
            queued.insert(entry.path)
            worker.addFirst(.load(entry: entry.id, path: entry.path))
            return nil
        }
        do {
            let text = try library.text(of: stored.id)
            worker.addFirst(.analyze(entry: entry.id, source: text, position: try library.reading(stored.id)?.position))
            return nil
        } catch {
            return .loaded(entry: entry.id, document: nil, error: "\(error)")
        }
    }

    private func list(_ mode: ListMode) -> Event {
        guard let library else { return .libraryMessage("no library") }
        do {
            switch mode {
            case .files: return .libraryMessage("")
            case .library(let q): return .listed(mode, try library.list(q))
            case .search(let words): return .listed(mode, try library.search(words))
            case .party(let name): return .listed(mode, try library.list(LibraryQuery(party: name)))
            }
        } catch {
            return .libraryMessage("library: \(error)")
        }
    }

    /// Reads a path typed in the open prompt: a file, or a folder's `*.txt` files.
    private func open(_ path: String, typed: String) -> Event {
        var st = stat()
        guard stat(path, &st) == 0 else { return .openFailed("\(typed): \(String(cString: strerror(errno)).lowercased())") }
        let files = ArticlePaths.expand([path])
        guard let first = files.first else { return .openFailed("\(typed): no .txt files there") }
        if let i = state.entries.firstIndex(where: { $0.path == first }) { return .opened([state.entries[i]]) }
        // What can be told at once is told in the prompt; the reading itself is the
        // worker's (a big file or a slow disk never holds the keys).
        if (st.st_mode & S_IFMT) != S_IFDIR, access(path, R_OK) != 0 {
            return .openFailed("\(typed): \(String(cString: strerror(errno)).lowercased())")
        }
        return .opened(files.map(Entry.pending))
    }

    /// Gives the worker what is new: listed files not read yet, large documents to index.
    private func scheduleWork() {
        for e in state.entries {
            // Stored articles are read when opened: a library of thousands stays unread.
            if e.isPending, e.stored == nil, !queued.contains(e.path) {
                queued.insert(e.path)
                worker.add(.load(entry: e.id, path: e.path))
            }
            // Not the start of a file being read whole: its whole is indexed instead.
            guard let d = e.document, d.isSectioned, !e.partial, !indexing.contains(ObjectIdentifier(d)) else { continue }
            indexing.insert(ObjectIdentifier(d))
            worker.add(.index(entry: e.id, document: d))
        }
        // In a large document, the sections either side of the screen are analysed
        // ahead, so that scrolling into them does not wait for the analysis.
        if let d = state.document, d.isSectioned, let first = state.rows.first, let last = state.rows.last {
            for s in [first.position.section - 1, last.position.section + 1]
            where d.sections.indices.contains(s) && !d.isAnalysed(s) {
                worker.add(.warm(document: d, section: s))
            }
        }
    }
}

/// The library as the worker's loads reach it: GRDB serialises access to the index.
private final class UncheckedLibrary: @unchecked Sendable {
    let library: any LibraryService
    init(_ library: any LibraryService) { self.library = library }
}
