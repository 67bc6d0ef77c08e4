#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The article files that paths name.
public enum ArticlePaths {
    /// Files as given; folders' `*.txt` files, recursively, sorted. Hidden files and
    /// symlinked folders are skipped (no loops).
    public static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            if path != "-", stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path, into: &found, depth: 0)
                out += found.sorted()
            } else {
                out.append(path)
            }
        }
        return out
    }

    private static func walk(_ dir: String, into found: inout [String], depth: Int) {
        guard depth < 32, let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            let mode = st.st_mode & S_IFMT
            if mode == S_IFDIR { walk(full, into: &found, depth: depth + 1) }
            else if name.hasSuffix(".txt") && (mode == S_IFREG || mode == S_IFLNK) { found.append(full) }
        }
    }
}
