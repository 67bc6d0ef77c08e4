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
    private var indexing = Set<ObjectIdentifier>()
    private var queued = Set<String>()

    /// Lists article files (`ArticlePaths.expand` gives a folder's), reading the first now,
    /// so that the first frame shows it; the rest are read by the worker.
    public init(terminal: any Terminal, files: [String], loader: DocumentLoader = DocumentLoader()) {
        self.terminal = terminal
        self.loader = loader
        var entries = files.map(Entry.pending)
        if let first = entries.first { entries[0] = loader.entry(first.path) }
        let (w, h) = terminal.size
        state = ReaderState(entries: entries, width: w, height: h)
        worker = Worker(source: loader)
    }

    deinit { worker.stop() }

    /// Draws the first frame and hands the worker its jobs.
    public func start() {
        scheduleWork()
        terminal.present(render(state))
    }

    /// Runs until the reader quits; returns the exit status (128 + signal when killed).
    public func run() -> Int32 {
        start()
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

    /// Handles one event and runs the effects it asks for.
    public func apply(_ event: Event) {
        var effects = handle(&state, event)
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            switch effect {
            case .redraw:
                terminal.invalidate()
            case .load(let i):
                guard state.entries.indices.contains(i) else { continue }
                let (document, error) = loader.document(state.entries[i].path)
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

    /// Waits for the worker to finish what it has (tests, benchmarks), applying results.
    public func settle() {
        while worker.busy { usleep(1000); for r in worker.drain() { apply(r) } }
        for r in worker.drain() { apply(r) }
    }

    /// Reads a path typed in the open prompt: a file, or a folder's `*.txt` files.
    private func open(_ path: String, typed: String) -> Event {
        var st = stat()
        guard stat(path, &st) == 0 else { return .openFailed("\(typed): \(String(cString: strerror(errno)).lowercased())") }
        let files = ArticlePaths.expand([path])
        guard let first = files.first else { return .openFailed("\(typed): no .txt files there") }
        if let i = state.entries.firstIndex(where: { $0.path == first }) { return .opened([state.entries[i]]) }
        let entry = loader.entry(first)
        if (st.st_mode & S_IFMT) != S_IFDIR, let error = entry.error { return .openFailed("\(typed): \(error)") }
        return .opened([entry] + files.dropFirst().map(Entry.pending))
    }

    /// Gives the worker what is new: listed files not read yet, large documents to index.
    private func scheduleWork() {
        for (i, e) in state.entries.enumerated() {
            if e.isPending, !queued.contains(e.path) {
                queued.insert(e.path)
                worker.add(.load(entry: i, path: e.path))
            }
            guard let d = e.document, d.isSectioned, !indexing.contains(ObjectIdentifier(d)) else { continue }
            indexing.insert(ObjectIdentifier(d))
            worker.add(.index(entry: i, document: d))
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
