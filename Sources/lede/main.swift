import ArgumentParser
import LedeCore
import LedeStore
#if canImport(Glibc)
import Glibc
#endif

/// `lede`: a terminal reader for news articles.
struct Lede: ParsableCommand {
    /// The subcommands, apart from the configuration (which costs more to make: the reader
    /// asks only their names before its first frame).
    static let subcommands: [ParsableCommand.Type] = [Read.self, Show.self, Clean.self, Quotes.self, Parties.self, Analyze.self,
                                                      Add.self, List.self, Search.self, Remove.self, LibraryPath.self]

    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "lede",
        abstract: "A terminal reader for news articles: who is quoted, and who is involved.",
        discussion: """
        The library is in \(Library.defaultRoot()) ($LEDE_HOME, else $XDG_DATA_HOME/lede, \
        else ~/.local/share/lede): one cleaned text file per article under articles/, and an \
        index beside them. Run lede alone to browse it.

        Exit status: 0 on success, 1 when an article could not be read or analysed \
        (printed as 'lede: PATH: reason'), 2 on a usage error.
        """,
        version: "0.1.0",
        subcommands: subcommands,
        defaultSubcommand: Read.self
        )
    }
}

signal(SIGPIPE, SIG_IGN)
prepareTablesInBackground()
do {
    if try !Read.readPlainPaths(Array(CommandLine.arguments.dropFirst())) {
        var command = try Lede.parseAsRoot()
        try command.run()
    }
} catch let failure as RuntimeFailure {
    warn(failure.description)
    exit(1)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = Lede.exitCode(for: error)
    if status == .success {
        print(Lede.fullMessage(for: error))
        exit(0)
    }
    let message = Lede.fullMessage(for: error)
    writeAll(STDERR_FILENO, message + "\n")
    // Usage errors exit 2, as the README promises; anything else is a runtime error.
    exit(status == .validationFailure ? 2 : 1)
}
