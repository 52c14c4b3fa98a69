import APIModel
import DocTree
import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML) with OpenAPIKit into the intermediate model,
/// so a spec can be diffed against docs (`docs2swift diff spec.yaml docs/`).
///
/// For example: `components/schemas/User` becomes `Schema(name: "User")`; `allOf: [$ref]` with one
/// member becomes the reference; `oneOf: [X, NullEnum]` becomes a nullable `X`.
public struct OpenAPIImporter: Sendable {
    public init() {}

    public enum ImportError: Error, CustomStringConvertible {
        case unreadable(String)
        case invalid(String, String)
        public var description: String {
            switch self {
            case .unreadable(let p): return "\(p): error: cannot read file"
            case .invalid(let p, let m): return "\(p): error: not an OpenAPI 3.0/3.1 document: \(m)"
            }
        }
    }

    /// Whether `data` contains the UTF-8 bytes of `needle`.
    static func bytes(_ data: Data, contain needle: String) -> Bool {
        let n = Array(needle.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard let first = n.first, raw.count >= n.count else { return false }
            var i = 0
            while i <= raw.count - n.count {
                if raw[i] == first, memcmp(raw.baseAddress! + i, n, n.count) == 0 { return true }
                i += 1
            }
            return false
        }
    }

    /// True when the file looks like an OpenAPI document: an `openapi` key at the top level of a YAML
    /// file or anywhere in a JSON one, wherever it comes (a document with sorted keys, as docs2swift
    /// writes, has it after `components`).
    ///
    /// For example: `{"components": {…}, "info": {…}, "openapi": "3.1.0", "paths": {…}}` is one, and so
    /// is YAML with `components:` first and `openapi: 3.0.1` after it.
    public static func looksLikeOpenAPI(_ data: Data) -> Bool {
        // A top-level `openapi:` line anywhere: generated documents often sort their keys, and put it
        // after all of `components` (Twilio's, 6,678 lines down).
        if data.starts(with: "openapi:".utf8) || bytes(data, contain: "\nopenapi:") { return true }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace }).hasPrefix("{") else { return false }
        return valueStart(of: "openapi", in: data) != nil
    }

    /// The string value of the first `"key": "…"` in the bytes (escapes are not read), if it is a string.
    ///
    /// For example: `{"openapi" : "3.1.0"}` gives `3.1.0` for `openapi`.
    static func jsonValue(of key: String, in data: Data) -> String? {
        let quote = UInt8(ascii: "\"")
        guard let start = valueStart(of: key, in: data) else { return nil }
        let bytes = [UInt8](data.dropFirst(start).prefix(64))
        guard bytes.first == quote, let end = bytes.dropFirst().firstIndex(of: quote) else { return nil }
        return String(decoding: bytes[1..<end], as: UTF8.self)
    }

    /// The offset of the value after the first `"key"` and its colon (blanks skipped), or nil.
    static func valueStart(of key: String, in data: Data) -> Int? {
        let needle = Array("\"\(key)\"".utf8)
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            guard raw.count >= needle.count else { return nil }
            var i = 0
            while i <= raw.count - needle.count {
                if raw[i] == needle[0], memcmp(raw.baseAddress! + i, needle, needle.count) == 0 {
                    var j = i + needle.count
                    while j < raw.count, blank(raw[j]) { j += 1 }
                    if j < raw.count, raw[j] == UInt8(ascii: ":") {
                        j += 1
                        while j < raw.count, blank(raw[j]) { j += 1 }
                        return j
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// The document's API; a path item that does not decode is left out with a warning in `diagnostics`.
    public func load(_ path: String, diagnostics: DiagnosticCollector? = nil) throws -> APIDescription {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(path) }
        return try load(data, path: path, diagnostics: diagnostics)
    }

    /// `load(path)` for a document already read (a caller that looked at its bytes to recognise it).
    ///
    /// For example: `try OpenAPIImporter().load(data, path: "openapi.yaml", diagnostics: collector)`.
    public func load(_ data: Data, path: String, diagnostics: DiagnosticCollector? = nil) throws -> APIDescription {
        let text = String(decoding: data, as: UTF8.self)
        // Byte searches: Foundation's `String.contains` converts the 4 MB text to UTF-16 for each call.
        let yaml31: Bool = ["openapi: 3.1", "openapi: \"3.1", "openapi: '3.1"].contains { Self.bytes(data, contain: $0) }
        let json31: Bool = Self.jsonValue(of: "openapi", in: data)?.hasPrefix("3.1") ?? false
        let is31 = yaml31 || json31
        let document: OpenAPIKit.OpenAPI.Document
        // The model keeps no `x-` extensions; not decoding them skips OpenAPIKit's re-decoding of every
        // object as `AnyCodable` (most of the decoding time on a large spec).
        // (OpenAPIKit and OpenAPIKit30 name the same key.)
        var userInfo: [CodingUserInfoKey: any Sendable] = [:]
        userInfo[OpenAPIKit.VendorExtensionsConfiguration.enabledKey] = false
        userInfo[OpenAPIKit30.VendorExtensionsConfiguration.enabledKey] = false
        // JSON documents too go through the YAML tree (JSON is YAML): it keeps the keys in document
        // order, where Foundation's JSONDecoder lists an object's keys in hash order, different in every
        // process, and OpenAPIKit's ordered maps (properties, paths) take that order: the same document
        // gave models with their properties in another order on each run.
        let hasMergeKeys = Self.bytes(data, contain: "<<:")
        var skipped: [DocumentSplitDecoding.SkippedPath] = []
        do {
            switch (is31, hasMergeKeys) {
            case (true, true):
                document = try YAMLNodeDecoder.decode(OpenAPIKit.OpenAPI.Document.self, from: text, hasMergeKeys: true, userInfo: userInfo)
            case (false, true):
                document = try YAMLNodeDecoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: text, hasMergeKeys: true, userInfo: userInfo)
                    .convert(to: .v3_1_0)
            case (true, false):
                (document, skipped) = try DocumentSplitDecoding.document31(from: text, userInfo: userInfo)
            case (false, false):
                (document, skipped) = try DocumentSplitDecoding.document30(from: text, userInfo: userInfo)
            }
        } catch {
            throw ImportError.invalid(path, String(describing: error).prefix(300).description)
        }
        for s in skipped {
            diagnostics?.warning("path '\(s.path)' left out: \(s.reason.prefix(300))", at: SourceLocation(file: path, line: s.line))
        }
        return convert(document, file: path)
    }

    /// One endpoint of a path item as an operation of the model.
    func operation(_ endpoint: OpenAPIKit.OpenAPI.PathItem.Endpoint, at path: OpenAPIKit.OpenAPI.Path, in item: OpenAPIKit.OpenAPI.PathItem,
                   doc: OpenAPIKit.OpenAPI.Document, file: String) -> APIModel.Operation {
        let op = endpoint.operation
        let tag = op.tags?.first ?? "default"
        var parameters: [Parameter] = []
        for p in item.parameters + op.parameters {
            let resolved: OpenAPIKit.OpenAPI.Parameter?
            switch p {
            case .b(let param): resolved = param
            case .a(let ref):
                resolved = ref.name.flatMap { OpenAPIKit.OpenAPI.ComponentKey(rawValue: $0) }
                    .flatMap { doc.components.parameters[$0] }.flatMap { $0.b }
            }
            guard let param = resolved else { continue }
            let location: Parameter.Location
            switch param.location {
            case .path: location = .path
            case .query: location = .query
            case .header: location = .header
            default: continue
            }
            var type = TypeRef.string
            var enumValues: [String]?
            if case .a(let schemaContext) = param.schemaOrContent {
                switch schemaContext.schema {
                case .a(let ref):
                    // A parameter typed by a named enum schema: a string with its values.
                    let named = ref.name.flatMap { OpenAPIKit.OpenAPI.ComponentKey(rawValue: $0) }.flatMap { doc.components.schemas[$0] }
                    if let named, let values = self.enumValues(named) {
                        type = .string
                        enumValues = values
                    } else if let named {
                        type = self.type(named)
                    } else {
                        type = .any
                    }
                case .b(let schema):
                    type = self.type(schema)
                    enumValues = self.enumValues(schema)
                }
            }
            parameters.append(Parameter(name: param.name, location: location, type: type, required: param.required,
                                        description: param.description ?? "", enumValues: enumValues))
        }
        var body: RequestBody?
        if case .b(let request)? = op.requestBody, let (contentType, content) = preferredContent(request.content),
           let schema = content.schema {
            let bodyType = type(schema)
            // Same convention as the docs extractor: a body with a binary field is sent as multipart.
            let multipart = request.content.keys.contains { $0.rawValue == "multipart/form-data" } && hasBinary(bodyType, doc: doc)
            body = RequestBody(contentType: multipart ? "multipart/form-data" : contentType, required: request.required, type: bodyType)
        }
        var responses: [Response] = []
        for (status, responseOrRef) in op.responses {
            guard case .b(let response) = responseOrRef else { continue }
            var type: TypeRef?
            var contentType: String?
            if let (ct, content) = preferredContent(response.content), let schema = content.schema {
                type = self.type(schema)
                contentType = ct
            }
            responses.append(Response(status: status.rawValue, description: response.description ?? "", contentType: contentType, type: type))
        }
        let id = op.operationId ?? "\(endpoint.method.rawValue.lowercased())_\(path.rawValue)"
        return APIModel.Operation(
            id: id, swiftName: Naming.memberName(id), resource: tag, method: endpoint.method.rawValue.uppercased(),
            path: path.rawValue, summary: op.summary ?? "", description: op.description ?? "", parameters: parameters,
            requestBody: body, responses: responses, provenance: SourceLocation(file: file, line: 0))
    }

    func convert(_ doc: OpenAPIKit.OpenAPI.Document, file: String) -> APIDescription {
        // Each path's operations on all cores, in the document's order.
        let paths = Array(doc.paths)
        let shared = DocumentSplitDecoding.UnsafeSendable((self, doc, paths))
        let operations = ParallelMap.map(paths.count) { i -> [APIModel.Operation] in
            let (importer, doc, paths) = shared.value
            guard case .b(let item) = paths[i].value else { return [] }
            return item.endpoints.map { importer.operation($0, at: paths[i].key, in: item, doc: doc, file: file) }
        }.flatMap { $0 }
        var resources: [String: Resource] = [:]
        for op in operations where resources[op.resource] == nil {
            resources[op.resource] = Resource(name: op.resource, title: op.resource, provenance: SourceLocation(file: file, line: 0))
        }
        var schemas: [Schema] = []
        // A named schema that is neither an object with fields nor a string enum (an integer enum, an array,
        // a string format, a free-form map, a oneOf of several shapes) is an alias: its uses get its type.
        var aliases: [String: TypeRef] = [:]
        let named = Array(doc.components.schemas)
        let converted = ParallelMap.map(named.count) { i -> (Schema?, TypeRef?) in
            let (importer, _, _) = shared.value
            let (name, schema) = (named[i].key.rawValue, named[i].value)
            if let values = importer.enumValues(schema), case .string = schema.value {
                return (Schema(name: name, kind: .enumeration, enumValues: values), nil)
            }
            let type = importer.type(schema, topLevel: true)
            if case .object(let fields) = type { return (Schema(name: name, kind: .object, fields: fields), nil) }
            return (nil, type)
        }
        for (i, (schema, alias)) in converted.enumerated() {
            if let schema { schemas.append(schema) } else if let alias { aliases[named[i].key.rawValue] = alias }
        }
        var api = APIDescription(title: doc.info.title, version: doc.info.version,
                                 resources: resources.values.sorted { $0.name < $1.name },
                                 operations: operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) },
                                 schemas: schemas.sorted { $0.name < $1.name })
        Self.inline(aliases, known: Set(schemas.map(\.name)), in: &api)
        let typeNames = Self.swiftTypeNames(api.schemas.map(\.name))
        if typeNames.contains(where: { $0.key != $0.value }) { api = api.renamingTypes { typeNames[$0] ?? $0 } }
        Self.assignForGeneration(&api)
        return api
    }

    /// Swift type names for the document's component keys: an UpperCamelCase key stays; any other
    /// (`api.v2010.account` and `account_enum_status` in Twilio's documents, a keyword, a name the
    /// runtime takes) becomes `Naming.typeName` of it, numbered when that is taken.
    ///
    /// For example: `["api.v2010.account", "account_enum_status", "Pet"]` gives `ApiV2010Account`,
    /// `AccountEnumStatus` and `Pet`.
    static func swiftTypeNames(_ keys: [String]) -> [String: String] {
        var names: [String: String] = [:]
        var used = Set<String>()
        for key in keys where isTypeName(key) {
            names[key] = key
            used.insert(key.lowercased())
        }
        for key in keys where names[key] == nil {
            let base = Naming.typeName(key)
            var (name, n) = (base, 2)
            while used.contains(name.lowercased()) { (name, n) = ("\(base)\(n)", n + 1) }
            used.insert(name.lowercased())
            names[key] = name
        }
        return names
    }

    /// ASCII letters and digits, an upper-case letter first, not a name the runtime takes.
    static func isTypeName(_ s: String) -> Bool {
        guard let first = s.utf8.first, (0x41...0x5A).contains(first) else { return false }
        return s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            && !Naming.reservedTypeNames.contains(s)
    }

    /// Replaces every reference to an alias schema with the alias's type (an alias of an alias too;
    /// a cycle of aliases, which has no finite type, becomes `any`), and a reference to a schema the
    /// document does not define (`$ref: '#/components/schemas/oas_any_type_not_mapped'`) with `any`.
    static func inline(_ aliases: [String: TypeRef], known: Set<String>, in api: inout APIDescription) {
        func resolve(_ t: TypeRef, _ depth: Int = 0) -> TypeRef {
            switch t {
            case .ref(let name):
                guard let alias = aliases[name] else { return known.contains(name) ? t : .any }
                return depth < 16 ? resolve(alias, depth + 1) : .any
            case .array(let items): return .array(resolve(items, depth))
            case .map(let values): return .map(resolve(values, depth))
            case .object(let fields): return .object(fields.map { var f = $0; f.type = resolve(f.type, depth); return f })
            case .primitive, .any: return t
            }
        }
        for i in api.operations.indices {
            for p in api.operations[i].parameters.indices {
                api.operations[i].parameters[p].type = resolve(api.operations[i].parameters[p].type)
            }
            if let body = api.operations[i].requestBody { api.operations[i].requestBody?.type = resolve(body.type) }
            for r in api.operations[i].responses.indices {
                api.operations[i].responses[r].type = api.operations[i].responses[r].type.map { resolve($0) }
            }
        }
        for s in api.schemas.indices {
            for f in api.schemas[s].fields.indices { api.schemas[s].fields[f].type = resolve(api.schemas[s].fields[f].type) }
        }
    }

    /// Makes an imported spec ready for the Swift emitters: resource (tag) names become unique Swift
    /// identifiers, operation ids Swift method names, and each named schema is filed under the first
    /// resource that uses it (the rest under the first resource).
    static func assignForGeneration(_ api: inout APIDescription) {
        var resourceNames: [String: String] = [:]
        var used: Set<String> = []
        for i in api.resources.indices {
            let base = Naming.typeName(api.resources[i].name)
            var name = base
            var n = 2
            while used.contains(name.lowercased()) { name = "\(base)\(n)"; n += 1 }
            used.insert(name.lowercased())
            resourceNames[api.resources[i].name] = name
            api.resources[i].name = name
        }
        var methodNames: Set<String> = []
        var owner: [String: String] = [:]
        func visit(_ t: TypeRef, _ resource: String, _ schemas: [String: Schema], depth: Int = 0) {
            guard depth < 16 else { return }
            switch t {
            case .ref(let n):
                guard owner[n] == nil else { return }
                owner[n] = resource
                for f in schemas[n]?.fields ?? [] { visit(f.type, resource, schemas, depth: depth + 1) }
            case .array(let i), .map(let i): visit(i, resource, schemas, depth: depth + 1)
            case .object(let fs): for f in fs { visit(f.type, resource, schemas, depth: depth + 1) }
            default: break
            }
        }
        let byName = Dictionary(api.schemas.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for i in api.operations.indices {
            api.operations[i].resource = resourceNames[api.operations[i].resource] ?? api.operations[i].resource
            var name = Naming.memberName(api.operations[i].id)
            let base = name
            var n = 2
            while methodNames.contains(name.lowercased()) || Naming.keywords.contains(name) { name = "\(base)\(n)"; n += 1 }
            methodNames.insert(name.lowercased())
            api.operations[i].swiftName = name
            let op = api.operations[i]
            for t in (op.requestBody.map { [$0.type] } ?? []) + op.responses.compactMap(\.type) + op.parameters.map(\.type) {
                visit(t, op.resource, byName)
            }
        }
        let fallback = api.resources.first?.name ?? "Shared"
        for i in api.schemas.indices { api.schemas[i].resource = owner[api.schemas[i].name] ?? fallback }
    }

    func hasBinary(_ t: TypeRef, doc: OpenAPIKit.OpenAPI.Document) -> Bool {
        switch t {
        case .primitive(.string, "binary"): return true
        case .array(let i): return hasBinary(i, doc: doc)
        case .object(let fs): return fs.contains { hasBinary($0.type, doc: doc) }
        case .ref(let n):
            guard let key = OpenAPIKit.OpenAPI.ComponentKey(rawValue: n), let s = doc.components.schemas[key],
                  case .object(let fs) = type(s) else { return false }
            return fs.contains { if case .primitive(.string, "binary") = $0.type { return true } else { return false } }
        default: return false
        }
    }

    func preferredContent(_ map: OpenAPIKit.OpenAPI.Content.Map) -> (String, OpenAPIKit.OpenAPI.Content)? {
        var fallback: (String, OpenAPIKit.OpenAPI.Content)?
        for (ct, contentOrRef) in map {
            guard case .b(let content) = contentOrRef else { continue }
            if ct.rawValue.contains("json") { return (ct.rawValue, content) }
            if fallback == nil { fallback = (ct.rawValue, content) }
        }
        return fallback
    }

    func enumValues(_ schema: OpenAPIKit.JSONSchema) -> [String]? {
        if case .array(_, let array) = schema.value, let items = array.items { return enumValues(items) }
        guard let values = schema.allowedValues, !values.isEmpty else { return nil }
        return values.compactMap { $0.value as? String }
    }

    /// The model type of a schema. Named schemas stay references; object schemas inline their fields.
    func type(_ schema: OpenAPIKit.JSONSchema, topLevel: Bool = false) -> TypeRef {
        switch schema.value {
        case .reference(let ref, _):
            return ref.name.map { .ref($0) } ?? .any
        case .boolean:
            return .boolean
        case .integer(let core, _):
            return .primitive(.integer, format: core.format.rawValue.isEmpty ? nil : core.format.rawValue)
        case .number(let core, _):
            return .primitive(.number, format: core.format.rawValue.isEmpty ? nil : core.format.rawValue)
        case .string(let core, _):
            return .primitive(.string, format: core.format.rawValue.isEmpty ? nil : core.format.rawValue)
        case .array(_, let array):
            return .array(array.items.map { type($0) } ?? .any)
        case .object(_, let object):
            if object.properties.isEmpty {
                if case .b(let values)? = object.additionalProperties { return .map(type(values)) }
                return .map(.any)
            }
            return .object(object.properties.map { name, sub in
                Field(name: name, type: type(sub), required: sub.required, nullable: sub.nullable,
                      readOnly: sub.readOnly, description: sub.description ?? "", enumValues: enumValues(sub))
            })
        case .all(let members, _), .one(let members, _), .any(let members, _):
            let meaningful = members.filter { !isNullish($0) }
            if meaningful.count == 1 { return type(meaningful[0]) }
            return .any
        case .null, .not, .fragment:
            return .any
        }
    }

    /// `NullEnum` / `BlankEnum` style members of a oneOf, and `type: null`.
    func isNullish(_ schema: OpenAPIKit.JSONSchema) -> Bool {
        if case .null = schema.value { return true }
        if case .reference(let ref, _) = schema.value, let n = ref.name { return n == "NullEnum" || n == "BlankEnum" }
        return false
    }
}
