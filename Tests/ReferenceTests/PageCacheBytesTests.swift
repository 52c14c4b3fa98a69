@testable import Docs2SwiftCore
import Foundation
import Refinement
import Testing

/// The page cache's byte form: an entry that sets every property of every type it holds, and every
/// case of `TypeRef`, reads back equal to itself; damaged, cut-short and older entries do not read.
@Suite struct PageCacheBytesTests {
    static let here = SourceLocation(file: "docs/users.md", line: 12, column: 3, section: "GET /users/{id}")

    static func field(_ name: String, _ type: TypeRef) -> Field {
        Field(name: name, type: type, required: true, nullable: true, readOnly: true, description: "The \(name), naïve ✓",
              enumValues: ["a", "b"], provenance: SourceLocation(file: "docs/users.md", line: 40))
    }

    /// Every property of every type set (somewhere), every `TypeRef` case, negative and large integers,
    /// repeated, empty and non-ASCII strings, nil and non-nil optionals.
    static let entry: PageCache.Entry = {
        let nested = TypeRef.object([
            field("id", .primitive(.string, format: "uuid")),
            field("count", .integer),
            field("ratio", .primitive(.number, format: "double")),
            field("ok", .boolean),
            field("tags", .array(.ref("Tag"))),
            field("extra", .map(.any)),
            field("inner", .object([field("deep", .array(.array(.map(.ref("Deep")))))])),
        ])
        var page = PageExtraction(resource: Resource(name: "users", title: "Users", description: "People.", provenance: here),
                                  operations: [], dialect: "mkdocs-reference", reason: "a reference page")
        page.baseURL = "https://api.example.com/v1"
        var created = Response(status: "201", description: "Created", contentType: "application/json", type: nested, provenance: here)
        created.documentedName = "UserCreated"
        page.operations = [
            Operation(id: "users_create", swiftName: "usersCreate", resource: "users", method: "POST", path: "/users/{id}",
                      summary: "Create a user", description: "Makes one.",
                      parameters: [
                          Parameter(name: "id", location: .path, type: .primitive(.string, format: "uuid"), required: true,
                                    description: "The id.", enumValues: ["x"], provenance: here, example: "777"),
                          Parameter(name: "page", location: .query, type: .integer, required: false),
                          Parameter(name: "X-Trace", location: .header, type: .string, required: false),
                      ],
                      requestBody: RequestBody(contentType: "application/json", required: true, type: nested,
                                               documentedName: "UserRequest", provenance: here),
                      responses: [created, Response(status: "204", type: nil)],
                      errorCodes: [ErrorCode(status: "400", code: "11", name: "ALREADY_EXISTS", description: "Taken.")],
                      authorization: "minimum Group Admin",
                      examples: [Example(kind: "request", language: "bash", text: "http POST …", provenance: here)],
                      provenance: SourceLocation(file: "docs/users.md", line: Int.max, column: Int.min)),
            Operation(id: "users_list", resource: "users", method: "GET", path: "/users/"),
        ]
        return PageCache.Entry(
            format: .html, reason: "an .html file", extraction: page,
            sections: [SectionIndex.Start(line: 10, rank: -3, name: "Users"), SectionIndex.Start(line: 0, rank: 0, name: "")],
            diagnostics: [Diagnostic(.warning, "a table without a header", at: here), Diagnostic(.note, "no location")])
    }()

    /// The hoisting record (`HoistingRecord`, kept beside the pages) reads back equal, with every property set.
    @Test func aHoistingRecordReadsBackEqual() throws {
        let origin = HoistingRecord.Origin(operation: 3, slot: -1, path: [-1, 2, -2, 0], top: false)
        let schema = HoistingRecord.RecordedSchema(name: "Volume", kind: .enumeration, enumValues: ["ok", "naïve ✓"], resource: "volumes.md",
                                                   documentedNames: ["Disk"], origin: origin, fieldTypes: [.ref("Disk"), .array(.integer)])
        let record = HoistingRecord(shapes: .max, lock: 0, settledLock: 1 << 63, types: [[nil, .ref("Volume")], []],
                                    schemas: [schema], renames: [Rename(kind: .type, old: "A", new: "B", reason: "changed")],
                                    lockEntries: ["0f": .init(name: "Volume", documented: true), "a1": .init(name: "Disk", documented: false)],
                                    methodNames: ["volumesList", "volumesRead"],
                                    methodRenames: [Rename(kind: .method, old: "list", new: "volumesList", reason: "changed")],
                                    shadowed: [1: 0, 7: 3])
        let file = HoistingFile(salt: "docs2swift 0.1.0 x", record: record)
        let back = try PageCacheBytes.decode(HoistingFile.self, from: Data(PageCacheBytes.encode(file)))
        #expect(back.salt == file.salt && back.record == record)
    }

    @Test func anEntryReadsBackEqual() throws {
        let bytes = PageCacheBytes.encode(Self.entry)
        #expect(try PageCacheBytes.decode(PageCache.Entry.self, from: Data(bytes)) == Self.entry)
        #expect(try PageCacheBytes.decode(PageCache.Entry.self, from: Data(PageCacheBytes.encode(PageCache.Entry(
            format: .text, reason: "", extraction: nil, sections: [], diagnostics: [])))).extraction == nil)
    }

    /// The entry above sets every property: a property added to a stored type fails here until the
    /// entry sets it, and then `anEntryReadsBackEqual` fails until `PageCacheLayouts` stores it.
    @Test func theEntrySetsEveryPropertyAndEveryCase() {
        var all = Set<String>(), set = Set<String>(), cases = Set<String>()
        Self.walk(Self.entry, all: &all, set: &set, cases: &cases)
        #expect(all.subtracting(set).sorted() == [])
        #expect(all.contains("Field.enumValues") && all.contains("Response.documentedName") && all.contains("PageExtraction.baseURL"))
        #expect(cases == Set(Self.everyCase.map(Self.caseName)))
    }

    static let everyCase: [TypeRef] = [.string, .array(.any), .object([]), .map(.any), .any, .ref("A")]
    /// A new case of `TypeRef` does not compile here until it is named (and added to `everyCase`).
    static func caseName(_ type: TypeRef) -> String {
        switch type {
        case .primitive: "primitive"
        case .array: "array"
        case .object: "object"
        case .map: "map"
        case .any: "any"
        case .ref: "ref"
        }
    }

    /// Every stored property (`Type.name`) met, the ones met with a value that is not the default
    /// (nil, empty, false, 0), and the `TypeRef` cases met.
    static func walk(_ value: Any, all: inout Set<String>, set: inout Set<String>, cases: inout Set<String>) {
        if let type = value as? TypeRef { cases.insert(caseName(type)) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            for child in mirror.children {
                guard let label = child.label else { continue }
                let name = "\(type(of: value)).\(label)"
                all.insert(name)
                if isSet(child.value) { set.insert(name) }
                walk(child.value, all: &all, set: &set, cases: &cases)
            }
        case .optional, .collection, .enum, .tuple:
            for child in mirror.children { walk(child.value, all: &all, set: &set, cases: &cases) }
        default: break
        }
    }

    static func isSet(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection { return !mirror.children.isEmpty }
        if let s = value as? String { return !s.isEmpty }
        if let b = value as? Bool { return b }
        if let i = value as? Int { return i != 0 }
        return true
    }

    @Test func damagedCutShortAndOlderEntriesDoNotRead() {
        let bytes = PageCacheBytes.encode(Self.entry)
        for n in 0..<bytes.count {
            #expect(throws: (any Error).self) { try PageCacheBytes.decode(PageCache.Entry.self, from: Data(bytes.prefix(n))) }
        }
        for i in 0..<bytes.count {
            var damaged = bytes
            damaged[i] ^= 0x20
            #expect(throws: (any Error).self) { try PageCacheBytes.decode(PageCache.Entry.self, from: Data(damaged)) }
        }
        // The same value in the last format (`d2sC1`, through `Codable`), its checksum right: not read.
        var older = Array("d2sC1".utf8) + bytes.dropFirst(PageCacheBytes.magic.count).dropLast(8)
        let sum = older.withUnsafeBytes { WordHash.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { older.append(contentsOf: $0) }
        #expect(throws: (any Error).self) { try PageCacheBytes.decode(PageCache.Entry.self, from: Data(older)) }
    }

    /// Bytes with a right checksum but a wrong layout (as if written by a different build of this
    /// version) throw or read; they never crash the reader.
    @Test func wrongBytesWithARightChecksumNeverCrash() throws {
        let bytes = PageCacheBytes.encode(Self.entry)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var threw = 0
        for _ in 0..<2000 {
            var body = Array(bytes.dropLast(8))
            for _ in 0...(next() % 4) {
                let at = PageCacheBytes.magic.count + next() % (body.count - PageCacheBytes.magic.count)
                body[at] = UInt8(truncatingIfNeeded: next())
            }
            if next() % 3 == 0 { body.removeLast(next() % 16) }
            let sum = body.withUnsafeBytes { WordHash.checksum($0) }
            withUnsafeBytes(of: sum.littleEndian) { body.append(contentsOf: $0) }
            if (try? PageCacheBytes.decode(PageCache.Entry.self, from: Data(body))) == nil { threw += 1 }
        }
        #expect(threw > 0)
        // Nested without end: refused, not a stack overflow.
        var deep = PageCacheBytes.Writer()
        deep.bytes = PageCacheBytes.magic
        for _ in 0..<100_000 { deep.bytes.append(1) }
        deep.bytes.append(4)
        let sum = deep.bytes.withUnsafeBytes { WordHash.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { deep.bytes.append(contentsOf: $0) }
        #expect(throws: (any Error).self) { try PageCacheBytes.decode(TypeRef.self, from: Data(deep.bytes)) }
        #expect(try PageCacheBytes.decode(TypeRef.self, from: Data(PageCacheBytes.encode(TypeRef.array(.array(.any))))) == .array(.array(.any)))
    }

    /// Through the cache: a written entry loads; the same file damaged is a miss.
    @Test func aDamagedEntryIsAMiss() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-bytes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let cache = PageCache(outputDirectory: out, options: "", writes: true)
        let key = cache.key(path: "docs/users.md", bytes: Data("# Users".utf8))
        var update = PageCache.Update()
        update.entries = [(key, Self.entry)]
        update.used = [key]
        cache.commit(update)
        #expect(cache.load(key) == Self.entry)
        let file = URL(fileURLWithPath: cache.folder + "/" + key + PageCache.fileExtension)
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: file)
        #expect(cache.load(key) == nil)
    }
}
