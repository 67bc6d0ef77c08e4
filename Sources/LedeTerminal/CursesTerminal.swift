import CNcursesw
import LedeUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A signal that asked Lede to stop (SIGINT, SIGTERM, SIGHUP), stored by the handler and
/// read by the input loop: the handler does nothing else.
let pendingSignal = Atomic<Int32>(0)

/// Ctrl-Z (SIGTSTP), stored by its handler: the input loop suspends, on the main thread and
/// between curses calls, and repaints everything when the shell's `fg` continues it. (The
/// handler ncurses installs would end and repaint the screen from inside the signal, on
/// whichever thread took it, in the middle of whatever curses call was running.)
let pendingSuspend = Atomic<Bool>(false)

/// The only code that talks to ncurses: starts and restores the terminal, draws canvases
/// by diffing them against the last frame, and decodes keys.
public final class CursesTerminal: Terminal {
    private var last: Canvas?
    private let colors: Bool
    private var stopped = false

    /// Starts curses. `color` false forces monochrome (NO_COLOR, --color never); `mouse`
    /// asks for wheel and click reports (off by default: it takes over text selection).
    public init(color: Bool, mouse: Bool = false) throws(TerminalError) {
        guard lede_setup_locale() == 1 else { throw .noUTF8Locale }
        Self.installSignalHandlers()
        guard lede_start() == 0 else { throw .cannotStart }
        colors = color && lede_start_colors() == 1
        if mouse { _ = lede_mouse(1) }
    }

    deinit { stop() }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = lede_mouse(0)
        endwin()
    }

    public var size: (width: Int, height: Int) { (Int(lede_cols()), Int(lede_lines())) }

    /// Forgets the last frame so the next `present` repaints everything (Ctrl-L).
    public func invalidate() {
        last = nil
        clearok(lede_stdscr(), true)
    }

    /// Draws a canvas, touching only the cells that changed since the last frame.
    public func present(_ canvas: Canvas) {
        let full = last.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(lede_stdscr()) }
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if !full, let last, last[x, y] == cell { continue }
                // After `werase` the screen is blank: a blank cell is already drawn.
                if full, cell == .blank { continue }
                if cell.width == 0 { continue }
                let (attrs, pair) = Self.attributes(cell.style, colors: colors)
                _ = cell.text.withCString { lede_put_cell(Int32(y), Int32(x), $0, attrs, pair) }
            }
        }
        wnoutrefresh(lede_stdscr())
        doupdate()
        last = canvas
    }

    /// Waits up to `timeout` milliseconds for a key, a resize or a stop signal.
    public func nextEvent(timeout: Int32 = 100) -> TerminalEvent? {
        let sig = pendingSignal.exchange(0, ordering: .relaxed)
        if sig != 0 { return .signal(sig) }
        if pendingSuspend.exchange(false, ordering: .relaxed) { return suspend() }
        var ch: Int32 = 0
        let rc = lede_get_key(timeout, &ch)
        if rc == lede_key_code_yes() {
            if ch == lede_key_resize() {
                // A storm of resizes (a window dragged): only the last size matters, and
                // laying out for each one would fall behind.
                var next: Int32 = 0
                while true {
                    let more = lede_get_key(0, &next)
                    if more == lede_key_code_yes() && next == lede_key_resize() { continue }
                    if more != ERR { _ = lede_unget_key(more, next) }
                    break
                }
                let (w, h) = size
                return .resize(width: w, height: h)
            }
            if ch == lede_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                var buttons: mmask_t = 0
                guard lede_get_mouse(&x, &y, &buttons) == 0 else { return nil }
                let kind: MouseEvent.Kind
                if buttons & lede_button4_pressed() != 0 { kind = .wheelUp }
                else if buttons & lede_button5_pressed() != 0 { kind = .wheelDown }
                else if buttons & (lede_button1_pressed() | lede_button1_clicked()) != 0 { kind = .click }
                else { return nil }
                return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
            }
            return Self.decodeCode(ch).map { .key($0) }
        }
        if rc == OK { return Self.decodeChar(ch).map { .key($0) } }
        let late = pendingSignal.exchange(0, ordering: .relaxed)
        if late != 0 { return .signal(late) }
        return pendingSuspend.exchange(false, ordering: .relaxed) ? suspend() : nil
    }

    /// Gives the terminal back to the shell and stops; once continued, forgets the last
    /// frame and reports the size (it may have changed meanwhile), so the app lays out and
    /// repaints every cell.
    private func suspend() -> TerminalEvent {
        endwin()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        var mine = sigaction()
        sigaction(SIGTSTP, &action, &mine)
        kill(getpid(), SIGTSTP)
        // … stopped until `fg` …
        sigaction(SIGTSTP, &mine, nil)
        invalidate()
        let (w, h) = size
        return .resize(width: w, height: h)
    }

    static func decodeCode(_ c: Int32) -> Key? {
        switch c {
        case lede_key_up(): .up
        case lede_key_down(): .down
        case lede_key_left(): .left
        case lede_key_right(): .right
        case lede_key_npage(): .pageDown
        case lede_key_ppage(): .pageUp
        case lede_key_home(): .home
        case lede_key_end(): .end
        case lede_key_backspace(): .backspace
        case lede_key_enter(): .enter
        default: nil
        }
    }

    static func decodeChar(_ c: Int32) -> Key? {
        switch c {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(c) + 0x60)))
        default:
            guard let s = Unicode.Scalar(UInt32(bitPattern: c)) else { return nil }
            return .char(Character(s))
        }
    }

    /// The curses attributes and colour pair of a style, in colour or monochrome: every role
    /// told apart from plain text either way.
    static func attributes(_ role: StyleRole, colors: Bool) -> (attr_t, Int16) {
        let bold = lede_a_bold(), dim = lede_a_dim(), reverse = lede_a_reverse(), underline = lede_a_underline()
        if colors {
            switch role {
            case .normal: return (lede_a_normal(), 0)
            case .dim: return (dim, 0)
            case .title: return (bold, 0)
            case .standfirst: return (lede_a_italic(), 0)
            case .quote: return (lede_a_normal(), 1)
            case .term: return (lede_a_italic(), 6)
            case .person: return (bold, 2)
            case .org: return (bold, 3)
            case .place: return (bold, 4)
            case .selected: return (reverse, 0)
            case .status: return (lede_a_normal(), 5)
            case .legend: return (dim, 5)
            case .chosen: return (reverse | bold, 0)
            case .match: return (lede_a_normal(), 7)
            }
        }
        // Monochrome: distinguishable by attributes alone.
        switch role {
        case .normal: return (lede_a_normal(), 0)
        case .dim, .legend: return (dim, 0)
        case .title, .person: return (bold, 0)
        case .standfirst, .term: return (underline, 0)
        case .quote: return (lede_a_normal() | underline, 0)
        case .org: return (bold | underline, 0)
        case .place: return (bold, 0)
        case .selected, .status: return (reverse, 0)
        case .chosen: return (reverse | bold, 0)
        case .match: return (reverse | underline, 0)
        }
    }

    /// Installed before curses starts, so ncurses keeps its own SIGTSTP handler out.
    static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in pendingSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in pendingSuspend.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTSTP, &action, nil)
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    case noUTF8Locale
    case cannotStart

    public var description: String {
        switch self {
        case .noUTF8Locale: "no UTF-8 locale available (set LANG to a UTF-8 locale)"
        case .cannotStart: "cannot start the terminal (is TERM set?)"
        }
    }
}
