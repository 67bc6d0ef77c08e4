/// Trains a linear model by the averaged perceptron (Collins 2002): on a mistake the
/// gold label's weights of the decision's features go up by one and the predicted
/// label's go down; the model kept is the average of the weights over every decision
/// seen, which generalises far better than the last weights. Averaging is lazy (a
/// weight's running total is brought up to date only when it changes), so an update
/// costs what the features of one decision cost.
///
/// The same trainer serves a tagger (several labels, one per decision) and a ranker or a
/// scorer (one label: the chosen candidate's features up, the gold candidate's down).
/// Rows are created in the order features are first updated, so the same training data
/// in the same order gives the same model, bit for bit.
public final class PerceptronTrainer {
    public let labels: Int
    private var rowOf: [UInt64: Int] = [:]
    private var keys: [UInt64] = []
    private var weights: [Double] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    /// Updates each feature took part in: rarely updated ones are pruned.
    private var updates: [Int32] = []
    /// Decisions seen (the averaging clock).
    public private(set) var clock = 0

    public init(labels: Int) { self.labels = labels }

    /// How many features have weights so far.
    public var featureCount: Int { keys.count }

    /// The current scores of every label, for decoding while training.
    public func scores(_ features: [UInt64], into out: inout [Double]) {
        for l in 0..<labels { out[l] = 0 }
        for key in features {
            guard let r = rowOf[key] else { continue }
            let base = r * labels
            for l in 0..<labels { out[l] += weights[base + l] }
        }
    }

    /// The current score of a one-label model.
    public func score(_ features: [UInt64]) -> Double {
        var total = 0.0
        for key in features { if let r = rowOf[key] { total += weights[r * labels] } }
        return total
    }

    /// Counts one decision for the average; call once per decision, before its update.
    public func tick() { clock += 1 }

    /// Adds `delta` to the weight of `label` for each feature.
    public func update(_ features: [UInt64], label: Int, by delta: Double) {
        for key in features {
            let r: Int
            if let known = rowOf[key] {
                r = known
            } else {
                r = keys.count
                rowOf[key] = r
                keys.append(key)
                weights += repeatElement(0, count: labels)
                totals += repeatElement(0, count: labels)
                stamps += repeatElement(0, count: labels)
                updates.append(0)
            }
            updates[r] &+= 1
            let i = r * labels + label
            totals[i] += Double(clock - stamps[i]) * weights[i]
            stamps[i] = clock
            weights[i] += delta
        }
    }

    /// A mistake on a tagging decision: the gold label up, the predicted one down.
    public func learn(_ features: [UInt64], gold: Int, predicted: Int) {
        guard gold != predicted else { return }
        update(features, label: gold, by: 1)
        update(features, label: predicted, by: -1)
    }

    /// The averaged weights of every feature, in the order they were created.
    public func averaged() -> [(key: UInt64, weights: [Double])] {
        let t = Double(max(clock, 1))
        return keys.indices.map { r in
            (keys[r], (0..<labels).map { l in
                let i = r * labels + l
                return (totals[i] + Double(clock - stamps[i]) * weights[i]) / t
            })
        }
    }

    /// The averaged model as a table for a model file: weights quantised to 16 bits on
    /// one scale; features updated fewer than `minUpdates` times, and those whose weights
    /// all round to zero, are left out.
    public func table(name: String, featureVersion: UInt32, minUpdates: Int32 = 1) -> ModelFile.Table {
        Self.table([self], name: name, featureVersion: featureVersion, minUpdates: minUpdates)
    }

    /// The mean of several trainers' averaged models (the same data in different orders):
    /// steadier than any one of them. Features are kept in the order the trainers first
    /// made them, so the same runs give the same bytes.
    public static func table(_ trainers: [PerceptronTrainer], name: String, featureVersion: UInt32,
                             minUpdates: Int32 = 1) -> ModelFile.Table {
        let labels = trainers[0].labels
        var rowOf: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var sums: [[Double]] = []
        for t in trainers {
            for (r, row) in t.averaged().enumerated() where t.updates[r] >= minUpdates {
                let i: Int
                if let known = rowOf[row.key] { i = known } else {
                    i = keys.count
                    rowOf[row.key] = i
                    keys.append(row.key)
                    sums.append([Double](repeating: 0, count: labels))
                }
                for l in 0..<labels { sums[i][l] += row.weights[l] }
            }
        }
        let n = Double(trainers.count)
        var maxAbs = 0.0
        for row in sums { for w in row { maxAbs = max(maxAbs, abs(w / n)) } }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        var rows: [(key: UInt64, weights: [Int16])] = []
        for (i, row) in sums.enumerated() {
            let q = row.map { Int16(clamping: Int(($0 / n / scale).rounded())) }
            if q.contains(where: { $0 != 0 }) { rows.append((keys[i], q)) }
        }
        return ModelFile.Table(name: name, labels: labels, featureVersion: featureVersion, scale: Float(scale), features: rows)
    }
}

/// A small deterministic pseudo-random generator (SplitMix64), for shuffling training
/// data the same way on every run and every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        // SplitMix64: the mixer of the feature hashes over a counter.
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return Feature.mix(state)
    }
}

extension Array {
    /// A Fisher–Yates shuffle driven by `rng`, the same for the same seed everywhere
    /// (the standard library's shuffle does not promise its algorithm).
    public mutating func deterministicShuffle(_ rng: inout SplitMix64) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            swapAt(i, j)
        }
    }
}
