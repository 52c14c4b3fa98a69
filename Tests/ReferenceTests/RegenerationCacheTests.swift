import Docs2SwiftCore
import Foundation
import Testing

/// The no-op check of `generate`: inputs whose sizes and modification times are as recorded are not
/// read; a touched input is read and compared; a changed one, or a changed output file, means a run.
@Suite struct RegenerationCacheTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-cache-\(UUID().uuidString)")
    var page: String { dir.appendingPathComponent("docs/page.md").path }
    var out: String { dir.appendingPathComponent("out").path }

    func setUp() throws {
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("docs").path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "# Users\n\n`GET /users/`\n".write(toFile: page, atomically: true, encoding: .utf8)
        try age(page, seconds: 3600)
        try "struct A {}\n".write(toFile: out + "/A.swift", atomically: true, encoding: .utf8)
    }

    func age(_ path: String, seconds: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: path)
    }

    func stamps() -> RegenerationCache.Stamps {
        RegenerationCache.stamps(RegenerationCache.setting(inputs: [dir.appendingPathComponent("docs").path], options: "o", templatesFolder: nil))
    }

    func fingerprint() -> String {
        RegenerationCache.fingerprint(RegenerationCache.setting(inputs: [dir.appendingPathComponent("docs").path], options: "o", templatesFolder: nil)).text
    }

    @Test func stampsThenFingerprintThenOutputs() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = RegenerationCache(directory: out)
        let first = stamps()
        #expect(!first.recent)
        cache.remember(fingerprint: fingerprint(), stamps: first, summary: "S", files: ["A.swift"], written: ["A.swift"])

        // Same stamps: nothing is read.
        var reads = 0
        #expect(cache.unchangedSummary(stamps: stamps(), fingerprint: { reads += 1; return fingerprint() }) == "S")
        #expect(reads == 0)

        // Touched, not changed: read once, found the same, and the new stamps are kept.
        try age(page, seconds: 1800)
        let touched = stamps()
        #expect(touched.key != first.key)
        #expect(cache.unchangedSummary(stamps: touched, fingerprint: { reads += 1; return fingerprint() }) == "S")
        #expect(reads == 1)
        #expect(cache.unchangedSummary(stamps: stamps(), fingerprint: { reads += 1; return fingerprint() }) == "S")
        #expect(reads == 1)

        // Changed a moment ago: its stamps are not trusted, the bytes differ.
        try "# Users\n\n`GET /users/{id}/`\n".write(toFile: page, atomically: true, encoding: .utf8)
        let changed = stamps()
        #expect(changed.recent)
        #expect(cache.unchangedSummary(stamps: changed, fingerprint: fingerprint) == nil)
    }

    /// The fingerprint takes an input's checksum from the last run's record when its size and time are
    /// as recorded (the file is not read: bytes changed behind an unchanged size and time go unseen, as
    /// with the stamps), and reads it when they are not, or when it was recorded within a second of
    /// being modified.
    @Test func anInputRecordedWithTheSameStampsIsNotReadAgain() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = RegenerationCache(directory: out)
        let setting = RegenerationCache.setting(inputs: [dir.appendingPathComponent("docs").path], options: "o", templatesFolder: nil)
        let first = RegenerationCache.stamps(setting)
        let full = RegenerationCache.fingerprint(setting)
        #expect(full.checksums[page] != nil)
        cache.remember(fingerprint: full.text, stamps: first, summary: "S", files: ["A.swift"], written: ["A.swift"], checksums: full.checksums)
        #expect(cache.knownInputs()[page] != nil)

        // Same size and time, other bytes: the recorded checksum stands (the page was not read).
        let recorded = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as! Date
        try "# Usrs\n\n`GET /users/`\n ".write(toFile: page, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: recorded], ofItemAtPath: page)
        let same = RegenerationCache.stamps(setting)
        #expect(same.key == first.key)
        #expect(RegenerationCache.fingerprint(setting, stamps: same, known: cache.knownInputs()).text == full.text)
        #expect(RegenerationCache.fingerprint(setting).text != full.text)

        // Another time: read again.
        try age(page, seconds: 1800)
        let touched = RegenerationCache.stamps(setting)
        let reread = RegenerationCache.fingerprint(setting, stamps: touched, known: cache.knownInputs())
        #expect(reread.text == RegenerationCache.fingerprint(setting).text)

        // Recorded within a second of its modification: not trusted, read again.
        try "# Users\n\n`GET /users/{id}/`\n".write(toFile: page, atomically: true, encoding: .utf8)
        let recent = RegenerationCache.stamps(setting)
        let fresh = RegenerationCache.fingerprint(setting, stamps: recent)
        cache.remember(fingerprint: fresh.text, stamps: recent, summary: "S", files: ["A.swift"], written: ["A.swift"], checksums: fresh.checksums)
        #expect(cache.knownInputs()[page] == nil)
    }

    @Test func aChangedOutputFileMeansARun() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = RegenerationCache(directory: out)
        cache.remember(fingerprint: fingerprint(), stamps: stamps(), summary: "S", files: ["A.swift"], written: ["A.swift"])
        try "struct A { var x = 1 }\n".write(toFile: out + "/A.swift", atomically: true, encoding: .utf8)
        #expect(cache.unchangedSummary(stamps: stamps(), fingerprint: fingerprint) == nil)
    }

    /// A file the run did not write keeps the stamp recorded before, when it was as the last run left it
    /// at the start; so a change made to it while the run went on still shows at the next run. A file the
    /// run wrote is recorded as it is now.
    @Test func aFileTheRunDidNotWriteKeepsItsRecordedStamp() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "struct B {}\n".write(toFile: out + "/B.swift", atomically: true, encoding: .utf8)
        RegenerationCache(directory: out).remember(fingerprint: fingerprint(), stamps: stamps(), summary: "S", files: ["A.swift", "B.swift"],
                                                   written: ["A.swift", "B.swift"])
        let run = RegenerationCache(directory: out)
        #expect(run.unchangedSummary(stamps: stamps(), fingerprint: fingerprint) == "S")
        run.forget()
        // While the run goes on, A is rewritten by the run and B changed by someone else.
        try "struct A { var a = 1 }\n".write(toFile: out + "/A.swift", atomically: true, encoding: .utf8)
        try "struct B { var b = 1 }\n".write(toFile: out + "/B.swift", atomically: true, encoding: .utf8)
        run.remember(fingerprint: fingerprint(), stamps: stamps(), summary: "S", files: ["A.swift", "B.swift"], written: ["A.swift"])
        #expect(RegenerationCache(directory: out).unchangedSummary(stamps: stamps(), fingerprint: fingerprint) == nil)
        // Both recorded as they are now: the next run finds them untouched.
        RegenerationCache(directory: out).remember(fingerprint: fingerprint(), stamps: stamps(), summary: "S", files: ["A.swift", "B.swift"],
                                                   written: ["A.swift", "B.swift"])
        #expect(RegenerationCache(directory: out).unchangedSummary(stamps: stamps(), fingerprint: fingerprint) == "S")
    }
}

/// Rendering is skipped for a file whose render context is as recorded (`RenderReuse`): after an edit
/// to one operation, only the files that show it are rendered; the others are kept, and kept files
/// are exactly the ones a full rendering would give unchanged.
@Suite struct RenderReuseTests {
    func model() -> APIDescription {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return GeneratorPipeline().model(from: ["input-docs"], diagnostics: RecordingCollector()).api
    }

    func emit(_ api: APIDescription, previous: [String: String]) throws -> (rendered: [GeneratedFile], reuse: RenderReuse) {
        let reuse = RenderReuse(previous: previous)
        var options = EmitOptions(outputs: [.models, .client, .server, .tests], module: "SeedAPI")
        options.reuse = reuse
        let collected = GeneratedFile.Collector()
        try Emission.emit(api, options: options, to: collected.add)
        return (collected.sorted, reuse)
    }

    @Test func onlyTheChangedContextsRender() throws {
        var api = model()
        let first = try emit(api, previous: [:])
        #expect(first.reuse.kept.isEmpty)
        #expect(first.rendered.count == first.reuse.recordedKeys.count)

        // Nothing changed: every file is kept, none rendered.
        let again = try emit(api, previous: first.reuse.recordedKeys)
        #expect(again.rendered.isEmpty)
        #expect(again.reuse.kept == first.rendered.map(\.path))

        // One operation's summary changed: its resource's files that show it render, and they are the
        // files whose full rendering differs.
        let index = try #require(api.operations.firstIndex { !$0.summary.isEmpty })
        api.operations[index].summary += " (edited)"
        let edited = try emit(api, previous: first.reuse.recordedKeys)
        let full = try Emission.files(for: api, options: EmitOptions(outputs: [.models, .client, .server, .tests], module: "SeedAPI"))
        let changed = Set(full.filter { !first.rendered.contains($0) }.map(\.path))
        #expect(!changed.isEmpty)
        #expect(Set(edited.rendered.map(\.path)).isSuperset(of: changed))
        #expect(edited.rendered.count < first.rendered.count / 2)
        #expect(Set(edited.reuse.kept).isDisjoint(with: changed))
    }
}

extension RenderReuseTests {
    /// A file a regeneration keeps is the file a full rendering of the edited model gives, and a file it
    /// renders is too, whichever input of a context builder the edit reaches: one operation's text, a
    /// schema other resources' files read, an operation's Swift name, a route (the tests' support file reads every path), the examples live tests take
    /// arguments from.
    @Test func keptAndRenderedFilesAreTheFullRenderingAfterEachKindOfEdit() throws {
        let base = model()
        let first = try emit(base, previous: [:])
        let firstByPath = Dictionary(uniqueKeysWithValues: first.rendered.map { ($0.path, $0) })
        let op = try #require(base.operations.firstIndex { $0.method == "GET" && !$0.summary.isEmpty })
        let schema = try #require(base.schemas.firstIndex { $0.kind == .object && !$0.fields.isEmpty })
        let edits: [(String, (inout APIDescription) -> Void)] = [
            ("summary", { $0.operations[op].summary += " (edited)" }),
            ("operation description", { $0.operations[op].description += " (edited)" }),
            ("operation source line", { $0.operations[op].provenance = SourceLocation(file: "docs/x.md", line: 9, column: 1) }),
            ("field description", { $0.schemas[schema].fields[0].description += " (edited)" }),
            ("schema description", { $0.schemas[schema].description += " (edited)" }),
            ("field source line", { $0.schemas[schema].fields[0].provenance = SourceLocation(file: "docs/x.md", line: 7, column: 1) }),
            ("field type", { $0.schemas[schema].fields[0].type = .integer }),
            ("field added", { $0.schemas[schema].fields.append(Field(name: "added", type: .string)) }),
            // A field that names a schema by a documented name (its `typealias`).
            ("field naming a documented name", {
                let schemas = $0.schemas
                let other = schemas.indices.first { i in i != schema && schemas[i].kind == .object }!
                $0.schemas[other].documentedNames.append("SomeAlias")
                $0.schemas[schema].fields.append(Field(name: "aliased", type: .ref("SomeAlias")))
            }),
            ("method name", { $0.operations[op].swiftName += "Renamed" }),
            // A route of parameters only: the tests' support file takes a longer path that no route answers.
            ("parameter-only route", {
                var added = $0.operations[op]
                added.path = "/{anything}"
                added.id += "_anything"
                added.swiftName += "Anything"
                $0.operations.append(added)
            }),
            ("operation added", {
                var added = $0.operations[op]
                added.path += "added/"
                added.id += "_added"
                added.swiftName += "Added"
                $0.operations.append(added)
            }),
            ("example request", {
                $0.operations[op].examples.append(Example(kind: "request", language: "http", text: "GET \($0.operations[op].path.replacingOccurrences(of: "{", with: "x").replacingOccurrences(of: "}", with: "")) HTTP/1.1"))
            }),
        ]
        for (name, edit) in edits {
            var api = base
            edit(&api)
            let edited = try emit(api, previous: first.reuse.recordedKeys)
            let full = try Emission.files(for: api, options: EmitOptions(outputs: [.models, .client, .server, .tests], module: "SeedAPI"))
            let rendered = Dictionary(uniqueKeysWithValues: edited.rendered.map { ($0.path, $0) })
            #expect(Set(rendered.keys).union(edited.reuse.kept) == Set(full.map(\.path)), "\(name)")
            for file in full {
                let made = rendered[file.path] ?? (edited.reuse.kept.contains(file.path) ? firstByPath[file.path] : nil)
                #expect(made == file, "\(name): \(file.path)")
            }
            #expect(!edited.reuse.kept.isEmpty, "\(name)")
            // A schema's prose is printed by its own models file alone; its source lines by that file and `DocSources.swift`.
            let models = "Sources/SeedAPI/Models/\(base.schemas[schema].resource).swift"
            if ["field description", "schema description"].contains(name) { #expect(edited.rendered.map(\.path) == [models], "\(name)") }
            if name == "field source line" { #expect(edited.rendered.map(\.path) == ["Sources/SeedAPI/DocSources.swift", models], "\(name)") }
            // An operation's prose and source line are shown by its client file; the summary by its server file too.
            let resource = base.operations[op].resource
            let client = "Sources/SeedAPI/Client/\(resource)+Client.swift", server = "Sources/SeedAPIServer/\(resource)+Server.swift"
            if ["operation description", "operation source line"].contains(name) { #expect(edited.rendered.map(\.path) == [client], "\(name)") }
            if name == "summary" { #expect(edited.rendered.map(\.path) == [client, server], "\(name)") }
            // An operation added renders its resource's client and server files, not another resource's.
            if name == "operation added" {
                #expect(edited.rendered.map(\.path).filter { $0.contains("+Client") || $0.contains("+Server") } == [client, server], "\(name)")
            }
        }
    }
}

extension RenderReuseTests {
    /// A resource's files are keyed by the shapes of the schemas they can reach (`SchemaReach`): a schema's
    /// change renders the files of the resources whose operations or models reach it — through arrays,
    /// fields and documented names — and keeps the others.
    @Test func aSchemaChangeRendersOnlyTheFilesOfTheResourcesThatReachIt() throws {
        func list(_ resource: String, answering type: TypeRef) -> APIModel.Operation {
            APIModel.Operation(id: resource + "_list", swiftName: resource + "List", resource: resource, method: "GET",
                               path: "/\(resource)/", responses: [Response(status: "200", type: type)])
        }
        let base = APIDescription(
            resources: [Resource(name: "bills", title: "Bills"), Resource(name: "people", title: "People")],
            operations: [list("bills", answering: .array(.ref("Invoice"))), list("people", answering: .ref("Page"))],
            schemas: [
                Schema(name: "Invoice", fields: [Field(name: "total", type: .integer, required: true)], resource: "bills"),
                Schema(name: "Page", fields: [Field(name: "results", type: .array(.ref("User")), required: true)], resource: "people"),
                Schema(name: "User", fields: [Field(name: "name", type: .string, required: true)], resource: "people",
                       documentedNames: ["Person"]),
            ])
        func renderedResources(_ base: APIDescription, after edit: (inout APIDescription) -> Void) throws -> Set<String> {
            let first = try emit(base, previous: [:])
            var api = base
            edit(&api)
            let paths = try emit(api, previous: first.reuse.recordedKeys).rendered.map(\.path)
            return Set(["bills", "people"].filter { resource in paths.contains { $0.contains("/\(resource)") } })
        }
        let userField: (inout APIDescription) -> Void = { $0.schemas[2].fields.append(Field(name: "email", type: .string)) }
        #expect(try renderedResources(base, after: userField) == ["people"])
        #expect(try renderedResources(base, after: { $0.schemas[0].fields[0].type = .number }) == ["bills"])
        // An invoice's owner named by User's documented name: the bills reach User too.
        var owned = base
        owned.schemas[0].fields.append(Field(name: "owner", type: .ref("Person")))
        #expect(try renderedResources(owned, after: userField) == ["bills", "people"])
    }
}

/// A regeneration after a page edit (pages from the page cache, files kept by `RenderReuse`) writes the
/// bytes a fresh run writes.
@Suite struct IncrementalRegenerationTests {
    struct Run {
        var files: [String: GeneratedFile]
        var keys: [String: String]
        var kept: [String]
    }

    /// `jsonCache`: the folder of the model JSON's element texts (`ModelJSONElementCache`), if any.
    func generate(_ docs: String, cache: PageCache?, previous: Run?, jsonCache: String? = nil,
                  encoded: ((Int) -> Void)? = nil) throws -> Run {
        var pipeline = GeneratorPipeline()
        pipeline.pageCache = cache
        let result = pipeline.model(from: [docs], diagnostics: RecordingCollector())
        cache?.commit(result.pageCacheUpdate)
        var options = EmitOptions(outputs: [.models, .client, .server, .tests, .model], module: "SeedAPI")
        let reuse = previous.map { RenderReuse(previous: $0.keys) }
        options.reuse = reuse
        options.modelJSONCache = jsonCache.map { ModelJSONElementCache(folder: $0, salt: "test", writes: true) { ContextDigest.of($0) } }
        let collected = GeneratedFile.Collector()
        try Emission.emit(result.api, options: options, to: collected.add)
        options.modelJSONCache?.commit()
        if let count = options.modelJSONCache?.encodedCount { encoded?(count) }
        var files = Dictionary(uniqueKeysWithValues: collected.sorted.map { ($0.path, $0) })
        for path in reuse?.kept ?? [] { files[path] = previous?.files[path] }
        return Run(files: files, keys: reuse?.recordedKeys ?? [:], kept: reuse?.kept ?? [])
    }

    @Test func aPageEditGivesTheBytesOfAFreshRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-inc-\(UUID().uuidString)").path
        let docs = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-incdocs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(at: docs) }
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("input-docs"), to: docs)
        let cache = PageCache(outputDirectory: out, options: GeneratorPipeline().readingOptions, writes: true)
        // Two runs: the first fills the page cache, the second records every file's key.
        let jsonCache = out + "/json"
        let first = try generate(docs.path, cache: cache, previous: try generate(docs.path, cache: cache, previous: nil, jsonCache: jsonCache),
                                 jsonCache: jsonCache)
        #expect(first.kept.isEmpty && first.keys.count > 10)
        // The HTML page, not its `.txt` twin: the reader takes the HTML one (an edit of the other changes nothing).
        let page = docs.appendingPathComponent("000_c829d6fb4bacecba.html")
        let text = try String(contentsOf: page, encoding: .utf8)
        for (old, new) in [("<h3 id=\"retrieve\">Retrieve</h3>", "<h3 id=\"retrieve\">Retrieve one</h3>"),
                           ("<td><code>call_name</code></td>\n<td>string</td>\n<td></td>",
                            "<td><code>call_name</code></td>\n<td>string</td>\n<td>The call's name.</td>"),
                           ("<td><code>call_name</code></td>", "<td><code>call_title</code></td>")] {
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: page, atomically: true, encoding: .utf8)
            var encoded = -1
            let incremental = try generate(docs.path, cache: cache, previous: first, jsonCache: jsonCache) { encoded = $0 }
            // Only the model JSON elements the edit changed are encoded again.
            #expect(encoded > 0 && encoded < 10, "\(new): \(encoded) elements encoded")
            let fresh = try generate(docs.path, cache: nil, previous: nil)
            #expect(incremental.files.keys.sorted() == fresh.files.keys.sorted(), "\(new)")
            for (path, file) in fresh.files {
                #expect(incremental.files[path]?.contents == file.contents, "\(new): \(path)")
            }
            #expect(incremental.files["api-model.json"]?.contents != first.files["api-model.json"]?.contents, "\(new): the edit reaches the model")
            // A field's description or an operation's text renders only its resource's files; a field's name,
            // the files of the resources that reach its schema.
            #expect(!incremental.kept.isEmpty, "\(new)")
            if !new.contains("call_title") { #expect(incremental.kept.count > incremental.files.count / 2, "\(new)") }
        }
    }
}

/// The model JSON's element texts kept between runs: a damaged or another generator's file is not used;
/// the digest tells apart trees whose keys and values alone would mix alike.
@Suite struct ModelJSONElementCacheTests {
    @Test func aDamagedOrForeignFileIsNotUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-mj-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let api = APIDescription(resources: [Resource(name: "Users", title: "Users"), Resource(name: "Pets", title: "Pets")])
        let make = { (salt: String) in ModelJSONElementCache(folder: folder, salt: salt, writes: true) { ContextDigest.of($0) } }
        let fresh = try api.jsonData()
        let first = make("a")
        #expect(Data(try api.jsonChunks(cache: first).joined) == fresh)
        first.commit()
        let second = make("a")
        #expect(Data(try api.jsonChunks(cache: second).joined) == fresh)
        #expect(second.encodedCount == 0)
        let foreign = make("b")
        _ = try api.jsonChunks(cache: foreign)
        #expect(foreign.encodedCount == 2)
        // One byte of a text changed: its record's checksum fails, and it (with any record after it) is encoded afresh.
        let path = folder + "/" + ModelJSONElementCache.fileName
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("Users".utf8)
        let at = bytes.indices.first { Array(bytes[$0..<min($0 + name.count, bytes.count)]) == name }!
        bytes[at] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = make("a")
        #expect(Data(try api.jsonChunks(cache: damaged).joined) == fresh)
        #expect(damaged.encodedCount >= 1)
    }

    /// A run appends only the elements it encoded; a record cut short (a run stopped while appending) is
    /// not used, and the next append replaces it.
    @Test func changedElementsAreAppendedAndATornRecordIsDropped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-mja-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let make = { ModelJSONElementCache(folder: folder, salt: "a", writes: true) { ContextDigest.of($0) } }
        var api = APIDescription(resources: [Resource(name: "Users", title: "Users"), Resource(name: "Pets", title: "Pets")])
        let first = make()
        _ = try api.jsonChunks(cache: first)
        first.commit()
        let path = folder + "/" + ModelJSONElementCache.fileName
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        api.resources[1].title = "Pets and their owners"
        let second = make()
        #expect(Data(try api.jsonChunks(cache: second).joined) == (try api.jsonData()))
        #expect(second.encodedCount == 1)
        second.commit()
        let appended = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(appended.count > written.count && appended.prefix(written.count) == written)
        try appended.prefix(appended.count - 3).write(to: URL(fileURLWithPath: path))
        let third = make()
        #expect(Data(try api.jsonChunks(cache: third).joined) == (try api.jsonData()))
        #expect(third.encodedCount == 1)
        third.commit()
        let fourth = make()
        #expect(Data(try api.jsonChunks(cache: fourth).joined) == (try api.jsonData()))
        #expect(fourth.encodedCount == 0)
    }

    /// A run with no usable file streams its texts (more than one write's worth here) to a temporary file,
    /// put in place by `commit`; a run that stops first leaves no file.
    @Test func aFirstRunStreamsItsTextsAndAStoppedRunLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-mjs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let make = { ModelJSONElementCache(folder: folder, salt: "a", writes: true) { ContextDigest.of($0) } }
        let api = APIDescription(resources: (0..<3000).map { Resource(name: "R\($0)", title: String(repeating: "t", count: 400)) })
        let stopped = make()
        _ = try api.jsonChunks(cache: stopped)
        #expect(stopped.encodedCount == 3000)
        stopped.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let first = make()
        _ = try api.jsonChunks(cache: first)
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + ModelJSONElementCache.fileName))
        first.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [ModelJSONElementCache.fileName])
        let second = make()
        #expect(Data(try api.jsonChunks(cache: second).joined) == (try api.jsonData()))
        #expect(second.encodedCount == 0)
    }

    /// The digests taken once for the model JSON and the Swift files' keys give the model JSON's bytes.
    @Test func sharedElementDigestsGiveTheSameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-mjd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let api = APIDescription(resources: [Resource(name: "Users", title: "Users"), Resource(name: "Pets", title: "Pets")])
        let make = { ModelJSONElementCache(folder: folder, salt: "a", writes: true) { ContextDigest.of($0) } }
        let first = make()
        #expect(Data(try api.jsonChunks(cache: first, digests: ElementDigests.of(api)).joined) == (try api.jsonData()))
        first.commit()
        var changed = api
        changed.resources[0].description = "People."
        let second = make()
        #expect(Data(try changed.jsonChunks(cache: second, digests: ElementDigests.of(changed)).joined) == (try changed.jsonData()))
        #expect(second.encodedCount == 1)
    }

    struct Inner: Encodable { var b: Int? }
    struct Outer: Encodable { var a: Inner; var b: Int? }

    @Test func keysAreMixedWithTheirDepth() {
        #expect(ContextDigest.of(Outer(a: Inner(b: nil), b: 1)) != ContextDigest.of(Outer(a: Inner(b: 1), b: nil)))
    }
}

/// Pages read by an earlier run come from the page cache in the output folder: the same model and the
/// same diagnostics as reading them; a changed page is read again; entries no longer used go.
@Suite struct PageCacheTests {
    func run(_ pages: String, cache: PageCache?) -> (APIDescription, [String]) {
        var pipeline = GeneratorPipeline()
        pipeline.pageCache = cache
        let collector = RecordingCollector()
        let result = pipeline.model(from: [pages], diagnostics: collector)
        cache?.commit(result.pageCacheUpdate)
        return (result.api, collector.sorted.map(\.description))
    }

    @Test func cachedPagesGiveTheSameModelAndDiagnostics() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-pages-\(UUID().uuidString)").path
        let docs = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(at: docs) }
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("input-docs"), to: docs)
        let cache = PageCache(outputDirectory: out, options: GeneratorPipeline().readingOptions, writes: true)
        let fresh = run(docs.path, cache: nil)
        #expect(!fresh.1.isEmpty)
        let first = run(docs.path, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: out + "/.docs2swift-cache/pages")
        #expect(entries.count == 9)
        let second = run(docs.path, cache: cache)
        #expect(first.0 == fresh.0 && second.0 == fresh.0)
        #expect(first.1 == fresh.1 && second.1 == fresh.1)

        // One page changed: it is read again (its old entry goes, a new one comes), the others are not.
        let page = docs.appendingPathComponent("000_c829d6fb4bacecba.txt")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "| `call_name` | string |  |", with: "| `call_title` | string |  |")
            .write(to: page, atomically: true, encoding: .utf8)
        let edited = run(docs.path, cache: cache)
        let reread = run(docs.path, cache: nil)
        #expect(edited.0 == reread.0)
        #expect(edited.1 == reread.1)
        let after = try FileManager.default.contentsOfDirectory(atPath: out + "/.docs2swift-cache/pages")
        #expect(after.count == 9)
        #expect(Set(after).intersection(entries).count == 8)

        // Damaged entries (cut short, bytes changed) are read afresh, never trusted nor a crash.
        let folder = out + "/.docs2swift-cache/pages/"
        for (i, name) in after.sorted().enumerated() {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + name)))
            if i % 2 == 0 { bytes = Array(bytes.prefix(bytes.count / 2)) } else { for j in stride(from: 7, to: bytes.count, by: 97) { bytes[j] ^= 0x5A } }
            try Data(bytes).write(to: URL(fileURLWithPath: folder + name))
        }
        // The hoisting record too (`HoistingRecord`): cut short, it is not used.
        let record = out + "/.docs2swift-cache/hoisting.bin"
        let recordBytes = try Data(contentsOf: URL(fileURLWithPath: record))
        try recordBytes.prefix(recordBytes.count - 9).write(to: URL(fileURLWithPath: record))
        let damaged = run(docs.path, cache: PageCache(outputDirectory: out, options: GeneratorPipeline().readingOptions, writes: false))
        #expect(damaged.0 == reread.0)

        // A page whose checksum the run took already (`checksums`, from the fingerprint) is found in the
        // cache without being read: here its bytes on disk are not those of the checksum, and the entry
        // of the checksum's bytes is what the run uses.
        try text.write(to: page, atomically: true, encoding: .utf8)
        let original = run(docs.path, cache: cache)
        #expect(original.0 == fresh.0)
        let path = RelativePath.fromWorkingDirectory(page.path)
        var known = cache
        known.checksums = [path: Data(text.utf8).withUnsafeBytes { WordHash.checksum($0) }]
        try text.replacingOccurrences(of: "| `call_name` | string |  |", with: "| `call_title` | string |  |")
            .write(to: page, atomically: true, encoding: .utf8)
        #expect(run(docs.path, cache: known).0 == fresh.0)
        #expect(run(docs.path, cache: cache).0 == reread.0)

        // A cache that does not write (`--check`) adds and removes nothing.
        try text.write(to: page, atomically: true, encoding: .utf8)
        _ = run(docs.path, cache: PageCache(outputDirectory: out, options: GeneratorPipeline().readingOptions, writes: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/.docs2swift-cache/pages").sorted() == after.sorted())
    }
}
