import ArgumentParser
import LedeCore
import LedeTerminal
import LedeUI
#if canImport(Glibc)
import Glibc
#endif

/// `lede PATH...`: the full-screen reader. When standard output is not a terminal, prints
/// what `lede show` prints for each article instead.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles full-screen (the default command).",
        discussion: "Folders open their *.txt files, sorted. Press ? in the reader for every key.")

    @Argument(help: "Article files and folders.") var paths: [String] = []
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto
    @Flag(help: "Use the mouse: the wheel scrolls, a click selects.") var mouse = false

    func run() throws {
        let source = ArticleSource()
        let listed = ArticleSource.expand(paths).map(\.path)
        for path in listed where path != "-" && access(path, F_OK) != 0 {
            // A path that is not there at all is a mistake on the command line.
            throw RuntimeFailure(path: path, reason: "no such file")
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            if listed.isEmpty { throw ValidationError("nothing to read: give a PATH, or run lede on a terminal") }
            for path in listed {
                do { emit(TextRenderer(color: color.enabled()).render(try source.article(path))) }
                catch let failure as RuntimeFailure { warn(failure.description) }
            }
            return
        }
        var entries = listed.map(Entry.pending)
        // The first article is read before the first frame; the others as the worker gets to them.
        if let first = entries.first {
            let (document, error) = source.document(first.path)
            entries[0] = Entry(path: first.path, document: document, error: error)
        }
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(color: color.enabled(), mouse: mouse) }
        catch { throw RuntimeFailure(path: "terminal", reason: error.description) }
        let worker = Worker(source: source)
        var loop = ReaderLoop(terminal: terminal, worker: worker, source: source,
                              state: ReaderState(entries: entries, width: terminal.size.width, height: terminal.size.height))
        let status = loop.run()
        worker.stop()
        terminal.stop()
        if status != 0 { Glibc.exit(status) }
    }
}

/// The app loop: terminal events and worker results in, effects run, frames out.
struct ReaderLoop {
    let terminal: CursesTerminal
    let worker: Worker
    let source: ArticleSource
    var state: ReaderState
    private var indexing = Set<ObjectIdentifier>()
    private var queued = Set<String>()

    init(terminal: CursesTerminal, worker: Worker, source: ArticleSource, state: ReaderState) {
        self.terminal = terminal
        self.worker = worker
        self.source = source
        self.state = state
    }

    /// Runs until the reader quits; returns the exit status (128 + signal when killed).
    mutating func run() -> Int32 {
        scheduleWork()
        terminal.present(render(state))
        while !state.quitting {
            let event = terminal.nextEvent(timeout: worker.busy ? 50 : 250)
            var changed = false
            for result in worker.drain() {
                apply(result)
                changed = true
            }
            if let event {
                switch event {
                case .signal(let sig): return 128 + sig
                case .resize(let w, let h): apply(.resize(width: w, height: h))
                case .key(let key): apply(.key(key))
                case .mouse(let m): apply(.mouse(m))
                }
                changed = true
            }
            if changed { terminal.present(render(state)) }
        }
        return 0
    }

    private mutating func apply(_ event: Event) {
        var effects = handle(&state, event)
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            switch effect {
            case .redraw:
                terminal.invalidate()
            case .load(let i):
                guard state.entries.indices.contains(i) else { continue }
                let (document, error) = source.document(state.entries[i].path)
                effects += handle(&state, .loaded(entry: i, document: document, error: error))
            case .open(let typed):
                effects += handle(&state, open(Paths.expand(typed), typed: typed))
            case .complete(let typed):
                let (text, candidates) = Paths.complete(typed)
                effects += handle(&state, .completed(text: text, candidates: candidates))
            }
        }
        scheduleWork()
    }

    /// Reads a path typed in the open prompt: a file, or a folder's `*.txt` files.
    private func open(_ path: String, typed: String) -> Event {
        var st = stat()
        guard stat(path, &st) == 0 else { return .openFailed("\(typed): \(String(cString: strerror(errno)).lowercased())") }
        let files = ArticleSource.expand([path]).map(\.path)
        guard let first = files.first else { return .openFailed("\(typed): no .txt files there") }
        if let i = state.entries.firstIndex(where: { $0.path == first }) { return .opened([state.entries[i]]) }
        let (document, error) = source.document(first)
        if (st.st_mode & S_IFMT) != S_IFDIR, let error { return .openFailed("\(typed): \(error)") }
        return .opened([Entry(path: first, document: document, error: error)] + files.dropFirst().map(Entry.pending))
    }

    /// Gives the worker what is new: listed files not read yet, large documents to index.
    private mutating func scheduleWork() {
        for (i, e) in state.entries.enumerated() {
            if e.isPending, !queued.contains(e.path) {
                queued.insert(e.path)
                worker.add(.load(entry: i, path: e.path))
            }
            guard let d = e.document, d.isSectioned, !indexing.contains(ObjectIdentifier(d)) else { continue }
            indexing.insert(ObjectIdentifier(d))
            worker.add(.index(entry: i, document: d))
        }
    }
}
