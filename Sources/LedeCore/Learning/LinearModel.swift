/// A trained linear model, read in place from a model file's bytes: an open-addressed
/// table of feature fingerprints, each with the row of its quantised weights, one per
/// label side by side. Scoring a feature is a probe and `labels` additions; nothing is
/// parsed or copied when the model is opened.
public struct LinearModel: @unchecked Sendable {
    /// What the model decides ("tagger", "speaker", "speech").
    public let name: String
    /// How many labels each feature has a weight for (1 for a scorer or a ranker).
    public let labels: Int
    /// The version of the feature extractor the model was trained with.
    public let featureVersion: UInt32
    /// How many features have weights.
    public let featureCount: Int
    /// A weight is `Int16 × scale`.
    public let scale: Float
    private let mask: Int
    /// Slots of (fingerprint, row) pairs.
    private let table: UnsafePointer<UInt32>
    private let weights: UnsafePointer<Int16>
    /// Keeps the bytes alive when they are not the binary's own.
    private let owner: AnyObject?

    init(name: String, labels: Int, featureVersion: UInt32, featureCount: Int, scale: Float, slots: Int,
         table: UnsafePointer<UInt32>, weights: UnsafePointer<Int16>, owner: AnyObject?) {
        self.name = name
        self.labels = labels
        self.featureVersion = featureVersion
        self.featureCount = featureCount
        self.scale = scale
        self.mask = slots - 1
        self.table = table
        self.weights = weights
        self.owner = owner
    }

    /// The weight row of a feature, if the model has weights for it.
    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        let fp = Self.fingerprint(key)
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let f = table[2 * i]
            if f == fp { return Int(table[2 * i + 1]) }
            if f == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// The 32 bits of a key kept in the table (never 0, which marks an empty slot); the
    /// other bits choose the slot.
    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// Adds the weights of `features` for every label to `scores` (in weight units).
    @inline(__always)
    public func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Int32>) {
        for key in features { accumulate(key, into: scores) }
    }

    /// Adds the weights of one feature for every label to `scores`.
    @inline(__always)
    public func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Int32>) {
        guard let r = row(key) else { return }
        let w = weights + r * labels
        for l in 0..<labels { scores[l] &+= Int32(w[l]) }
    }

    /// The model, if it was trained for this version of its features and this many
    /// labels; a model trained for another is not used (retrain after changing features).
    public func ifCompatible(version: UInt32, labels: Int) -> LinearModel? {
        featureVersion == version && self.labels == labels ? self : nil
    }

    /// The score of one feature for a one-label model (a table lookup such as `WordCasing`).
    @inline(__always)
    public func score(_ key: UInt64) -> Int32 {
        guard let r = row(key) else { return 0 }
        return Int32(weights[r * labels])
    }

    /// The score of a feature set for a one-label model, in real units.
    public func realScore(_ features: [UInt64]) -> Double { Double(score(features)) * Double(scale) }

    /// The score of a feature set for a one-label model (a ranker or a scorer).
    public func score(_ features: [UInt64]) -> Int32 {
        var total: Int32 = 0
        for key in features {
            if let r = row(key) { total &+= Int32(weights[r * labels]) }
        }
        return total
    }

    /// The weights of one feature, as reals (for explaining a decision).
    public func weights(of key: UInt64) -> [Float]? {
        guard let r = row(key) else { return nil }
        return (0..<labels).map { Float(weights[r * labels + $0]) * scale }
    }
}
