/// A JSON-RPC 2.0 request (`{"jsonrpc": "2.0", "method": "server.webcams.list", "id": 4654}`) shown
/// beside an HTTP signature: the same call over another transport (Moonraker's, Kodi's and other
/// APIs that answer both). It is the body only of a method that has one (`POST /` of a JSON-RPC API);
/// beside a GET or DELETE it is neither the request body nor a response.
///
/// For example: `{"jsonrpc": "2.0", "method": "x.list", "id": 1}` → true; `{"method": "x"}` → false.
enum JSONRPCEnvelope {
    static func isRequest(_ node: JSONNode) -> Bool {
        guard case .object(let members) = node else { return false }
        let keys = Set(members.map(\.0))
        return keys.contains("jsonrpc") && keys.contains("method")
    }
}
