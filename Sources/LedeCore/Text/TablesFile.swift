import CLedeModels

/// The tables every analysis needs, laid out as built, so that the reader's first
/// analysis finds them ready instead of building them (the gazetteers from the bundled
/// lists, the word classes from the cue and stop-word lists: some 20M instructions, the
/// longest wait before the first frame). `lede-train --tables` writes the file; the bytes
/// are compiled into the binary beside the models (CLedeModels).
///
///     0   "LEDETAB1"   magic
///     8   u64          FNV-1a of the bundled lists the gazetteers were built from (a
///                      record: the test compares the whole file)
///     16  u32, u32     the lengths of the two sections that follow
///     24  the gazetteers:
///           the strings: u32 count, then each as u32 length and UTF-8 bytes; padded to 8
///           the tables, each: u32 fold case, u32 slots (a power of two), u32 values,
///           u32 reserved; slots × u64 hashes; slots × i32 rows; the values (a string as
///           its u32 number among the strings); padded to 8
///           the agencies: u32 slots, u32 count, slots × u64
///     …   the word classes: u32 slots; slots × u64 hashes, slots × u32 classes,
///         slots × u8 stop-word languages; padded to 8
///
/// Each distinct string is stored once and made once when read: the place names are the
/// values of several tables. The file is not checked against the lists at start (hashing
/// them cost more than reading the file): a test compares the file compiled in with the
/// tables built from the lists, so a list edited without the file written again fails
/// the tests, never the reader.
public enum TablesFile {
    static let magic: [UInt8] = Array("LEDETAB1".utf8)

    /// The file compiled into Lede.
    static var embedded: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: lede_tables_bytes(), count: lede_tables_size())
    }

    /// The file for these tables.
    public static func write(gazetteer: Gazetteer, lexicon: Lexicon) -> [UInt8] {
        let g = gazetteer.serialized(), l = lexicon.serialized()
        var w = TableWriter()
        w.bytes.append(contentsOf: magic)
        w.u64(sourceHash)
        w.u32(UInt32(g.count))
        w.u32(UInt32(l.count))
        return w.bytes + g + l
    }

    /// The two sections of a tables file, or nil when it is not one.
    static func sections(_ bytes: UnsafeRawBufferPointer) -> (gazetteer: UnsafeRawBufferPointer, lexicon: UnsafeRawBufferPointer)? {
        var r = TableReader(bytes)
        guard let m = try? r.take(8), m.elementsEqual(magic), (try? r.u64()) != nil,
              let g = try? r.u32(), let l = try? r.u32(),
              let gazetteer = try? r.take(Int(g)), let lexicon = try? r.take(Int(l)) else { return nil }
        return (gazetteer, lexicon)
    }

    /// The lists the gazetteers are built from, in a fixed order.
    static var sources: [[UInt8]] {
        [PackageResources.given_names_txt, PackageResources.surnames_txt, PackageResources.places_tsv,
         PackageResources.place_aliases_tsv, PackageResources.organisations_tsv, PackageResources.demonyms_tsv]
    }

    /// The fingerprint of the lists the gazetteers were built from: FNV-1a over their
    /// bytes, eight at a time, and their lengths.
    static var sourceHash: UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for list in sources {
            list.withUnsafeBytes { b in
                var i = 0
                while i + 8 <= b.count {
                    h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100000001b3
                    i += 8
                }
                while i < b.count { h = (h ^ UInt64(b[i])) &* 0x100000001b3; i += 1 }
            }
            h = (h ^ UInt64(list.count)) &* 0x100000001b3
        }
        return h
    }
}

/// Little-endian output, 8-byte aligned sections.
struct TableWriter {
    var bytes: [UInt8] = []
    /// Strings by number, in the order first written, and their numbers.
    var strings: [String] = []
    var numbers: [String: UInt32] = [:]

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
    /// A string, as its number among the strings (`stringTable` writes them).
    mutating func string(_ s: String) {
        if let n = numbers[s] { return u32(n) }
        let n = UInt32(strings.count)
        numbers[s] = n
        strings.append(s)
        u32(n)
    }
    /// The strings the values named, as the file's string section.
    func stringTable() -> [UInt8] {
        var w = TableWriter()
        w.u32(UInt32(strings.count))
        for s in strings {
            let utf8 = Array(s.utf8)
            w.u32(UInt32(utf8.count))
            w.bytes.append(contentsOf: utf8)
        }
        w.pad()
        return w.bytes
    }
    mutating func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }
}

/// Reads what `TableWriter` wrote; every read is checked against the end.
struct TableReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    var strings: [String] = []

    struct Truncated: Error {}

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, offset + n <= bytes.count else { throw Truncated() }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }
    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    /// Reads the string section.
    mutating func readStrings() throws {
        let count = Int(try u32())
        guard count <= bytes.count else { throw Truncated() }
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(String(decoding: try take(Int(try u32())), as: UTF8.self)) }
        pad()
    }
    /// A string value: its number among the strings.
    mutating func string() throws -> String {
        let n = Int(try u32())
        guard n < strings.count else { throw Truncated() }
        return strings[n]
    }
    mutating func pad() { offset = (offset + 7) & ~7 }

    /// `count` values of a fixed-width integer type, copied in one go (little-endian hosts).
    mutating func array<T: FixedWidthInteger>(_ count: Int, of: T.Type) throws -> [T] {
        let raw = try take(count * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
            initialized = count
        }
    }
}

extension Gazetteer {
    /// The gazetteers' section of the tables file.
    func serialized() -> [UInt8] {
        var w = TableWriter()
        givenNames.write(&w) { w, g in w.u32(g == .male ? 0 : g == .female ? 1 : 2) }
        surnames.write(&w) { w, rank in w.u32(UInt32(rank)) }
        places.write(&w) { w, s in w.string(s) }
        placeAliases.write(&w) { w, s in w.string(s) }
        organisations.write(&w) { w, s in w.string(s) }
        demonyms.write(&w) { _, _ in }
        knownNames.write(&w) { w, k in w.u32(UInt32(k.type.index)); w.string(k.canonical) }
        placeCanonical.write(&w) { w, s in w.string(s) }
        nameStarts.write(&w) { _, _ in }
        agencies.write(&w)
        return w.stringTable() + w.bytes
    }

    /// The gazetteers of a tables file laid out from the lists compiled in, or nil when it
    /// is not such a file.
    init?(tables bytes: UnsafeRawBufferPointer) {
        guard let sections = TablesFile.sections(bytes) else { return nil }
        var r = TableReader(sections.gazetteer)
        do {
            try r.readStrings()
            givenNames = try WordTable(&r) { r in
                switch try r.u32() { case 0: .male; case 1: .female; default: .unknown }
            }
            surnames = try WordTable(&r) { r in Int(try r.u32()) }
            places = try WordTable(&r) { r in try r.string() }
            placeAliases = try WordTable(&r) { r in try r.string() }
            organisations = try WordTable(&r) { r in try r.string() }
            demonyms = try WordTable(&r) { _ in true }
            knownNames = try WordTable(&r) { r in
                let type = Int(try r.u32())
                guard type < PartyType.allCases.count else { throw TableReader.Truncated() }
                return KnownName(type: PartyType.allCases[type], canonical: try r.string())
            }
            placeCanonical = try WordTable(&r) { r in try r.string() }
            nameStarts = try WordTable(&r) { _ in true }
            agencies = try HashSet64(&r)
        } catch {
            return nil
        }
    }
}

extension Lexicon {
    /// The word classes' section of the tables file.
    func serialized() -> [UInt8] {
        var w = TableWriter()
        w.u32(UInt32(keys.count))
        for k in keys { w.u64(k) }
        for c in classes { w.u32(c) }
        w.bytes.append(contentsOf: stops)
        w.pad()
        return w.bytes
    }

    /// The word classes of a tables file, or nil when it is not one.
    init?(tables bytes: UnsafeRawBufferPointer) {
        guard let sections = TablesFile.sections(bytes) else { return nil }
        var r = TableReader(sections.lexicon)
        do {
            let size = Int(try r.u32())
            guard size >= 1, size & (size - 1) == 0 else { return nil }
            let keys = try r.array(size, of: UInt64.self)
            guard keys.contains(0) else { return nil }  // an empty slot ends every probe
            self.init(keys: keys, classes: try r.array(size, of: UInt32.self), stops: try r.array(size, of: UInt8.self))
        } catch {
            return nil
        }
    }
}
