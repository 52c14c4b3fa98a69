import Foundation

/// Writes a cache file whole: into a temporary file next to it, then renamed over it, so a reader
/// finds the old file or the new one, never half of one. Unlike Foundation's atomic write it does not
/// sync the file to disk: a cache lost in a crash is rebuilt (every reader checks what it reads), and
/// the sync cost 11 ms for the 170 kB regeneration state alone.
///
/// For example: `CacheFile.write(Data(text.utf8), to: output + "/.docs2swift-state")`.
public enum CacheFile {
    /// False when the file could not be written (the old one, if any, is left as it was).
    @discardableResult
    public static func write(_ data: Data, to path: String) -> Bool {
        data.withUnsafeBytes { write($0, to: path) }
    }

    @discardableResult
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> Bool {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = writeAll(fd, bytes)
        guard close(fd) == 0, written, rename(temp, path) == 0 else {
            unlink(temp)
            return false
        }
        return true
    }

    /// The file a cache file is written into before it is renamed over `path`: next to it, named for this process.
    ///
    /// For example: `temporaryPath(for: "out/.docs2swift-state")` is `out/.tmp-4242-.docs2swift-state`.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + ".tmp-\(getpid())-" + String(path[slash...])
    }

    /// Writes all of `bytes` to the open file `fd` (again after an interrupted call); false on an error.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
