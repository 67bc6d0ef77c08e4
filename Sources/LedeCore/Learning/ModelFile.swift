/// The file that carries Lede's trained models: a small directory, then each model's
/// feature table and weight rows, little-endian and aligned so they are used where they
/// lie (the bytes are compiled into the binary; see `Models`).
///
///     0   "LEDEMDLS"                 magic
///     8   u32 format version (2)
///     12  u32 model count
///     16  64-byte entries: name (32 bytes, NUL-padded), u32 labels, u32 slots (a power of
///         two), u32 table offset, u32 weights offset, f32 scale, u32 feature version,
///         u32 features (= rows), u32 reserved
///     …   per model: slots × (u32 fingerprint, u32 row), then i16 weights[rows × labels]
///
/// The table is at most half full, so that the probe for a feature the model does not
/// have (most features of most tokens) ends after a slot or two; the rows are stored
/// once each, without the table's empty slots.
public enum ModelFile {
    static let magic: [UInt8] = Array("LEDEMDLS".utf8)
    static let formatVersion: UInt32 = 2
    static let entrySize = 64

    public enum Error: Swift.Error, Equatable {
        case notAModelFile
        case unsupportedVersion(UInt32)
        case truncated(String)
    }

    /// A model ready to be written: its table already laid out.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var labels: Int
        public var featureVersion: UInt32
        public var scale: Float
        /// Slots: a fingerprint (0 = empty) and a row; the count is a power of two.
        public var fingerprints: [UInt32]
        public var rows: [UInt32]
        /// `rows × labels` weights, a feature's labels side by side.
        public var weights: [Int16]

        public var featureCount: Int { weights.count / labels }

        /// Lays out features and their weight rows in an open-addressed table at most half
        /// full, in the order given, so the same input gives the same bytes.
        public init(name: String, labels: Int, featureVersion: UInt32, scale: Float,
                    features: [(key: UInt64, weights: [Int16])]) {
            self.name = name
            self.labels = labels
            self.featureVersion = featureVersion
            self.scale = scale
            var slots = 16
            while slots < features.count * 2 { slots *= 2 }
            fingerprints = [UInt32](repeating: 0, count: slots)
            rows = [UInt32](repeating: 0, count: slots)
            weights = []
            weights.reserveCapacity(features.count * labels)
            let mask = slots - 1
            for (key, row) in features {
                precondition(row.count == labels)
                let fp = LinearModel.fingerprint(key)
                var i = Int(truncatingIfNeeded: key) & mask
                while fingerprints[i] != 0 && fingerprints[i] != fp { i = (i + 1) & mask }
                if fingerprints[i] == fp { continue }  // two keys meet with one fingerprint: the first wins
                fingerprints[i] = fp
                rows[i] = UInt32(weights.count / labels)
                weights += row
            }
        }
    }

    /// The bytes of a model file holding `tables`.
    public static func write(_ tables: [Table]) -> [UInt8] {
        var out = magic
        out.append(u32: formatVersion)
        out.append(u32: UInt32(tables.count))
        var offset = 16 + entrySize * tables.count
        var placed: [(Int, Int)] = []
        for t in tables {
            let fpOffset = (offset + 15) & ~15
            let wOffset = (fpOffset + 8 * t.fingerprints.count + 15) & ~15
            placed.append((fpOffset, wOffset))
            offset = wOffset + 2 * t.weights.count
        }
        for (t, (fpOffset, wOffset)) in zip(tables, placed) {
            var name = Array(t.name.utf8.prefix(31))
            name += [UInt8](repeating: 0, count: 32 - name.count)
            out += name
            out.append(u32: UInt32(t.labels))
            out.append(u32: UInt32(t.fingerprints.count))
            out.append(u32: UInt32(fpOffset))
            out.append(u32: UInt32(wOffset))
            out.append(u32: t.scale.bitPattern)
            out.append(u32: t.featureVersion)
            out.append(u32: UInt32(t.featureCount))
            out.append(u32: 0)
        }
        for (t, (fpOffset, wOffset)) in zip(tables, placed) {
            out += [UInt8](repeating: 0, count: fpOffset - out.count)
            for (f, r) in zip(t.fingerprints, t.rows) { out.append(u32: f); out.append(u32: r) }
            out += [UInt8](repeating: 0, count: wOffset - out.count)
            for w in t.weights { out.append(u16: UInt16(bitPattern: w)) }
        }
        return out
    }

    /// The models in a model file, read in place: `bytes` must stay valid and unchanged
    /// as long as the models are used (`owner` is kept alive with them). `checkRows`
    /// checks every slot's row against the file's size; the file compiled into the binary
    /// is checked by a test instead, so that opening it touches no more than its directory.
    public static func read(_ bytes: UnsafeRawBufferPointer, owner: AnyObject?, checkRows: Bool = true) throws -> [String: LinearModel] {
        // The tables are read as little-endian words where they lie.
        guard UInt32(1).littleEndian == 1 else { throw Error.notAModelFile }
        guard bytes.count >= 16, let base = bytes.baseAddress, Int(bitPattern: base) % 16 == 0,
              Array(bytes[0..<8]) == magic else { throw Error.notAModelFile }
        let version = bytes.u32(at: 8)
        guard version == formatVersion else { throw Error.unsupportedVersion(version) }
        let count = Int(bytes.u32(at: 12))
        guard count <= maxModels, 16 + count * entrySize <= bytes.count else { throw Error.truncated("directory") }
        var models: [String: LinearModel] = [:]
        for k in 0..<count {
            let e = 16 + k * entrySize
            let nameBytes = bytes[e..<e + 32].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            // Each u32 is below 2^32 and labels below 2^8, so no product below overflows.
            let labels = Int(bytes.u32(at: e + 32))
            let slots = Int(bytes.u32(at: e + 36))
            let fpOffset = Int(bytes.u32(at: e + 40))
            let wOffset = Int(bytes.u32(at: e + 44))
            let scale = Float(bitPattern: bytes.u32(at: e + 48))
            let featureVersion = bytes.u32(at: e + 52)
            let features = Int(bytes.u32(at: e + 56))
            guard labels > 0, labels <= maxLabels, slots > 0, slots & (slots - 1) == 0, features * 2 <= slots,
                  fpOffset % 8 == 0, wOffset % 2 == 0, scale.isFinite, scale > 0,
                  fpOffset + 8 * slots <= bytes.count, wOffset + 2 * features * labels <= bytes.count
            else { throw Error.truncated(name) }
            let table = (base + fpOffset).assumingMemoryBound(to: UInt32.self)
            if checkRows {
                // Every row a slot names is in the file, and the table has empty slots (a
                // probe for a feature it lacks ends at one).
                var used = 0
                for i in 0..<slots where table[2 * i] != 0 {
                    guard Int(table[2 * i + 1]) < features else { throw Error.truncated(name) }
                    used += 1
                }
                guard used * 2 <= slots else { throw Error.truncated(name) }
            }
            models[name] = LinearModel(
                name: name, labels: labels, featureVersion: featureVersion, featureCount: features, scale: scale,
                slots: slots,
                table: table,
                weights: (base + wOffset).assumingMemoryBound(to: Int16.self), owner: owner)
        }
        return models
    }

    /// Limits of a file this version reads: a damaged directory is refused, not followed.
    static let maxModels = 64
    static let maxLabels = 255
}

/// Bytes kept alive for models read from memory that is not the binary's own.
final class ModelBytes: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer

    init(_ bytes: [UInt8]) {
        // 16-byte aligned, as the tables inside expect.
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
    }

    deinit { buffer.deallocate() }
}

extension [UInt8] {
    mutating func append(u32 v: UInt32) {
        append(UInt8(v & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8((v >> 16) & 0xFF)); append(UInt8(v >> 24))
    }

    mutating func append(u16 v: UInt16) {
        append(UInt8(v & 0xFF)); append(UInt8(v >> 8))
    }
}

extension UnsafeRawBufferPointer {
    func u32(at i: Int) -> UInt32 {
        UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }
}
