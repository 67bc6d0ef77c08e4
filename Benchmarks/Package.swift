// swift-tools-version: 6.1
// Benchmarks for Lede, run in release builds, never as timed tests:
//   cd Benchmarks && swift package benchmark
// A package of its own so that building and testing Lede does not fetch or build the
// benchmark harness.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, whatever the clone is called.
let lede = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LedeBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AnalyzeThroughput",
            dependencies: [
                .product(name: "LedeCore", package: lede),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AnalyzeThroughput",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ReaderLatency",
            dependencies: [
                .product(name: "LedeCore", package: lede),
                .product(name: "LedeUI", package: lede),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ReaderLatency",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "LibraryLatency",
            dependencies: [
                .product(name: "LedeCore", package: lede),
                .product(name: "LedeStore", package: lede),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LibraryLatency",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
