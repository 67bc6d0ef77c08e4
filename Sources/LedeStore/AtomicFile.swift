#if canImport(Glibc)
import Glibc
#endif

/// Writes that are all or nothing: a temporary file beside the target, written, fsynced,
/// renamed over the target, then the folder fsynced so the rename itself survives a crash.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, syncFolder: Bool = true) throws(StoreError) {
        let tmp = try temporary(bytes, for: path, sync: true)
        guard rename(tmp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(tmp)
            throw .io("\(path): \(why)")
        }
        if syncFolder { Self.syncFolder(of: path) }
    }

    /// Writes a temporary file beside `path` (flushed to disk when `sync`); returns its path.
    static func temporary(_ bytes: [UInt8], for path: String, sync: Bool) throws(StoreError) -> String {
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
        if sync { ok = ok && fsync(fd) == 0 }
        let why = String(cString: strerror(errno))
        close(fd)
        guard ok else {
            unlink(tmp)
            throw .io("\(path): \(why)")
        }
        return tmp
    }

    /// Makes renames and unlinks in a file's folder durable.
    static func syncFolder(of path: String) { flush(folder(of: path), flags: O_RDONLY | O_DIRECTORY) }

    /// The folder a path is in ("." for a bare name).
    static func folder(of path: String) -> String {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder.isEmpty ? "." : folder
    }

    /// fsyncs a file or folder by path (best effort).
    static func flush(_ path: String, flags: Int32 = O_RDONLY) {
        let fd = open(path, flags | O_CLOEXEC)
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

/// Many files written all or nothing each, with one flush for the lot: temporary files
/// are written, one `syncfs` makes their contents durable, then each is renamed into place
/// and the folder synced. (A flush per file was half the time of adding many articles.)
/// Nothing is renamed before its contents are on disk, so a crash leaves whole files or
/// temporary ones, never a short article.
struct AtomicBatch {
    private var pending: [(tmp: String, path: String)] = []

    mutating func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        pending.append((try AtomicFile.temporary(bytes, for: path, sync: false), path))
    }

    /// Flushes, renames into place, syncs the folder. Does nothing for an empty batch.
    mutating func commit() throws(StoreError) {
        guard let first = pending.first else { return }
        // A few files are flushed each (syncfs flushes the whole file system, other
        // programs' writes too); many at once with one syncfs.
        let fd = pending.count > 8 ? open(AtomicFile.folder(of: first.path), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        if fd >= 0 {
            let flushed = lede_syncfs(fd) == 0
            close(fd)
            // No syncfs: each file flushed on its own.
            if !flushed { for p in pending { AtomicFile.flush(p.tmp) } }
        } else {
            for p in pending { AtomicFile.flush(p.tmp) }
        }
        for (i, p) in pending.enumerated() where rename(p.tmp, p.path) != 0 {
            let why = String(cString: strerror(errno))
            for rest in pending[i...] { unlink(rest.tmp) }
            pending = []
            throw .io("\(p.path): \(why)")
        }
        AtomicFile.syncFolder(of: first.path)
        pending = []
    }

    /// Removes what was written and not committed.
    mutating func discard() {
        for p in pending { unlink(p.tmp) }
        pending = []
    }
}

/// glibc's syncfs(2) (Linux), which the Glibc module does not export: flushes the file
/// system holding `fd` in one call.
@_silgen_name("syncfs") private func lede_syncfs(_ fd: Int32) -> Int32
