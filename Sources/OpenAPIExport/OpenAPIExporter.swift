import APIModel
import Foundation
import OpenAPIKit
import Yams

/// Exports the model as an OpenAPI 3.1 document with OpenAPIKit: paths, parameters, request
/// bodies, responses per status, and named schemas under `components/schemas`.
///
/// For example: `try OpenAPIExporter().data(api, yaml: false)` gives sorted-key JSON.
public struct OpenAPIExporter: Sendable {
    public init() {}

    public func document(_ api: APIDescription) -> OpenAPI.Document {
        var paths = OpenAPI.PathItem.Map()
        let byPath = Dictionary(grouping: api.operations, by: \.path)
        for path in byPath.keys.sorted() {
            var item = OpenAPI.PathItem()
            for op in byPath[path]! {
                let operation = operationObject(op, api: api)
                switch op.method {
                case "GET": item.get(operation)
                case "PUT": item.put(operation)
                case "POST": item.post(operation)
                case "DELETE": item.delete(operation)
                case "PATCH": item.patch(operation)
                case "HEAD": item.head(operation)
                case "OPTIONS": item.options(operation)
                case "TRACE": item.trace(operation)
                default: continue
                }
            }
            paths[OpenAPI.Path(rawValue: path)] = .b(item)
        }
        var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
        for schema in api.schemas {
            guard let key = OpenAPI.ComponentKey(rawValue: schema.name) else { continue }
            schemas[key] = namedSchema(schema)
        }
        let tags = api.resources.map { OpenAPI.Tag(name: $0.name, description: $0.title) }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(title: api.title, version: api.version),
            servers: servers(api),
            paths: paths,
            components: .init(schemas: schemas),
            tags: tags.isEmpty ? nil : tags)
    }

    /// The model's base URL (the host the pages' signatures were written with) as the one server;
    /// none when the pages named no host or it is not a URL.
    ///
    /// For example: `baseURL` `https://api.geocod.io` → `servers: [{url: https://api.geocod.io}]`.
    func servers(_ api: APIDescription) -> [OpenAPI.Server] {
        guard let base = api.baseURL, !base.isEmpty, let url = URL(string: base), url.scheme != nil, url.host != nil else { return [] }
        return [OpenAPI.Server(url: url)]
    }

    /// The document as JSON (sorted keys) or YAML.
    public func data(_ api: APIDescription, yaml: Bool) throws -> Data {
        let doc = document(api)
        if yaml {
            let encoder = YAMLEncoder()
            encoder.options.sortKeys = true
            return Data(try encoder.encode(doc).utf8)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }

    func operationObject(_ op: APIModel.Operation, api: APIDescription) -> OpenAPI.Operation {
        var params: OpenAPI.Parameter.Array = []
        for p in op.parameters {
            let schema = self.schema(p.type, required: true, enumValues: p.enumValues)
            let context: OpenAPI.Parameter.Context
            switch p.location {
            case .path: context = .path(schema: schema)
            case .query: context = .query(required: p.required, schema: schema)
            case .header: context = .header(required: p.required, schema: schema)
            }
            params.append(.b(OpenAPI.Parameter(name: p.name, context: context, description: p.description.isEmpty ? nil : p.description)))
        }
        var responses = OpenAPI.Response.Map()
        for r in op.responses {
            var content = OpenAPI.Content.Map()
            if let t = r.type {
                content[OpenAPI.ContentType(rawValue: r.contentType ?? "application/json") ?? .json] = .b(OpenAPI.Content(schema: schema(t, required: true)))
            }
            let status = OpenAPI.Response.StatusCode(rawValue: r.status) ?? .default
            responses[status] = .b(OpenAPI.Response(description: r.description.isEmpty ? (r.type == nil ? "No response body" : "Success") : r.description,
                                                    content: content))
        }
        var body: OpenAPI.Request?
        if let b = op.requestBody {
            body = OpenAPI.Request(content: [OpenAPI.ContentType(rawValue: b.contentType) ?? .json: .b(OpenAPI.Content(schema: schema(b.type, required: true)))],
                                   required: b.required)
        }
        return OpenAPI.Operation(
            tags: [op.resource], summary: op.summary.isEmpty ? nil : op.summary,
            description: op.description.isEmpty ? nil : op.description, operationId: op.id,
            parameters: params, requestBody: body, responses: responses)
    }

    func namedSchema(_ s: Schema) -> JSONSchema {
        switch s.kind {
        case .enumeration:
            return .string(allowedValues: s.enumValues.map { AnyCodable($0) })
        case .object:
            return objectSchema(s.fields, title: s.name)
        }
    }

    func objectSchema(_ fields: [Field], title: String? = nil, required: Bool = true) -> JSONSchema {
        var props = OrderedDictionary<String, JSONSchema>()
        for f in fields {
            props[f.name] = schema(f.type, required: f.required, nullable: f.nullable, description: f.description, enumValues: f.enumValues)
        }
        return .object(required: required, title: title, properties: props)
    }

    func schema(_ type: TypeRef, required: Bool, nullable: Bool = false, description: String = "", enumValues: [String]? = nil) -> JSONSchema {
        let desc = description.isEmpty ? nil : description
        let allowed = enumValues?.map { AnyCodable($0) }
        switch type {
        case .primitive(.string, let f):
            return .string(format: f.map { JSONTypeFormat.StringFormat(rawValue: $0) ?? .other($0) } ?? .unspecified, required: required,
                           nullable: nullable, description: desc, allowedValues: allowed)
        case .primitive(.integer, let f):
            return .integer(format: f.map { JSONTypeFormat.IntegerFormat(rawValue: $0) ?? .other($0) } ?? .unspecified, required: required,
                            nullable: nullable, description: desc)
        case .primitive(.number, let f):
            return .number(format: f.map { JSONTypeFormat.NumberFormat(rawValue: $0) ?? .other($0) } ?? .unspecified, required: required,
                           nullable: nullable, description: desc)
        case .primitive(.boolean, _):
            return .boolean(required: required, nullable: nullable, description: desc)
        case .array(let inner):
            return .array(required: required, nullable: nullable, description: desc, items: schema(inner, required: true))
        case .object(let fields):
            return objectSchema(fields, required: required)
        case .map(let inner):
            let values: JSONSchema = inner == .any ? .fragment(required: true) : schema(inner, required: true)
            return .object(required: required, nullable: nullable, description: desc, additionalProperties: .b(values))
        case .any:
            return .fragment(required: required, nullable: nullable, description: desc)
        case .ref(let name):
            return .reference(.component(named: name), required: required, description: desc)
        }
    }
}
