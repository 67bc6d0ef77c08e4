import Foundation
import Testing
import LedeFuzzing

/// Every file of the fuzz corpus and every crasher found (Fuzz/Corpus/TARGET,
/// Fuzz/Crashers/TARGET), run again through its target: a crash fixed stays fixed.
@Suite struct FuzzReplayTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz").standardizedFileURL.path

    static func inputs(_ target: String) -> [String] {
        ["Corpus", "Crashers"].flatMap { kind -> [String] in
            let dir = fuzz + "/\(kind)/\(target)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
        }
    }

    @Test(arguments: FuzzTargets.all.keys.sorted())
    func replay(target: String) throws {
        let run = try #require(FuzzTargets.all[target])
        let files = Self.inputs(target)
        #expect(!files.isEmpty, "Fuzz/Corpus/\(target) holds the seeds at least")
        for file in files {
            run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        }
    }
}
