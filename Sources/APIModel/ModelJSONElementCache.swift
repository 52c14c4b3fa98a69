import DocTree
import Foundation

/// The model JSON's element texts (each resource, operation and schema as `api-model.json` holds it),
/// kept between runs under the digest of the element, its array and its indent: a regeneration after a
/// one-page edit encodes only the elements that changed and copies the others' texts. An element's text
/// depends on nothing but its value, so the output is byte for byte a fresh run's. Safe to delete; a
/// damaged record (checksum, bounds) and everything after it, or another generator's file (`salt`), is
/// not used.
///
/// File layout: `D2SMJ02\n`, the salt (4-byte little-endian length, bytes), then records: 8-byte key,
/// 4-byte length, text, and the checksum of those three (8 bytes, `WordHash.checksum`). A run appends
/// the records it encoded afresh (one changed element writes one record, not the 10 MB file of a large
/// API); the file is written anew, with only the records the run used, when most of it is unused. A run
/// with no usable file (the first) streams its records into a temporary file as it encodes them, renamed
/// into place by `commit` (so the first regeneration copies the texts too, and a large API's texts are
/// never all in memory); their order is the order threads finished them in.
///
/// For example: `OUTPUT/.docs2swift-cache/model-json.bin`, read by `APIDescription.jsonChunks(cache:)`.
public final class ModelJSONElementCache: @unchecked Sendable {
    public static let fileName = "model-json.bin"
    private static let magic = Array("D2SMJ02\n".utf8)
    private let path: String
    private let salt: String
    private let writes: Bool
    /// The digest of several values in order (`ContextDigest.of` in the emitter).
    let digest: @Sendable ([any Encodable]) -> UInt64
    private let previous: [UInt64: Range<Int>]
    private let previousData: Data
    /// Where the file's whole records end (0: no usable file); appends go there.
    private let validEnd: Int
    private var fresh: [UInt64: [UInt8]] = [:]
    private var used: Set<UInt64> = []
    private let lock = NSLock()
    /// With no usable file: the records written so far go to `stream` (nil until the first).
    private var stream: RecordStream?
    private var streamed: Set<UInt64> = []

    /// `folder`: the cache folder; `writes`: false for `--check` (entries are used only).
    public init(folder: String, salt: String, writes: Bool, digest: @escaping @Sendable ([any Encodable]) -> UInt64) {
        path = (folder.hasSuffix("/") ? folder : folder + "/") + Self.fileName
        self.salt = salt
        self.writes = writes
        self.digest = digest
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let parsed = Self.parse(data, salt: salt)
        previous = parsed?.ranges ?? [:]
        validEnd = parsed?.end ?? 0
        previousData = previous.isEmpty ? Data() : data
    }

    /// False when there is nothing to read and nothing will be written (`--check` without a usable file):
    /// then elements are neither digested nor kept.
    public var isUseful: Bool { writes || !previous.isEmpty }

    /// How many elements this run encoded afresh (the others' texts were copied).
    public var encodedCount: Int { lock.withLock { fresh.count + streamed.count } }

    /// Whether records go straight to a new file (`writes` and no usable one).
    private var streams: Bool { writes && previous.isEmpty }

    /// The text recorded under `key`, or nil.
    func text(_ key: UInt64) -> [UInt8]? {
        guard let range = previous[key] else { return nil }
        lock.withLock { _ = used.insert(key) }
        return [UInt8](previousData[range])
    }

    func record(_ key: UInt64, _ text: [UInt8]) {
        lock.withLock {
            guard streams else {
                fresh[key] = text
                used.insert(key)
                return
            }
            guard streamed.insert(key).inserted else { return }
            if stream == nil {
                var header = Self.magic
                Self.append(UInt32(salt.utf8.count), 4, to: &header)
                header.append(contentsOf: salt.utf8)
                stream = RecordStream(path: path, header: header)
            }
            stream!.add { Self.appendRecord(key, text, to: &$0) }
        }
    }

    /// Drops what a run that stopped before `commit` streamed (the file in place is left as it was).
    public func discard() {
        lock.withLock { stream?.discard(); stream = nil }
    }

    deinit { stream?.discard() }

    /// Appends the texts this run encoded afresh, or writes the file anew (the texts this run used) when
    /// there is no usable file or most of its records went unused. Call once the run's output is written.
    public func commit() {
        lock.lock(); defer { lock.unlock() }
        guard writes else { return }
        if streams {
            stream?.finish()
            stream = nil
            return
        }
        let added = fresh.keys.filter { previous[$0] == nil }.sorted()
        let usedBytes = used.reduce(0) { $0 + (previous[$1]?.count ?? 0) }
        let recordedBytes = previous.values.reduce(0) { $0 + $1.count }
        let folder = (path as NSString).deletingLastPathComponent
        if validEnd > 0, usedBytes * 2 >= recordedBytes {
            guard !added.isEmpty else { return }
            var out: [UInt8] = []
            for key in added { Self.appendRecord(key, fresh[key]!, to: &out) }
            // Past the last whole record: a run stopped mid-append leaves a torn record, which goes.
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            defer { try? handle.close() }
            do {
                try handle.truncate(atOffset: UInt64(validEnd))
                try handle.seek(toOffset: UInt64(validEnd))
                try handle.write(contentsOf: out)
            } catch {
                try? FileManager.default.removeItem(atPath: path)
            }
            return
        }
        var out = Self.magic
        Self.append(UInt32(salt.utf8.count), 4, to: &out)
        out.append(contentsOf: salt.utf8)
        for key in used.sorted() {
            if let text = fresh[key] {
                Self.appendRecord(key, text, to: &out)
            } else if let range = previous[key] {
                Self.appendRecord(key, [UInt8](previousData[range]), to: &out)
            }
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = out.withUnsafeBytes { CacheFile.write($0, to: path) }
    }

    private static func appendRecord(_ key: UInt64, _ text: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        append(key, 8, to: &out)
        append(UInt32(text.count), 4, to: &out)
        out.append(contentsOf: text)
        let sum = out.withUnsafeBytes { WordHash.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        append(sum, 8, to: &out)
    }

    private static func append<I: FixedWidthInteger>(_ value: I, _ width: Int, to out: inout [UInt8]) {
        let v = UInt64(truncatingIfNeeded: value)
        for i in 0..<width { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    /// Each key's text range in `data` and where the last whole record ends; nil when the file is not
    /// one of this salt. Records are read up to the first that is cut short or fails its checksum.
    static func parse(_ data: Data, salt: String) -> (ranges: [UInt64: Range<Int>], end: Int)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (ranges: [UInt64: Range<Int>], end: Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= magic.count + 4, Array(bytes[0..<magic.count]) == magic else { return nil }
            func read(_ at: Int, _ width: Int) -> UInt64 {
                var v: UInt64 = 0
                for i in 0..<width { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
                return v
            }
            var at = magic.count
            let saltCount = Int(read(at, 4)); at += 4
            guard saltCount <= bytes.count - at, Array(bytes[at..<(at + saltCount)]) == Array(salt.utf8) else { return nil }
            at += saltCount
            var ranges: [UInt64: Range<Int>] = [:]
            while bytes.count - at >= 20 {
                let key = read(at, 8), count = Int(read(at + 8, 4))
                guard count <= bytes.count - at - 20,
                      WordHash.checksum(UnsafeRawBufferPointer(rebasing: raw[at..<(at + 12 + count)])) == read(at + 12 + count, 8)
                else { break }
                ranges[key] = (at + 12)..<(at + 12 + count)
                at += 20 + count
            }
            return (ranges, at)
        }
    }
}

/// Records appended to a temporary file next to `path` in pieces of about 1 MB, renamed over `path` by
/// `finish` (a reader finds the old file or the whole new one).
private struct RecordStream {
    let path: String
    let temp: String
    var fd: Int32
    var buffer: [UInt8]

    init(path: String, header: [UInt8]) {
        self.path = path
        temp = CacheFile.temporaryPath(for: path)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        buffer = header
        buffer.reserveCapacity(1 << 20 + 1 << 16)
    }

    mutating func add(_ write: (inout [UInt8]) -> Void) {
        write(&buffer)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes the buffer; after a failed write the stream writes nothing more and `finish` keeps no file.
    private mutating func flush() {
        guard fd >= 0 else { buffer.removeAll(keepingCapacity: true); return }
        if !buffer.withUnsafeBytes({ CacheFile.writeAll(fd, $0) }) { close(fd); fd = -1; unlink(temp) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() {
        flush()
        guard fd >= 0 else { return }
        if close(fd) != 0 || rename(temp, path) != 0 { unlink(temp) }
        fd = -1
    }

    mutating func discard() {
        guard fd >= 0 else { return }
        close(fd)
        unlink(temp)
        fd = -1
    }
}
