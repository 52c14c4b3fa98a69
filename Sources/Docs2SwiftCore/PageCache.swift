import APIModel
import DocTree
import Foundation
import Refinement

/// Keeps what reading each page gave (its format, extraction, section starts and diagnostics) in the
/// output folder, keyed by the page's path and bytes, the reading options and the generator: a
/// regeneration after a one-page edit reads and extracts only that page. Safe to delete. The pipeline
/// only reads it: the new entries are written while the output is made (`store`), and the ones no
/// longer used are removed once it is written (`prune`). Every `generate` but `--check` fills it, the
/// first included, so the first regeneration after it reads only the pages that changed.
///
/// For example: `OUTPUT/.docs2swift-cache/pages/3f2a….bin` holds `docs/users.md` as last read.
public struct PageCache: Sendable {
    public static let folderName = ".docs2swift-cache"
    /// Entries are `PageCacheBytes`.
    static let fileExtension = ".bin"
    let folder: String
    /// The generator and the reading options: part of every key.
    let salt: String
    /// False for `--check`: entries are used, none are written or removed.
    let writes: Bool
    /// Content checksums of pages (`WordHash.checksum` of their bytes) already taken this run, by path:
    /// such a page's entry is found without reading the page.
    public var checksums: [String: UInt64] = [:]

    public init(outputDirectory: String, options: String, writes: Bool) {
        folder = (outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/") + Self.folderName + "/pages"
        salt = RegenerationCache.generatorStamp + " " + options
        self.writes = writes
    }

    /// One page as read.
    struct Entry: Equatable, Sendable {
        var format: InputFile.Format
        var reason: String
        var extraction: PageExtraction?
        var sections: [SectionIndex.Start]
        var diagnostics: [Diagnostic]
    }

    func key(path: String, bytes: Data) -> String {
        key(path: path, checksum: bytes.withUnsafeBytes { WordHash.checksum($0) })
    }

    /// The key of a page whose bytes have the content checksum `checksum`.
    func key(path: String, checksum: UInt64) -> String {
        var hasher = Digest.FNV1a()
        hasher.mix(salt)
        hasher.mix("\u{0}" + path + "\u{0}")
        var sum = checksum
        withUnsafeBytes(of: &sum) { hasher.mix($0) }
        return hasher.hex
    }

    func load(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + key + Self.fileExtension) else { return nil }
        return try? PageCacheBytes.decode(Entry.self, from: data)
    }

    /// What a run adds to the cache (the pages it read afresh) and which entries it used.
    public struct Update: Sendable {
        var entries: [(key: String, entry: Entry)] = []
        var used: Set<String> = []
        /// The run's hoisting decisions when they are new (`Assembler.Assembly.hoisting`).
        var hoisting: HoistingRecord?
        public init() {}
    }

    /// Writes the run's new entries and removes the entries of pages it did not read (old versions,
    /// removed pages). Nothing for a cache that does not write (`--check`).
    public func commit(_ update: Update) {
        store(update)
        prune(update)
    }

    /// Writes the run's new entries. Safe while the run goes on (on another thread): an entry is keyed
    /// by its page's bytes and the generator, so it is right whatever the run does next.
    public func store(_ update: Update) {
        guard writes else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let record = update.hoisting { storeHoisting(record) }
        let entries = update.entries
        _ = ParallelMap.map(entries.count) { i -> Bool in
            PageCacheBytes.encode(entries[i].entry).withUnsafeBytes { CacheFile.write($0, to: folder + "/" + entries[i].key + Self.fileExtension) }
        }
    }

    /// Removes the entries of pages the run did not read: only once its output is written.
    public func prune(_ update: Update) {
        guard writes else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where !(name.hasSuffix(Self.fileExtension) && update.used.contains(String(name.dropLast(Self.fileExtension.count)))) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
