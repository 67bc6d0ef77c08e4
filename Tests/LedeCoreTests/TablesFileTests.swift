import Testing
@testable import LedeCore

/// The gazetteers and word classes laid out in a file compiled into Lede
/// (`lede-train --tables`), read at start instead of being built from the lists.
@Suite struct TablesFileTests {
    func file() -> [UInt8] { TablesFile.write(gazetteer: .fromLists(), lexicon: .fromLists()) }

    @Test func theFileCompiledInIsTheListsLaidOut() {
        // When this fails, a gazetteer list in Sources/LedeCore/Resources or a word list
        // in the code changed: run `swift run -c release lede-train --tables` and commit
        // the new Sources/CLedeModels/include/lede-tables.bin.
        #expect(Array(TablesFile.embedded) == file(), "the compiled-in tables file is stale: run lede-train --tables")
        #expect(Gazetteer(tables: TablesFile.embedded) != nil && Lexicon(tables: TablesFile.embedded) != nil)
    }

    @Test func readingGivesTheSameTables() throws {
        let built = Gazetteer.fromLists()
        let bytes = file()
        let read = try #require(bytes.withUnsafeBytes { Gazetteer(tables: $0) })
        let words = try #require(bytes.withUnsafeBytes { Lexicon(tables: $0) })
        // Written again, the tables read give the same bytes: every slot and value kept.
        #expect(TablesFile.write(gazetteer: read, lexicon: words) == bytes)
        #expect(words.classes(Lexicon.hash("said")).contains(.cueVerb))
        #expect(words.classes(Lexicon.hash("Senator")).contains(.personTitle))
        #expect(read.givenNames["Mary"] == .female && read.givenNames["John"] == .male)
        #expect(read.surnames["SMITH"] == built.surnames["Smith"] && read.surnames["Smith"] != nil)
        #expect(read.placeAliases["U.S."] == "United States")
        #expect(read.knownNames["United Nations"]?.type == .org)
        #expect(read.place("US") == "United States")
        #expect(read.demonyms["Russian"] == true && read.demonyms["Moscow"] == nil)
        #expect(read.agencies.contains(Lexicon.hash("Reuters")))
    }

    @Test func aDamagedFileIsNotUsed() {
        let bytes = file()
        // Cut anywhere: never read, never a crash.
        for cut in [0, 7, 16, 100, bytes.count / 2, bytes.count - 1] {
            let part = Array(bytes.prefix(cut))
            #expect(part.withUnsafeBytes { Gazetteer(tables: $0) } == nil)
            #expect(part.withUnsafeBytes { Lexicon(tables: $0) } == nil)
        }
        var wrongMagic = bytes
        wrongMagic[0] = 0x58
        #expect(wrongMagic.withUnsafeBytes { Gazetteer(tables: $0) } == nil)
        #expect(wrongMagic.withUnsafeBytes { Lexicon(tables: $0) } == nil)
    }

    @Test func aTableThatWouldNeverEndAProbeIsNotRead() {
        // Every slot taken: a lookup of a missing word would go round for ever.
        var full = TableWriter()
        full.u32(0); full.u32(2); full.u32(2); full.u32(0)
        full.u64(1); full.u64(2); full.i32(0); full.i32(1)
        var r = TableReader(UnsafeRawBufferPointer(start: nil, count: 0))
        full.bytes.withUnsafeBytes { b in
            r = TableReader(b)
            #expect((try? WordTable<Bool>(&r) { _ in true }) == nil)
        }
        // More values than slots.
        var over = TableWriter()
        over.u32(0); over.u32(2); over.u32(3); over.u32(0)
        over.u64(0); over.u64(0); over.i32(-1); over.i32(-1)
        over.bytes.withUnsafeBytes { b in
            r = TableReader(b)
            #expect((try? WordTable<Bool>(&r) { _ in true }) == nil)
        }
        // A set whose count does not match its slots, or with no empty slot.
        for (slots, count) in [([UInt64](arrayLiteral: 5, 0), UInt32(0)), ([7, 9], 1)] {
            var set = TableWriter()
            set.u32(UInt32(slots.count)); set.u32(count)
            for h in slots { set.u64(h) }
            set.bytes.withUnsafeBytes { b in
                r = TableReader(b)
                #expect((try? HashSet64(&r)) == nil)
            }
        }
        // And a good one is read.
        var good = TableWriter()
        good.u32(2); good.u32(1)
        good.u64(0); good.u64(5)  // 5 probes from slot 5 & 1
        good.bytes.withUnsafeBytes { b in
            r = TableReader(b)
            #expect((try? HashSet64(&r))?.contains(5) == true)
        }
    }

    @Test func phrasesAreHashedAsTheirWordsAre() {
        // The fast path for ASCII phrases splits and hashes as `words` and `Lexicon.hash` do.
        for phrase in BoilerplateVocabulary.allPhrases + ["Sign-up NOW", "don't miss 24/7", "-lead- 'quoted'"] {
            guard let fast = PhraseMatcher.asciiWordHashes(phrase) else { continue }
            #expect(fast == PhraseMatcher.words(phrase).map { Lexicon.hash($0) }, "\(phrase)")
        }
        #expect(PhraseMatcher.asciiWordHashes("suscríbete") == nil)
        #expect(StopWords.languageCount == StopWords.lists.count)
        let list = "sign in|sign up|\nleia também|подписаться||é|e\u{301}|x"
        #expect(WordList.phrases(list) == list.split(separator: "|").map(String.init))
    }
}
