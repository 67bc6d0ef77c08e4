/// The reader's search: plain bytes, no `String`s, so a search of a long article costs
/// a scan of its bytes.
public enum ByteSearch {
    /// Byte ranges of `needle` in `hay`, ASCII letters matched regardless of case.
    public static func ranges(of needle: [UInt8], in hay: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, hay.count >= needle.count else { return [] }
        var out: [Range<Int>] = []
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = fold(n[0])
                var i = 0
                while i + n.count <= h.count {
                    if fold(h[i]) == first {
                        var k = 1
                        while k < n.count && fold(h[i + k]) == fold(n[k]) { k += 1 }
                        if k == n.count { out.append(i..<i + n.count); i += n.count; continue }
                    }
                    i += 1
                }
            }
        }
        return out
    }

    @inline(__always) private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
