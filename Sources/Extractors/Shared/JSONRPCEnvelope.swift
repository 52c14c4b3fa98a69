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

    /// Whether a JSON-RPC request's `method` names the HTTP path it is shown beside: the same dotted
    /// words as the path's literal segments, the last one allowed to differ (`server.webcams.post_item`
    /// beside `/server/webcams/item`). Then it is that operation over another transport, not its body;
    /// a JSON-RPC endpoint's own body (`POST /jsonrpc` with `Player.Open`) names no path.
    ///
    /// For example: `{"jsonrpc": "2.0", "method": "server.webcams.test"}` beside `/server/webcams/test` → true.
    static func mirrors(_ node: JSONNode, path: String) -> Bool {
        guard isRequest(node), case .object(let members) = node, let m = members.first(where: { $0.0 == "method" }),
              case .string(let method) = m.1 else { return false }
        let words = method.split(separator: ".")
        let segments = path.split(separator: "/").filter { !$0.hasPrefix("{") }
        guard words.count >= 2, words.count == segments.count else { return false }
        return zip(words.dropLast(), segments.dropLast()).allSatisfy { $0 == $1 }
    }
}
