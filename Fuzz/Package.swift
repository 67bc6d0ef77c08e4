// swift-tools-version: 6.1
// libFuzzer binaries for Lede, built with sanitizers by Scripts/fuzz (never by CI's swift
// build: LLVMFuzzerRunDriver only links with -sanitize=fuzzer).
import Foundation
import PackageDescription

let lede = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LedeFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "lede-fuzz",
            dependencies: [.product(name: "LedeFuzzing", package: lede)],
            path: "Sources/lede-fuzz"
        ),
    ],
    swiftLanguageModes: [.v6]
)
