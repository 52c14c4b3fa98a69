import Foundation

/// The model JSON's element texts (each resource, operation and schema as `api-model.json` holds it),
/// kept between runs under the digest of the element, its array and its indent: a regeneration after a
/// one-page edit encodes only the elements that changed and copies the others' texts. An element's text
/// depends on nothing but its value, so the output is byte for byte a fresh run's. Safe to delete; a
/// damaged file (checksum, bounds) or another generator's (`salt`) is not used.
///
/// File layout: `D2SMJ01\n`, the salt (4-byte little-endian length, bytes), then records (8-byte key,
/// 4-byte length, text), then the checksum of everything before it (8 bytes, `checksum`).
///
/// For example: `OUTPUT/.docs2swift-cache/model-json.bin`, read by `APIDescription.jsonChunks(cache:)`.
public final class ModelJSONElementCache: @unchecked Sendable {
    public static let fileName = "model-json.bin"
    private static let magic = Array("D2SMJ01\n".utf8)
    private let path: String
    private let salt: String
    private let writes: Bool
    /// The digest of several values in order (`ContextDigest.of` in the emitter).
    let digest: @Sendable ([any Encodable]) -> UInt64
    private let previous: [UInt64: Range<Int>]
    private let previousData: Data
    private var fresh: [UInt64: [UInt8]] = [:]
    private var used: Set<UInt64> = []
    private let lock = NSLock()

    /// `folder`: the cache folder; `writes`: false for `--check` and first runs (entries are used only).
    public init(folder: String, salt: String, writes: Bool, digest: @escaping @Sendable ([any Encodable]) -> UInt64) {
        path = (folder.hasSuffix("/") ? folder : folder + "/") + Self.fileName
        self.salt = salt
        self.writes = writes
        self.digest = digest
        let data = FileManager.default.contents(atPath: path) ?? Data()
        previous = Self.parse(data, salt: salt) ?? [:]
        previousData = previous.isEmpty ? Data() : data
    }

    /// False when there is nothing to read and nothing will be written (a first run): then elements are
    /// neither digested nor kept.
    var isUseful: Bool { writes || !previous.isEmpty }

    /// How many elements this run encoded afresh (the others' texts were copied).
    public var encodedCount: Int { lock.withLock { fresh.count } }

    /// The text recorded under `key`, or nil.
    func text(_ key: UInt64) -> [UInt8]? {
        guard let range = previous[key] else { return nil }
        lock.withLock { _ = used.insert(key) }
        return [UInt8](previousData[range])
    }

    func record(_ key: UInt64, _ text: [UInt8]) {
        lock.withLock {
            fresh[key] = text
            used.insert(key)
        }
    }

    /// Writes the texts this run used, when they differ from the recorded ones. Call once the run's
    /// output is written.
    public func commit() {
        lock.lock(); defer { lock.unlock() }
        guard writes, !fresh.isEmpty || used.count != previous.count else { return }
        var out = Self.magic
        Self.append(UInt32(salt.utf8.count), 4, to: &out)
        out.append(contentsOf: salt.utf8)
        for key in used.sorted() {
            if let text = fresh[key] {
                Self.append(key, 8, to: &out); Self.append(UInt32(text.count), 4, to: &out); out.append(contentsOf: text)
            } else if let range = previous[key] {
                Self.append(key, 8, to: &out); Self.append(UInt32(range.count), 4, to: &out); out.append(contentsOf: previousData[range])
            }
        }
        let sum = out.withUnsafeBytes { Self.checksum($0) }
        Self.append(sum, 8, to: &out)
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func append<I: FixedWidthInteger>(_ value: I, _ width: Int, to out: inout [UInt8]) {
        let v = UInt64(truncatingIfNeeded: value)
        for i in 0..<width { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    /// FNV-1a's multiply, eight bytes at a time with an xor-shift (byte at a time, the file's 10 MB took
    /// 10 ms to check).
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        while i < raw.count {
            h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return h
    }

    /// Each key's text range in `data`; nil when the file is not a whole, undamaged one of this salt.
    static func parse(_ data: Data, salt: String) -> [UInt64: Range<Int>]? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [UInt64: Range<Int>]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= magic.count + 4 + 8, Array(bytes[0..<magic.count]) == magic else { return nil }
            func read(_ at: Int, _ width: Int) -> UInt64 {
                var v: UInt64 = 0
                for i in 0..<width { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
                return v
            }
            let end = bytes.count - 8
            guard checksum(UnsafeRawBufferPointer(rebasing: raw[0..<end])) == read(end, 8) else { return nil }
            var at = magic.count
            let saltCount = Int(read(at, 4)); at += 4
            guard saltCount <= end - at, Array(bytes[at..<(at + saltCount)]) == Array(salt.utf8) else { return nil }
            at += saltCount
            var ranges: [UInt64: Range<Int>] = [:]
            while at < end {
                guard end - at >= 12 else { return nil }
                let key = read(at, 8), count = Int(read(at + 8, 4))
                at += 12
                guard count <= end - at else { return nil }
                ranges[key] = at..<(at + count)
                at += count
            }
            return ranges
        }
    }
}
