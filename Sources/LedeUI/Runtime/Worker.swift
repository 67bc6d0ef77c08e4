import LedeCore

/// The reader's one background thread: reads the listed files the user has not opened
/// yet, and indexes large documents section by section. Its results come back to the
/// app loop as events; it never touches the UI state.
public final class Worker: @unchecked Sendable {
    public enum Job: Sendable {
        case load(entry: EntryID, path: String)
        /// Analyse a stored article's text, read from the library (where the reader had got
        /// to comes back with it).
        case analyze(entry: EntryID, source: SourceText, position: Int?)
        /// Read a file again, now that the library's site memory may clean it better.
        case reload(entry: EntryID, path: String)
        /// Read the whole of a long file whose start is on screen.
        case readWhole(entry: EntryID, path: String)
        case index(entry: EntryID, document: Document)
        /// Analyse a section ahead of the reader, so that scrolling into it costs nothing.
        case warm(document: Document, section: Int)
    }

    private let condition = Condition()
    private var jobs: [Job] = []
    private var results: [Event] = []
    private var stopping = false
    private let source: DocumentLoader

    public init(source: DocumentLoader) {
        self.source = source
        // The thread holds the worker until it ends (after `stop`), so a worker dropped while
        // busy is never freed under its own thread.
        startThread { self.run() }
    }

    public func add(_ job: Job) {
        condition.lock()
        if case .warm = job { jobs.insert(job, at: 0) } else { jobs.append(job) }
        condition.signal()
        condition.unlock()
    }

    /// Puts a job before all others: the entry the user is waiting for. A load of the same
    /// entry already queued is moved, not done twice.
    public func addFirst(_ job: Job) {
        condition.lock()
        if case .load(let id, _) = job {
            jobs.removeAll { if case .load(let other, _) = $0 { return other == id } else { return false } }
        }
        jobs.insert(job, at: 0)
        condition.signal()
        condition.unlock()
    }

    /// Whether there is work queued or running (the loop then polls more often).
    public var busy: Bool {
        condition.lock(); defer { condition.unlock() }
        return !jobs.isEmpty || running
    }
    private var running = false
    private var lastIndexPost = ContinuousClock.now

    /// The events finished since the last call.
    public func drain() -> [Event] {
        condition.lock(); defer { condition.unlock() }
        let out = results
        results = []
        return out
    }

    public func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func post(_ event: Event) {
        condition.lock()
        results.append(event)
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { running = false; condition.wait() }
            if stopping { condition.unlock(); return }
            let job = jobs.removeFirst()
            running = true
            condition.unlock()
            switch job {
            case .load(let i, let path):
                let (document, error) = source.document(path)
                post(.loaded(entry: i, document: document, error: error))
            case .reload(let i, let path):
                if let document = source.document(path).0 { post(.reloaded(entry: i, document: document)) }
            case .readWhole(let i, let path):
                let (document, error) = source.document(path)
                post(.readWhole(entry: i, document: document, error: error))
            case .analyze(let i, let text, let position):
                post(.loaded(entry: i, document: Document(source: text, analyzer: source.analyzer), error: nil, position: position))
            case .warm(let document, let section):
                _ = document.section(section)
            case .index(let i, let document):
                // One section at a time, so a stop or a newer job is never kept waiting long.
                let more = document.indexNext()
                // The UI copies the index when told: tell it at most every 200 ms.
                let now = ContinuousClock.now
                if !more || now - lastIndexPost > .milliseconds(200) {
                    lastIndexPost = now
                    post(.indexed(entry: i))
                }
                if more {
                    condition.lock()
                    jobs.append(job)
                    condition.unlock()
                }
            }
        }
    }
}
