/// What the terminal reports to the app loop.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// A signal asked Lede to stop (SIGINT, SIGTERM, SIGHUP): exit 128 + signal.
    case signal(Int32)
}

/// A terminal the app loop draws on and reads from. `CursesTerminal` is the real one;
/// `ScriptedTerminal` plays events from a script and keeps the frames, for tests and
/// benchmarks. There is no global driver: the loop is handed its terminal.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Draws a frame (a real terminal diffs it against the last one).
    func present(_ canvas: Canvas)
    /// Forgets the last frame so the next `present` repaints everything.
    func invalidate()
    /// Waits up to `timeout` milliseconds for an event.
    func nextEvent(timeout: Int32) -> TerminalEvent?
}

/// A terminal in memory: events from a script, frames kept.
public final class ScriptedTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames = 0
    public private(set) var lastFrame: Canvas?
    private var script: [TerminalEvent]

    public init(width: Int, height: Int, script: [TerminalEvent] = []) {
        size = (width, height)
        self.script = script
    }

    /// Appends events to play.
    public func send(_ events: TerminalEvent...) { script += events }

    public func present(_ canvas: Canvas) {
        frames += 1
        lastFrame = canvas
    }

    public func invalidate() {}

    /// The next scripted event; once the script is played, `q` keys (so a loop ends).
    public func nextEvent(timeout: Int32) -> TerminalEvent? {
        guard !script.isEmpty else { return .key(.char("q")) }
        let event = script.removeFirst()
        if case .resize(let w, let h) = event { size = (w, h) }
        return event
    }
}
