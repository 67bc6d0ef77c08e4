/// A feature is a 64-bit hash of a template (what is looked at: "the word before", "the
/// shape of the token") and its value there. Training and inference build features with
/// the same functions, so a model never sees a feature its trainer could not have made.
public enum Feature {
    /// The key of a template with no value (a flag such as "starts a sentence").
    @inline(__always)
    public static func key(_ template: UInt16) -> UInt64 { finish(UInt64(template) &* 0x9E37_79B9_7F4A_7C15) }

    /// The key of a template with one value (a word hash, a class, a label).
    @inline(__always)
    public static func key(_ template: UInt16, _ a: UInt64) -> UInt64 {
        finish((UInt64(template) &* 0x9E37_79B9_7F4A_7C15) ^ mix(a))
    }

    /// The key of a template with two values (a label and a word).
    @inline(__always)
    public static func key(_ template: UInt16, _ a: UInt64, _ b: UInt64) -> UInt64 {
        finish((UInt64(template) &* 0x9E37_79B9_7F4A_7C15) ^ mix(a) ^ (mix(b) &* 0xD6E8_FEB8_6659_FD93))
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ x0: UInt64) -> UInt64 {
        var x = x0 &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Never zero: zero marks an empty slot in a model's table.
    @inline(__always)
    static func finish(_ x: UInt64) -> UInt64 {
        let h = mix(x)
        return h == 0 ? 1 : h
    }
}

/// The features of one decision, gathered into a buffer that is reused from one decision
/// to the next (no allocation per token).
public struct FeatureVector: Sendable {
    public private(set) var keys: [UInt64] = []

    public init(capacity: Int = 64) { keys.reserveCapacity(capacity) }

    @inline(__always) public mutating func add(_ key: UInt64) { keys.append(key) }
    @inline(__always) public mutating func add(_ template: UInt16) { keys.append(Feature.key(template)) }
    @inline(__always) public mutating func add(_ template: UInt16, _ a: UInt64) { keys.append(Feature.key(template, a)) }
    @inline(__always) public mutating func add(_ template: UInt16, _ a: UInt64, _ b: UInt64) {
        keys.append(Feature.key(template, a, b))
    }

    public mutating func removeAll() { keys.removeAll(keepingCapacity: true) }
}
