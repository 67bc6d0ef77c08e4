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
        // The model layer: pure Swift + Foundation, never curses.
        .target(
            name: "LedeCore",
            resources: [
                .embedInCode("Resources/given-names.txt"),
                .embedInCode("Resources/surnames.txt"),
                .embedInCode("Resources/places.tsv"),
                .embedInCode("Resources/organisations.tsv"),
                .embedInCode("Resources/demonyms.tsv"),
                .embedInCode("Resources/place-aliases.tsv"),
            ]
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
            ]
        ),
        // What the fuzzers run (Fuzz/ builds them with libFuzzer); tests replay the corpus.
        .target(name: "LedeFuzzing", dependencies: ["LedeCore", "LedeUI"]),
        // Scores the model layer against ../shared/data (measurement, not a test).
        .executableTarget(
            name: "lede-eval",
            dependencies: ["LedeCore"]
        ),
        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore"]),
        .testTarget(name: "LedeStoreTests", dependencies: ["LedeStore", "LedeCore"]),
        .testTarget(name: "LedeUITests", dependencies: ["LedeUI", "LedeCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
        .testTarget(name: "FuzzReplayTests", dependencies: ["LedeFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)
