import Docs2SwiftRuntime
import Foundation
import PetAPI

/// Answers every request from memory, as a stand-in for the real pet store server.
struct CannedTransport: HTTPTransport {
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        print("→ \(request.method) \(request.url(relativeTo: baseURL)?.absoluteString ?? request.path)")
        let pets = #"[{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","name":"Rex","species":"dog","born":"2020-03-01","price":"99.50","owner":{"uuid":"b1b2c3d4-e5f6-7890-abcd-ef1234567890","name":"Ann"}}]"#
        return HTTPResponse(status: 200, body: Data(pets.utf8))
    }
}

let client = APIClient(baseURL: URL(string: "https://pets.example.com")!, token: "demo", transport: CannedTransport())
let pets = try await client.petsList(species: "dog", page: 1)
for pet in pets {
    print("\(pet.name ?? "?") the \(pet.species?.rawValue ?? "?"), born \(pet.born?.description ?? "?"), \(pet.price?.text ?? "?") — owner \(pet.owner?.name ?? "?")")
}
