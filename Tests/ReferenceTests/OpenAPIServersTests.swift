import APIModel
import Foundation
import OpenAPIExport
import Testing

/// The model's `baseURL` is the OpenAPI document's one server; without one there is none.
@Suite struct OpenAPIServersTests {
    func api(baseURL: String?) -> APIDescription {
        var api = APIDescription(title: "Kittens")
        api.baseURL = baseURL
        return api
    }

    @Test func baseURLBecomesTheServer() throws {
        let json = String(decoding: try OpenAPIExporter().data(api(baseURL: "https://api.example.com"), yaml: false), as: UTF8.self)
        #expect(json.contains("\"servers\""))
        #expect(json.contains("\"url\" : \"https://api.example.com\""))
        #expect(OpenAPIExporter().document(api(baseURL: "https://api.example.com")).servers.map(\.urlTemplate.rawValue) == ["https://api.example.com"])
    }

    @Test func noBaseURLOrNotAURLGivesNoServer() {
        #expect(OpenAPIExporter().document(api(baseURL: nil)).servers.isEmpty)
        #expect(OpenAPIExporter().document(api(baseURL: "{{baseUrl}}")).servers.isEmpty)
        #expect(OpenAPIExporter().document(api(baseURL: "")).servers.isEmpty)
    }
}
