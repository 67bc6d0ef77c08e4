import Foundation
import LedeCore

/// Our own annotated articles (Training/parties): plain text with names marked inline as
/// `[[TYPE|text]]` (TYPE is PER, ORG, LOC or MISC). They teach what the newswire
/// training set lacks: scraped page headers, party codes, transcripts, title-case
/// headlines.
enum OwnCorpus {
    static let types: [String: EntityType] = ["PER": .person, "ORG": .org, "LOC": .place, "MISC": .misc]

    /// The articles of a folder, sorted by name.
    static func read(_ dir: String) throws -> [TaggerExample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            guard let example = parse(text) else { throw CorpusError.badMarkup(name) }
            return example
        }
    }

    enum CorpusError: Error, CustomStringConvertible {
        case badMarkup(String)
        var description: String {
            switch self { case .badMarkup(let name): "\(name): a [[TYPE|text]] mark is not well formed" }
        }
    }

    /// The text without its marks, and the marked names as byte ranges of it.
    static func parse(_ marked: String) -> TaggerExample? {
        let b = Array(marked.utf8)
        var out: [UInt8] = []
        var entities: [(range: Range<Int>, type: EntityType)] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x5B, i + 1 < b.count, b[i + 1] == 0x5B {  // [[
                guard let bar = b[(i + 2)...].firstIndex(of: 0x7C),
                      let type = types[String(decoding: b[(i + 2)..<bar], as: UTF8.self)] else { return nil }
                var j = bar + 1
                while j + 1 < b.count, !(b[j] == 0x5D && b[j + 1] == 0x5D) { j += 1 }
                guard j + 1 < b.count else { return nil }
                let start = out.count
                out += b[(bar + 1)..<j]
                entities.append((start..<out.count, type))
                i = j + 2
                continue
            }
            out.append(b[i])
            i += 1
        }
        return TaggerExample(source: SourceText(utf8: out, encoding: .utf8), entities: entities)
    }
}
