/// A read-only string table for the hot lookups of gazetteers: open addressing on the
/// 64-bit FNV-1a hash of the key's UTF-8 bytes (case kept), instead of SipHashing a
/// `String` per probe. Keys are identified by their hash; a collision between two real
/// names in 64 bits is not a practical concern.
public struct WordTable<Value: Sendable>: Sendable {
    private var hashes: [UInt64]
    private var slots: [Int32]
    private var values: [Value]
    private let mask: Int
    /// Keys match in any ASCII case ("MCDONALD", "McDonald", "Mcdonald").
    private let foldCase: Bool

    public init(_ entries: [(String, Value)], foldCase: Bool = false) {
        self.init(hashed: entries.map { (Self.hash($0.0, foldCase: foldCase), $0.1) }, foldCase: foldCase)
    }

    /// A table of entries given by the hashes of their keys (as `hash(_:foldCase:)` makes
    /// them, with the same `foldCase`); a later entry for the same key wins.
    init(hashed entries: [(UInt64, Value)], foldCase: Bool = false) {
        self.foldCase = foldCase
        var size = 64
        while size < entries.count * 2 { size *= 2 }
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        values = []
        values.reserveCapacity(entries.count)
        for (h, value) in entries {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 && hashes[i] != h { i = (i + 1) & mask }
            if slots[i] >= 0 { values[Int(slots[i])] = value; continue }  // last wins
            hashes[i] = h
            slots[i] = Int32(values.count)
            values.append(value)
        }
    }

    /// Builds a table straight from tab-separated lines (a bundled resource), keyed by the
    /// first field, without making a `String` per line: `value` gets the row (its fields
    /// and its number among the rows; comment and blank lines are skipped); the first
    /// line for a key wins.
    init(lines bytes: [UInt8], foldCase: Bool = false, value: (TableRow) -> Value) {
        self.foldCase = foldCase
        var size = 64
        let estimate = bytes.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } + 1
        while size < estimate * 2 { size *= 2 }
        mask = size - 1
        var hashes = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        var values: [Value] = []
        values.reserveCapacity(estimate)
        let mask = mask
        TabSeparated.forEachRow(bytes) { row in
            let key = row.bytes(0)
            let h = foldCase ? Lexicon.hash(key) : Self.rawHash(key)
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] >= 0 && hashes[k] != h { k = (k + 1) & mask }
            if slots[k] < 0 {
                hashes[k] = h
                slots[k] = Int32(values.count)
                values.append(value(row))
            }
        }
        self.hashes = hashes
        self.slots = slots
        self.values = values
    }

    /// A table of keys given by their hashes (as `rawHash` makes them), all with one value.
    init(hashed keys: [UInt64], value: Value) {
        foldCase = false
        var size = 64
        while size < keys.count * 2 { size *= 2 }
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        values = [value]
        for h in keys {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 && hashes[i] != h { i = (i + 1) & mask }
            hashes[i] = h
            slots[i] = 0
        }
    }

    /// The hash of a name's first word (up to its first space), as a key of `init(hashed:value:)`.
    static func firstWordHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes {
            if c == 0x20 { break }
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }

    @inline(__always)
    static func rawHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    static func hash(_ s: String, foldCase: Bool) -> UInt64 {
        foldCase ? Lexicon.hash(s.utf8) : {
            var h: UInt64 = 0xcbf29ce484222325
            for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x100000001b3 }
            return h
        }()
    }

    public subscript(_ key: String) -> Value? {
        let h = Self.hash(key, foldCase: foldCase)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            if hashes[i] == h { return values[Int(slots[i])] }
            i = (i + 1) & mask
        }
        return nil
    }

    public func contains(_ key: String) -> Bool { self[key] != nil }

    public var count: Int { values.count }
}

extension WordTable {
    /// Writes the table as it lies (see `GazetteerFile`), each value by `value`.
    func write(_ w: inout TableWriter, _ value: (inout TableWriter, Value) -> Void) {
        w.u32(foldCase ? 1 : 0)
        w.u32(UInt32(hashes.count))
        w.u32(UInt32(values.count))
        w.u32(0)
        for h in hashes { w.u64(h) }
        for s in slots { w.i32(s) }
        w.pad()
        for v in values { value(&w, v) }
        w.pad()
    }

    /// Reads a table `write` wrote, each value by `value`; throws on a damaged table.
    init(_ r: inout TableReader, _ value: (inout TableReader) throws -> Value) throws {
        foldCase = try r.u32() != 0
        let size = Int(try r.u32()), count = Int(try r.u32())
        _ = try r.u32()
        guard size >= 1, size & (size - 1) == 0 else { throw TableReader.Truncated() }
        mask = size - 1
        hashes = try r.array(size, of: UInt64.self)
        slots = try r.array(size, of: Int32.self)
        r.pad()
        // At most one value a slot, and an empty slot to end every probe.
        guard count <= size, slots.contains(-1) else { throw TableReader.Truncated() }
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try value(&r)) }
        r.pad()
        guard slots.allSatisfy({ $0 < count }) else { throw TableReader.Truncated() }
        self.values = values
    }
}

/// A growable set of 64-bit word hashes, open-addressed (no SipHash per probe).
public struct HashSet64: Sendable {
    fileprivate var slots = [UInt64](repeating: 0, count: 64)
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func insert(_ h0: UInt64) {
        let h = h0 == 0 ? 1 : h0
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            if slots[i] == h { return }
            i = (i + 1) & mask
        }
        slots[i] = h
        count += 1
    }

    public func contains(_ h0: UInt64) -> Bool {
        let h = h0 == 0 ? 1 : h0
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            if slots[i] == h { return true }
            i = (i + 1) & mask
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for h in old where h != 0 { insert(h) }
    }
}

extension HashSet64 {
    func write(_ w: inout TableWriter) {
        w.u32(UInt32(slots.count))
        w.u32(UInt32(count))
        for h in slots { w.u64(h) }
    }

    init(_ r: inout TableReader) throws {
        let size = Int(try r.u32())
        count = Int(try r.u32())
        guard size >= 1, size & (size - 1) == 0, count < size else { throw TableReader.Truncated() }
        slots = try r.array(size, of: UInt64.self)
        guard slots.contains(0), slots.count(where: { $0 != 0 }) == count else { throw TableReader.Truncated() }
    }
}

/// A growable map from 64-bit hashes to values, open-addressed.
public struct HashMap64<Value> {
    private var keys = [UInt64](repeating: 0, count: 64)
    private var values: [Value?] = Array(repeating: nil, count: 64)
    public private(set) var count = 0

    public init() {}

    private func index(_ h: UInt64) -> (Int, Bool) {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while keys[i] != 0 {
            if keys[i] == h { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    public subscript(_ h0: UInt64) -> Value? {
        get {
            let (i, found) = index(h0 == 0 ? 1 : h0)
            return found ? values[i] : nil
        }
        set {
            let h = h0 == 0 ? 1 : h0
            if (count + 1) * 2 > keys.count { grow() }
            let (i, found) = index(h)
            if !found { keys[i] = h; count += 1 }
            values[i] = newValue
        }
    }

    public subscript(_ h: UInt64, default value: @autoclosure () -> Value) -> Value {
        get { self[h] ?? value() }
        set { self[h] = newValue }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            let (j, _) = index(k)
            keys[j] = k
            values[j] = oldValues[i]
            count += 1
        }
    }
}

extension String {
    /// FNV-1a of the UTF-8 bytes, case kept: a key for `HashMap64`.
    @inline(__always)
    var fnvHash: UInt64 { WordTable<Bool>.hash(self, foldCase: false) }
}

/// Bundled tables: lines of tab-separated fields; blank lines and "#" comments skipped.
enum TabSeparated {
    /// Calls `body` with each row (its fields are byte ranges of `bytes`: no Strings made,
    /// nothing retained per field).
    static func forEachRow(_ bytes: [UInt8], _ body: (TableRow) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(8)
            var start = 0
            var number = 0
            let n = b.count
            var i = 0
            while i <= n {
                let c: UInt8 = i < n ? b[i] : 0x0A
                if c == 0x09 || c == 0x0A {
                    ranges.append(start..<i)
                    start = i + 1
                    if c == 0x0A {
                        let key = ranges[0]
                        if !key.isEmpty, b[key.lowerBound] != 0x23 {
                            body(TableRow(base: b, ranges: ranges, number: number))
                            number += 1
                        }
                        ranges.removeAll(keepingCapacity: true)
                    }
                }
                i += 1
            }
        }
    }
}

/// One row of a bundled table, valid only inside `TabSeparated.forEachRow`'s body.
struct TableRow {
    let base: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>]
    /// The row's place among the table's rows (comments and blank lines not counted).
    let number: Int

    var count: Int { ranges.count }

    func bytes(_ field: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: base[ranges[field]]) }

    func string(_ field: Int) -> String { String(decoding: bytes(field), as: UTF8.self) }

    /// Field `field` as a String, or nil when the row has no such field or it is empty.
    func nonEmpty(_ field: Int) -> String? { field < count && !ranges[field].isEmpty ? string(field) : nil }
}
