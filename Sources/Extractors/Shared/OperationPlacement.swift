import APIModel
import DocTree

/// Where each documented name of an operation goes: the path (its documented or declared type), the
/// query (the signature's own keys first), a header, the request body or the response. One rule for
/// every reader: a row's `In` column or caption says; a name the path holds is a path parameter; a
/// parameter nothing places is a body field of a method with a body, else a query parameter; fields
/// that name no side of a GET or HEAD are the answer's; a transport header (`transportHeaders`) is no parameter.
///
/// For example: `POST /pets/{id}` with parameters `id`, `name` → path `id`, request field `name`;
/// `GET /pets?format=(fmt)` with a `:query format:` row → the query parameter `format` described by the row.
extension OperationBuilder {
    /// The placed names of one operation.
    public struct Placement {
        /// The signature, its path with any literal segment a path row names made a placeholder.
        public var signature: Signature
        /// Path parameters (each of the template), query parameters, headers, in that order.
        public var parameters: [Parameter]
        /// Documented request and response body fields, dotted names not yet nested.
        public var requestNames: [DocumentedName]
        public var responseNames: [DocumentedName]
    }

    /// Places what `g` documents for the operation `sig` (at `line`).
    public func place(_ g: Gathered, signature sig: Signature, line: Int) -> Placement {
        let loc = location(line)
        var sig = sig
        // A URL-parameter row naming a literal segment (`/api/APITOKEN/x` with row `APITOKEN`) makes it a placeholder.
        for (n, context) in g.names where context == .path || n.location == "path" {
            // A path that has the placeholder already keeps its literal word (`/resource/id/{id}`).
            let segments = sig.path.split(separator: "/", omittingEmptySubsequences: false)
            if segments.contains(where: { $0 == n.name }), !segments.contains(where: { $0 == "{\(n.name)}" }) {
                sig.path = segments.map { $0 == n.name ? "{\(n.name)}" : String($0) }.joined(separator: "/")
            }
        }
        let pathNames = PathTemplate.parameterNames(sig.path)
        var pathDocs: [String: DocumentedName] = [:]
        var queryNames: [DocumentedName] = []
        var headerParams: [Parameter] = []
        var requestNames: [DocumentedName] = []
        var responseNames: [DocumentedName] = []
        // A parameter list naming a query parameter the signature shows (`POST /x/test?uid=…` over a
        // `uid`, `name` table), with no request body shown but a JSON-RPC call: the query's parameters.
        let queryList = g.names.contains { $0.1 == .parameters && $0.0.location == nil && sig.queryNames.contains($0.0.name) }
            && !g.examples.contains { $0.kind == .request && !Self.isJSONRPCCall($0) }
        for (n, context) in g.names {
            var place = context
            if n.location == Self.bodyByExamples {
                place = Self.bodyPlace(n.name, g, method: sig.method)
            } else if let where_ = n.location {
                switch where_ {
                case "path": place = .path
                case "query": place = .query
                case "header": place = .header
                case "body", "form": place = .requestFields
                case "url": place = .path
                default: place = .ignored
                }
            }
            if place == .parameters || place == .requestFields || place == .query {
                if pathNames.contains(where: { $0.lowercased() == n.name.lowercased() }) { place = .path }
            }
            if place == .parameters { place = Self.bodyMethods.contains(sig.method) && !queryList ? .requestFields : .query }
            // Fields under a caption that does not say whose they are (`Fields descriptions:`, `Body`) of
            // a GET or HEAD: the request has no body, so they are the answer's unless a request example
            // holds them. (A DELETE may send a body: Plausible's `DELETE /sites/custom-props` does.)
            if place == .requestFields, n.location == nil, Self.bodilessMethods.contains(sig.method) {
                place = Self.bodyPlace(n.name, g, method: sig.method)
            }
            // A `URL Parameters` row that is not in the path (Slate's `api_key`, `page`) is in the URL's query.
            if n.location == "url" {
                place = pathNames.contains(where: { $0.lowercased() == n.name.lowercased() }) ? .path : .query
            }
            switch place {
            case .path:
                if let match = pathNames.first(where: { $0.lowercased() == n.name.lowercased() }) {
                    if pathDocs[match] == nil { pathDocs[match] = n }
                } else {
                    diagnostics.warning("path parameter '\(n.name)' is not in the path \(sig.path); not used", at: location(n.line))
                }
            case .query:
                if !queryNames.contains(where: { $0.name == n.name }), !n.name.contains(".") { queryNames.append(n) }
            case .header:
                // `Authorization`, `Accept`, `Content-Type`: credentials and content negotiation, which the
                // client's transport and middleware set (a parameter for them would be overwritten).
                if Self.transportHeaders.contains(n.name.lowercased()) { continue }
                if !headerParams.contains(where: { $0.name.lowercased() == n.name.lowercased() }) { headerParams.append(parameter(n, .header)) }
            case .requestFields:
                // A `body` row whose type names a schema stands for the whole body.
                if n.location == "body", n.name == "body" || n.type == .any { continue }
                if !requestNames.contains(where: { $0.name == n.name }) { requestNames.append(n) }
            case .responseFields:
                if !responseNames.contains(where: { $0.name == n.name }) { responseNames.append(n) }
            case .statuses, .ignored, .parameters:
                break
            }
        }
        var parameters: [Parameter] = []
        for name in pathNames {
            let doc = pathDocs[name]
            // The documented type; for an untyped (or undocumented) one, the type the signature declares (`(int:id)`).
            let type = doc.flatMap { $0.type == .any ? nil : $0.type } ?? g.pathTypes[name]
            var parameter = Self.pathParameter(name, type: type, description: doc?.description ?? "", provenance: doc.map { location($0.line) } ?? loc)
            parameter.example = sig.concreteValues[name]
            parameters.append(parameter)
        }
        // The signature's own query keys first, each described (and, when untyped, typed) by the documented
        // parameter of its name; then the documented ones, but for placeholders inside a key's value.
        var query: [DocumentedName] = []
        for key in g.queryKeys {
            if let k = queryNames.firstIndex(where: { $0.name == key.name }) {
                var q = queryNames.remove(at: k)
                if q.type == .any { q.type = key.type }
                query.append(q)
            } else {
                query.append(key)
            }
        }
        query += queryNames.filter { !g.valuePlaceholders.contains($0.name) }
        var queryParams = query.map { parameter($0, .query) }
        // Names an example URL's query string showed (`?count=2`), when no table documents them.
        for q in sig.queryNames where !queryParams.contains(where: { $0.name == q }) && !pathNames.contains(q) {
            queryParams.append(Parameter(name: q, location: .query, type: .string, required: false, description: "", provenance: loc))
        }
        parameters += queryParams + headerParams
        return Placement(signature: sig, parameters: parameters, requestNames: requestNames, responseNames: responseNames)
    }
}
