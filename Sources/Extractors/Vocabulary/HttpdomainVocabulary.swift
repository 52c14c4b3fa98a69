/// The labels sphinxcontrib-httpdomain renders for its field lists and the example captions httpdomain
/// pages write above their HTTP messages, read by `SphinxSections` (which documents the RST field
/// names behind each label). Keys are lowercased labels without the trailing colon.
///
/// For example: `Response JSON Array of Objects:` → `.responseJSONArray`.
enum HttpdomainVocabulary {
    /// httpdomain's English labels (`doc_field_types`, 1.8 and 2.x), the example captions of pages
    /// written with it (`Example request:`, `**Example Response**`), and its translations.
    static let labels: [String: SphinxSections.Kind] = [
        "example request": .exampleRequest, "example requests": .exampleRequest, "request example": .exampleRequest,
        "sample request": .exampleRequest, "example http request": .exampleRequest, "request": .exampleRequest,
        "example response": .exampleResponse, "example responses": .exampleResponse, "response example": .exampleResponse,
        "sample response": .exampleResponse, "example http response": .exampleResponse,
        "example": .example, "examples": .example, "example usage": .example,
        "request json object": .requestJSON, "request json array of objects": .requestJSONArray,
        "response json object": .responseJSON, "response json array of objects": .responseJSONArray,
        "json parameters": .jsonParameters, "form parameters": .formParameters,
        "query parameters": .queryParameters, "parameters": .parameters,
        "request headers": .requestHeaders, "response headers": .responseHeaders,
        "status codes": .statusCodes, "response": .response,
        // httpdomain's French and Spanish translations (its `locale/*/httpdomain.po`).
        "paramètres": .parameters, "paramètres json": .jsonParameters, "objet json de requête": .requestJSON,
        "tableau d'objets json de requête": .requestJSONArray, "objet json de réponse": .responseJSON,
        "tableau d'objets json de réponse": .responseJSONArray, "paramètres de requête": .queryParameters,
        "paramètres de formulaire": .formParameters, "en-têtes de requête": .requestHeaders,
        "en-têtes de réponse": .responseHeaders, "codes de statut": .statusCodes,
        "exemple de requête": .exampleRequest, "exemple de réponse": .exampleResponse,
        "parámetros": .parameters, "parámetros json": .jsonParameters, "objeto json de solicitud": .requestJSON,
        "lista de objetos json de solicitud": .requestJSONArray, "objeto json de respuesta": .responseJSON,
        "lista de objetos json de respuesta": .responseJSONArray, "parámetros de consulta": .queryParameters,
        "parámetros de formulario": .formParameters, "encabezados de solicitud": .requestHeaders,
        "encabezados de respuesta": .responseHeaders, "códigos de status": .statusCodes,
    ]
}
