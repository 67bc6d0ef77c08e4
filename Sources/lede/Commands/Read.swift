import ArgumentParser
import LedeCore
import LedeStore
import LedeTerminal
import LedeUI
#if canImport(Glibc)
import Glibc
#endif

/// `lede PATH...`: the full-screen reader. When standard output is not a terminal, prints
/// what `lede show` prints for each article instead.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read articles full-screen (the default command).",
        discussion: "Folders open their *.txt files, sorted. With no path, the library (lede path says where). Press ? in the reader for every key.")

    @Argument(help: "Article files and folders.") var paths: [String] = []
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto
    @Flag(help: "Use the mouse: the wheel scrolls, a click selects.") var mouse = false

    func run() throws { try Self.read(paths: paths, color: color, mouse: mouse) }

    /// `lede PATH…` with nothing else on the line, the commonest start: read without the
    /// argument parser, whose reflection over every command costs more than the first
    /// frame's analysis. Anything else (an option, a subcommand's name, no path) is left to
    /// the parser. Returns false when it is not such a line.
    static func readPlainPaths(_ arguments: [String]) throws -> Bool {
        let names = Set(Lede.subcommands.compactMap { $0.configuration.commandName } + ["help"])
        guard !arguments.isEmpty, arguments.allSatisfy({ !$0.hasPrefix("-") || $0 == "-" }),
              !names.contains(arguments[0]) else { return false }
        try read(paths: arguments, color: .auto, mouse: false)
        return true
    }

    static func read(paths: [String], color: ColorChoice, mouse: Bool) throws {
        let listed = ArticlePaths.expand(paths)
        for path in listed where path != "-" && access(path, F_OK) != 0 {
            // A path that is not there at all is a mistake on the command line.
            throw RuntimeFailure(path: path, reason: "no such file")
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            if listed.isEmpty { throw ValidationError("nothing to read: give a PATH, or run lede on a terminal") }
            var failed = false
            let source = ArticleSource()
            for path in listed {
                do { emit(TextRenderer(color: color.enabled()).render(try source.article(path))) }
                catch let failure as RuntimeFailure { warn(failure.description); failed = true }
            }
            if failed { throw ExitCode(1) }
            return
        }
        // The library: browsed when no path is given, so opened first; otherwise there for
        // a and l, and opened once the article is on screen (no SQLite before the first frame).
        var library: Library?
        if listed.isEmpty {
            do { library = try Library() } catch { throw RuntimeFailure(path: Library.defaultRoot(), reason: error.description) }
        }
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(color: color.enabled(), mouse: mouse) }
        catch { throw RuntimeFailure(path: "terminal", reason: error.description) }
        let app = ReaderApp(terminal: terminal, files: listed, library: library.map(StoreService.init))
        if let note = library?.notes.last { app.apply(.libraryMessage(note)) }
        let status = app.run(afterFirstFrame: { app in
            guard library == nil else { return }
            do {
                let opened = try Library()
                app.attach(library: StoreService(opened), notes: opened.notes)
            } catch {
                app.apply(.libraryMessage("library: \(error)"))
                app.terminal.present(render(app.state))
            }
        })
        terminal.stop()
        if status != 0 { Glibc.exit(status) }
    }
}
