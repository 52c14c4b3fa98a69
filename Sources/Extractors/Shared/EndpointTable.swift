import APIModel
import DocTree

/// One row of a method|endpoint table.
public struct EndpointRow: Sendable {
    public var signature: Signature
    public var summary: String
    public var line: Int
}

/// Reads tables that list endpoints: a Method column beside an Endpoint / Path / URL / Route /
/// Resource column; one column per method with ticks (`| Path | GET | POST |` … `✓`); or a column
/// whose cells are whole signatures (`` `GET /users` ``). Another text column is the summary.
///
/// For example: `| Method | Endpoint | Description |` with row `| DEL | /repos/:id | Remove |` →
/// `DELETE /repos/{id}`, summary `Remove`.
public enum EndpointTable {
    static let pathHeaders: Set<String> = ["endpoint", "endpoints", "path", "paths", "url", "uri", "route", "routes", "resource",
                                           "request", "api", "url path", "resource url", "endpoint url", "http request"]
    static let summaryHeaders: Set<String> = ["description", "summary", "action", "purpose", "notes", "name", "operation", "desc"]

    public static func read(_ table: Table) -> [EndpointRow] {
        let headers = table.header.map(ParameterTable.normalisedHeader)
        let summaryCol = headers.firstIndex { summaryHeaders.contains($0) }
        func summary(_ row: [InlineText], skipping: Set<Int>) -> String {
            if let s = summaryCol, s < row.count, !skipping.contains(s) { return row[s].plain }
            return ""
        }
        var out: [EndpointRow] = []
        let methodCol = headers.firstIndex { $0 == "method" || $0 == "http method" || $0 == "verb" || $0 == "http verb" || $0 == "methods" }
        let pathCol = headers.firstIndex { pathHeaders.contains($0) }
        if let m = methodCol, let p = pathCol {
            for (i, row) in table.rows.enumerated() where m < row.count && p < row.count {
                let path = row[p].codeSpans.first ?? row[p].plain
                for word in row[m].plain.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "|" }) {
                    guard let method = SignatureReader.method(word),
                          let sig = SignatureReader.signature(method: method, target: Substring(path)) else { continue }
                    out.append(EndpointRow(signature: sig, summary: summary(row, skipping: [m, p]), line: table.rowLines[i]))
                }
            }
            return out
        }
        // One column per method, ticked.
        let methodColumns = headers.enumerated().compactMap { i, h in SignatureReader.method(Substring(h)).map { (i, $0) } }
        if methodColumns.count >= 2 {
            let p = pathCol ?? headers.indices.first { i in !methodColumns.contains { $0.0 == i } } ?? 0
            for (i, row) in table.rows.enumerated() where p < row.count {
                let path = row[p].codeSpans.first ?? row[p].plain
                for (col, method) in methodColumns where col < row.count && ParameterTable.requiredValue(row[col].plain) == true {
                    if let sig = SignatureReader.signature(method: method, target: Substring(path)) {
                        out.append(EndpointRow(signature: sig, summary: summary(row, skipping: Set([p] + methodColumns.map(\.0))), line: table.rowLines[i]))
                    }
                }
            }
            return out
        }
        // Cells that are signatures.
        for (i, row) in table.rows.enumerated() {
            for (col, cell) in row.enumerated() {
                guard let sig = SignatureReader.find(in: cell) else { continue }
                out.append(EndpointRow(signature: sig, summary: summary(row, skipping: [col]), line: table.rowLines[i]))
                break
            }
        }
        return out
    }
}
