import APIModel
import DocTree

// The order each type of a page-cache entry writes and reads its properties in (`PageCacheBytes`).
// A property added to one of these types is added here too, and `PageCacheBytes.magic` changed;
// `PageCacheBytesTests` fails until it is.
//
// For example: a `Field` is its name, type, required, nullable and read-only flags, description, enum
// values and provenance, in that order.

extension PageCache.Entry: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(format: try r.read(), reason: try r.read(), extraction: try r.read(), sections: try r.read(), diagnostics: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(format); w.write(reason); w.write(extraction); w.write(sections); w.write(diagnostics)
    }
}

extension InputFile.Format: PageCacheCodable {}

extension SectionIndex.Start: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(line: try r.read(), rank: try r.read(), name: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(line); w.write(rank); w.write(name) }
}

extension Diagnostic: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(try r.read(), try r.read(), at: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(severity); w.write(message); w.write(location) }
}

extension Diagnostic.Severity: PageCacheCodable {}

extension SourceLocation: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(file: try r.read(), line: try r.read(), column: try r.read(), section: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(file); w.write(line); w.write(column); w.write(section) }
}

extension PageExtraction: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(resource: try r.read(), operations: try r.read(), dialect: try r.read(), reason: try r.read())
        baseURL = try r.read()
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(resource); w.write(operations); w.write(dialect); w.write(reason); w.write(baseURL)
    }
}

extension Resource: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(name: try r.read(), title: try r.read(), description: try r.read(), provenance: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(name); w.write(title); w.write(description); w.write(provenance) }
}

extension Operation: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(id: try r.read(), swiftName: try r.read(), resource: try r.read(), method: try r.read(), path: try r.read(),
                  summary: try r.read(), description: try r.read(), parameters: try r.read(), requestBody: try r.read(),
                  responses: try r.read(), errorCodes: try r.read(), authorization: try r.read(), examples: try r.read(),
                  provenance: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(id); w.write(swiftName); w.write(resource); w.write(method); w.write(path)
        w.write(summary); w.write(description); w.write(parameters); w.write(requestBody)
        w.write(responses); w.write(errorCodes); w.write(authorization); w.write(examples)
        w.write(provenance)
    }
}

extension Parameter: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(name: try r.read(), location: try r.read(), type: try r.read(), required: try r.read(), description: try r.read(),
                  enumValues: try r.read(), provenance: try r.read(), example: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(name); w.write(location); w.write(type); w.write(required); w.write(description)
        w.write(enumValues); w.write(provenance); w.write(example)
    }
}

extension Parameter.Location: PageCacheCodable {}

extension RequestBody: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(contentType: try r.read(), required: try r.read(), type: try r.read(), documentedName: try r.read(),
                  provenance: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(contentType); w.write(required); w.write(type); w.write(documentedName); w.write(provenance)
    }
}

extension Response: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(status: try r.read(), description: try r.read(), contentType: try r.read(), type: try r.read(),
                  provenance: try r.read())
        documentedName = try r.read()
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(status); w.write(description); w.write(contentType); w.write(type); w.write(provenance); w.write(documentedName)
    }
}

extension ErrorCode: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(status: try r.read(), code: try r.read(), name: try r.read(), description: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(status); w.write(code); w.write(name); w.write(description) }
}

extension Example: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(kind: try r.read(), language: try r.read(), text: try r.read(), provenance: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) { w.write(kind); w.write(language); w.write(text); w.write(provenance) }
}

extension Field: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        self.init(name: try r.read(), type: try r.read(), required: try r.read(), nullable: try r.read(), readOnly: try r.read(),
                  description: try r.read(), enumValues: try r.read(), provenance: try r.read())
    }
    func write(to w: inout PageCacheBytes.Writer) {
        w.write(name); w.write(type); w.write(required); w.write(nullable); w.write(readOnly)
        w.write(description); w.write(enumValues); w.write(provenance)
    }
}

/// A case byte (0 primitive, 1 array, 2 object, 3 map, 4 any, 5 ref), then the case's values.
extension TypeRef: PageCacheCodable {
    init(from r: inout PageCacheBytes.Reader) throws {
        r.depth += 1
        defer { r.depth -= 1 }
        guard r.depth <= PageCacheBytes.Reader.maxDepth else { throw PageCacheBytes.Failure(what: "types nested too deep") }
        switch try r.byte() {
        case 0: self = .primitive(try r.read(), format: try r.read())
        case 1: self = .array(try r.read())
        case 2: self = .object(try r.read())
        case 3: self = .map(try r.read())
        case 4: self = .any
        case 5: self = .ref(try r.read())
        default: throw PageCacheBytes.Failure(what: "TypeRef case")
        }
    }
    func write(to w: inout PageCacheBytes.Writer) {
        switch self {
        case .primitive(let kind, let format): w.bytes.append(0); w.write(kind); w.write(format)
        case .array(let items): w.bytes.append(1); w.write(items)
        case .object(let fields): w.bytes.append(2); w.write(fields)
        case .map(let values): w.bytes.append(3); w.write(values)
        case .any: w.bytes.append(4)
        case .ref(let name): w.bytes.append(5); w.write(name)
        }
    }
}

extension TypeRef.Primitive: PageCacheCodable {}
