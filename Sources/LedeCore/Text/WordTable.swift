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
        self.foldCase = foldCase
        var size = 64
        while size < entries.count * 2 { size *= 2 }
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        values = []
        values.reserveCapacity(entries.count)
        for (key, value) in entries {
            let h = Self.hash(key, foldCase: foldCase)
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 && hashes[i] != h { i = (i + 1) & mask }
            if slots[i] >= 0 { values[Int(slots[i])] = value; continue }  // last wins
            hashes[i] = h
            slots[i] = Int32(values.count)
            values.append(value)
        }
    }

    /// Builds a table straight from tab-separated lines (a bundled resource), keyed by the
    /// first field, without making a `String` per line: `value` gets the line's fields and
    /// number (comment and blank lines skipped); the first line for a key wins.
    init(lines bytes: [UInt8], foldCase: Bool = false, value: ([ArraySlice<UInt8>], Int) -> Value) {
        self.foldCase = foldCase
        var size = 64
        let estimate = bytes.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } + 1
        while size < estimate * 2 { size *= 2 }
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        values = []
        values.reserveCapacity(estimate)
        var line = 0
        TabSeparated.forEachRow(bytes) { fields in
            let key = fields[0]
            let h = foldCase ? Lexicon.hash(key) : Self.rawHash(key)
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] >= 0 && hashes[k] != h { k = (k + 1) & mask }
            if slots[k] < 0 {
                hashes[k] = h
                slots[k] = Int32(values.count)
                values.append(value(fields, line))
            }
            line += 1
        }
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

    /// The hash of a name's first word (up to its first space), as a key of `init(hashed:)`.
    static func firstWordHash(_ name: String) -> UInt64 {
        rawHash(name.utf8.prefix { $0 != 0x20 })
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

/// A growable set of 64-bit word hashes, open-addressed (no SipHash per probe).
public struct HashSet64: Sendable {
    private var slots = [UInt64](repeating: 0, count: 64)
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
    /// Calls `body` with each row's fields (slices of `bytes`, no Strings made).
    static func forEachRow(_ bytes: [UInt8], _ body: ([ArraySlice<UInt8>]) -> Void) {
        var fields: [ArraySlice<UInt8>] = []
        var start = 0
        let n = bytes.count
        var i = 0
        while i <= n {
            let c: UInt8 = i < n ? bytes[i] : 0x0A
            if c == 0x09 || c == 0x0A {
                fields.append(bytes[start..<i])
                start = i + 1
                if c == 0x0A {
                    if let key = fields.first, !key.isEmpty, key.first != 0x23 { body(fields) }
                    fields.removeAll(keepingCapacity: true)
                }
            }
            i += 1
        }
    }
}
