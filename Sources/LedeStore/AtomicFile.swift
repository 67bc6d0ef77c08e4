#if canImport(Glibc)
import Glibc
#endif

/// Writes that are all or nothing: a temporary file beside the target, written, fsynced,
/// renamed over the target, then the folder fsynced so the rename itself survives a crash.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, syncFolder: Bool = true) throws(StoreError) {
        let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("\(tmp): \(String(cString: strerror(errno)))") }
        var ok = bytes.withUnsafeBytes { raw -> Bool in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let why = String(cString: strerror(errno))
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw .io("\(path): \(why)")
        }
        if syncFolder { Self.syncFolder(of: path) }
    }

    /// Makes renames and unlinks in a file's folder durable.
    static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Creates a folder and its parents.
    static func makeFolders(_ path: String) throws(StoreError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw .io("\(built): \(String(cString: strerror(errno)))")
            }
        }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { throw .io("\(path): not a folder") }
    }
}
