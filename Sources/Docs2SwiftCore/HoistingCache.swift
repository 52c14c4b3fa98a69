import APIModel
import DocTree
import Foundation
import Refinement

/// The last run's hoisting decisions (`HoistingRecord`) in the page cache's folder, beside the pages:
/// `OUTPUT/.docs2swift-cache/hoisting.bin`, in `PageCacheBytes`' form after the cache's salt (the generator
/// and the reading options). Safe to delete: the next run then hoists afresh.
extension PageCache {
    var hoistingPath: String { (folder as NSString).deletingLastPathComponent + "/hoisting.bin" }

    /// The record the last run kept; nil when there is none, or it is damaged or of another generator.
    func loadHoisting() -> HoistingRecord? {
        guard let data = FileManager.default.contents(atPath: hoistingPath),
              let file = try? PageCacheBytes.decode(HoistingFile.self, from: data), file.salt == salt else { return nil }
        return file.record
    }

    func storeHoisting(_ record: HoistingRecord) {
        let bytes = PageCacheBytes.encode(HoistingFile(salt: salt, record: record))
        try? FileManager.default.createDirectory(atPath: (hoistingPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = bytes.withUnsafeBytes { CacheFile.write($0, to: hoistingPath) }
    }
}

/// The hoisting record's file: the salt it was made under, and the record.
struct HoistingFile: PageCacheCodable {
    var salt: String
    var record: HoistingRecord
    init(salt: String, record: HoistingRecord) { self.salt = salt; self.record = record }
    init(from r: inout PageCacheBytes.Reader) throws { self.init(salt: try r.read(), record: try r.read()) }
    func write(to w: inout PageCacheBytes.Writer) { w.write(salt); w.write(record) }
}

// The order each part of a hoisting record writes and reads its properties in (`PageCacheBytes`).

extension HoistingRecord: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(shapes: try r.read(), lock: try r.read(), settledLock: try r.read(), types: try r.read(), schemas: try r.read(),
                  renames: try r.read(), lockEntries: [:])
        for _ in 0..<(try r.count()) {
            let digest: String = try r.read()
            lockEntries[digest] = NameLock.TypeEntry(name: try r.read(), documented: try r.read())
        }
        (methodNames, methodRenames) = (try r.read(), try r.read())
        for _ in 0..<(try r.count()) {
            // Read as `Int` (a subscript assignment would read an `Int?`).
            let (route, first): (Int, Int) = (try r.read(), try r.read())
            shadowed[route] = first
        }
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(shapes); w.write(lock); w.write(settledLock); w.write(types); w.write(schemas); w.write(renames)
        // The lock entries and the shadowed routes in key order, so that one record is always the same bytes.
        let entries = lockEntries.sorted { $0.key < $1.key }
        w.varint(UInt64(entries.count))
        for (digest, entry) in entries { w.write(digest); w.write(entry.name); w.write(entry.documented) }
        w.write(methodNames); w.write(methodRenames)
        let routes = shadowed.sorted { $0.key < $1.key }
        w.varint(UInt64(routes.count))
        for (route, first) in routes { w.write(route); w.write(first) }
    }
}

extension HoistingRecord.RecordedSchema: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(name: try r.read(), kind: try r.read(), enumValues: try r.read(), resource: try r.read(), documentedNames: try r.read(),
                  origin: try r.read(), fieldTypes: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(name); w.write(kind); w.write(enumValues); w.write(resource); w.write(documentedNames); w.write(origin); w.write(fieldTypes)
    }
}

extension HoistingRecord.Origin: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(operation: try r.read(), slot: try r.read(), path: try r.read(), top: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(operation); w.write(slot); w.write(path); w.write(top) }
}

extension Rename: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(kind: try r.read(), old: try r.read(), new: try r.read(), reason: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(kind); w.write(old); w.write(new); w.write(reason) }
}

extension Rename.Kind: PageCacheCodable {}
extension Schema.Kind: PageCacheCodable {}

extension UInt64: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws { self = try r.varint() }
    func write(to w: inout PageCacheBytes.Writer) { w.varint(self) }
}
