import Foundation

/// What lets a regeneration skip rendering: for each file the previous run wrote (and that is still
/// as it left it on disk), the key of what it was rendered from — the template set and generator
/// (`salt`), the template's name and the digest of what the render context is built from (`FileInputs`),
/// or of the context itself. A file whose key is the same again
/// would render to the same bytes, so it is kept as it is.
///
/// For example: after a one-page docs edit, only that page's resource files have new keys; the other
/// resources' files are kept without rendering.
public final class RenderReuse: @unchecked Sendable {
    private let previous: [String: String]
    /// The templates' and the generator's part of every key; set once before rendering starts.
    public var salt = ""
    private var keys: [String: String] = [:]
    private var keptPaths: [String] = []
    private let lock = NSLock()

    /// `previous`: the key of each file the last run wrote, for the files untouched since.
    public init(previous: [String: String]) { self.previous = previous }

    /// Records the file's key; true when the previous run's file has the same key (it need not be rendered).
    func keep(path: String, template: String, digest: String) -> Bool {
        let key = salt + "-" + template + "-" + digest
        let same = previous[path] == key
        lock.lock()
        keys[path] = key
        if same { keptPaths.append(path) }
        lock.unlock()
        return same
    }

    /// The key of every file of this run (rendered or kept).
    public var recordedKeys: [String: String] { lock.withLock { keys } }

    /// The files kept without rendering.
    public var kept: [String] { lock.withLock { keptPaths.sorted() } }
}
