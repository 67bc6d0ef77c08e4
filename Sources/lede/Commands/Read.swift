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
        discussion: "Folders open their *.txt files, sorted. Keys: press ? in the reader, or see the README.")

    @Argument(help: "Article files and folders.") var paths: [String] = []
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let source = ArticleSource()
        var entries: [Entry] = []
        for (path, _) in ArticleSource.expand(paths) {
            // A path that is not there at all is a mistake on the command line.
            if path != "-", access(path, F_OK) != 0 { throw RuntimeFailure(path: path, reason: "no such file") }
            do {
                entries.append(Entry(path: path, article: try source.article(path), error: nil))
            } catch let failure as RuntimeFailure {
                entries.append(Entry(path: path, article: nil, error: failure.reason))
            }
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            for e in entries {
                if let a = e.article { emit(TextRenderer(color: color.enabled()).render(a)) }
                else { warn("\(e.path): \(e.error ?? "unreadable")") }
            }
            return
        }
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(color: color.enabled()) }
        catch { throw RuntimeFailure(path: "terminal", reason: error.description) }
        var state = ReaderState(entries: entries, width: terminal.size.width, height: terminal.size.height)
        terminal.present(render(state))
        while !state.quitting {
            guard let event = terminal.nextEvent() else { continue }
            switch event {
            case .signal(let sig):
                terminal.stop()
                Glibc.exit(128 + sig)
            case .resize(let w, let h):
                resize(&state, width: w, height: h)
                terminal.invalidate()
            case .key(let key):
                guard let action = KeyMap.action(for: key) else { continue }
                update(&state, action)
                if action == .redraw { terminal.invalidate() }
            }
            terminal.present(render(state))
        }
        terminal.stop()
    }
}
