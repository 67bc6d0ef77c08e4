#if canImport(Glibc)
import Glibc
#endif

/// Paths typed in the open prompt: `~` expansion and Tab completion.
public enum Paths {
    /// `~` and `~/…` become the home folder.
    public static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = getenv("HOME").map { String(cString: $0) } ?? "/"
        return home + path.dropFirst()
    }

    /// Completes the last part of a path from its folder: the longest common prefix of the
    /// names that match, a `/` after a single folder. Returns the text and the candidates.
    public static func complete(_ typed: String) -> (text: String, candidates: [String]) {
        let expanded = expand(typed)
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? "./"
        let prefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        guard let dir = opendir(folder) else { return (typed, []) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir), names.count < 10_000 {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if name.hasPrefix(".") && !prefix.hasPrefix(".") { continue }
            if name.hasPrefix(prefix) { names.append(name) }
        }
        names.sort()
        guard let first = names.first else { return (typed, []) }
        var common = first
        for n in names.dropFirst() {
            while !n.hasPrefix(common) { common.removeLast() }
        }
        var added = String(common.dropFirst(prefix.count))
        if names.count == 1 {
            var st = stat()
            if stat(folder + first, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { added += "/" }
        }
        return (typed + added, names)
    }
}
