#if canImport(Glibc)
import Glibc
#endif

/// Runs a closure on a new detached thread with an 8 MiB stack.
public func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 8 << 20)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    // The thread starts with every signal blocked (it inherits the mask), so Ctrl-Z, Ctrl-C
    // and resizes always reach the main thread, the only one that talks to the terminal.
    var all = sigset_t(), previous = sigset_t()
    sigfillset(&all)
    // Faults and traps stay deliverable, so a crash in the thread is reported as one.
    for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] { sigdelset(&all, sig) }
    pthread_sigmask(SIG_SETMASK, &all, &previous)
    var thread = pthread_t()
    let rc = pthread_create(&thread, &attributes, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
    }, context)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    pthread_attr_destroy(&attributes)
    if rc != 0 {
        // No thread: run the work here rather than lose it.
        Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
    }
}

/// The tables every analysis needs (gazetteers, word classes, model weights, phrase
/// matchers) take some milliseconds to make, even read from the tables file. Started at
/// the top of `main`, they are made on another core while the terminal is set up and
/// the file read; the first analysis then finds them ready (or waits for the rest: a
/// `static let` is made once), in the order it asks for them. One thread: a second one
/// made the first frame slower (10% from exec to the first screen, in tmux on two cores),
/// its start and its contention costing more than it saved.
public func prepareTablesInBackground() {
    startThread {
        _ = Lexicon.shared
        _ = BoilerplateVocabulary.callToActionMatcher
        _ = BoilerplateVocabulary.strongCallToActionMatcher
        _ = Models.shared
        _ = BlockFeatures.maskVectors
        _ = BoilerplateVocabulary.creditMatcher
        _ = BoilerplateVocabulary.endMarkerMatcher
        _ = Gazetteer.shared
        // A short article of our own analysed once: the generic types the analysis uses are
        // instantiated here (the Swift runtime scans thousands of conformance records for
        // each, the first time), not on the way to the first frame.
        _ = ArticleAnalyzer().analyze(SourceText(warmUpArticle))
    }
}

/// What `prepareTablesInBackground` analyses: a headline, a byline, a dateline, quotations
/// with speakers, people, organisations and places.
let warmUpArticle = """
Harbour board votes to close the old ferry pier

By Ann Example

PORTSMOUTH — The harbour board voted on Tuesday to close the old pier for repairs, the Port Authority said.

"We had no choice," said Maria Okafor, the board's chair. She said work would start in March.

Fishermen who tie up at the pier said they had not been told where to go. "Nobody asked us," one of them said.
"""
