// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeCore", targets: ["LedeCore"]),
        .library(name: "LedeUI", targets: ["LedeUI"]),
        .library(name: "LedeStore", targets: ["LedeStore"]),
        .library(name: "LedeFuzzing", targets: ["LedeFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The trained models' bytes and the tables laid out as built, put into the binary
        // by the assembler (.incbin): a multi-megabyte .embedInCode resource would cost the
        // Swift compiler minutes.
        .target(name: "CLedeModels", exclude: ["include/lede-models.bin", "include/lede-tables.bin"]),
        // The model layer: pure Swift + Foundation, never curses.
        .target(
            name: "LedeCore",
            dependencies: ["CLedeModels"],
            resources: [
                .embedInCode("Resources/given-names.txt"),
                .embedInCode("Resources/surnames.txt"),
                .embedInCode("Resources/places.tsv"),
                .embedInCode("Resources/organisations.tsv"),
                .embedInCode("Resources/demonyms.tsv"),
                .embedInCode("Resources/place-aliases.tsv"),
            ],
            // The model layer is optimised in debug builds too: the tests run every
            // command on hostile files of tens of megabytes, and unoptimised generic code
            // is tens of times slower (docs/DECISIONS.md).
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The library: article files on disk (the truth) and an SQLite index (GRDB) over
        // them with full-text search, quotes, mentions and reading state.
        .target(
            name: "LedeStore",
            dependencies: ["LedeCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Pure terminal-UI logic: state, key map, update, views drawing into a canvas.
        // Never imports curses.
        .target(name: "LedeUI", dependencies: ["LedeCore"]),
        // The only C we write: a thin shim over ncursesw.
        .target(
            name: "CNcursesw",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // The only target that links ncurses: the terminal adapter.
        .target(name: "LedeTerminal", dependencies: ["CNcursesw", "LedeUI"]),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeCore",
                "LedeStore",
                "LedeUI",
                "LedeTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build links the Swift runtime and Foundation in: no shared libraries
            // to load and bind at start (a third less time before the first frame; see
            // docs/DECISIONS.md), and is not position-independent: its 83,000 relative
            // relocations were applied at every start. Debug builds, which the tests link
            // against, stay dynamic.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"] + ["--start-group", "-lFoundation", "-lFoundationEssentials", "-lFoundationInternationalization", "-l_FoundationCollections", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "--end-group"].flatMap { ["-Xlinker", $0] }, .when(configuration: .release))]
        ),
        // What the fuzzers run (Fuzz/ builds them with libFuzzer); tests replay the corpus.
        .target(name: "LedeFuzzing", dependencies: ["LedeCore", "LedeUI"]),
        // Scores the model layer against ../shared/data (measurement, not a test).
        .target(name: "LedeEvaluation", dependencies: ["LedeCore"]),
        .executableTarget(
            name: "lede-eval",
            dependencies: ["LedeCore", "LedeEvaluation"]
        ),
        // Trains the models from ../shared/data and writes them into CLedeModels (a tool
        // for us, never part of lede).
        .executableTarget(
            name: "lede-train",
            dependencies: ["LedeCore", "LedeEvaluation"]
        ),
        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore"]),
        .testTarget(name: "LedeStoreTests", dependencies: ["LedeStore", "LedeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LedeUITests", dependencies: ["LedeUI", "LedeCore"]),
        .testTarget(name: "LedeTerminalTests", dependencies: ["LedeTerminal", "LedeUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
        .testTarget(name: "FuzzReplayTests", dependencies: ["LedeFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)
